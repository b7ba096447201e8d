// The one rule for every file Kuulo writes: never over a file the same command reads, never over
// an SQLite database (or its -wal/-shm/-journal), never over another existing file without --force;
// always a temporary file in the same folder, flushed to disk (fsync), then renamed into place.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ExitCode, fileError, KuuloError } from "./errors.js";

export interface OutputRules {
  /** Files this command reads (the database, the input file, the survey file): never written over. */
  reads?: readonly (string | undefined)[];
  /** Replace another existing file (never an input or a database). */
  force?: boolean;
  /** The output as the person typed it, for messages (default: the path). */
  shown?: string;
  /** A file name to suggest when the output is a folder. */
  example?: string;
}

const SQLITE_MAGIC = "SQLite format 3\0";
const SQLITE_SIDE_FILE = /-(wal|shm|journal)$/i;

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Whether the file begins with SQLite's header (any SQLite database, Kuulo's or not). */
export function isSqliteFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString("latin1") === SQLITE_MAGIC;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

function sameFile(a: string, aStat: Stats | null, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const bStat = statOrNull(b);
  return aStat !== null && bStat !== null && aStat.dev === bStat.dev && aStat.ino === bStat.ino;
}

/** Throws (exit 73, nothing written) when `path` may not be written under the rules. */
export function checkOutput(path: string, rules: OutputRules = {}): void {
  const st = statOrNull(path);
  const shown = rules.shown ?? path;
  if (st?.isDirectory()) throw isFolder(shown, rules.example);
  for (const read of rules.reads ?? []) {
    if (read !== undefined && sameFile(path, st, read))
      throw new KuuloError(
        "OUTPUT_IS_INPUT",
        `Refusing to write ${shown}: this command reads that file${resolve(read) === resolve(path) ? "" : ` (as ${read})`}.`,
        ExitCode.cantCreate,
        { hint: "Choose another output file name; the file was not changed." },
      );
  }
  const side = SQLITE_SIDE_FILE.test(path) ? path.replace(SQLITE_SIDE_FILE, "") : undefined;
  if ((st && isSqliteFile(path)) || (side !== undefined && (st !== null || isSqliteFile(side))))
    throw new KuuloError(
      "OUTPUT_IS_DATABASE",
      `Refusing to write ${shown}: it is ${st && isSqliteFile(path) ? "a database" : "part of a database"}.`,
      ExitCode.cantCreate,
      {
        hint: "Kuulo never writes a file over a database, not even with --force. Choose another output file name; the database was not changed.",
      },
    );
  if (st && !rules.force)
    throw new KuuloError(
      "OUTPUT_EXISTS",
      `Refusing to replace the existing file ${shown}.`,
      ExitCode.cantCreate,
      {
        hint: "Choose another output name, or add --force to replace it.",
      },
    );
}

function isFolder(shown: string, example = "out"): KuuloError {
  return new KuuloError("OUT_IS_DIRECTORY", `Cannot write ${shown}: it is a folder.`, ExitCode.cantCreate, {
    hint: `Give a file name, for example --out ${join(shown, example)}`,
  });
}

/** Check several outputs before any of them is written. */
export function checkOutputs(paths: readonly string[], rules: OutputRules = {}): void {
  for (const p of paths) checkOutput(p, rules);
}

/** A temporary name in the output's folder (a rename across folders or disks is not atomic). */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

function fsyncPath(path: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch {
    // Folders cannot be opened or synced on every platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** fsync the finished temporary file, rename it over `path`, fsync the folder. */
function commitTemp(tmp: string, path: string): void {
  const fd = openSync(tmp, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncPath(dirname(path), "r");
}

function removeTemp(tmp: string): void {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // The temporary file was never created (e.g. the path runs through a file): nothing to clean.
  }
}

/** Maps write failures to a KuuloError naming the file the person asked for. */
function writeError(e: unknown, path: string): KuuloError {
  if (e instanceof KuuloError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR") return isFolder(path);
  if (code === "ENOTDIR")
    return new KuuloError(
      "DIR_NOT_FOUND",
      `Cannot write ${path}: part of the path is a file, not a folder.`,
      ExitCode.cantCreate,
      { hint: "Check the path, or choose another output file." },
    );
  return fileError(e, path, "write");
}

/** Write `data` to `path` under the rules: whole or not at all. */
export function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  rules: OutputRules & { mode?: number } = {},
): { path: string; bytes: number } {
  checkOutput(path, rules);
  const output = new PendingOutput(path, rules.mode ?? 0o644, rules.shown);
  try {
    output.write(data);
    output.commit();
  } catch (e) {
    output.abandon();
    throw e;
  }
  return { path, bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength };
}

function writeAll(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  let off = 0;
  while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
}

/**
 * The one way Kuulo writes a file: into a temporary file in the same folder until `commit`, which
 * flushes it to disk and renames it into place; `abandon` removes it. A whole file at once is
 * writeOutputFile; an export or a rejects file is written in pieces as rows come.
 */
export class PendingOutput {
  readonly tmp: string;
  private fd: number | undefined;
  /** The name to show in an error: the one the person typed. */
  private readonly shown: string;

  constructor(
    readonly path: string,
    mode = 0o600,
    shown?: string,
  ) {
    this.shown = shown ?? path;
    this.tmp = tempPathFor(path);
    try {
      this.fd = openSync(this.tmp, "wx", mode);
    } catch (e) {
      throw writeError(e, this.shown);
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) return;
    try {
      writeAll(this.fd, chunk);
    } catch (e) {
      throw writeError(e, this.shown);
    }
  }

  /** Close the descriptor (an other writer, such as exceljs, may then fill the temporary file). */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  commit(): void {
    try {
      this.close();
      commitTemp(this.tmp, this.path);
    } catch (e) {
      removeTemp(this.tmp);
      throw writeError(e, this.shown);
    }
  }

  abandon(): void {
    try {
      this.close();
    } catch {
      // Already closed or never opened.
    }
    removeTemp(this.tmp);
  }
}
