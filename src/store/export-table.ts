// The export's table, pure: columns in questionnaire order (meta first, then one per slot, with
// multi-select, ranking and allocation spread to one column per choice) and one row per
// response. Cells are codes or numbers; `labels` swaps choice codes for their labels.
import {
  type AnswerValue,
  OTHER_CODE,
  type Slot,
  type SurveyResponse,
  surveySlots,
} from "../definition/answers.js";
import { type Choice, defaultLanguage, hasOther, type Survey } from "../definition/model.js";
import { choiceColumnsOf, isOrdinal } from "../definition/types/index.js";
import { pickText } from "../i18n/index.js";

export const META_EXPORT_COLUMNS = [
  "response_id",
  "session",
  "wave",
  "source",
  "language",
  "plain",
  "status",
  "started_at",
  "submitted_at",
] as const;
export type MetaColumn = (typeof META_EXPORT_COLUMNS)[number];

export type ExportColumn =
  | { name: MetaColumn; kind: "meta" }
  /** A whole slot: a choice code, a number or a text. */
  | { name: string; kind: "slot"; slot: Slot }
  /** One choice of a multi-select (1/0), a ranking (its rank) or an allocation (its points). */
  | { name: string; kind: "flag" | "rank" | "points"; slot: Slot; choice: Choice }
  /** The "other" text of a multi-select: the text, else 1 when "other" was picked, else 0. */
  | { name: string; kind: "other-flag"; slot: Slot; main: string };

export type Cell = string | number | null;

export function exportColumns(survey: Pick<Survey, "sections">): ExportColumn[] {
  const cols: ExportColumn[] = META_EXPORT_COLUMNS.map((name) => ({ name, kind: "meta" as const }));
  for (const slot of surveySlots(survey)) {
    const q = slot.question;
    const per = choiceColumnsOf(q);
    if (slot.other && per === "flag") {
      cols.push({ name: slot.id, kind: "other-flag", slot, main: q.id });
      continue;
    }
    if (slot.other || !per || !("choices" in q)) {
      cols.push({ name: slot.id, kind: "slot", slot });
      continue;
    }
    for (const choice of q.choices) {
      // With `other: true` the text column `q.other` stands for the "other" choice too.
      if (per === "flag" && hasOther(q) && choice.value === OTHER_CODE) continue;
      cols.push({ name: `${q.id}.${choice.value}`, kind: per, slot, choice });
    }
  }
  return cols;
}

export interface RowOptions {
  /** Choice labels instead of codes, in `lang` (default: the survey's first language). */
  labels?: boolean;
  lang?: string;
}

export function exportRow(
  survey: Survey,
  columns: readonly ExportColumn[],
  r: SurveyResponse,
  opts: RowOptions = {},
): Cell[] {
  const lang = opts.lang ?? defaultLanguage(survey);
  const fallback = defaultLanguage(survey);
  return columns.map((c) => cellFor(c, r, opts.labels === true, lang, fallback));
}

function cellFor(c: ExportColumn, r: SurveyResponse, labels: boolean, lang: string, fallback: string): Cell {
  switch (c.kind) {
    case "meta":
      return metaCell(c.name, r);
    case "slot":
      return slotCell(c.slot, r.answers[c.slot.id], labels, lang, fallback);
    case "flag": {
      const v = r.answers[c.slot.id];
      return Array.isArray(v) ? (v.includes(c.choice.value) ? 1 : 0) : null;
    }
    case "rank": {
      const v = r.answers[c.slot.id];
      if (!Array.isArray(v)) return null;
      const i = v.indexOf(c.choice.value);
      return i < 0 ? null : i + 1;
    }
    case "points": {
      const v = r.answers[c.slot.id];
      return v !== null && typeof v === "object" && !Array.isArray(v) ? (v[c.choice.value] ?? 0) : null;
    }
    case "other-flag": {
      const text = r.answers[c.slot.id];
      if (typeof text === "string" && text !== "") return text;
      const picked = r.answers[c.main];
      return Array.isArray(picked) ? (picked.includes(OTHER_CODE) ? 1 : 0) : null;
    }
  }
}

function metaCell(name: MetaColumn, r: SurveyResponse): Cell {
  switch (name) {
    case "response_id":
      return r.id;
    case "session":
      return r.sessionId;
    case "wave":
      return r.wave;
    case "source":
      return r.source;
    case "language":
      return r.language;
    case "plain":
      return r.plain ? 1 : 0;
    case "status":
      return r.status;
    case "started_at":
      return r.startedAt;
    case "submitted_at":
      return r.submittedAt;
  }
}

function slotCell(
  slot: Slot,
  v: AnswerValue | undefined,
  labels: boolean,
  lang: string,
  fallback: string,
): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v !== "string") return JSON.stringify(v); // a shape no column expects: kept visible, not lost
  const q = slot.question;
  if (slot.kind !== "choice" || !("choices" in q)) return v;
  const choice = q.choices.find((c) => c.value === v);
  if (labels && choice) return pickText(choice.label, lang, fallback);
  // Numeric scale codes stay numbers, so that a spreadsheet can average them.
  if (isOrdinal(q) && choice && !choice.missing && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}
