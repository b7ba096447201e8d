// The connection a Store holds: the part of better-sqlite3's Database that Kuulo's SQL uses.
// SQLite's own Database fits it as it is (no wrapper, no cost); PostgreSQL fits it through a
// synchronous bridge (pg/connection.ts), so the store's functions are written once for both.

export interface RunResult {
  /** Rows changed by an INSERT, UPDATE or DELETE. */
  changes: number;
}

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Return only the first column of each row. */
  pluck(toggle?: boolean): this;
  /** Return rows as arrays of values in column order. */
  raw(toggle?: boolean): this;
}

export interface Transaction<T> {
  (): T;
  /** The same, taking the write lock at the start (SQLite's BEGIN IMMEDIATE). */
  immediate(): T;
}

export interface Connection {
  prepare(sql: string): Statement;
  /** One or more statements without parameters. */
  exec(sql: string): unknown;
  transaction<T>(fn: () => T): Transaction<T>;
  /**
   * SQLite's PRAGMA statements. PostgreSQL answers the few with a meaning there (user_version,
   * foreign_key_check) and ignores the file settings (secure_delete, wal_checkpoint, …).
   */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  readonly inTransaction: boolean;
  readonly open: boolean;
  close(): unknown;
}

export type Backend = "sqlite" | "postgres";
