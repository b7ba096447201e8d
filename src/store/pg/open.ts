// Opening a Kuulo store in PostgreSQL: connect, choose (or create) the organisation's schema,
// refuse a schema that holds another program's tables or a newer Kuulo's, and bring the schema
// up to date: every missing migration in one transaction under an advisory lock, so that two
// Kuulos starting together cannot both migrate.
import { ExitCode, KuuloError } from "../../errors.js";
import type { Connection } from "../connection.js";
import { notADatabase } from "../errors.js";
import { DEFAULT_REPLY_LIMIT, PgConnection } from "./connection.js";
import { checkSchemaName, parsePgTarget } from "./url.js";

/** "KULO" again (see APPLICATION_ID): the first key of the advisory lock; the schema is the second. */
const LOCK_KEY = 0x4b554c4f;

/** A step of migrations.ts, as far as this module needs it. */
interface Migration {
  version: number;
  sql: string;
  postgres?: string;
  run?: (db: Connection) => void;
}

export interface PgOpened {
  conn: PgConnection;
  label: string;
}

/**
 * `migrations`: the schema's steps (migrations.ts), handed in by open.ts rather than imported,
 * since they reach back into the store's other modules.
 */
export function openPg(
  url: string,
  opts: { readonly?: boolean; create?: boolean; replyLimit?: number },
  migrations: readonly Migration[],
): PgOpened {
  const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
  const target = parsePgTarget(url);
  const { schema, label } = target;
  if (schema !== undefined) {
    const bad = checkSchemaName(schema);
    if (bad)
      throw new KuuloError(
        "USAGE_BAD_SCHEMA",
        `--schema "${schema}" cannot be used: ${bad}.`,
        ExitCode.usage,
        {
          hint: "Choose a name such as kirjasto_espoo.",
        },
      );
  }
  const conn = new PgConnection(connectionConfig(target.config, opts.replyLimit), label, opts.replyLimit);
  try {
    if (schema !== undefined) useSchema(conn, schema, opts.create === true && opts.readonly !== true, label);
    let version = schemaVersion(conn, label);
    if (version === 0 && opts.create !== true)
      throw new KuuloError("STORE_NOT_FOUND", `There is no Kuulo data in ${label} yet.`, ExitCode.noInput, {
        hint: "Check --db and --schema. The tables are created when surveys are first added, answers collected or imported.",
      });
    if (version > SCHEMA_VERSION) throw tooNew(label, version, SCHEMA_VERSION);
    // Migrating a large schema is one long transaction, whatever limit the opener's own calls have.
    if (version < SCHEMA_VERSION)
      version = conn.withReplyLimit(Math.max(conn.replyLimit, DEFAULT_REPLY_LIMIT), () =>
        upgrade(conn, label, migrations, version),
      );
    if (version > SCHEMA_VERSION) throw tooNew(label, version, SCHEMA_VERSION);
    // A read-only open cannot write by mistake: the server refuses it.
    if (opts.readonly) conn.exec("SET default_transaction_read_only = on");
    return { conn, label };
  } catch (e) {
    conn.close();
    throw e;
  }
}

/**
 * The driver's settings beside the URL's. TCP keepalive probes an idle connection (a kiosk
 * waiting for the next participant), so a network or firewall that forgets quiet connections
 * keeps this one, and a link that is gone is noticed before the next save waits for it. With a
 * reply limit (a kiosk), the server also ends a transaction left open by a vanished client
 * after a minute, instead of holding its row locks until its own keepalive gives up (hours).
 */
function connectionConfig(
  config: Record<string, unknown>,
  replyLimit: number | undefined,
): Record<string, unknown> {
  return {
    ...config,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(replyLimit === undefined ? {} : { idle_in_transaction_session_timeout: 60_000 }),
  };
}

