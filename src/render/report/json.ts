// The Report as report.json: the documented contract (README, "Reports: kuulo report"), top-level
// keys in the contract's order, 2-space indent, a trailing newline. Numbers at full precision;
// a value that is not a finite number would be a bug upstream, so it is refused rather than hidden.
import type { Report } from "../../analysis/report.js";
import { shownDifferences } from "./differences.js";

const KEY_ORDER: (keyof Report)[] = [
  "format",
  "survey",
  "generatedAt",
  "options",
  "counts",
  "period",
  "privacy",
  "questions",
  "crossTabs",
  "comparison",
  "indices",
  "ipa",
  "gaps",
];

export function renderJson(full: Report): string {
  return `${JSON.stringify(orderedReport(full), finiteOnly, 2)}\n`;
}

/**
 * renderJson's text as UTF-8 bytes, made a piece at a time (each top-level value, and each item
 * of a top-level list such as the questions): at a million responses the text is ~150 MB, and
 * made whole it stood in memory two or three times over (the string, its copies, its encoding).
 */
export function renderJsonBytes(full: Report): Buffer {
  const parts: Buffer[] = [];
  for (const piece of jsonPieces(orderedReport(full))) parts.push(Buffer.from(piece, "utf8"));
  return Buffer.concat(parts);
}

/** JSON.stringify(value, finiteOnly, 2) of an object, in pieces whose concatenation is exactly that, plus a newline. */
export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  // The keys JSON.stringify writes: not those whose value is undefined, a function or a symbol.
  const keys = Object.keys(value).filter(
    (k) => !["undefined", "function", "symbol"].includes(typeof value[k]),
  );
  if (keys.length === 0) {
    yield "{}\n";
    return;
  }
  for (const [i, k] of keys.entries()) {
    const v = value[k];
    const head = `${i === 0 ? "{" : ","}\n  ${JSON.stringify(k)}: `;
    if (!Array.isArray(v) || v.length === 0) {
      yield head + nested(v, "  ");
      continue;
    }
    yield `${head}[`;
    for (const [j, item] of v.entries()) yield `${j === 0 ? "" : ","}\n    ${nested(item, "    ") ?? "null"}`;
    yield "\n  ]";
  }
  yield "\n}\n";
}

/** A value's JSON as it reads nested `pad` deep (JSON strings hold no line breaks of their own). */
function nested(v: unknown, pad: string): string | undefined {
  const text = JSON.stringify(v, finiteOnly, 2) as string | undefined;
  return text === undefined || pad === "" ? text : text.replaceAll("\n", `\n${pad}`);
}

function finiteOnly(key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new Error(`report.json: ${key} is ${value}; the Report must use null for no data`);
  return value;
}

/** The report as published, its top-level keys in the contract's order. */
function orderedReport(full: Report): Record<string, unknown> {
  const report = shownDifferences(full);
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) ordered[k] = report[k];
  for (const k of Object.keys(report))
    if (!(k in ordered)) ordered[k] = (report as unknown as Record<string, unknown>)[k];
  return ordered;
}
