// What the store tests do to a store behind Kuulo's back, on either backend: a raw connection to
// an SQLite file or to a PostgreSQL schema, its schema version, its description (to compare an
// upgraded store with a new one), a store stopped at an older version of the migrations, and the
// KuuloError a refused step throws.
import Database from "better-sqlite3";
import { expect } from "vitest";
import { KuuloError } from "../../src/errors.js";
import type { Connection } from "../../src/store/connection.js";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { PgConnection } from "../../src/store/pg/connection.js";
import { openPg } from "../../src/store/pg/open.js";
import { isPostgresUrl, parsePgTarget } from "../../src/store/pg/url.js";

/** A connection to the store at `path` without Kuulo's checks or migrations. */
export function rawConnection(path: string): Connection {
  if (!isPostgresUrl(path)) return new Database(path) as unknown as Connection;
  const target = parsePgTarget(path);
  const conn = new PgConnection(target.config, target.label);
  conn.exec(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"; SET search_path TO "${target.schema}"`);
  return conn;
}

/** The newest migration the store records. */
export function storedVersion(db: Connection): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/** Makes the store look as if a Kuulo of schema `version` had written it last. */
export function setStoredVersion(db: Connection, version: number): void {
  if (db instanceof PgConnection) db.exec(`INSERT INTO kuulo_schema (version) VALUES (${version})`);
  else db.pragma(`user_version = ${version}`);
}

/** The store's tables, in name order (PostgreSQL's kuulo_schema holds what user_version holds in a file). */
export function tableNames(db: Connection): string[] {
  const sql =
    db instanceof PgConnection
      ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'kuulo_schema' ORDER BY 1"
      : "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
  return db.prepare(sql).pluck().all() as string[];
}

/** Every table, column, index and constraint of the store, as comparable lines. */
export function describeSchema(path: string): string[] {
  const db = rawConnection(path);
  try {
    const queries =
      db instanceof PgConnection
        ? [
            `SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name, is_identity
               FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> 'kuulo_schema'
               ORDER BY table_name, ordinal_position`,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname",
            `SELECT conrelid::regclass::text AS tab, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
               WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`,
          ]
        : ["SELECT type, name, sql FROM sqlite_schema ORDER BY name"];
    const schema = db instanceof PgConnection ? parsePgTarget(path).schema : undefined;
    return queries.flatMap((q) =>
      db
        .prepare(q)
        .all()
        .map((r) => (schema ? JSON.stringify(r).replaceAll(`${schema}.`, "") : JSON.stringify(r))),
    );
  } finally {
    db.close();
  }
}

/** A new store whose migrations stop at `version`, open for writing in that version's layout. */
export function storeAtVersion(path: string, version: number): Connection {
  if (!isPostgresUrl(path)) {
    const db = new Database(path) as unknown as Connection;
    migrate(db, version);
    return db;
  }
  return openPg(path, { create: true }, MIGRATIONS.slice(0, version)).conn;
}

/** The KuuloError `fn` throws (anything else fails the test). */
export function refusal(fn: () => unknown): KuuloError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KuuloError);
    return e as KuuloError;
  }
  throw new Error("expected a KuuloError");
}
