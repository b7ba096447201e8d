// One data row (its cells, in header order) → the response's answers and meta fields, with a
// problem for each cell that cannot be read. Column handlers are compiled once per file so a
// million rows cost little. Pure; checks that need the whole row live in check-row.ts.
import type { Answers, Slot } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { defaultLanguage } from "../definition/model.js";
import { restoreNeutralized } from "../store/table.js";
import { slotHandler } from "./cell-readers.js";
import type { ColumnPlan } from "./columns.js";
import {
  type Acc,
  bad,
  finishOther,
  finishPerChoice,
  type Handler,
  perChoiceHandler,
} from "./map-choices.js";
import type { MappedRow, RowMapper } from "./mapped-row.js";
import { type ChoiceIndex, indexChoices } from "./values.js";

export type { CellProblem, MappedRow, RowMapper } from "./mapped-row.js";

export interface MapperOptions {
  /**
   * CSV: take back the apostrophe `kuulo export` puts before text that begins like a formula
   * (=, +, -, @, tab, CR), only where export would have put it, so that an export imports back
   * unchanged. Not for XLSX, whose export writes text as text without an apostrophe.
   */
  restoreApostrophe?: boolean;
}

export function makeRowMapper(survey: Survey, plan: ColumnPlan, opts: MapperOptions = {}): RowMapper {
  const restore = opts.restoreApostrophe === true;
  const lang = defaultLanguage(survey);
  const indexes = new Map<string, ChoiceIndex>();
  const ixOf = (slot: Slot): ChoiceIndex => {
    const q = slot.question;
    let ix = indexes.get(q.id);
    if (!ix) {
      ix = indexChoices("choices" in q ? q.choices : [], lang);
      indexes.set(q.id, ix);
    }
    return ix;
  };
  const handlers: { index: number; header: string; run: Handler }[] = [];
  for (const col of plan.columns) {
    const h = compileHandler(col.role, col.header, ixOf);
    if (h) handlers.push({ index: col.index, header: col.header, run: h });
  }
  const perChoiceQuestions = new Set(
    plan.columns.flatMap((c) =>
      c.role.kind === "flag" || c.role.kind === "rank" || c.role.kind === "points" ? [c.role.slot] : [],
    ),
  );
  const otherSlots = plan.columns.flatMap((c) =>
    c.role.kind === "slot" && c.role.slot.other ? [c.role.slot] : [],
  );

  // The per-question scratch of one row, emptied for the next (the row keeps nothing of it).
  const acc = new Map<string, Acc>();
  return (cells) => {
    // A prototype-less object is a plain hash table to V8: rows fill different subsets of dozens
    // of slot ids, and ordinary objects would walk a new hidden class for each (10× slower).
    const row: MappedRow = { answers: Object.create(null) as Answers, meta: {}, problems: [] };
    if (acc.size > 0) acc.clear();
    for (const h of handlers) {
      let raw = cells[h.index];
      if (raw === undefined || raw === "") continue;
      if (restore && raw.charCodeAt(0) === 39) raw = restoreNeutralized(raw);
      h.run(raw, row, acc);
    }
    for (const slot of perChoiceQuestions) finishPerChoice(slot, acc.get(slot.question.id), row);
    for (const slot of otherSlots) finishOther(slot, acc.get(slot.question.id), row);
    return row;
  };
}

function compileHandler(
  role: ColumnPlan["columns"][number]["role"],
  column: string,
  ixOf: (s: Slot) => ChoiceIndex,
): Handler | null {
  switch (role.kind) {
    case "ignore":
      return null;
    case "unnamed":
      return (raw, row) => {
        if (raw.trim() !== "")
          bad(row, column || "(no header)", raw, "is in a column without a header", "CSV_RAGGED_ROW", "");
      };
    case "meta":
      return (raw, row) => {
        const v = raw.trim();
        if (v !== "") row.meta[role.meta] = v;
      };
    case "flag":
    case "rank":
    case "points":
      return perChoiceHandler(role, column);
    case "slot":
      return slotHandler(role.slot, column, ixOf);
  }
}
