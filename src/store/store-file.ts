// The database file before SQLite opens it: is it there (or may it be made, 0600), is it an
// SQLite file at all, may it be written, and under which name to open it when only reading.
import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ExitCode, KuuloError } from "../errors.js";
import { notADatabase } from "./errors.js";

/** Which files may be made: `create` without `readonly` (see OpenOptions in open.ts). */
type CreateOptions = { create?: boolean; readonly?: boolean };

const SQLITE_HEADER = "SQLite format 3\0";

/** Whether the file exists (after creating it when asked); throws for paths that cannot work. */
export function checkFile(path: string, opts: CreateOptions): boolean {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw notADatabase(path, "it is a folder");
    size = st.size;
  } catch (e) {
    if (e instanceof KuuloError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw guardFs(e, path);
    return createFile(path, opts);
  }
  if (size > 0 && readHeader(path) !== SQLITE_HEADER)
    throw notADatabase(path, "it is not an SQLite database file");
  return true;
}

function createFile(path: string, opts: CreateOptions): boolean {
  const dir = dirname(resolve(path));
  const noDir = !existsSync(dir);
  if (!opts.create || opts.readonly)
    throw new KuuloError(
      "STORE_NOT_FOUND",
      `There is no database at ${path}${noDir ? ` (the folder ${dir} does not exist either)` : ""}.`,
      ExitCode.noInput,
      {
        hint: "Check --db (or KUULO_DB). A database is created when answers are first collected or imported.",
      },
    );
  if (noDir)
    throw new KuuloError(
      "STORE_NO_DIRECTORY",
      `Cannot create ${path}: the folder ${dir} does not exist.`,
      ExitCode.ioError,
      {
        hint: `Create the folder first (mkdir -p "${dir}") or give another --db path.`,
      },
    );
  try {
    // 0600: the answers are personal data; SQLite gives its -wal and -shm files the same mode.
    closeSync(openSync(path, "wx", 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return true;
    throw guardFs(e, path);
  }
  return false;
}

function guardFs(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    return new KuuloError("STORE_READ_ONLY", `No permission to create or open ${path}.`, ExitCode.ioError, {
      hint: "Choose a folder you may write to with --db, or check the file's permissions.",
    });
  if (code === "ENOSPC")
    return new KuuloError(
      "STORE_DISK_FULL",
      `The disk is full: ${path} cannot be created.`,
      ExitCode.ioError,
      {
        hint: "Free some space and try again.",
      },
    );
  if (code === "ENOTDIR")
    return new KuuloError(
      "STORE_NO_DIRECTORY",
      `Cannot use ${path}: a part of the path is a file, not a folder.`,
      ExitCode.ioError,
      {
        hint: "Check the --db path.",
      },
    );
  return e;
}

function readHeader(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString("latin1");
  } finally {
    closeSync(fd);
  }
}

/**
 * A file (or folder) marked read-only counts as read-only even for root, who could write it
 * anyway. A database is writable only when its folder is too: SQLite puts -wal and -shm there.
 */
export function isWritable(path: string): boolean {
  return markedWritable(path) && markedWritable(dirname(resolve(path)));
}

function markedWritable(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return false;
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The name to open a database with when only reading. In a folder that cannot be written,
 * SQLite could not create its -shm file (and must not leave one): the file is opened
 * immutable, which is exact while no -wal file holds answers not yet in the main file. When
 * one does, SQLite reads it read-only only beside an existing -shm; otherwise say so.
 */
export function readOnlyName(path: string): string {
  if (markedWritable(dirname(resolve(path)))) return path;
  const url = pathToFileURL(resolve(path)).href;
  const wal = sizeOf(`${path}-wal`);
  if (wal === 0) return `${url}?immutable=1`;
  if (sizeOf(`${path}-shm`) > 0) return `${url}?mode=ro`;
  throw new KuuloError(
    "STORE_READ_ONLY_WAL",
    `${path} is in a folder that cannot be written, and its latest answers are still in ${path}-wal.`,
    ExitCode.ioError,
    {
      hint: `Copy ${path} and ${path}-wal together to a folder you may write to and use that copy with --db.`,
    },
  );
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
