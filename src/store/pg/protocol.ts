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
  | { op: "query"; sql: string; params: unknown[]; array: boolean }
  /** Declare a cursor for the query (in the open transaction) and reply with its first `size` rows. */
  | { op: "cursor"; sql: string; params: unknown[]; array: boolean; size: number; texts?: JsonTexts }
  /** The cursor's next rows. */
  | { op: "fetch"; cursor: string }
  /** Close the cursor (still open on the server unless its transaction ended). */
  | { op: "close"; cursor: string };

/**
 * Texts to take out of a JSON object column of array rows, in the worker: the JSON text is at
 * `json`, and after it a string of flags, "1" for each key to read. The row then ends with the
 * keys' values instead (text as it is, other values as JSON, null where absent or not flagged).
 */
export interface JsonTexts {
  json: number;
  keys: readonly string[];
}

export type PgReply =
  /** `cursor` and `done`: replies to cursor and fetch; done = the cursor has no more rows. */
  | { ok: true; rows: unknown[]; rowCount: number; cursor?: string; done?: boolean }
  | { ok: false; message: string; code: string | undefined };
