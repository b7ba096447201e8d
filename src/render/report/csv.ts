// The report's aggregate tables as one long CSV (long-rows.ts): UTF-8 with a byte-order mark so
// that Excel reads the Nordic letters, numbers at full precision with a decimal point, and text
// cells that look like a formula (= + - @ tab CR) prefixed with ' so that they are shown, never run.
import { stringify } from "csv-stringify/sync";
import type { Report } from "../../analysis/report.js";
import { LONG_COLUMNS, longRows } from "./long-rows.js";
import type { ReportRenderOptions } from "./options.js";

export interface CsvOptions extends ReportRenderOptions {
  /** Field separator: "," (default) or ";" for a spreadsheet set to a Finnish locale. */
  delimiter?: "," | ";";
  /** Start with a byte-order mark (default true). */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell a spreadsheet would take for a formula gets a leading apostrophe. */
export function neutralizeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function renderCsv(report: Report, opts: CsvOptions): string {
  const records = longRows(report, opts).map((r) =>
    LONG_COLUMNS.map((k) => {
      const v = r[k];
      if (v === null) return "";
      // Numbers are never neutralised: "-0.03" is a number, not a formula.
      return typeof v === "number" ? String(v) : neutralizeText(v);
    }),
  );
  const body = stringify(records, {
    header: true,
    columns: LONG_COLUMNS as string[],
    delimiter: opts.delimiter ?? ",",
    record_delimiter: "\r\n",
  });
  return (opts.bom === false ? "" : "\uFEFF") + body;
}
