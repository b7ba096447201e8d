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
  const report = shownDifferences(full);
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) ordered[k] = report[k];
  for (const k of Object.keys(report))
    if (!(k in ordered)) ordered[k] = (report as unknown as Record<string, unknown>)[k];
  const text = JSON.stringify(
    ordered,
    (key, value) => {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new Error(`report.json: ${key} is ${value}; the Report must use null for no data`);
      return value;
    },
    2,
  );
  return `${text}\n`;
}
