// The finished table of a slot split by groups (group-table.ts), once the ledger is solved:
// counts and shares per choice, statistics per group, differences to the reference group.
import type { Choice } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { type Ctx, complementOf, countOf } from "./context.js";
import type { Count, GroupRow, GroupTable, ScaleStats } from "./report.js";
import type { Sample } from "./sample.js";
import { boxSize, type ScaleCell, scaleStats } from "./scale-stats.js";
import { diffMeansOf, diffProportions } from "./stats.js";

type TableKind = GroupTable["kind"];

/** A column's counts with their ledger ids. */
export interface Registered {
  valid: number;
  validId: string;
  counts: Map<string, number>;
  cellId(code: string): string;
  /** The column's valid answers as numbers. */
  values: Sample;
  notShownId: string;
  otherId: string;
}

/** A row per choice: count and share per group; with a reference group, differences to it. */
export function choiceRows(
  ctx: Ctx,
  choices: Choice[],
  per: (Registered | undefined)[],
  valid: Count[],
  reference: number | null | undefined,
): GroupRow[] {
  return choices.map((c) => {
    const cells = per.map((p, gi) => {
      if (!p) return { count: null, share: null, suppressed: true };
      const n = p.counts.get(c.value)!;
      const cnt = countOf(ctx, p.cellId(c.value), n);
      const share = cnt.suppressed || valid[gi]!.suppressed || p.valid === 0 ? null : n / p.valid;
      return { count: cnt.value, share, suppressed: cnt.suppressed, ...complementOf(cnt) };
    });
    const row: GroupRow = { code: c.value, label: c.label, cells };
    if (reference !== undefined) {
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
}

/** Scale or number statistics per group; null for the other kinds. */
export function groupStats(
  ctx: Ctx,
  kind: TableKind,
  choices: Choice[],
  per: (Registered | undefined)[],
  valid: Count[],
): ScaleStats[] | null {
  const hiddenCount: Count = { value: null, suppressed: true };
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
  if (kind === "scale")
    return per.map((p, gi) =>
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
                hidden: ctx.ledger.isHidden(p.cellId(c.value)),
              }))
              .filter((x): x is ScaleCell => x.value !== null),
          )
        : noStats(hiddenCount),
    );
  if (kind === "number")
    return per.map((p, gi) => {
      if (!p) return noStats(hiddenCount);
      const show = !valid[gi]!.suppressed && p.values.n > 0;
      return {
        ...noStats(valid[gi]!),
        mean: show ? p.values.mean() : null,
        median: show ? p.values.median() : null,
        sd: show ? p.values.sd() : null,
        ci: show ? p.values.ci() : null,
      };
    });
  return null;
}

/** Differences of means to the reference group, with their confidence intervals and Cohen's d. */
export function meanDifferences(
  per: (Registered | undefined)[],
  stats: ScaleStats[],
  reference: number | null,
): GroupTable["meanDifferences"] {
  return per.map((p, gi) => {
    const r = reference;
    const ref = r === null ? undefined : per[r];
    if (!p || !ref || gi === r) return null;
    const ok = (k: number) => stats[k]!.mean !== null && stats[k]!.sd !== null;
    if (!ok(gi) || !ok(r!)) return null;
    const d = diffMeansOf(p.values, ref.values);
    return d ? { diff: d.diff, ci: d.ci, cohenD: d.cohenD } : null;
  });
}
