// SQLite and file-system failures turned into KuuloErrors a person can act on (exit 74 for
// storage). Every public store function runs inside `guard`, so no SqliteError leaks to the CLI.
import { ExitCode, KuuloError } from "../errors.js";
import { isPostgresUrl, parsePgTarget } from "./pg/url.js";

/** Error codes of better-sqlite3's SqliteError (extended codes start with the primary one). */
function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function storeError(e: unknown, path: string): unknown {
  if (e instanceof KuuloError) return e;
  const code = sqliteCode(e) ?? "";
  if (code.startsWith("SQLITE_NOTADB")) return notADatabase(path, "it is not an SQLite database file");
  if (code.startsWith("SQLITE_CORRUPT")) return damaged(path, e);
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS")
    return readOnly(path, e);
  if (code.startsWith("SQLITE_FULL") || code === "ENOSPC")
    return new KuuloError("STORE_DISK_FULL", `The disk is full: ${path} cannot grow.`, ExitCode.ioError, {
      hint: "Free some space (or move the database to a disk with room) and try again. What was saved before is safe; the last change was not written.",
      cause: e,
    });
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return new KuuloError(
      "STORE_BUSY",
      `The database ${path} stayed locked by another program.`,
      ExitCode.ioError,
      {
        hint: "Another Kuulo (or a tool such as DB Browser) is writing to it. Close that program or wait a moment, then try again.",
        cause: e,
      },
    );
  if (code.startsWith("SQLITE_CANTOPEN"))
    return new KuuloError("STORE_CANNOT_OPEN", `Cannot open the database ${path}.`, ExitCode.ioError, {
      hint: "Check that the path is a file you may read and write.",
      cause: e,
    });
  if (code.startsWith("SQLITE_IOERR"))
    return new KuuloError("STORE_IO", `Reading or writing ${path} failed (${code}).`, ExitCode.ioError, {
      hint: "The disk or the USB stick may be failing or was removed. Copy the database to another disk and check it with kuulo doctor.",
      cause: e,
    });
  return e;
}

export function damaged(path: string, cause?: unknown): KuuloError {
  return new KuuloError("STORE_CORRUPT", `The database ${path} is damaged.`, ExitCode.ioError, {
    hint: `Run "kuulo doctor --db ${path}" to check it; restore it from a backup copy if the check fails.`,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** JSON stored by Kuulo itself: text that does not parse means a damaged page, not a bug. */
export function parseStored<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw damaged(lastOpened ?? "in use", e);
  }
}

export function notADatabase(path: string, why: string): KuuloError {
  return new KuuloError("STORE_NOT_DATABASE", `${path} is not a Kuulo database: ${why}.`, ExitCode.ioError, {
    hint: "Check the --db path (or KUULO_DB). A new database is created only where no file exists yet.",
  });
}

export function readOnly(path: string, cause?: unknown): KuuloError {
  return new KuuloError(
    "STORE_READ_ONLY",
    `The database ${path} is read-only: nothing can be saved in it.`,
    ExitCode.ioError,
    {
      hint: "Copy it to a folder you may write to (or make the file writable) and use that copy with --db.",
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

let lastOpened: string | undefined;

/** Remembered by openStore, so that a failure while reading rows later can still name the file. */
export function noteOpenedStore(path: string): void {
  lastOpened = path;
}

/**
 * For the CLI's one catch: an SQLite error that escaped `guard` (a damaged page met while
 * iterating rows) is a storage problem (exit 74 with the doctor hint), not a bug.
 */
export function escapedStoreError(e: unknown): KuuloError | undefined {
  const code = sqliteCode(e);
  if (!code?.startsWith("SQLITE_")) return undefined;
  const mapped = storeError(e, lastOpened ?? "in use");
  if (mapped instanceof KuuloError) return mapped;
  const path = lastOpened ?? "the database";
  return new KuuloError("STORE_IO", `Reading or writing ${path} failed (${code}).`, ExitCode.ioError, {
    hint: `Run "kuulo doctor --db ${path}" to check the database.`,
    cause: e,
  });
}

/** Run `fn`, turning storage failures into KuuloErrors naming `path`. */
export function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw storeError(e, path);
  }
}

/** How to name a store in a message: a file by its path, a PostgreSQL URL without its password. */
export function storeLabel(path: string): string {
  return isPostgresUrl(path) ? parsePgTarget(path).label : path;
}
