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
import { ciMean, cronbachAlphaOfItems, mean, median, sd } from "./stats.js";

/** Numeric answers of a slot over the analysed responses (NaN when not a valid number), read once per run. */
export function numericAnswers(ctx: Ctx, slotId: string): Float64Array {
  let out = ctx.numeric.get(slotId);
  if (!out) {
    out = readNumeric(ctx, slotId);
    ctx.numeric.set(slotId, out);
  }
  return out;
}

function readNumeric(ctx: Ctx, slotId: string): Float64Array {
  const out = new Float64Array(ctx.rows.length).fill(Number.NaN);
  const slot = findSlot(ctx.survey, slotId);
  if (!slot) return out;
  const { col, state, rows } = slotData(ctx, slot);
  const kind = col.slot.kind;
  const numbers = Float64Array.from(col.codes, (c) => codeNumber(c) ?? Number.NaN);
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID) continue;
    const i = rows[k]!;
    if (kind === "choice") out[k] = numbers[col.code[i]!]!;
    else if (kind === "number") out[k] = col.number![i]!;
    else if (kind === "text" && col.texts) out[k] = codeNumber(col.texts[i]!) ?? Number.NaN;
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

/** The complete cases over the given slots, as one column of values per slot. */
function completeCases(cols: Float64Array[]): number[][] {
  const n = cols[0]?.length ?? 0;
  const complete = new Uint8Array(n).fill(1);
  let cases = n;
  for (const c of cols)
    for (let i = 0; i < n; i++)
      if (complete[i] === 1 && Number.isNaN(c[i]!)) {
        complete[i] = 0;
        cases--;
      }
  return cols.map((c) => {
    const out = new Array<number>(cases);
    for (let i = 0, j = 0; i < n; i++) if (complete[i] === 1) out[j++] = c[i]!;
    return out;
  });
}

/** Per complete case, the mean of its items (summed left to right). */
function scoresOf(items: number[][]): number[] {
  const n = items[0]?.length ?? 0;
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const item of items) s += item[i]!;
    scores[i] = s / items.length;
  }
  return scores;
}

export function prepareIndices(ctx: Ctx): (published: PublishedMeans) => IndexResult[] {
  const prepared = ctx.survey.indices.map((ix) => {
    const cols = ix.items.map((item) => {
      const vals = numericAnswers(ctx, item);
      const range = scaleRange(ctx, item);
      return ix.reverse.includes(item) && range ? vals.map((v) => range.lo + range.hi - v) : vals;
    });
    const items = completeCases(cols);
    const cases = items[0]?.length ?? 0;
    const id = ctx.ledger.cell(`ix/${ix.id}/n`, cases);
    return { ix, items, cases, id };
  });
  return (published) =>
    prepared.map(({ ix, items, cases, id }) => {
      const n = countOf(ctx, id, cases);
      const show = !n.suppressed && cases > 0;
      const scores = show ? scoresOf(items) : [];
      const d = show ? limit(ctx, compositeDecimals(published, ix.items, cases, ctx.minCell), 2) : null;
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
        alpha: show ? cronbachAlphaOfItems(items) : null,
      };
    });
}

export function prepareIpa(ctx: Ctx): (published: PublishedMeans) => IpaResult | null {
  if (ctx.survey.ipa.length === 0) return () => null;
  const prepared = ctx.survey.ipa.map((pair) => {
    const [importance, performance] = completeCases([
      numericAnswers(ctx, pair.importance),
      numericAnswers(ctx, pair.performance),
    ]) as [number[], number[]];
    const cases = importance.length;
    return { pair, importance, performance, cases, id: ctx.ledger.cell(`ipa/${pair.id}/n`, cases) };
  });
  return (published) => {
    const rows = prepared.map(({ pair, importance, performance, cases, id }) => {
      const n = countOf(ctx, id, cases);
      const show = !n.suppressed && cases > 0;
      const at = (slot: string) =>
        show ? limit(ctx, compositeDecimals(published, [slot], cases, ctx.minCell), 1) : null;
      return {
        id: pair.id,
        label: pair.label,
        importance: pair.importance,
        performance: pair.performance,
        n,
        importanceMean: show ? atPrecision(mean(importance), at(pair.importance)) : null,
        performanceMean: show ? atPrecision(mean(performance), at(pair.performance)) : null,
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
    const [minimum, desired, perceived] = completeCases([
      numericAnswers(ctx, gap.minimum),
      numericAnswers(ctx, gap.desired),
      numericAnswers(ctx, gap.perceived),
    ]) as [number[], number[], number[]];
    const cases = minimum.length;
    return { gap, minimum, desired, perceived, cases, id: ctx.ledger.cell(`gap/${gap.id}/n`, cases) };
  });
  return (published) =>
    prepared.map(({ gap, minimum, desired, perceived, cases, id }) => {
      const n = countOf(ctx, id, cases);
      const show = !n.suppressed && cases > 0;
      const adequacy = perceived.map((p, i) => p - minimum[i]!);
      const superiority = perceived.map((p, i) => p - desired[i]!);
      const at = (slots: string[], figures: number) =>
        show ? limit(ctx, compositeDecimals(published, slots, cases, ctx.minCell), figures) : null;
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
        minimumMean: show ? atPrecision(mean(minimum), dMin) : null,
        desiredMean: show ? atPrecision(mean(desired), dDes) : null,
        perceivedMean: show ? atPrecision(mean(perceived), dPer) : null,
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