function useSchema(conn: PgConnection, schema: string, create: boolean, label: string): void {
  const found = conn.call({
    op: "query",
    sql: "SELECT 1 FROM pg_namespace WHERE nspname = $1",
    params: [schema],
    array: true,
  }).rows.length;
  if (!found) {
    if (!create)
      throw new KuuloError("STORE_NOT_FOUND", `There is no schema ${schema} in ${label}.`, ExitCode.noInput, {
        hint: "Check --schema (and --db). A schema is created when surveys are first added, answers collected or imported.",
      });
    // CREATE SCHEMA IF NOT EXISTS is not safe against another Kuulo creating the same schema at
    // the same moment (both pass the check, one fails on the catalogue's unique index): the
    // advisory lock of this schema (the one migrations take) makes the second wait and find it.
    conn.transaction(() => {
      conn.exec(`SELECT pg_advisory_xact_lock(${LOCK_KEY}, hashtext('${schema}'))`);
      conn.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    })();
  }
  // Only this schema: another organisation's tables are never found by accident.
  conn.exec(`SET search_path TO "${schema}"`);
}

/** The schema version in the current schema; 0 for an empty schema; throws for other programs' tables. */
function schemaVersion(conn: PgConnection, label: string): number {
  const row = conn.call({
    op: "query",
    sql: `SELECT to_regclass('kuulo_schema') IS NOT NULL AS kuulo,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'p')) AS tables,
            current_schema() AS schema`,
    params: [],
    array: false,
  }).rows[0] as { kuulo: boolean; tables: number; schema: string | null };
  if (row.schema === null)
    throw new KuuloError(
      "STORE_NO_SCHEMA",
      `${label} has no schema to keep Kuulo's tables in.`,
      ExitCode.ioError,
      {
        hint: "Give one with --schema NAME (for example the library's name).",
      },
    );
  if (!row.kuulo) {
    if (row.tables > 0)
      throw notADatabase(
        label,
        `its schema ${row.schema} holds another program's tables (choose another --schema)`,
      );
    return 0;
  }
  const v = conn.call({
    op: "query",
    sql: "SELECT max(version) AS v FROM kuulo_schema",
    params: [],
    array: true,
  }).rows[0] as [number | null];
  return v[0] ?? 0;
}

/** Apply every missing migration, all in one transaction under the advisory lock. Returns the new version. */
export function migratePg(conn: PgConnection, label: string, migrations: readonly Migration[]): number {
  return conn.transaction(() => {
    conn.exec(`SELECT pg_advisory_xact_lock(${LOCK_KEY}, hashtext(current_schema()))`);
    conn.exec(
      "CREATE TABLE IF NOT EXISTS kuulo_schema (version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    // Read again under the lock: another Kuulo may have migrated while this one waited.
    let version = schemaVersion(conn, label);
    for (const m of migrations) {
      if (m.version <= version) continue;
      conn.exec(m.postgres ?? m.sql);
      m.run?.(conn);
      conn.call({
        op: "query",
        sql: "INSERT INTO kuulo_schema (version) VALUES ($1)",
        params: [m.version],
        array: false,
      });
      version = m.version;
    }
    return version;
  })();
}

/** migratePg, saying what to do when the role may not change the schema (a kiosk's, staff's, a reader's). */
function upgrade(conn: PgConnection, label: string, migrations: readonly Migration[], from: number): number {
  try {
    return migratePg(conn, label, migrations);
  } catch (e) {
    if (!(e instanceof KuuloError && e.code === "STORE_PERMISSION")) throw e;
    const to = migrations[migrations.length - 1]!.version;
    throw new KuuloError(
      "STORE_NEEDS_UPGRADE",
      `${label} was made by an older Kuulo (database version ${from}; this Kuulo uses ${to}) and must be upgraded, but this database role may not change it.`,
      ExitCode.ioError,
      {
        hint: "Run one Kuulo command as the admin role that owns the tables (for example kuulo doctor --db postgres://ADMIN@HOST/DATABASE --schema NAME); it upgrades the schema for everyone. Nothing was changed.",
        cause: e,
      },
    );
  }
}

function tooNew(label: string, version: number, SCHEMA_VERSION: number): KuuloError {
  return new KuuloError(
    "STORE_TOO_NEW",
    `${label} was made by a newer Kuulo (database version ${version}; this Kuulo knows up to ${SCHEMA_VERSION}).`,
    ExitCode.ioError,
    {
      hint: "Update Kuulo (npm install -g kuulo@latest, or pull the newest version) and try again. Nothing was changed.",
    },
  );
}
