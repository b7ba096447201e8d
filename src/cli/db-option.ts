// The --db and --schema options every data command shares, and the one rule for which database
// to use: --db, else $KUULO_DB, else ./kuulo.db, relative to the working directory. A
// postgres://… URL names a PostgreSQL database instead; --schema (or $KUULO_SCHEMA) its schema.
import { resolve } from "node:path";
import { Option } from "commander";
import { ExitCode, KuuloError } from "../errors.js";
import type { Io } from "../terminal/io.js";

export const DEFAULT_DB = "kuulo.db";

export function dbOption(): Option {
  return new Option("--db <file|url>", "database file or postgres:// URL (default: $KUULO_DB or ./kuulo.db)");
}

export function schemaOption(): Option {
  return new Option("--schema <name>", "PostgreSQL only: the organisation's schema (default: $KUULO_SCHEMA)");
}

const POSTGRES = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(db: string): boolean {
  return POSTGRES.test(db);
}

/** The file path, or the PostgreSQL URL with its schema as a `schema` parameter. */
export function resolveDbPath(opts: { db?: string; schema?: string }, io: Pick<Io, "env" | "cwd">): string {
  const given = opts.db ?? (io.env.KUULO_DB || undefined) ?? DEFAULT_DB;
  const schema = opts.schema ?? (io.env.KUULO_SCHEMA || undefined);
  if (POSTGRES.test(given)) {
    if (schema === undefined) return given;
    return `${given}${given.includes("?") ? "&" : "?"}schema=${encodeURIComponent(schema)}`;
  }
  if (opts.schema !== undefined)
    throw new KuuloError(
      "USAGE_SCHEMA_FILE",
      "--schema applies to a PostgreSQL database only.",
      ExitCode.usage,
      {
        hint: "Give --db postgres://… with it, or leave --schema out for a database file.",
      },
    );
  return resolve(io.cwd, given);
}
