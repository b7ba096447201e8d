// The PostgreSQL side of the synchronous bridge, run in a worker thread: one `pg` client, one
// query at a time. Each reply is posted on the port first and then signalled through the shared
// flag, so the main thread (blocked in Atomics.wait) can take it with receiveMessageOnPort.
// A cursor's next page is asked for as soon as one is sent, so the server reads it while the
// main thread works on the last.
import { createRequire } from "node:module";
import { type MessagePort, workerData } from "node:worker_threads";
import type { Client as PgClient, QueryResult } from "pg";
import type { JsonTexts, PgReply, PgRequest, WorkerInput } from "./protocol.js";

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

interface Cursor {
  fetch: string;
  size: number;
  array: boolean;
  texts: JsonTexts | undefined;
  /** The next page, asked for before the main thread wanted it. */
  ahead?: Promise<QueryResult>;
}
const cursors = new Map<string, Cursor>();
let cursorCount = 0;

function fetchPage(c: Cursor): Promise<QueryResult> {
  return client!.query({ text: c.fetch, ...(c.array ? { rowMode: "array" } : {}) });
}

/** The reply with a cursor's page; a full page means there may be more: ask for it now. */
function page(name: string, c: Cursor, res: QueryResult): PgReply {
  const done = res.rows.length < c.size;
  if (c.texts) takeTexts(res.rows as unknown[][], c.texts);
  if (!done) {
    c.ahead = fetchPage(c);
    // Its failure is reported to the fetch that takes it (or dropped by close).
    c.ahead.catch(() => {});
  }
  return { ok: true, rows: res.rows, rowCount: res.rows.length, cursor: name, done };
}

/** See JsonTexts. Done here, in a thread of its own, rather than by the server or the main thread. */
function takeTexts(rows: unknown[][], t: JsonTexts): void {
  for (const row of rows) {
    const json = row[t.json] as string | null;
    const flags = row[t.json + 1] as string;
    const answers = json === null ? null : (JSON.parse(json) as Record<string, unknown>);
    row.length = t.json;
    for (let k = 0; k < t.keys.length; k++) {
      const v = answers !== null && flags[k] === "1" ? answers[t.keys[k]!] : null;
      row.push(v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v));
    }
  }
}

/** Let every page asked for ahead arrive (or fail) before the transaction ends or the cursor closes. */
async function settle(list: Iterable<Cursor>): Promise<void> {
  for (const c of list) await c.ahead?.catch(() => {});
}

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
  if (req.op === "cursor") {
    const name = `kuulo_cursor_${++cursorCount}`;
    await client.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${req.sql}`, values: req.params });
    const c: Cursor = {
      fetch: `FETCH FORWARD ${req.size} FROM ${name}`,
      size: req.size,
      array: req.array,
      texts: req.texts,
    };
    cursors.set(name, c);
    return page(name, c, await fetchPage(c));
  }
  if (req.op === "fetch") {
    const c = cursors.get(req.cursor);
    if (!c) throw new Error(`cursor ${req.cursor} is closed`);
    const ahead = c.ahead;
    c.ahead = undefined;
    return page(req.cursor, c, await (ahead ?? fetchPage(c)));
  }
  if (req.op === "close") {
    const c = cursors.get(req.cursor);
    cursors.delete(req.cursor);
    if (c) {
      await settle([c]);
      await client.query(`CLOSE ${req.cursor}`);
    }
    return { ok: true, rows: [], rowCount: 0 };
  }
  let res: QueryResult | QueryResult[];
  if (req.op === "exec") {
    // The end of a transaction closes its cursors (a failed page ahead must not fail the COMMIT).
    const ends = /^\s*(COMMIT|END|ROLLBACK)\s*;?\s*$/i.test(req.sql);
    if (ends) {
      await settle(cursors.values());
      cursors.clear();
    }
    res = await client.query(req.sql);
  } else {
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
