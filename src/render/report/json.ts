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
  return `${jsonText(full)}\n`;
}

/**
 * renderJson's text as UTF-8 bytes, made without a second copy of the text: the newline is
 * written into the bytes, since adding it to a string of a hundred megabytes and then encoding
 * that would copy the whole string once more.
 */
export function renderJsonBytes(full: Report): Buffer {
  const text = jsonText(full);
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(text) + 1);
  bytes.write(text);
  bytes[bytes.length - 1] = 0x0a;
  return bytes;
}

function jsonText(full: Report): string {
  const report = shownDifferences(full);
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) ordered[k] = report[k];
  for (const k of Object.keys(report))
    if (!(k in ordered)) ordered[k] = (report as unknown as Record<string, unknown>)[k];
  return JSON.stringify(
    ordered,
    (key, value) => {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new Error(`report.json: ${key} is ${value}; the Report must use null for no data`);
      return value;
    },
    2,
  );
}
