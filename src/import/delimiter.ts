// Which delimiter a CSV uses (`;` from Finnish Excel, `,`, or tab from "Unicode text"), decided
// on a sample by how many header cells name known columns and how evenly rows split. Pure.
import { ExitCode, KuuloError } from "../errors.js";
import { CsvScanner } from "./csv-scanner.js";

export const DELIMITERS = [";", ",", "\t"] as const;

export interface DetectedDelimiter {
  delimiter: string;
  reason: string;
}

/** Resolve a user's `--delimiter` value (`;`, `semicolon`, `tab`, `\t`, …). */
export function parseDelimiterOption(value: string): string {
  const v = value.toLowerCase();
  const named: Record<string, string> = {
    ";": ";",
    semicolon: ";",
    ",": ",",
    comma: ",",
    tab: "\t",
    "\\t": "\t",
    "\t": "\t",
    "|": "|",
    pipe: "|",
  };
  const found = named[v];
  if (found) return found;
  throw new KuuloError("IMPORT_BAD_DELIMITER", `Unknown delimiter "${value}"`, ExitCode.usage, {
    hint: 'Use one of: ";" (semicolon), "," (comma), tab, "|".',
  });
}

export function delimiterName(d: string): string {
  return d === ";" ? "semicolon (;)" : d === "," ? "comma (,)" : d === "\t" ? "tab" : `"${d}"`;
}

function trimTrailingEmpty(fields: string[]): string[] {
  let n = fields.length;
  while (n > 0 && fields[n - 1]!.trim() === "") n--;
  return fields.slice(0, n);
}

/**
 * Choose the delimiter for `sample` (the first kilobytes of decoded text). `isKnown` tells
 * whether a header cell names a column of the survey: the strongest evidence there is.
 */
export function detectDelimiter(sample: string, isKnown: (header: string) => boolean): DetectedDelimiter {
  let best: { d: string; score: number[]; reason: string } | undefined;
  for (const d of DELIMITERS) {
    const records: string[][] = [];
    const scanner = new CsvScanner(d, Number.POSITIVE_INFINITY);
    scanner.push(sample, (fields) => {
      if (records.length < 100 && fields.some((f) => f.trim() !== "")) records.push(fields);
    });
    if (records.length === 0) scanner.end((fields) => records.push(fields));
    const header = trimTrailingEmpty(records[0] ?? []);
    const known = header.filter((h) => isKnown(h.trim())).length;
    const rows = records.slice(1);
    const even = rows.filter(
      (r) => trimTrailingEmpty(r).length <= header.length && r.length >= header.length,
    ).length;
    const consistency = rows.length === 0 ? 1 : even / rows.length;
    const score = [known, header.length > 1 ? consistency : 0, header.length];
    const reason =
      known > 0
        ? `${known} header cell(s) name survey columns`
        : `${header.length} columns in the header line`;
    if (!best || compare(score, best.score) > 0) best = { d, score, reason };
  }
  return { delimiter: best!.d, reason: best!.reason };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return 0;
}
