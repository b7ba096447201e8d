// The messages between the main thread and the PostgreSQL worker (pg/worker.ts).
import type { MessagePort } from "node:worker_threads";

export interface WorkerInput {
  /** Int32 flag the worker sets to 1 when a reply is waiting on the port. */
  flag: SharedArrayBuffer;
  port: MessagePort;
  /** pg ClientConfig: may hold the password, so it never appears in a message or a log. */
  config: Record<string, unknown>;
}

export type PgRequest =
  | { op: "connect" }
  | { op: "end" }
  | { op: "exec"; sql: string }
  | { op: "query"; sql: string; params: unknown[]; array: boolean };

export type PgReply =
  | { ok: true; rows: unknown[]; rowCount: number }
  | { ok: false; message: string; code: string | undefined };
