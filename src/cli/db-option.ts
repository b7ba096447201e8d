// The --db option every data command shares, and the one rule for which database to use:
// --db, else $KUULO_DB, else ./kuulo.db, relative to the working directory.
import { resolve } from "node:path";
import { Option } from "commander";
import type { Io } from "../terminal/io.js";

export const DEFAULT_DB = "kuulo.db";

export function dbOption(): Option {
  return new Option("--db <file>", "database file (default: $KUULO_DB or ./kuulo.db)");
}

export function resolveDbPath(opts: { db?: string }, io: Pick<Io, "env" | "cwd">): string {
  const given = opts.db ?? (io.env.KUULO_DB || undefined) ?? DEFAULT_DB;
  return resolve(io.cwd, given);
}
