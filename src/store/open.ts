// Opening a Kuulo database: refuse what is not one (another file, another program's SQLite, a
// newer Kuulo's schema), create new files 0600, set WAL + synchronous=FULL + a busy timeout,
// and bring older schemas up to date. A database in a folder that cannot be written (a locked USB
// stick, a read-only share) is opened immutable, so nothing is created beside it. Knows nothing
// about surveys or answers.
import "./sqlite-uri.js";
import Database from "better-sqlite3";
import { ExitCode, KuuloError } from "../errors.js";
import type { Backend, Connection, Statement } from "./connection.js";
import { guard, notADatabase, noteOpenedStore, readOnly } from "./errors.js";
import { APPLICATION_ID, MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import { openPg } from "./pg/open.js";
import { isPostgresUrl } from "./pg/url.js";
import { checkFile, isWritable, readOnlyName } from "./store-file.js";

export interface OpenOptions {
  /** Only look: a read-only connection (older schemas are still upgraded first when the file is writable). */
  readonly?: boolean;
  /** Create the file when there is none (commands that collect or import answers). */
  create?: boolean;
  /** How long to wait for another writer, in ms (default 5000). */
  busyTimeout?: number;
  /**
   * PostgreSQL: the longest wait for the server's reply to one call, in ms (default 120 s). A
   * kiosk's saves use a short one, so that a dropped network stops it within seconds.
   */
  replyLimit?: number;
  /** Tests only: cap the file at this many pages, to make a full disk happen on purpose. */
  maxPageCount?: number;
}

export class Store {
  private readonly statements = new Map<string, Statement>();
  /** Only src/store/ touches the connection; everything else uses the functions beside it. */
  readonly db: Connection;
  /** The SQLite database, for what only SQLite has (pragmas); undefined for PostgreSQL. */
  readonly sqlite: Database.Database | undefined;
  readonly backend: Backend;
  constructor(
    /** The file, or for PostgreSQL the URL without its password: how messages name the store. */
    readonly path: string,
    db: Database.Database | Connection,
    readonly readonly: boolean,
    /** How long a write waits for another process's write to finish, in ms. */
    readonly busyTimeout = 5000,
  ) {
    this.sqlite = db instanceof Database ? db : undefined;
    this.db = db;
    this.backend = this.sqlite ? "sqlite" : "postgres";
  }

  /**
   * Run `fn` in a write transaction (a savepoint inside an open one). Waiting for the write
   * lock is done here rather than by SQLite's busy handler: that one sleeps up to 100 ms
   * between tries and can miss every short gap a busy writer leaves, starving the other.
   * PostgreSQL locks rows, not the database, and waits by itself.
   */
  write<T>(fn: () => T): T {
    const tx = this.db.transaction(fn);
    if (this.db.inTransaction || !this.sqlite) return tx();
    return this.withWriteLock(this.sqlite, () => tx.immediate());
  }

  /** Start a transaction that stays open across calls (see beginTransaction). */
  begin(): void {
    if (!this.sqlite) this.db.exec("BEGIN IMMEDIATE");
    else this.withWriteLock(this.sqlite, () => this.db.exec("BEGIN IMMEDIATE"));
  }

  private withWriteLock<T>(db: Database.Database, attempt: () => T): T {
    const deadline = Date.now() + this.busyTimeout;
    db.pragma("busy_timeout = 0");
    try {
      for (;;) {
        try {
          return attempt();
        } catch (e) {
          if (!isBusy(e) || Date.now() >= deadline) throw e;
          pause(0.5 + Math.random() * 1.5);
        }
      }
    } finally {
      db.pragma(`busy_timeout = ${this.busyTimeout}`);
    }
  }

  /** A prepared statement, compiled once per connection. */
  sql(text: string): Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Open a database file, or a PostgreSQL database when `path` is a postgres:// URL. */
export function openStore(path: string, opts: OpenOptions = {}): Store {
  const readonly = opts.readonly === true;
  if (isPostgresUrl(path)) {
    const { conn, label } = openPg(path, opts, MIGRATIONS);
    noteOpenedStore(label);
    return new Store(label, conn, readonly, opts.busyTimeout ?? 5000);
  }
  noteOpenedStore(path);
  const existed = checkFile(path, opts);
  if (!readonly && existed && !isWritable(path)) throw readOnly(path);
  return guard(path, () => {
    if (readonly && existed && isWritable(path)) upgradeIfNeeded(path, opts);
    const name = readonly && existed ? readOnlyName(path) : path;
    const db = new Database(name, { readonly, fileMustExist: true, timeout: opts.busyTimeout ?? 5000 });
    try {
      const version = checkKuulo(db, path);
      db.pragma("foreign_keys = ON");
      if (!readonly) {
        db.pragma("journal_mode = WAL");
        db.pragma("synchronous = FULL");
        migrate(db);
      } else if (version < SCHEMA_VERSION) {
        throw new KuuloError(
          "STORE_NEEDS_UPGRADE",
          `${path} was made by an older Kuulo and must be upgraded, but it is read-only.`,
          ExitCode.ioError,
          { hint: "Copy it to a folder you may write to and open the copy once (kuulo doctor --db COPY)." },
        );
      }
      if (opts.maxPageCount !== undefined) db.pragma(`max_page_count = ${opts.maxPageCount}`);
      return new Store(path, db, readonly, opts.busyTimeout ?? 5000);
    } catch (e) {
      db.close();
      throw e;
    }
  });
}

/** Returns the schema version; throws for SQLite files of other programs and newer Kuulos. */
function checkKuulo(db: Database.Database, path: string): number {
  const appId = db.pragma("application_id", { simple: true }) as number;
  const version = schemaVersion(db);
  if (appId !== APPLICATION_ID) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
    if (appId !== 0 || version !== 0 || tables.n > 0)
      throw notADatabase(path, "it is an SQLite database of another program");
  }
  if (version > SCHEMA_VERSION)
    throw new KuuloError(
      "STORE_TOO_NEW",
      `${path} was made by a newer Kuulo (database version ${version}; this Kuulo knows up to ${SCHEMA_VERSION}).`,
      ExitCode.ioError,
      {
        hint: "Update Kuulo (npm install -g kuulo@latest, or pull the newest version) and try again. The file was not changed.",
      },
    );
  return version;
}

/** Read-only opens of an older (or new, empty) file upgrade it first through a short write connection. */
function upgradeIfNeeded(path: string, opts: OpenOptions): void {
  const probe = new Database(path, {
    readonly: true,
    fileMustExist: true,
    timeout: opts.busyTimeout ?? 5000,
  });
  let version: number;
  try {
    version = checkKuulo(probe, path);
  } finally {
    probe.close();
  }
  if (version >= SCHEMA_VERSION) return;
  openStore(path, { ...opts, readonly: false, create: false }).close();
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** A short synchronous sleep (better-sqlite3 is synchronous anyway). */
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Opens the database, does `work` with it and closes it again, also when `work` throws. */
export function withStore<T>(path: string, opts: OpenOptions, work: (store: Store) => T): T {
  const store = openStore(path, opts);
  try {
    return work(store);
  } finally {
    store.close();
  }
}
