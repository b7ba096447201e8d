// One slot split by groups (`by` or `compare`): counted in one pass, every cell registered with
// the ledger and tied to the question's own counts, then the table with shares, statistics and
// differences once the ledger is solved. The steps are separate functions, in ledger order.
import type { Slot } from "../definition/answers.js";
import { type Choice, hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { NOT_SHOWN, VALID } from "./columns.js";
import { COST_MARGIN, COST_TOTAL, type Ctx, countOf, slotData } from "./context.js";
import { choiceRows, groupStats, meanDifferences, type Registered } from "./group-table-finish.js";
import { type GroupSpec, shownGroup } from "./groups.js";
import type { Count, GroupTable } from "./report.js";
import { codedSample, listSample, type Sample } from "./sample.js";
import { choiceCellId } from "./tally-choice.js";

export type TableKind = GroupTable["kind"];

interface Prepared {
  finish(mode: "by" | "compare", reference: number | null): GroupTable;
}

/** A column of the table: a shown group, or the pooled rest (never printed). */
interface Column {
  key: string;
  sizeId: string;
  shown: boolean;
}

/** What one pass over the answers counts for one column. */
interface Tally {
  cells: number[];
  /** Codes that are not among the choices (e.g. missing answers). */
  extra: Map<string, number>;
  /** The column's valid answers as numbers (scale points or number answers). */
  values: Sample;
  valid: number;
  notShown: number;
  size: number;
}

/** Register one slot split by `groups` under ledger prefix `t`. */
export function prepareGroupTable(
  ctx: Ctx,
  t: string,
  slot: Slot,
  kind: TableKind,
  groups: GroupSpec[],
  restId: string | null,
): Prepared {
  const q = slot.question;
  const choices = kind === "number" || !hasChoices(q) ? [] : q.choices.filter((c) => !c.missing);
  const columns = columnsOf(groups, restId);
  const tallies = tallyColumns(ctx, slot, kind, choices, groups, columns.length, restId !== null);
  const perCol = columns.map((col, ci) =>
    registerColumn(ctx, `${t}/${slot.id}/${col.key}`, col, tallies[ci]!, choices, kind),
  );
  // Published columns by group index (undefined for groups that are not shown).
  let k = 0;
  const per = groups.map((g) => (shownGroup(g) ? perCol[k++] : undefined));
  tieToQuestion(ctx, slot, choices, perCol);
  return {
    finish(mode, reference) {
      const hiddenCount: Count = { value: null, suppressed: true };
      const valid: Count[] = per.map((p) => (p ? countOf(ctx, p.validId, p.valid) : hiddenCount));
      const rows = choiceRows(ctx, choices, per, valid, mode === "compare" ? reference : undefined);
      const stats = groupStats(ctx, kind, choices, per, valid);
      const table: GroupTable = { slot: slot.id, questionType: q.type, kind, valid, rows, stats };
      if (mode === "compare" && stats) table.meanDifferences = meanDifferences(per, stats, reference);
      return table;
    },
  };
}

/** The shown groups, then the pooled rest. */
function columnsOf(groups: GroupSpec[], restId: string | null): Column[] {
  const columns = groups
    .map((g, gi) => ({ key: `g${gi}`, sizeId: g.sizeId, shown: shownGroup(g) }))
    .filter((c) => c.shown);
  if (restId !== null) columns.push({ key: "rest", sizeId: restId, shown: false });
  return columns;
}

/**
 * Each response's column, then one pass over the answers for all columns: sizes and answers per
 * choice index; scale values as counts per point (the sample reads the rest from the columns),
 * numbers as lists.
 */
function tallyColumns(
  ctx: Ctx,
  slot: Slot,
  kind: TableKind,
  choices: Choice[],
  groups: GroupSpec[],
  n: number,
  rest: boolean,
): Tally[] {
  const data = slotData(ctx, slot);
  const { col, state, rows } = data;
  const columnOf = columnOfResponses(groups, state.length, rest);
  const codes = col.codes.length;
  const byCode = new Float64Array(n * codes);
  const valid = new Float64Array(n);
  const notShown = new Float64Array(n);
  const size = new Float64Array(n);
  const numbers: number[][] = Array.from({ length: n }, () => []);
  const one = col.slot.kind === "choice";
  const number = col.slot.kind === "number" ? col.number : null;
  const picks = col.slot.kind === "choices" ? col.picks : null;
  const { code, width, missing } = col;
  for (let k = 0; k < state.length; k++) {
    const ci = columnOf[k]!;
    if (ci < 0) continue;
    const s = state[k]!;
    size[ci]!++;
    if (s === NOT_SHOWN) notShown[ci]!++;
    if (s !== VALID) continue;
    valid[ci]!++;
    const i = rows[k]!;
    if (number) numbers[ci]!.push(number[i]!);
    else if (one) byCode[ci * codes + code[i]!]!++;
    else if (picks)
      // The picked codes that are not "don't know".
      for (let c = 0; c < codes; c++)
        if (!missing[c] && (picks[i * width + (c >>> 5)]! & (1 << (c & 31))) !== 0) byCode[ci * codes + c]!++;
  }
  const choiceIndex = new Map(choices.map((c, i) => [c.value, i]));
  // Per choice index of the slot: its cell (-1: counted apart by code).
  const cellOf = col.codes.map((c) => choiceIndex.get(c) ?? -1);
  const scaleNumbers = kind === "scale" && one ? col.codes.map(codeNumber) : null;
  return Array.from({ length: n }, (_, ci): Tally => {
    const counts = byCode.subarray(ci * codes, (ci + 1) * codes);
    const cells = new Array<number>(choices.length).fill(0);
    const extra = new Map<string, number>();
    counts.forEach((m, c) => {
      if (m === 0) return;
      const cell = cellOf[c]!;
      if (cell >= 0) cells[cell]! += m;
      else extra.set(col.codes[c]!, (extra.get(col.codes[c]!) ?? 0) + m);
    });
    const values = scaleNumbers
      ? codedSample(data, scaleNumbers, { columnOf, column: ci, validByCode: counts })
      : listSample(numbers[ci]!);
    return { cells, extra, values, valid: valid[ci]!, notShown: notShown[ci]!, size: size[ci]! };
  });
}

/** One column's cells into the ledger under `cp`, each line adding up to its group's size. */
function registerColumn(
  ctx: Ctx,
  cp: string,
  col: Column,
  tally: Tally,
  choices: Choice[],
  kind: TableKind,
): Registered {
  const { ledger } = ctx;
  const publish = col.shown;
  const { cells, extra, values, valid, notShown, size } = tally;
  const counts = new Map(choices.map((c, i) => [c.value, cells[i]!]));
  for (const [code, n] of extra) counts.set(code, n);
  // The pooled rest's valid n is a status count of a group whose size is known anyway (like a
  // question's valid n); its answers stay protected cell by cell. Sensitive, it would force the
  // question's own valid n and every group's n hidden (a required question shown as "n < 5").
  const validId = ledger.cell(`${cp}/valid`, valid, { cost: COST_TOTAL, publish, exempt: !publish });
  const notShownId = ledger.cell(`${cp}/notShown`, notShown, { publish: false, exempt: true });
  const otherId = ledger.cell(`${cp}/nonanswer`, size - valid - notShown, { publish: false, exempt: true });
  ledger.line(col.sizeId, [validId, notShownId, otherId]);
  const cellId = (code: string) => `${cp}/c/${code}`;
  for (const c of choices) {
    const n = counts.get(c.value)!;
    ledger.cell(cellId(c.value), n, { publish });
    if (kind === "multi")
      ledger.line(validId, [
        cellId(c.value),
        ledger.cell(`${cp}/not/${c.value}`, valid - n, { publish: false }),
      ]);
  }
  if (kind !== "multi" && choices.length > 0)
    ledger.line(
      validId,
      choices.map((c) => cellId(c.value)),
    );
  return { valid, validId, counts, cellId, values, notShownId, otherId };
}

/** The groups partition the analysed responses, so each row adds up to the question's own count. */
function tieToQuestion(ctx: Ctx, slot: Slot, choices: Choice[], perCol: Registered[]): void {
  const { ledger } = ctx;
  const q = `q/${slot.id}`;
  // The question's own counts are the margins here: keep them visible before group cells.
  for (const c of choices) ledger.protect(choiceCellId(q, c.value), COST_MARGIN);
  for (const part of ["valid", "notShown", "nonanswer"] as const)
    ledger.line(
      `${q}/${part}`,
      perCol.map((p) => (part === "valid" ? p.validId : part === "notShown" ? p.notShownId : p.otherId)),
    );
  for (const c of choices)
    ledger.line(
      choiceCellId(q, c.value),
      perCol.map((p) => p.cellId(c.value)),
    );
}

/** The columns of responses already worked out, per set of groups (every table of a stage shares it). */
const columnCache = new WeakMap<GroupSpec[], { key: string; colOf: Int32Array }>();

/**
 * Per response, the index of its column: the shown groups in order, then (with `rest`) one
 * column pooling the groups that are too few. Groups partition the responses.
 */
function columnOfResponses(groups: GroupSpec[], n: number, rest: boolean): Int32Array {
  // The groups are settled before their tables: the same shown ones give the same columns.
  const key = `${rest}:${n}:${groups.map((g) => (shownGroup(g) ? 1 : 0)).join("")}`;
  const cached = columnCache.get(groups);
  if (cached?.key === key) return cached.colOf;
  const colOf = new Int32Array(n).fill(-1);
  const shown = groups.filter(shownGroup).length;
  let k = 0;
  for (const g of groups) {
    const ci = !shownGroup(g) ? (rest ? shown : -1) : k++;
    if (ci < 0) continue;
    const m = g.members;
    for (let i = 0; i < n; i++) if (m[i]) colOf[i] = ci;
  }
  columnCache.set(groups, { key, colOf });
  return colOf;
}
