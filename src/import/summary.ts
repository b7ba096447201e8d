// What an import prints: what was detected, the problems, and the counts; and the error that
// ends an import which stored nothing, saying why. Pure: summary in, lines or a KuuloError out.

import { ExitCode, KuuloError } from "../errors.js";
import type { Colors } from "../terminal/io.js";
import { delimiterName } from "./delimiter.js";
import { renderLog } from "./diagnostics.js";
import { describeEncoding } from "./encoding.js";
import type { SourceInfo } from "./read-csv.js";
import type { ImportSummary } from "./run-import.js";

export function describeSource(file: string, info: SourceInfo): string {
  if (info.format === "json")
    return `Reading ${file}: Kuulo JSON export, ${info.responses ?? 0} response(s).`;
  if (info.format === "xlsx") return `Reading ${file}: Excel workbook, sheet "${info.sheet ?? "?"}".`;
  const enc = info.encoding
    ? `${describeEncoding(info.encoding)} (${info.encoding.reason === "given" ? "--encoding" : `detected: ${info.encoding.reason}`})`
    : "empty";
  const delim = info.delimiter
    ? `, delimiter ${delimiterName(info.delimiter)} (${info.delimiterReason === "given" ? "--delimiter" : `detected: ${info.delimiterReason}`})`
    : "";
  return `Reading ${file}: ${enc}${delim}.`;
}

export function summaryLines(s: ImportSummary, opts: { dryRun?: boolean; c?: Colors }): string[] {
  const lines = [describeSource(s.file, s.info), ...renderLog(s.log, opts.c)];
  const parts = [
    `rows read ${s.rowsRead}`,
    `${opts.dryRun ? "would import" : "imported"} ${s.imported}`,
    `rejected ${s.rejected}`,
    `duplicates ${s.duplicates}`,
  ];
  if (s.blankRows > 0) parts.push(`empty rows skipped ${s.blankRows}`);
  if (s.rowsWithWarnings > 0) parts.push(`rows with warnings ${s.rowsWithWarnings}`);
  lines.push(`Summary: ${parts.join(" · ")}`);
  if (s.rejectsFile) lines.push(`Rejected rows, unchanged, with a reject_reason column: ${s.rejectsFile}`);
  return lines;
}

/**
 * The KuuloError for an import that stored nothing although the file had rows, or undefined
 * when the outcome is a success (including "everything was imported before").
 */
export function failureOf(
  s: ImportSummary,
  opts: { skipInvalid?: boolean; dryRun?: boolean },
): KuuloError | undefined {
  const loc = { location: { file: s.file } };
  if (s.rejected > 0 && !opts.skipInvalid) {
    const valid = s.rowsRead - s.rejected;
    return new KuuloError(
      "CSV_INVALID_ROWS",
      opts.dryRun
        ? `Dry run: ${s.rejected} of ${s.rowsRead} row(s) have errors (listed above); an import would store nothing`
        : `Nothing was imported: ${s.rejected} of ${s.rowsRead} row(s) have errors (listed above)`,
      ExitCode.dataError,
      {
        ...loc,
        hint:
          `Correct those rows in the file and import it again` +
          (valid > 0
            ? `, or use --skip-invalid to import the ${valid} valid row(s) now and get the others in a rejects file.`
            : "."),
      },
    );
  }
  if (s.imported === 0 && s.duplicates === 0 && s.rowsRead > 0)
    return new KuuloError(
      "CSV_NOTHING_IMPORTED",
      `Nothing was imported: none of the ${s.rowsRead} row(s) is valid`,
      ExitCode.dataError,
      {
        ...loc,
        hint: s.rejectsFile
          ? `The rows and the reason for each are in ${s.rejectsFile}; correct them there and import that file.`
          : "Correct the rows listed above and import again.",
      },
    );
  return undefined;
}
