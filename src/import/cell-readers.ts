// How a cell becomes an answer, one reader per kind of slot (choice, choices, ranking, number,
// text, allocation) and one for the "other" text. A reader records the value on the row or a
// problem that names the column, the cell and the fix. Pure.
import type { AnswerValue, Slot, SlotKind } from "../definition/answers.js";
import { accFor, bad, type Handler } from "./map-choices.js";
import type { MappedRow } from "./mapped-row.js";
import {
  type ChoiceIndex,
  exactChoiceList,
  isTrueFlag,
  parseChoice,
  parseChoiceList,
  parseFlag,
  parseNumber,
} from "./values.js";

/** What a reader is made with: its slot and column, the slot's choices, and how to store a value. */
interface ReaderInput {
  slot: Slot;
  column: string;
  ix(): ChoiceIndex;
  set(row: MappedRow, v: AnswerValue): void;
}

/** Codes in a list: ranked as given (each once), or picked in the survey's order. */
function listReader({ slot, column, ix: ixOf, set }: ReaderInput): Handler {
  const ix = ixOf();
  const order = new Map(ix.codes.map((c, i) => [c, i]));
  return (raw, row) => {
    if (raw.trim() === "") return;
    const exact = exactChoiceList(raw, ix);
    if (exact !== undefined && slot.kind !== "ranking" && inOrder(exact, order)) return set(row, exact);
    const { codes, bad: unknown } = exact ? { codes: exact, bad: [] } : parseChoiceList(raw, ix);
    if (unknown.length > 0) {
      const one = parseChoice(unknown[0]!, ix);
      return bad(
        row,
        column,
        raw,
        one.ok ? "is not a list of choices" : `contains ${JSON.stringify(unknown[0])}, which ${one.message}`,
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

/** Picked codes already in the survey's order, each once (as a typed-in list nearly always is). */
function inOrder(codes: readonly string[], order: ReadonlyMap<string, number>): boolean {
  for (let i = 1; i < codes.length; i++) if (order.get(codes[i - 1]!)! >= order.get(codes[i]!)!) return false;
  return true;
}

function numberReader({ slot, column, set }: ReaderInput): Handler {
  const q = slot.question;
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

function textReader({ slot, column, set }: ReaderInput): Handler {
  const q = slot.question;
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

function allocationReader({ column, ix: ixOf, set }: ReaderInput): Handler {
  const ix = ixOf();
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

const CELL_READERS: { [K in SlotKind]: (r: ReaderInput) => Handler } = {
  choice: ({ column, ix: ixOf, set }) => {
    const ix = ixOf();
    return (raw, row) => {
      if (raw.trim() === "") return;
      // A code or label exactly as written (nearly every cell) needs no normalising.
      const hit = ix.exact.get(raw);
      if (hit !== undefined) return set(row, hit);
      const r = parseChoice(raw, ix);
      r.ok ? set(row, r.value) : bad(row, column, raw, r.message);
    };
  },
  choices: listReader,
  ranking: listReader,
  number: numberReader,
  text: textReader,
  allocation: allocationReader,
};

/** The "other" text: a tick picks "other" without a text; a 0/ei/no is just "not picked". */
function otherReader(slot: Slot, column: string): Handler {
  return (raw, _row, acc) => {
    const a = accFor(acc, slot.question.id);
    a.otherColumn = column;
    const v = raw.trim();
    if (v === "") return;
    if (isTrueFlag(v)) a.otherTick = true;
    else if (parseFlag(v).ok) return;
    else a.otherText = v;
  };
}

/** The reader of a column holding one whole slot. */
export function slotHandler(slot: Slot, column: string, ixOf: (s: Slot) => ChoiceIndex): Handler {
  if (slot.other) return otherReader(slot, column);
  return CELL_READERS[slot.kind]({
    slot,
    column,
    ix: () => ixOf(slot),
    set: (row, v) => {
      row.answers[slot.id] = v;
    },
  });
}
