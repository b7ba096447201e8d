// A PostgreSQL connection with better-sqlite3's synchronous shape (see ../connection.ts): the
// `pg` driver runs in a worker thread and this thread waits for each reply with Atomics.wait,
// the pattern of the synckit package. Kuulo's store stays synchronous for both backends instead
// of making every caller async for the sake of one of them. Knows nothing about Kuulo's tables.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { Connection, RunResult, Statement, Transaction } from "../connection.js";
import { CURSOR_PAGE, CursorRows } from "./cursor.js";
import { toPostgres } from "./dialect.js";
import { noReply, pgFailure } from "./errors.js";
import type { JsonTexts, PgReply, PgRequest } from "./protocol.js";

/**
 * How long to wait for one reply before giving the server up, in ms, unless the opener asks for
 * less (a kiosk's saves: see OpenOptions.replyLimit). A dropped network link sends no reset, so
 * without a limit a call would wait as long as TCP retransmits (up to a quarter of an hour).
 */
export const DEFAULT_REPLY_LIMIT = 120_000;

export class PgConnection implements Connection {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private depth = 0;
  private broken = false;
  /** Cursors being read (PgStatement.iterate). */
  private readonly live = new Set<CursorRows>();
  /** A read transaction begun for cursors opened outside any transaction (cursors need one). */
  private ownTx = false;
  open = true;

  /**
   * `label`: how messages name the database (never with its password). `replyLimit`: the longest
   * wait for one reply in ms, connecting included.
   */
  constructor(
    config: Record<string, unknown>,
    readonly label: string,
    public replyLimit = DEFAULT_REPLY_LIMIT,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile(), {
      workerData: { flag: this.flag.buffer, port: port2, config },
      transferList: [port2],
    });
    // The worker must not keep a finished command alive; close() ends it properly.
    this.worker.unref();
    this.port.unref();
    try {
      this.call({ op: "connect" });
    } catch (e) {
      this.close();
      throw e;
    }
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Send one request and wait for its reply; failures become KuuloErrors or SQL errors. */
  call(req: PgRequest): Extract<PgReply, { ok: true }> {
    if (this.broken) throw pgFailure({ message: "Connection terminated", code: "ECONNRESET" }, this.label);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(req);
    const deadline = Date.now() + this.replyLimit;
    let reply: PgReply | undefined;
    while (reply === undefined) {
      Atomics.wait(this.flag, 0, 0, Math.max(1, Math.min(1000, deadline - Date.now())));
      reply = receiveMessageOnPort(this.port)?.message as PgReply | undefined;
      if (reply === undefined && Date.now() >= deadline) {
        // The connection cannot be used again (a late reply would answer the next call): the
        // worker ends and closes its socket; an open transaction is rolled back by the server.
        this.broken = true;
        void this.worker.terminate();
        throw noReply(this.label, this.replyLimit);
      }
    }
    if (!reply.ok) {
      if (isConnectionLoss(reply.code)) this.broken = true;
      throw pgFailure(reply, this.label);
    }
    return reply;
  }

  prepare(sql: string): Statement {
    return new PgStatement(this, toPostgres(sql));
  }

  exec(sql: string): this {
    const text = toPostgres(sql);
    const verb = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
    if (this.ownTx || verb === "ROLLBACK" || verb === "COMMIT" || verb === "END") this.settleCursors();
    if (verb === "ROLLBACK" || verb === "COMMIT" || verb === "END") {
      // After a lost connection the server has rolled back already; the transaction is over.
      try {
        this.call({ op: "exec", sql: text });
      } catch (e) {
        if (!(verb === "ROLLBACK" && this.broken)) throw e;
      } finally {
        this.depth = 0;
      }
      return this;
    }
    this.call({ op: "exec", sql: text });
    if (verb === "BEGIN") this.depth = 1;
    return this;
  }

