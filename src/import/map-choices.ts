// The per-choice side of reading a row: tick, rank and points columns gathered per question, then
// turned into one answer (picked codes, codes in rank order, points per code), and the "other"
// text that also picks "other". Pure; used only by map-row.ts.
import { OTHER_CODE, type Slot, slotsOf } from "../definition/answers.js";
import type { ImportCode } from "./diagnostics.js";
import type { MappedRow } from "./mapped-row.js";
import { importRowOf } from "./question-types.js";
import { parseFlag, parseInteger } from "./values.js";

/** Per-question scratch while a row is read: ticks, ranks, points, other text. */
export interface Acc {
  flags?: Map<string, boolean>;
  ranks?: Map<string, number>;
  points?: Map<string, number>;
  otherText?: string;
  otherTick?: boolean;
  otherColumn?: string;
}

export type Handler = (raw: string, row: MappedRow, acc: Map<string, Acc>) => void;

export function bad(
  row: MappedRow,
  column: string,
  raw: string | undefined,
  message: string,
  code: ImportCode = "CSV_BAD_VALUE",
  question = column.split(".")[0],
): void {
  row.problems.push({
    severity: "error",
    code,
    column,
    ...(raw !== undefined ? { value: raw } : {}),
    ...(question ? { question } : {}),
    message,
  });
}

export function accFor(acc: Map<string, Acc>, qid: string): Acc {
  let a = acc.get(qid);
  if (!a) {
    a = {};
    acc.set(qid, a);
  }
  return a;
}

export function perChoiceHandler(
  role: { kind: "flag" | "rank" | "points"; slot: Slot; code: string },
  column: string,
): Handler {
  const q = role.slot.question;
  const qid = q.id;
  if (role.kind === "flag")
    return (raw, row, acc) => {
      const f = parseFlag(raw);
      if (!f.ok) return bad(row, column, raw, f.message);
      if (f.value === null) return;
      const a = accFor(acc, qid);
      if (!a.flags) a.flags = new Map();
      a.flags.set(role.code, f.value);
    };
  if (role.kind === "rank") {
    const top = importRowOf(q).choiceMax(q);
    return (raw, row, acc) => {
      if (raw.trim() === "") return;
      const n = parseInteger(raw, "rank", 1, top);
      if (!n.ok) return bad(row, column, raw, n.message);
      const a = accFor(acc, qid);
      if (!a.ranks) a.ranks = new Map();
      a.ranks.set(role.code, n.value);
    };
  }
  const points = importRowOf(q).choiceMax(q);
  return (raw, row, acc) => {
    if (raw.trim() === "") return;
    const n = parseInteger(raw, "number of points", 0, points);
    if (!n.ok) return bad(row, column, raw, n.message);
    const a = accFor(acc, qid);
    if (!a.points) a.points = new Map();
    a.points.set(role.code, n.value);
  };
}

/** Ticks → picked codes, ranks → codes in rank order, points → a points map. */
export function finishPerChoice(slot: Slot, a: Acc | undefined, row: MappedRow): void {
  if (!a) return;
  const q = slot.question;
  if (!("choices" in q)) return;
  const codes = q.choices.map((c) => c.value);
  if (a.flags) {
    const picked = codes.filter((c) => a.flags!.get(c) === true);
    if (a.otherTick || a.otherText) {
      if (!picked.includes(OTHER_CODE)) picked.push(OTHER_CODE);
      a.otherTick = false; // ticking and writing are one act on a one-column-per-choice sheet
      a.flags.set(OTHER_CODE, true);
    }
    row.answers[slot.id] = picked;
  }
  if (a.ranks) {
    const byRank = [...a.ranks].sort((x, y) => x[1] - y[1]);
    const ranks = byRank.map(([, r]) => r);
    const dup = ranks.find((r, i) => ranks.indexOf(r) !== i);
    if (dup !== undefined) {
      const names = byRank.filter(([, r]) => r === dup).map(([c]) => `${q.id}.${c}`);
      bad(
        row,
        names.join(", "),
        undefined,
        `rank ${dup} is given to ${names.length} choices; each rank may be used once`,
        "CSV_RANKING",
      );
      return;
    }
    const gap = ranks.findIndex((r, i) => r !== i + 1);
    if (gap >= 0) {
      bad(
        row,
        q.id,
        ranks.join(","),
        `the ranks skip ${gap + 1}; ranks must run 1, 2, 3… without gaps`,
        "CSV_RANKING",
      );
      return;
    }
    row.answers[slot.id] = byRank.map(([c]) => c);
  }
  if (a.points) {
    const out: Record<string, number> = {};
    for (const c of codes) {
      const p = a.points.get(c);
      if (p !== undefined && p > 0) out[c] = p;
    }
    row.answers[slot.id] = out;
  }
}

/** The "other" text: stored, and "other" picked when the person wrote without ticking. */
export function finishOther(slot: Slot, a: Acc | undefined, row: MappedRow): void {
  if (!a || (!a.otherText && !a.otherTick)) return;
  const q = slot.question;
  const main = q.id;
  if (a.otherText !== undefined) row.answers[slot.id] = a.otherText;
  const current = row.answers[main];
  const picks = slotsOf(q)[0]?.kind;
  if (picks === "choices") {
    const list = Array.isArray(current) ? current : [];
    if (!list.includes(OTHER_CODE)) {
      if (a.otherText !== undefined && current !== undefined)
        row.problems.push({
          severity: "warning",
          code: "CSV_OTHER_NOT_PICKED",
          column: a.otherColumn ?? slot.id,
          value: a.otherText,
          message: `has an "other" text but "${OTHER_CODE}" is not picked in ${main}; it was picked`,
        });
      row.answers[main] = [...list, OTHER_CODE];
    }
  } else if (picks === "choice") {
    if (current === undefined) row.answers[main] = OTHER_CODE;
    else if (current !== OTHER_CODE && a.otherText !== undefined)
      row.problems.push({
        severity: "warning",
        code: "CSV_OTHER_NOT_PICKED",
        column: a.otherColumn ?? slot.id,
        value: a.otherText,
        message: `has an "other" text but ${main} is ${JSON.stringify(current)}, not "${OTHER_CODE}"; both were kept`,
      });
  }
}
