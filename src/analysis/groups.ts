// Questions split by groups: cross-tabulation by a grouping question (`by`, with a chi-square
// test) and waves, sessions or sources side by side (`compare`, with differences and effect
// sizes). Every cell joins the ledger, tied to the question's own counts, so no table can be
// subtracted from another to reveal a small count. Groups smaller than minCell are "too few".
import type { Slot } from "../definition/answers.js";
import { surveySlots } from "../definition/answers.js";
import type { Text } from "../definition/model.js";
import { hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { COST_MARGIN, COST_TOTAL, type Ctx, complementOf, countOf, statesOf } from "./context.js";
import type { Count, GroupRow, GroupTable, ScaleStats } from "./report.js";
import { boxSize, type ScaleCell, scaleStats } from "./scale-stats.js";
import { ciMean, diffMeans, diffProportions, mean, median, sd } from "./stats.js";
import { LOCKED } from "./suppress.js";
import { choiceCellId } from "./tally-choice.js";

export interface GroupSpec {
  code: string | null;
  label: Text | null;
  /** Per analysed response (aligned with ctx.responses): in this group? */
  members: boolean[];
  size: number;
  /** Ledger id of the group size (registered and settled before the tables). */
  sizeId: string;
  /** Smaller than minCell (but not empty): nothing about it is shown. */
  tooFew: boolean;
  /** At least minCell, but its size is hidden so that a smaller group's cannot be worked out. */
  withheld?: boolean;
}

/** A group shown as a column of its own. */
export function shownGroup(g: GroupSpec): boolean {
  return !g.tooFew && g.withheld !== true;
}

/**
 * Settle which groups are shown (size published, at least minCell) and lock their sizes, so the
 * tables cannot change them. Groups not shown are pooled into one never-printed "rest" column:
 * a reader can compute the pool from the question's own counts, so it is protected like any cell.
 */
export function settleGroups(ctx: Ctx, t: string, groups: GroupSpec[]): { restId: string | null } {
  for (const g of groups) {
    g.tooFew = g.size > 0 && g.size < ctx.minCell;
    // A larger group whose size is hidden as a complement is pooled too, but marked as withheld.
    g.withheld = !g.tooFew && ctx.ledger.isHidden(g.sizeId);
    // A small group's size is hidden whatever the ledger found (a "no answer" group of 3 too).
    if (g.tooFew) ctx.ledger.cell(g.sizeId, g.size, { hide: true });
    ctx.ledger.protect(g.sizeId, LOCKED);
  }
  ctx.tooFewGroups += groups.filter((g) => g.tooFew || g.withheld).length;
  const rest = groups.filter((g) => !shownGroup(g)).reduce((a, g) => a + g.size, 0);
  if (rest === 0) return { restId: null };
  // Known to a reader as the analysed total minus the shown groups; protected in the first solve.
  const restId = ctx.ledger.cell(`${t}/rest/size`, rest, { exempt: true, cost: LOCKED });
  return { restId };
}

type TableKind = GroupTable["kind"];

/** Slots that can be split by groups, with their table kind. */
export function groupableSlots(ctx: Ctx, exclude: string | null): { slot: Slot; kind: TableKind }[] {
  const out: { slot: Slot; kind: TableKind }[] = [];
  for (const slot of surveySlots(ctx.survey)) {
    if (slot.other || slot.id === exclude) continue;
    const t = slot.question.type;
    if (t === "single" || t === "yesno") out.push({ slot, kind: "choice" });
    else if (t === "multi") out.push({ slot, kind: "multi" });
    else if (t === "likert" || t === "scale" || t === "matrix") out.push({ slot, kind: "scale" });
    else if (t === "number") out.push({ slot, kind: "number" });
  }
  return out;
}

interface Prepared {
  finish(mode: "by" | "compare", reference: number | null): GroupTable;
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
  const { ledger } = ctx;
  const states = statesOf(ctx, slot);
  const q = slot.question;
  const choices = kind === "number" || !hasChoices(q) ? [] : q.choices.filter((c) => !c.missing);
  const prefix = `${t}/${slot.id}`;
  // Columns: the shown groups, then the pooled rest (never printed).
  const columns = groups
    .map((g, gi) => ({ key: `g${gi}`, size: g.size, sizeId: g.sizeId, shown: shownGroup(g) }))
    .filter((c) => c.shown);
  if (restId !== null) columns.push({ key: "rest", size: 0, sizeId: restId, shown: false });
  // Each response's column (−1 for none), then one pass over the answers for all columns.
  const columnOf = columnOfResponses(groups, states.length, restId !== null);
  const choiceIndex = new Map(choices.map((c, i) => [c.value, i]));
  const numbers = new Map<string, number | null>();
  const tallies = columns.map(() => ({
    cells: new Array<number>(choices.length).fill(0),
    extra: new Map<string, number>(),
    values: [] as number[],
    valid: 0,
    notShown: 0,
    size: 0,
  }));
  const countCode = (t: (typeof tallies)[number], code: string) => {
    const i = choiceIndex.get(code);
    if (i !== undefined) t.cells[i]!++;
    else t.extra.set(code, (t.extra.get(code) ?? 0) + 1);
  };
  for (let i = 0; i < states.length; i++) {
    const ci = columnOf[i]!;
    if (ci < 0) continue;
    const t = tallies[ci]!;
    const s = states[i]!;
    t.size++;
    if (s.state === "notShown") t.notShown++;
    if (s.state !== "valid") continue;
    t.valid++;
    const v = s.value;
    if (typeof v === "number") t.values.push(v);
    else if (typeof v === "string") {
      countCode(t, v);
      if (kind === "scale") {
        let x = numbers.get(v);
        if (x === undefined) {
          x = codeNumber(v);
          numbers.set(v, x);
        }
        if (x !== null) t.values.push(x);
      }
    } else if (Array.isArray(v)) for (const code of v) countCode(t, code);
  }
  const perCol = columns.map((col, ci) => {
    const publish = col.shown;
    const { cells, extra, values, valid, notShown, size } = tallies[ci]!;
    const counts = new Map(choices.map((c, i) => [c.value, cells[i]!]));
    for (const [code, n] of extra) counts.set(code, n);
    const cp = `${prefix}/${col.key}`;
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
  });
  // Published columns by group index (undefined for groups that are not shown).
  const colOf = new Map<number, (typeof perCol)[number]>();
  let k = 0;
  groups.forEach((g, gi) => {
    if (shownGroup(g)) colOf.set(gi, perCol[k++]!);
  });
  const per = groups.map((_, gi) => colOf.get(gi));
  // The question's own counts are the margins here: keep them visible before group cells.
  for (const c of choices) ledger.protect(choiceCellId(`q/${slot.id}`, c.value), COST_MARGIN);
  // The groups partition the analysed responses, so each row adds up to the question's own count.
  ledger.line(
    `q/${slot.id}/valid`,
    perCol.map((p) => p.validId),
  );
  ledger.line(
    `q/${slot.id}/notShown`,
    perCol.map((p) => p.notShownId),
  );
  ledger.line(
    `q/${slot.id}/nonanswer`,
    perCol.map((p) => p.otherId),
  );
  for (const c of choices)
    ledger.line(
      choiceCellId(`q/${slot.id}`, c.value),
      perCol.map((p) => p.cellId(c.value)),
    );

  const hiddenCount = { value: null, suppressed: true };
  const scalePoints = choices.filter((c) => codeNumber(c.value) !== null).length;
  const noStats = (n: Count): ScaleStats => ({
    n,
    mean: null,
    median: null,
    sd: null,
    ci: null,
    topBox: null,
    bottomBox: null,
    box: kind === "scale" ? boxSize(scalePoints) : 0,
    withheld: [],
  });
  return {
    finish(mode, reference) {
      const valid: Count[] = per.map((p) => (p ? countOf(ctx, p.validId, p.valid) : hiddenCount));
      const rows: GroupRow[] = choices.map((c) => {
        const cells = per.map((p, gi) => {
          if (!p) return { count: null, share: null, suppressed: true };
          const n = p.counts.get(c.value)!;
          const cnt = countOf(ctx, p.cellId(c.value), n);
          const share = cnt.suppressed || valid[gi]!.suppressed || p.valid === 0 ? null : n / p.valid;
          return { count: cnt.value, share, suppressed: cnt.suppressed, ...complementOf(cnt) };
        });
        const row: GroupRow = { code: c.value, label: c.label, cells };
        if (mode === "compare") {
          const r = reference;
          row.differences = cells.map((cell, gi) => {
            const p = per[gi];
            const ref = r === null ? undefined : per[r];
            if (!p || !ref || gi === r || cell.share === null || cells[r!]!.share === null) return null;
            const d = diffProportions(p.counts.get(c.value)!, p.valid, ref.counts.get(c.value)!, ref.valid);
            return d ? { diff: d.diff, ci: d.ci, cohenH: d.cohenH } : null;
          });
        }
        return row;
      });
      let stats: ScaleStats[] | null = null;
      if (kind === "scale")
        stats = per.map((p, gi) =>
          p
            ? scaleStats(
                ctx,
                p.values,
                valid[gi]!,
                choices
                  .map((c) => ({
                    id: p.cellId(c.value),
                    value: codeNumber(c.value),
                    count: p.counts.get(c.value)!,
                    hidden: ledger.isHidden(p.cellId(c.value)),
                  }))
                  .filter((x): x is ScaleCell => x.value !== null),
              )
            : noStats(hiddenCount),
        );
      if (kind === "number")
        stats = per.map((p, gi) => {
          if (!p) return noStats(hiddenCount);
          const show = !valid[gi]!.suppressed && p.values.length > 0;
          return {
            ...noStats(valid[gi]!),
            mean: show ? mean(p.values) : null,
            median: show ? median(p.values) : null,
            sd: show ? sd(p.values) : null,
            ci: show ? ciMean(p.values) : null,
          };
        });
      const table: GroupTable = { slot: slot.id, questionType: q.type, kind, valid, rows, stats };
      if (mode === "compare" && stats) {
        const st = stats;
        table.meanDifferences = per.map((p, gi) => {
          const r = reference;
          const ref = r === null ? undefined : per[r];
          if (!p || !ref || gi === r) return null;
          const ok = (k: number) => st[k]!.mean !== null && st[k]!.sd !== null;
          if (!ok(gi) || !ok(r!)) return null;
          const d = diffMeans(p.values, ref.values);
          return d ? { diff: d.diff, ci: d.ci, cohenD: d.cohenD } : null;
        });
      }
      return table;
    },
  };
}

/**
 * Per response, the index of its column: the shown groups in order, then (with `rest`) one
 * column pooling the groups that are too few. Groups partition the responses.
 */
function columnOfResponses(groups: GroupSpec[], n: number, rest: boolean): Int32Array {
  const colOf = new Int32Array(n).fill(-1);
  const shown = groups.filter(shownGroup).length;
  let k = 0;
  for (const g of groups) {
    const ci = !shownGroup(g) ? (rest ? shown : -1) : k++;
    if (ci < 0) continue;
    const m = g.members;
    for (let i = 0; i < n; i++) if (m[i]) colOf[i] = ci;
  }
  return colOf;
}

/** Cell counts of the groups that have a code and are not too few (for the chi-square test). */
export function testTable(table: GroupTable, groups: GroupSpec[]): { counts: number[][]; hidden: boolean } {
  const cols = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.code !== null && shownGroup(g));
  let hidden = false;
  const counts = table.rows.map((row) =>
    cols.map(({ i }) => {
      const c = row.cells[i]!;
      if (c.suppressed || c.count === null) hidden = true;
      return c.count ?? 0;
    }),
  );
  return { counts, hidden };
}
