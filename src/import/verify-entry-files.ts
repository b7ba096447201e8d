// `kuulo verify-entry` as one library call: read both typings of the forms (any CSV flavour or
// XLSX) and compare them (verify-entry.ts). Prints nothing; the command lists the differences.
import { loadSurvey } from "../definition/load.js";
import { ExitCode, KuuloError } from "../errors.js";
import { columnCatalog } from "./columns.js";
import { parseDelimiterOption } from "./delimiter.js";
import { parseEncodingName } from "./encoding.js";
import { openSource, readWholeFile, sniffFormat } from "./open-source.js";
import { compareEntries, type EntryComparison } from "./verify-entry.js";

/** Quotes a value as the import's messages do. */
export { quoteValue } from "./diagnostics.js";

export interface VerifyRequest {
  surveyPath: string;
  first: string;
  second: string;
  /** --encoding and --delimiter as typed, for both files (default: detected). */
  encoding?: string;
  delimiter?: string;
}

/** The comparison, and whether the files agree in every cell, form and column. */
export async function verifyEntry(req: VerifyRequest): Promise<EntryComparison & { agree: boolean }> {
  const survey = loadSurvey(req.surveyPath);
  const catalog = columnCatalog(survey);
  const read = async (path: string) => {
    const source = openSource(path, sniffFormat(path), {
      isKnown: (h) => catalog.has(h.trim().toLowerCase()),
      ...(req.encoding ? { encoding: parseEncodingName(req.encoding) } : {}),
      ...(req.delimiter ? { delimiter: parseDelimiterOption(req.delimiter) } : {}),
    });
    const whole = await readWholeFile(source);
    if (whole.header.length === 0)
      throw new KuuloError("CSV_EMPTY_FILE", `${path} is empty`, ExitCode.dataError, {
        location: { file: path },
      });
    return { name: path, ...whole };
  };
  const a = await read(req.first);
  const b = await read(req.second);
  const cmp = compareEntries(survey, a, b);
  const agree =
    cmp.differences.length === 0 &&
    cmp.onlyFirstForms.length + cmp.onlySecondForms.length === 0 &&
    cmp.onlyFirstColumns.length + cmp.onlySecondColumns.length === 0 &&
    cmp.duplicateForms.length === 0;
  return { ...cmp, agree };
}