  /** Run `fn` with another reply limit (a long migration on a kiosk's short-limited connection). */
  withReplyLimit<T>(ms: number, fn: () => T): T {
    const before = this.replyLimit;
    this.replyLimit = ms;
    try {
      return fn();
    } finally {
      this.replyLimit = before;
    }
  }

  /** better-sqlite3's db.transaction: BEGIN … COMMIT, or a savepoint inside an open transaction. */
  transaction<T>(fn: () => T): Transaction<T> {
    const run = (): T => {
      this.beforeWrite();
      const nested = this.depth > 0;
      const savepoint = `kuulo_${this.depth}`;
      this.call({ op: "exec", sql: nested ? `SAVEPOINT ${savepoint}` : "BEGIN" });
      this.depth++;
      try {
        const result = fn();
        if (!nested) this.settleCursors();
        this.call({ op: "exec", sql: nested ? `RELEASE ${savepoint}` : "COMMIT" });
        this.depth--;
        return result;
      } catch (e) {
        this.depth--;
        if (!this.broken) {
          try {
            this.call({ op: "exec", sql: nested ? `ROLLBACK TO ${savepoint}` : "ROLLBACK" });
          } catch {
            // The first failure is the one to report.
          }
        }
        if (!nested || this.broken) this.depth = 0;
        throw e;
      }
    };
    return Object.assign(run, { immediate: run });
  }

  /**
   * The rows of a query through a cursor, a page at a time (see cursor.ts). Outside a
   * transaction the cursor gets a read transaction of its own, ended when the last such cursor
   * is finished, or earlier when a write comes (settleCursors).
   */
  cursor(
    sql: string,
    params: unknown[],
    array: boolean,
    shape: (rows: unknown[]) => unknown[],
    texts?: JsonTexts,
  ): CursorRows {
    const own = this.depth === 0 && !this.ownTx;
    if (own) {
      this.call({ op: "exec", sql: "BEGIN ISOLATION LEVEL REPEATABLE READ" });
      this.ownTx = true;
    }
    try {
      const req = {
        op: "cursor" as const,
        sql,
        params,
        array,
        size: CURSOR_PAGE,
        ...(texts ? { texts } : {}),
      };
      const c = new CursorRows(this, req, shape, (done) => this.cursorDone(done));
      if (c.open) this.live.add(c);
      return c;
    } catch (e) {
      if (own) this.endOwnTx("ROLLBACK");
      throw e;
    }
  }

  /**
   * The rows of an SQLite-dialect query as arrays, read through a cursor, with texts taken out of
   * a JSON column by the worker (see JsonTexts): PostgreSQL's own JSON functions parse each
   * document on the server, which costs it more than the rest of a report's reading.
   */
  rowsWithTexts(sql: string, params: unknown[], texts: JsonTexts): CursorRows {
    return this.cursor(toPostgres(sql), params, true, arrayRows, texts);
  }

  private cursorDone(c: CursorRows): void {
    this.live.delete(c);
    if (this.ownTx && this.live.size === 0) this.endOwnTx("COMMIT");
  }

  private endOwnTx(how: "COMMIT" | "ROLLBACK"): void {
    this.ownTx = false;
    if (!this.broken) this.call({ op: "exec", sql: how });
  }

  /**
   * Before a write, or before the transaction around them ends: read the open cursors' remaining
   * rows into memory and close them, so the write is not held inside their read transaction and
   * their rows outlive the transaction. Reading code finishes its cursors first, so this is rare.
   */
  settleCursors(): void {
    if (this.broken) {
      // Nothing more can be read; the server has ended the transaction.
      this.live.clear();
      this.ownTx = false;
      return;
    }
    for (const c of [...this.live]) c.drain();
  }

  /** A write outside a transaction must not be held in the cursors' read transaction. */
  beforeWrite(): void {
    if (this.ownTx) this.settleCursors();
  }

