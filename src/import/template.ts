// The data-entry sheet for paper forms: one column per answer slot with multi-select, ranking and
// allocation spelled out per choice, ids as headers. Exactly the shape `kuulo import` (and the
// export) read. Pure: each type's columns are its row in question-types.ts; this module renders
// CSV; the XLSX lives beside it.
import type { Survey, Text } from "../definition/model.js";
import { allQuestions } from "../definition/model.js";
import { pickText } from "../i18n/index.js";
import { importRowOf, type TemplateColumn } from "./question-types.js";
import { csvLine } from "./rejects.js";

export type { TemplateColumn, TemplateKind } from "./question-types.js";

export function templateColumns(survey: Survey, lang: string): TemplateColumn[] {
  const fallback = survey.languages[0] ?? lang;
  const text = (t: Text | undefined) => pickText(t, lang, fallback);
  const cols: TemplateColumn[] = [{ header: "form_no", kind: "meta", title: "form_no" }];
  for (const q of allQuestions(survey)) {
    cols.push(...importRowOf(q).template(q, { text, question: text(q.text) }));
  }
  return cols;
}

/** The CSV template: UTF-8 with a BOM (Excel then reads ä and ö right) and the header line only. */
export function renderCsvTemplate(columns: readonly TemplateColumn[], delimiter = ";"): string {
  return `\uFEFF${csvLine(
    columns.map((c) => c.header),
    delimiter,
  )}`;
}
