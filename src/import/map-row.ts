// One data row (its cells, in header order) → the response's answers and meta fields, with a
// problem for each cell that cannot be read. Column handlers are compiled once per file so a
// million rows cost little. Pure; checks that need the whole row live in check-row.ts.
import type { Answers, AnswerValue, Slot } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { defaultLanguage } from "../definition/model.js";
import { restoreNeutralized } from "../store/table.js";
import type { ColumnPlan } from "./columns.js";
import {
  type Acc,
  accFor,
  bad,
  finishOther,
  finishPerChoice,
  type Handler,
  perChoiceHandler,
} from "./map-choices.js";
import type { MappedRow, RowMapper } from "./mapped-row.js";
import {
  type ChoiceIndex,
  indexChoices,
  isTrueFlag,
  parseChoice,
  parseChoiceList,
  parseFlag,
  parseNumber,
} from "./values.js";

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

  return (cells) => {
    // A prototype-less object is a plain hash table to V8: rows fill different subsets of dozens
    // of slot ids, and ordinary objects would walk a new hidden class for each (10× slower).
    const row: MappedRow = { answers: Object.create(null) as Answers, meta: {}, problems: [] };
    const acc = new Map<string, Acc>();
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

function slotHandler(slot: Slot, column: string, ixOf: (s: Slot) => ChoiceIndex): Handler {
  const q = slot.question;
  const set = (row: MappedRow, v: AnswerValue) => {
    row.answers[slot.id] = v;
  };
  if (slot.other)
    return (raw, _row, acc) => {
      const a = accFor(acc, q.id);
      a.otherColumn = column;
      const v = raw.trim();
      if (v === "") return;
      // A tick in the "other" column picks "other" without a text; a 0/ei/no is just "not picked".
      if (isTrueFlag(v)) a.otherTick = true;
      else if (parseFlag(v).ok) return;
      else a.otherText = v;
    };
  switch (slot.kind) {
    case "choice": {
      const ix = ixOf(slot);
      return (raw, row) => {
        if (raw.trim() === "") return;
        const r = parseChoice(raw, ix);
        r.ok ? set(row, r.value) : bad(row, column, raw, r.message);
      };
    }
    case "choices":
    case "ranking": {
      const ix = ixOf(slot);
      const order = new Map(ix.codes.map((c, i) => [c, i]));
      return (raw, row) => {
        if (raw.trim() === "") return;
        const { codes, bad: unknown } = parseChoiceList(raw, ix);
        if (unknown.length > 0) {
          const one = parseChoice(unknown[0]!, ix);
          return bad(
            row,
            column,
            raw,
            one.ok
              ? "is not a list of choices"
              : `contains ${JSON.stringify(unknown[0])}, which ${one.message}`,
          );
        }
        const unique = [...new Set(codes)];
        if (slot.kind === "ranking") {
          if (unique.length < codes.length)
            return bad(row, column, raw, "names a choice twice in a ranking", "CSV_RANKING");
          return set(row, unique);
        }
        set(
          row,
          unique.sort((a, b) => order.get(a)! - order.get(b)!),
        );
      };
    }
    case "number": {
      if (!("integer" in q)) return () => {};
      const range =
        q.min !== undefined && q.max !== undefined
          ? `from ${q.min} to ${q.max}`
          : q.min !== undefined
            ? `of at least ${q.min}`
            : q.max !== undefined
              ? `of at most ${q.max}`
              : "";
      return (raw, row) => {
        if (raw.trim() === "") return;
        const n = parseNumber(raw);
        if (!n.ok) return bad(row, column, raw, `${n.message}${range ? `; expected a number ${range}` : ""}`);
        if (q.integer && !Number.isInteger(n.value))
          return bad(row, column, raw, `is not a whole number (expected a whole number ${range})`.trim());
        if ((q.min !== undefined && n.value < q.min) || (q.max !== undefined && n.value > q.max))
          return bad(row, column, raw, `is out of range (expected a number ${range})`);
        set(row, n.value);
      };
    }
    case "text": {
      const max = "maxLength" in q ? q.maxLength : 2000;
      return (raw, row) => {
        // Line breaks are kept as typed (an export imports back unchanged); length counts
        // characters as the kiosk does, so an emoji is one.
        const v = raw.trim();
        if (v === "") return;
        const length = v.length > max ? [...v].length : v.length;
        if (length > max)
          return bad(row, column, raw, `is ${length} characters long; at most ${max} fit this answer`);
        set(row, v);
      };
    }
    case "allocation": {
      const ix = ixOf(slot);
      return (raw, row) => {
        if (raw.trim() === "") return;
        const out: Record<string, number> = {};
        for (const part of raw.split(/[;|\n]/)) {
          if (part.trim() === "") continue;
          const m = /^(.*?)\s*[:=]\s*(\d+)\s*$/.exec(part.trim());
          const code = m ? parseChoice(m[1]!, ix) : null;
          if (!m || !code?.ok)
            return bad(
              row,
              column,
              raw,
              `is not a list of choice:points pairs (e.g. ${ix.codes
                .slice(0, 2)
                .map((c) => `${c}:2`)
                .join(";")})`,
            );
          out[code.value] = (out[code.value] ?? 0) + Number(m[2]);
        }
        set(row, out);
      };
    }
  }
}
