// The PostgreSQL side of the synchronous bridge, run in a worker thread: one `pg` client, one
// query at a time. Each reply is posted on the port first and then signalled through the shared
// flag, so the main thread (blocked in Atomics.wait) can take it with receiveMessageOnPort.
import { createRequire } from "node:module";
import { type MessagePort, workerData } from "node:worker_threads";
import type { Client as PgClient, QueryResult } from "pg";
import type { PgReply, PgRequest, WorkerInput } from "./protocol.js";

const input = workerData as WorkerInput;
const flag = new Int32Array(input.flag);
const port: MessagePort = input.port;
// Loaded here, never in the main thread: a SQLite user does not pay for the driver.
const pg = createRequire(import.meta.url)("pg") as typeof import("pg");
// bigint (count(*), identity ids) and numeric (sum()) as numbers, as SQLite gives them.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

let client: PgClient | undefined;
/** Named prepared statements, one per distinct SQL text, parsed once per connection. */
const names = new Map<string, string>();

function reply(r: PgReply): void {
  port.postMessage(r);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

function failure(e: unknown): PgReply {
  const err = e as { message?: unknown; code?: unknown; errno?: unknown } | null;
  // Only the message and the SQLSTATE (or errno name) cross back: never the connection config.
  return {
    ok: false,
    message: String(err?.message ?? e),
    code: typeof err?.code === "string" ? err.code : undefined,
  };
}

async function handle(req: PgRequest): Promise<PgReply> {
  if (req.op === "connect") {
    const c = new pg.Client({ ...input.config, application_name: "kuulo" });
    // A connection that breaks between queries must not crash the worker; the next query fails.
    c.on("error", () => {});
    await c.connect();
    client = c;
    return { ok: true, rows: [], rowCount: 0 };
  }
  if (req.op === "end") {
    const c = client;
    client = undefined;
    if (c) await c.end().catch(() => {});
    return { ok: true, rows: [], rowCount: 0 };
  }
  if (!client) throw Object.assign(new Error("Connection terminated"), { code: "ECONNRESET" });
  let res: QueryResult | QueryResult[];
  if (req.op === "exec") res = await client.query(req.sql);
  else {
    let name = names.get(req.sql);
    if (name === undefined) {
      name = `k${names.size + 1}`;
      names.set(req.sql, name);
    }
    res = await client.query({
      name,
      text: req.sql,
      values: req.params,
      ...(req.array ? { rowMode: "array" } : {}),
    });
  }
  const last = Array.isArray(res) ? res[res.length - 1] : res;
  return { ok: true, rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
}

port.on("message", (req: PgRequest) => {
  handle(req).then(reply, (e) => reply(failure(e)));
});
