// The export's table, pure: columns in questionnaire order (meta first, then one per slot, with
// multi-select, ranking and allocation spread to one column per choice) and one row per
// response. Cells are codes or numbers; `labels` swaps choice codes for their labels.
import {
  type Answers,
  OTHER_CODE,
  type Slot,
  type SurveyResponse,
  surveySlots,
} from "../definition/answers.js";
import { type Choice, defaultLanguage, hasOther, type Survey } from "../definition/model.js";
import { choiceColumnsOf, isOrdinal } from "../definition/types/traits.js";
import { pickText } from "../i18n/index.js";
import type { SlotValues } from "./answers-scan.js";

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
  const plan = exportPlan(survey, columns, opts);
  const values = plan.valuesOf(r.answers);
  const row: Cell[] = new Array(plan.readers.length);
  for (let i = 0; i < row.length; i++) row[i] = plan.readers[i]!(values, r);
  return row;
}

/** A response without its answers: what the meta columns read. */
export type ResponseMeta = Omit<SurveyResponse, "answers">;

/** How one column's cell is read: from the answers by slot (see ExportPlan) and the response. */
export type CellReader = (values: SlotValues, r: ResponseMeta) => Cell;

export interface ExportPlan {
  /** The slot ids the columns read, sorted as stored answers sort them. */
  slotIds: readonly string[];
  /** One per column. */
  readers: readonly CellReader[];
  /** Answers as values by slot (answers to slots no column reads are left out). */
  valuesOf(answers: Answers): SlotValues;
}

/** Plans compiled once per (columns, labels, language): an export reads them for every row. */
const compiled = new WeakMap<readonly ExportColumn[], Map<string, ExportPlan>>();

/**
 * The export's columns as readers, each knowing its slot, choice and lookups in advance, so that
 * a cell costs an array read or two (an export of 100 000 responses reads millions of cells).
 */
export function exportPlan(
  survey: Survey,
  columns: readonly ExportColumn[],
  opts: RowOptions = {},
): ExportPlan {
  const labels = opts.labels === true;
  const fallback = defaultLanguage(survey);
  const lang = opts.lang ?? fallback;
  const key = `${labels ? 1 : 0}\u0000${lang}\u0000${fallback}`;
  let byKey = compiled.get(columns);
  if (!byKey) {
    byKey = new Map();
    compiled.set(columns, byKey);
  }
  let plan = byKey.get(key);
  if (!plan) {
    const slotIds = [...new Set(columns.flatMap((c) => (c.kind === "meta" ? [] : [c.slot.id])))].sort();
    const index = new Map(slotIds.map((id, i) => [id, i]));
    const at = (id: string) => index.get(id)!;
    plan = {
      slotIds,
      readers: columns.map((c) => readerFor(c, at, labels, lang, fallback)),
      valuesOf: (answers) => {
        const values: SlotValues = new Array(slotIds.length).fill(undefined);
        for (const id in answers) {
          const i = index.get(id);
          if (i !== undefined) values[i] = answers[id];
        }
        return values;
      },
    };
    byKey.set(key, plan);
  }
  return plan;
}

function readerFor(
  c: ExportColumn,
  at: (slotId: string) => number,
  labels: boolean,
  lang: string,
  fallback: string,
): CellReader {
  switch (c.kind) {
    case "meta":
      return META_READERS[c.name];
    case "slot":
      return slotReader(c.slot, at(c.slot.id), labels, lang, fallback);
    case "flag": {
      const i = at(c.slot.id);
      const code = c.choice.value;
      return (a) => {
        const v = a[i];
        return Array.isArray(v) ? (v.includes(code) ? 1 : 0) : null;
      };
    }
    case "rank": {
      const i = at(c.slot.id);
      const code = c.choice.value;
      return (a) => {
        const v = a[i];
        if (!Array.isArray(v)) return null;
        const rank = v.indexOf(code);
        return rank < 0 ? null : rank + 1;
      };
    }
    case "points": {
      const i = at(c.slot.id);
      const code = c.choice.value;
      return (a) => {
        const v = a[i];
        return v !== null && typeof v === "object" && !Array.isArray(v) ? (v[code] ?? 0) : null;
      };
    }
    case "other-flag": {
      const i = at(c.slot.id);
      const main = at(c.main);
      return (a) => {
        const text = a[i];
        if (typeof text === "string" && text !== "") return text;
        const picked = a[main];
        return Array.isArray(picked) ? (picked.includes(OTHER_CODE) ? 1 : 0) : null;
      };
    }
  }
}

const META_READERS: { [K in MetaColumn]: CellReader } = {
  response_id: (_, r) => r.id,
  session: (_, r) => r.sessionId,
  wave: (_, r) => r.wave,
  source: (_, r) => r.source,
  language: (_, r) => r.language,
  plain: (_, r) => (r.plain ? 1 : 0),
  status: (_, r) => r.status,
  started_at: (_, r) => r.startedAt,
  submitted_at: (_, r) => r.submittedAt,
};

/**
 * A whole slot's cell: a number as it is, a choice code as its label (with labels) or, on a
 * numeric scale, as a number that a spreadsheet can average; any other text as it is.
 */
function slotReader(slot: Slot, i: number, labels: boolean, lang: string, fallback: string): CellReader {
  const q = slot.question;
  const byCode = new Map<string, Cell>();
  if (slot.kind === "choice" && "choices" in q) {
    const ordinal = isOrdinal(q);
    for (const choice of q.choices) {
      if (byCode.has(choice.value)) continue; // the first choice with a code names it
      const v = choice.value;
      if (labels) byCode.set(v, pickText(choice.label, lang, fallback));
      else if (ordinal && !choice.missing && /^-?\d+(\.\d+)?$/.test(v)) byCode.set(v, Number(v));
    }
  }
  return (a) => {
    const v = a[i];
    if (v === undefined || v === null) return null;
    if (typeof v === "number") return v;
    if (typeof v !== "string") return JSON.stringify(v); // a shape no column expects: kept visible, not lost
    const cell = byCode.get(v);
    return cell === undefined ? v : cell;
  };
}
