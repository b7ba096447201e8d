// A statement's rows read through a server-side cursor, a page at a time, so that reading a
// million rows (a report, `kuulo doctor`) holds one or two pages in memory instead of all of
// them. The worker asks for the next page as soon as it has sent one (pg/worker.ts).
import type { PgReply, PgRequest } from "./protocol.js";

/** Rows per page: large enough that a round trip is small beside the rows, small in memory. */
export const CURSOR_PAGE = 2000;

/** What a cursor needs from its connection. */
export interface CursorHost {
  call(req: PgRequest): Extract<PgReply, { ok: true }>;
}

export class CursorRows implements IterableIterator<unknown> {
  private rows: unknown[];
  private at = 0;
  private name: string | undefined;
  private done: boolean;

  /** Declares the cursor and takes its first page (a bad query fails here, as in SQLite). */
  constructor(
    private readonly host: CursorHost,
    req: Extract<PgRequest, { op: "cursor" }>,
    /** Makes a row what the statement returns (Buffers, plucked columns). */
    private readonly shape: (rows: unknown[]) => unknown[],
    /** Called once when the cursor is finished, closed or drained. */
    private readonly finished: (c: CursorRows) => void,
  ) {
    const first = host.call(req);
    this.name = first.cursor;
    this.rows = shape(first.rows);
    this.done = first.done === true;
    if (this.done) this.close();
  }

  /** Whether the cursor is still open on the server. */
  get open(): boolean {
    return this.name !== undefined;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<unknown> {
    while (this.at >= this.rows.length) {
      if (this.done) {
        this.close();
        return { done: true, value: undefined };
      }
      this.take(this.host.call({ op: "fetch", cursor: this.name! }));
    }
    return { done: false, value: this.rows[this.at++] };
  }

  return(): IteratorResult<unknown> {
    this.rows = [];
    this.done = true;
    this.close();
    return { done: true, value: undefined };
  }

  /**
   * Read every remaining row now and close the cursor: its transaction is about to end or to
   * take a write (see PgConnection.settleCursors). The iteration goes on from memory.
   */
  drain(): void {
    const rest = this.rows.slice(this.at);
    while (!this.done) {
      const r = this.host.call({ op: "fetch", cursor: this.name! });
      this.done = r.done === true;
      for (const row of this.shape(r.rows)) rest.push(row);
    }
    this.rows = rest;
    this.at = 0;
    this.close();
  }

  private take(r: Extract<PgReply, { ok: true }>): void {
    this.rows = this.shape(r.rows);
    this.at = 0;
    this.done = r.done === true;
  }

  private close(): void {
    const name = this.name;
    if (name === undefined) return;
    this.name = undefined;
    try {
      this.host.call({ op: "close", cursor: name });
    } finally {
      this.finished(this);
    }
  }
}
