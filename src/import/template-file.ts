// `kuulo template` as one library call: the survey's data-entry sheet as CSV (printed or written)
// or as an Excel workbook (written), checked against the output rules before it is built.

import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import { ExitCode, KuuloError } from "../errors.js";
import { checkOutput, writeOutputFile } from "../output-file.js";
import { parseDelimiterOption } from "./delimiter.js";
import { renderCsvTemplate, templateColumns } from "./template.js";

export interface TemplateRequest {
  surveyPath: string;
  /** Default: xlsx for an --out ending in .xlsx, else csv. */
  format?: "csv" | "xlsx";
  lang?: string;
  /** Without it a CSV header is returned for printing. */
  out?: string;
  delimiter: string;
  force: boolean;
}

export type TemplateResult =
  | { kind: "text"; text: string }
  | { kind: "written"; path: string; columns: number; format: "csv" | "xlsx"; lang: string };

export async function makeTemplate(req: TemplateRequest): Promise<TemplateResult> {
  const rules = { reads: [req.surveyPath], force: req.force };
  const survey = loadSurvey(req.surveyPath);
  // Refused before the workbook is built: a filled-in sheet of typed forms is never replaced silently.
  if (req.out) checkOutput(req.out, rules);
  const lang = checkLanguage(req.lang, survey.languages);
  const format = req.format ?? (req.out?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
  const columns = templateColumns(survey, lang);
  if (format === "xlsx") {
    if (!req.out)
      throw new KuuloError("USAGE_OUT_REQUIRED", "An Excel workbook needs --out FILE.xlsx", ExitCode.usage, {
        hint: "Add --out lomakkeet.xlsx (a workbook cannot be printed to the terminal).",
      });
    const { renderXlsxTemplate } = await import("./template-xlsx.js");
    writeOutputFile(req.out, await renderXlsxTemplate(survey, columns, lang), rules);
  } else {
    const text = renderCsvTemplate(columns, parseDelimiterOption(req.delimiter));
    if (!req.out) return { kind: "text", text: text.replace(/^\uFEFF/, "").replace(/\r\n$/, "") };
    writeOutputFile(req.out, text, rules);
  }
  return { kind: "written", path: req.out, columns: columns.length, format, lang };
}
