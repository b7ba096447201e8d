// Which character encoding a data file uses, guessed from its first bytes (BOM, zero bytes,
// UTF-8 validity) or given by the user, and a chunk decoder for it. Pure: bytes in, names out.
import iconv from "iconv-lite";
import { ExitCode, KuuloError } from "../errors.js";

/** Canonical names, as printed in the summary and accepted by `--encoding`. */
export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  encoding: EncodingName;
  /** Bytes of byte-order mark at the start of the file, skipped before decoding. */
  bomLength: number;
  /** How it was decided, for the summary ("BOM", "valid UTF-8", "given"…). */
  reason: string;
}

const ALIASES: Record<string, EncodingName> = {
  utf8: "utf-8",
  "utf-8": "utf-8",
  "utf-8-bom": "utf-8",
  utf16: "utf-16le",
  "utf-16": "utf-16le",
  utf16le: "utf-16le",
  "utf-16le": "utf-16le",
  unicode: "utf-16le",
  utf16be: "utf-16be",
  "utf-16be": "utf-16be",
  "windows-1252": "windows-1252",
  win1252: "windows-1252",
  cp1252: "windows-1252",
  ansi: "windows-1252",
  latin1: "windows-1252",
  "latin-1": "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  "iso-8859-15": "windows-1252",
};

/** Resolve a user's `--encoding` value, or throw a usage error listing the accepted names. */
export function parseEncodingName(name: string): EncodingName {
  const found = ALIASES[name.trim().toLowerCase()];
  if (found) return found;
  throw new KuuloError("IMPORT_BAD_ENCODING", `Unknown encoding "${name}"`, ExitCode.usage, {
    hint: "Use one of: utf-8, windows-1252 (also latin1, iso-8859-1), utf-16le, utf-16be.",
  });
}

/** Guess the encoding of a file from its first bytes (pass at least a few kilobytes when there are). */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: "utf-8", bomLength: 3, reason: "byte-order mark" };
  if (sample[0] === 0xff && sample[1] === 0xfe)
    return { encoding: "utf-16le", bomLength: 2, reason: "byte-order mark" };
  if (sample[0] === 0xfe && sample[1] === 0xff)
    return { encoding: "utf-16be", bomLength: 2, reason: "byte-order mark" };
  const n = Math.min(sample.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) if (sample[i] === 0) i % 2 === 0 ? zeroEven++ : zeroOdd++;
  // Text in UTF-16 without a BOM: ASCII characters leave a zero in every other byte.
  if (n >= 4 && zeroOdd > n / 4 && zeroEven < n / 50)
    return { encoding: "utf-16le", bomLength: 0, reason: "zero bytes" };
  if (n >= 4 && zeroEven > n / 4 && zeroOdd < n / 50)
    return { encoding: "utf-16be", bomLength: 0, reason: "zero bytes" };
  const utf8 = checkUtf8(sample);
  if (utf8 === "ascii") return { encoding: "utf-8", bomLength: 0, reason: "plain ASCII so far" };
  if (utf8 === "valid") return { encoding: "utf-8", bomLength: 0, reason: "valid UTF-8" };
  // Some lines UTF-8 and some not: one row pasted in from another file. Reading it all as
  // Windows-1252 would garble every UTF-8 line, so it is UTF-8, and the other lines are found
  // and reported one by one while reading.
  if (hasUtf8Line(sample.subarray(0, 1 << 20)))
    return { encoding: "utf-8", bomLength: 0, reason: "UTF-8, with lines that are not" };
  return { encoding: "windows-1252", bomLength: 0, reason: "not valid UTF-8" };
}

/** Whether a whole line of the sample (not the last, which may be cut) is UTF-8 beyond ASCII. */
function hasUtf8Line(b: Uint8Array): boolean {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0x0a && b[i] !== 0x0d) continue;
    const line = b.subarray(start, i);
    start = i + 1;
    if (!line.some((c) => c >= 0x80)) continue;
    try {
      strict.decode(line);
      return true;
    } catch {
      // not UTF-8: the next line may be
    }
  }
  return false;
}

/** "ascii" when no byte is above 0x7f; a sequence cut off at the end of the sample is fine. */
export function checkUtf8(b: Uint8Array): "ascii" | "valid" | "invalid" {
  let i = 0;
  let nonAscii = false;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    nonAscii = true;
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return "invalid";
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return "valid";
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return "invalid";
    }
    i += need + 1;
  }
  return nonAscii ? "valid" : "ascii";
}

export interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/** A decoder that keeps multi-byte characters split across chunks intact. */
export function chunkDecoder(encoding: EncodingName): ChunkDecoder {
  if (encoding === "utf-8") {
    // Node's own decoder is the fastest path for the common case.
    const td = new TextDecoder("utf-8", { ignoreBOM: true });
    return { write: (c) => td.decode(c, { stream: true }), end: () => td.decode() };
  }
  const dec = iconv.getDecoder(encoding === "windows-1252" ? "win1252" : encoding, { stripBOM: false });
  return { write: (c) => dec.write(c), end: () => dec.end() ?? "" };
}

/** Human name for the summary line. */
export function describeEncoding(d: DetectedEncoding): string {
  const names: Record<EncodingName, string> = {
    "utf-8": d.bomLength > 0 ? "UTF-8 with BOM" : "UTF-8",
    "utf-16le": "UTF-16 (little-endian)",
    "utf-16be": "UTF-16 (big-endian)",
    "windows-1252": "Windows-1252 (ISO-8859-1)",
  };
  return names[d.encoding];
}
