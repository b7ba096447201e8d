// The data-entry sheet for paper forms: one column per answer slot with multi-select, ranking and
// allocation spelled out per choice, ids as headers. Exactly the shape `kuulo import` (and the
// export) read. Pure: this module decides columns and renders CSV; the XLSX lives beside it.
import { OTHER_CODE, slotsOf } from "../definition/answers.js";
import type { Choice, Question, Survey, Text } from "../definition/model.js";
import { allQuestions } from "../definition/model.js";
import { pickText } from "../i18n/index.js";
import { csvLine } from "./rejects.js";

export type TemplateKind = "meta" | "choice" | "flag" | "other" | "rank" | "points" | "number" | "text";

export interface TemplateColumn {
  header: string;
  kind: TemplateKind;
  question?: Question;
  /** Question text (with the matrix statement or choice label), in the template's language. */
  title: string;
  /** For choice columns: the choices, whose labels fill the drop-down. */
  choices?: Choice[];
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
}

export function templateColumns(survey: Survey, lang: string): TemplateColumn[] {
  const fallback = survey.languages[0] ?? lang;
  const text = (t: Text | undefined) => pickText(t, lang, fallback);
  const cols: TemplateColumn[] = [{ header: "form_no", kind: "meta", title: "form_no" }];
  for (const q of allQuestions(survey)) {
    const qt = text(q.text);
    switch (q.type) {
      case "info":
        break;
      case "multi":
        for (const c of q.choices) {
          if (c.value === OTHER_CODE && q.other) continue;
          cols.push({
            header: `${q.id}.${c.value}`,
            kind: "flag",
            question: q,
            title: `${qt} – ${text(c.label)}`,
          });
        }
        if (q.other)
          cols.push({
            header: `${q.id}.${OTHER_CODE}`,
            kind: "other",
            question: q,
            title: `${qt} – ${text(q.choices.find((c) => c.value === OTHER_CODE)?.label)}`,
            maxLength: 2000,
          });
        break;
      case "ranking":
        for (const c of q.choices)
          cols.push({
            header: `${q.id}.${c.value}`,
            kind: "rank",
            question: q,
            title: `${qt} – ${text(c.label)}`,
            min: 1,
            max: q.top,
            integer: true,
          });
        break;
      case "allocate":
        for (const c of q.choices)
          cols.push({
            header: `${q.id}.${c.value}`,
            kind: "points",
            question: q,
            title: `${qt} – ${text(c.label)}`,
            min: 0,
            max: q.points,
            integer: true,
          });
        break;
      case "number":
        cols.push({
          header: q.id,
          kind: "number",
          question: q,
          title: qt,
          integer: q.integer,
          ...(q.min !== undefined ? { min: q.min } : {}),
          ...(q.max !== undefined ? { max: q.max } : {}),
        });
        break;
      case "text":
        cols.push({ header: q.id, kind: "text", question: q, title: qt, maxLength: q.maxLength });
        break;
      case "matrix":
        for (const it of q.items)
          cols.push({
            header: `${q.id}.${it.id}`,
            kind: "choice",
            question: q,
            title: `${qt} – ${text(it.text)}`,
            choices: q.choices,
          });
        break;
      default:
        for (const slot of slotsOf(q))
          cols.push(
            slot.other
              ? {
                  header: slot.id,
                  kind: "other",
                  question: q,
                  title: `${qt} – ${text(q.choices.find((c) => c.value === OTHER_CODE)?.label)}`,
                  maxLength: 2000,
                }
              : { header: slot.id, kind: "choice", question: q, title: qt, choices: q.choices },
          );
    }
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
