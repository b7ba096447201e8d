// The survey's analysis blocks: composite indices with Cronbach's alpha, importance–performance
// analysis and LibQUAL-style gaps. Each uses complete cases; its n is a count under suppression,
// and nothing is published for a hidden n. Their means are published no more precisely than the
// question tables publish the same answers' means (published-means.ts).
import { findSlot } from "../definition/answers.js";
import { hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { VALID } from "./columns.js";
import { type Ctx, countOf, slotData } from "./context.js";
import { atPrecision, compositeDecimals, intervalAt, type PublishedMeans } from "./published-means.js";
import type { GapResult, IndexResult, IpaQuadrant, IpaResult } from "./report.js";
import { ciMean, cronbachAlpha, mean, median, sd } from "./stats.js";

/** Numeric answers of a slot over the analysed responses (NaN when not a valid number). */
export function numericAnswers(ctx: Ctx, slotId: string): Float64Array {
  const out = new Float64Array(ctx.rows.length).fill(Number.NaN);
  const slot = findSlot(ctx.survey, slotId);
  if (!slot) return out;
  const { col, state, rows } = slotData(ctx, slot);
  const numbers = col.codes.map(codeNumber);
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID) continue;
    const i = rows[k]!;
    const v =
      col.slot.kind === "choice"
        ? numbers[col.code[i]!]!
        : col.slot.kind === "number"
          ? col.number![i]!
          : col.slot.kind === "text" && col.texts
            ? codeNumber(col.texts[i]!)
            : null;
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Lowest and highest numeric scale points of a slot (for reverse coding). */
function scaleRange(ctx: Ctx, slotId: string): { lo: number; hi: number } | null {
  const q = findSlot(ctx.survey, slotId)?.question;
  if (!q || !hasChoices(q)) return null;
  const vals = q.choices
    .filter((c) => !c.missing)
    .map((c) => codeNumber(c.value))
    .filter((v): v is number => v !== null);
  return vals.length ? { lo: Math.min(...vals), hi: Math.max(...vals) } : null;
}

/** Rows of complete cases over the given slots. */
function completeCases(cols: Float64Array[]): number[][] {
  const rows: number[][] = [];
  const n = cols[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    let complete = true;
    for (const c of cols) if (Number.isNaN(c[i]!)) complete = false;
    if (complete) rows.push(cols.map((c) => c[i]!));
  }
  return rows;
}

export function prepareIndices(ctx: Ctx): (published: PublishedMeans) => IndexResult[] {
  const prepared = ctx.survey.indices.map((ix) => {
    const cols = ix.items.map((item) => {
      const vals = numericAnswers(ctx, item);
      const range = scaleRange(ctx, item);
      return ix.reverse.includes(item) && range ? vals.map((v) => range.lo + range.hi - v) : vals;
    });
    const rows = completeCases(cols);
    const id = ctx.ledger.cell(`ix/${ix.id}/n`, rows.length);
    return { ix, rows, id };
  });
  return (published) =>
    prepared.map(({ ix, rows, id }) => {
      const n = countOf(ctx, id, rows.length);
      const show = !n.suppressed && rows.length > 0;
      const scores = rows.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
      const d = show ? limit(ctx, compositeDecimals(published, ix.items, rows.length, ctx.minCell), 2) : null;
      return {
        id: ix.id,
        title: ix.title,
        items: ix.items,
        reverse: ix.reverse,
        n,
        mean: show ? atPrecision(mean(scores), d) : null,
        median: show ? median(scores) : null,
        sd: show ? sd(scores) : null,
        ci: show ? intervalAt(ciMean(scores), d) : null,
        alpha: show ? cronbachAlpha(rows) : null,
      };
    });
}

export function prepareIpa(ctx: Ctx): (published: PublishedMeans) => IpaResult | null {
  if (ctx.survey.ipa.length === 0) return () => null;
  const prepared = ctx.survey.ipa.map((pair) => {
    const rows = completeCases([numericAnswers(ctx, pair.importance), numericAnswers(ctx, pair.performance)]);
    return { pair, rows, id: ctx.ledger.cell(`ipa/${pair.id}/n`, rows.length) };
  });
  return (published) => {
    const rows = prepared.map(({ pair, rows: data, id }) => {
      const n = countOf(ctx, id, data.length);
      const show = !n.suppressed && data.length > 0;
      const at = (slot: string) =>
        show ? limit(ctx, compositeDecimals(published, [slot], data.length, ctx.minCell), 1) : null;
      return {
        id: pair.id,
        label: pair.label,
        importance: pair.importance,
        performance: pair.performance,
        n,
        importanceMean: show ? atPrecision(mean(data.map((r) => r[0]!)), at(pair.importance)) : null,
        performanceMean: show ? atPrecision(mean(data.map((r) => r[1]!)), at(pair.performance)) : null,
        quadrant: null as IpaQuadrant | null,
      };
    });
    const shown = rows.filter((r) => r.importanceMean !== null && r.performanceMean !== null);
    if (shown.length < 2) return { crosshair: null, rows };
    const crosshair = {
      importance: mean(shown.map((r) => r.importanceMean!))!,
      performance: mean(shown.map((r) => r.performanceMean!))!,
    };
    for (const r of shown) {
      const hiI = r.importanceMean! >= crosshair.importance;
      const hiP = r.performanceMean! >= crosshair.performance;
      r.quadrant = hiI ? (hiP ? "keep-up" : "concentrate") : hiP ? "possible-overkill" : "low-priority";
    }
    return { crosshair, rows };
  };
}

export function prepareGaps(ctx: Ctx): (published: PublishedMeans) => GapResult[] {
  const prepared = ctx.survey.gaps.map((gap) => {
    const rows = completeCases([
      numericAnswers(ctx, gap.minimum),
      numericAnswers(ctx, gap.desired),
      numericAnswers(ctx, gap.perceived),
    ]);
    return { gap, rows, id: ctx.ledger.cell(`gap/${gap.id}/n`, rows.length) };
  });
  return (published) =>
    prepared.map(({ gap, rows, id }) => {
      const n = countOf(ctx, id, rows.length);
      const show = !n.suppressed && rows.length > 0;
      const adequacy = rows.map((r) => r[2]! - r[0]!);
      const superiority = rows.map((r) => r[2]! - r[1]!);
      const at = (slots: string[], figures: number) =>
        show ? limit(ctx, compositeDecimals(published, slots, rows.length, ctx.minCell), figures) : null;
      const [dMin, dDes, dPer] = [at([gap.minimum], 1), at([gap.desired], 1), at([gap.perceived], 1)];
      const dAdq = at([gap.perceived, gap.minimum], 2);
      const dSup = at([gap.perceived, gap.desired], 2);
      return {
        id: gap.id,
        label: gap.label,
        minimum: gap.minimum,
        desired: gap.desired,
        perceived: gap.perceived,
        n,
        minimumMean: show ? atPrecision(mean(rows.map((r) => r[0]!)), dMin) : null,
        desiredMean: show ? atPrecision(mean(rows.map((r) => r[1]!)), dDes) : null,
        perceivedMean: show ? atPrecision(mean(rows.map((r) => r[2]!)), dPer) : null,
        adequacy: {
          mean: show ? atPrecision(mean(adequacy), dAdq) : null,
          ci: show ? intervalAt(ciMean(adequacy), dAdq) : null,
        },
        superiority: {
          mean: show ? atPrecision(mean(superiority), dSup) : null,
          ci: show ? intervalAt(ciMean(superiority), dSup) : null,
        },
      };
    });
}

/** A composite's precision; when withheld, its `figures` (a mean, with its CI) are counted. */
function limit(ctx: Ctx, decimals: number | null, figures: number): number | null {
  if (decimals === null) ctx.withheld += figures;
  return decimals;
}
