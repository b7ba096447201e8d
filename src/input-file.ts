// The checks every file Kuulo reads passes before a byte is read: it exists, it is a regular
// file (not a folder, a device such as /dev/zero, a pipe or a socket, which never end), and it
// is not larger than what that kind of file can sensibly be. Also the zip bomb check for .xlsx,
// and a small text input (a JSON file) read whole after those checks.
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { ExitCode, fileError, KuuloError } from "./errors.js";

/** A CSV import streams, so its limit only stops a wrong file: 4 GiB. */
export const MAX_CSV_BYTES = 4 * 1024 ** 3;
/** A workbook of typed-in forms is well below this (thousands of rows are a few MB). */
export const MAX_XLSX_BYTES = 100 * 1024 ** 2;
/** Everything in the workbook unpacked: checked in the zip directory before it is unpacked. */
export const MAX_XLSX_UNPACKED_BYTES = 500 * 1024 ** 2;
/**
 * A JSON export is read whole (JSON has no rows to stream), and a JavaScript string holds at most
 * about 512 MB: 500 MB, far beyond any survey's export (100 000 responses are some 100 MB).
 */
export const MAX_JSON_BYTES = 500 * 1024 ** 2;
/** A JSON answers file for `kuulo run --answers` holds one response. */
export const MAX_ANSWERS_BYTES = 10 * 1024 ** 2;

const mb = (n: number) => `${Math.round(n / 1024 ** 2)} MB`;

/** Throws for what cannot be read as a file of at most `maxBytes`; returns the size. */
export function checkInputFile(
  path: string,
  limit: { maxBytes: number; code: string; what: string },
): number {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    throw fileError(e, path, "read");
  }
  if (st.isDirectory())
    throw new KuuloError("FILE_IS_DIRECTORY", `${path} is a directory, not a file`, ExitCode.noInput, {
      hint: "Give the path of a file inside it.",
    });
  if (!st.isFile())
    throw new KuuloError(
      "FILE_NOT_REGULAR",
      `${path} is not a regular file (it is a device, a pipe or a socket)`,
      ExitCode.noInput,
      { hint: `Give the path of ${limit.what} saved on the disk.` },
    );
  if (st.size > limit.maxBytes)
    throw new KuuloError(
      limit.code,
      `${path} is ${mb(st.size)}; ${limit.what} may be at most ${mb(limit.maxBytes)}`,
      ExitCode.dataError,
      { hint: "Is this the right file?" },
    );
  return st.size;
}

/** The whole text (UTF-8) of an input file that passes checkInputFile; a failed read names the file. */
export function readInputText(path: string, limit: { maxBytes: number; code: string; what: string }): string {
  checkInputFile(path, limit);
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw fileError(e, path, "read");
  }
}

/**
 * The sum of the uncompressed sizes in a zip's central directory, read from the end of the
 * file without unpacking anything; undefined when the directory cannot be found (then the
 * workbook reader reports the damage). ZIP64 entries count as larger than any limit.
 */
export function unpackedZipBytes(path: string, size: number): number | undefined {
  const fd = openSync(path, "r");
  try {
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return undefined;
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || entries === 0xffff) return Number.POSITIVE_INFINITY;
    if (dirOffset + dirSize > size) return undefined;
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    let total = 0;
    let at = 0;
    for (let n = 0; n < entries && at + 46 <= dir.length; n++) {
      if (dir.readUInt32LE(at) !== 0x02014b50) return undefined;
      const unpacked = dir.readUInt32LE(at + 24);
      if (unpacked === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += unpacked;
      at += 46 + dir.readUInt16LE(at + 28) + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return total;
  } finally {
    closeSync(fd);
  }
}

/** Refuse a workbook that would unpack to more than MAX_XLSX_UNPACKED_BYTES (a zip bomb). */
export function checkWorkbookSize(path: string, size: number): void {
  const unpacked = unpackedZipBytes(path, size);
  if (unpacked !== undefined && unpacked > MAX_XLSX_UNPACKED_BYTES)
    throw new KuuloError(
      "XLSX_TOO_LARGE",
      `${path} would unpack to ${Number.isFinite(unpacked) ? mb(unpacked) : "more than 4 GB"}; a workbook may unpack to at most ${mb(MAX_XLSX_UNPACKED_BYTES)}`,
      ExitCode.dataError,
      {
        location: { file: path },
        hint: "Is this the right file? A workbook of typed-in forms unpacks to a few megabytes; save the sheet as CSV if it really is this large.",
      },
    );
}