  pragma(source: string, options?: { simple?: boolean }): unknown {
    const name = /^\s*(\w+)/.exec(source)?.[1]?.toLowerCase() ?? "";
    if (name === "user_version") {
      const v = this.call({
        op: "query",
        sql: "SELECT coalesce(max(version), 0) FROM kuulo_schema",
        params: [],
        array: true,
      }).rows[0] as [number];
      return options?.simple ? v[0] : [{ user_version: v[0] }];
    }
    // PostgreSQL checks every foreign key as it is written: there is nothing to find afterwards.
    if (name === "foreign_key_check") return [];
    // Settings of SQLite's file (its journal, its locking, overwriting deleted pages).
    if (FILE_PRAGMAS.has(name)) return options?.simple ? undefined : [];
    throw new Error(`PRAGMA ${name} has no PostgreSQL counterpart in Kuulo`);
  }

  close(): this {
    if (!this.open) return this;
    this.open = false;
    // Open cursors end with the connection (and the server rolls back their read transaction).
    this.live.clear();
    this.ownTx = false;
    if (!this.broken) {
      try {
        this.call({ op: "end" });
      } catch {
        // Closing a connection the server dropped already.
      }
    }
    this.port.close();
    void this.worker.terminate();
    return this;
  }
}

const FILE_PRAGMAS = new Set([
  "busy_timeout",
  "foreign_keys",
  "journal_mode",
  "synchronous",
  "secure_delete",
  "wal_checkpoint",
  "max_page_count",
]);

class PgStatement implements Statement {
  private plucked = false;
  private arrays = false;
  constructor(
    private readonly conn: PgConnection,
    private readonly text: string,
  ) {}

  pluck(toggle = true): this {
    this.plucked = toggle;
    if (toggle) this.arrays = false;
    return this;
  }

  raw(toggle = true): this {
    this.arrays = toggle;
    if (toggle) this.plucked = false;
    return this;
  }

  private query(params: unknown[]): { rows: unknown[]; rowCount: number } {
    const r = this.conn.call({ op: "query", sql: this.text, params, array: this.plucked || this.arrays });
    r.rows = this.shape(r.rows);
    return r;
  }

  /** Rows as the statement returns them: Buffers for bytea, the first column when plucked. */
  private readonly shape = (rows: unknown[]): unknown[] => {
    for (const row of rows) fixBuffers(row as Record<string, unknown>);
    return this.plucked ? rows.map((row) => (row as unknown[])[0]) : rows;
  };

  run(...params: unknown[]): RunResult {
    this.conn.beforeWrite();
    return { changes: this.query(params).rowCount };
  }

  get(...params: unknown[]): unknown {
    return this.query(params).rows[0];
  }

  all(...params: unknown[]): unknown[] {
    return this.query(params).rows;
  }

  /** A page at a time through a cursor: a million rows are never all in memory. */
  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.conn.cursor(this.text, params, this.plucked || this.arrays, this.shape);
  }
}

function arrayRows(rows: unknown[]): unknown[] {
  for (const row of rows) fixBuffers(row as Record<string, unknown>);
  return rows;
}

/** bytea values cross the thread as Uint8Array; the store expects Buffers, as SQLite gives. */
function fixBuffers(row: Record<string, unknown>): void {
  for (const k in row) {
    const v = row[k];
    if (v instanceof Uint8Array && !Buffer.isBuffer(v))
      row[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  }
}

function isConnectionLoss(code: string | undefined): boolean {
  return (
    code === undefined ||
    code.startsWith("E") ||
    code.startsWith("08") ||
    code === "57P01" ||
    code === "57P02" ||
    code === "57P03"
  );
}

/**
 * The worker's compiled file. Run from the TypeScript sources (the tests), the module beside this
 * one is a .ts file a worker cannot load, so the built copy in dist/ is used.
 */
function workerFile(): URL {
  const beside = new URL("./worker.js", import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL("../../../dist/store/pg/worker.js", import.meta.url);
}
