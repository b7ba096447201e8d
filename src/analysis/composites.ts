// The survey's analysis blocks: composite indices with Cronbach's alpha, importance–performance
// analysis and LibQUAL-style gaps. Each uses complete cases; its n is a count under suppression,
// and nothing is published for a hidden n.
import { findSlot } from "../definition/answers.js";
import { hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { type Ctx, countOf, statesOf } from "./context.js";
import type { GapResult, IndexResult, IpaQuadrant, IpaResult } from "./report.js";
import { ciMean, cronbachAlpha, mean, median, sd } from "./stats.js";

/** Numeric answers of a slot, aligned with ctx.responses (null when not a valid number). */
export function numericAnswers(ctx: Ctx, slotId: string): (number | null)[] {
  const slot = findSlot(ctx.survey, slotId);
  if (!slot) return ctx.responses.map(() => null);
  const numbers = new Map<string, number | null>();
  return statesOf(ctx, slot).map((s) => {
    if (s.state !== "valid") return null;
    if (typeof s.value === "number") return s.value;
    if (typeof s.value !== "string") return null;
    let v = numbers.get(s.value);
    if (v === undefined) {
      v = codeNumber(s.value);
      numbers.set(s.value, v);
    }
    return v;
  });
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
function completeCases(cols: (number | null)[][]): number[][] {
  const rows: number[][] = [];
  const n = cols[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const row = cols.map((c) => c[i]);
    if (row.every((v) => v !== null && v !== undefined)) rows.push(row as number[]);
  }
  return rows;
}

export function prepareIndices(ctx: Ctx): () => IndexResult[] {
  const prepared = ctx.survey.indices.map((ix) => {
    const cols = ix.items.map((item) => {
      const vals = numericAnswers(ctx, item);
      const range = scaleRange(ctx, item);
      return ix.reverse.includes(item) && range
        ? vals.map((v) => (v === null ? null : range.lo + range.hi - v))
        : vals;
    });
    const rows = completeCases(cols);
    const id = ctx.ledger.cell(`ix/${ix.id}/n`, rows.length);
    return { ix, rows, id };
  });
  return () =>
    prepared.map(({ ix, rows, id }) => {
      const n = countOf(ctx, id, rows.length);
      const show = !n.suppressed && rows.length > 0;
      const scores = rows.map((r) => r.reduce((a, b) => a + b, 0) / r.length);
      return {
        id: ix.id,
        title: ix.title,
        items: ix.items,
        reverse: ix.reverse,
        n,
        mean: show ? mean(scores) : null,
        median: show ? median(scores) : null,
        sd: show ? sd(scores) : null,
        ci: show ? ciMean(scores) : null,
        alpha: show ? cronbachAlpha(rows) : null,
      };
    });
}

export function prepareIpa(ctx: Ctx): () => IpaResult | null {
  if (ctx.survey.ipa.length === 0) return () => null;
  const prepared = ctx.survey.ipa.map((pair) => {
    const rows = completeCases([numericAnswers(ctx, pair.importance), numericAnswers(ctx, pair.performance)]);
    return { pair, rows, id: ctx.ledger.cell(`ipa/${pair.id}/n`, rows.length) };
  });
  return () => {
    const rows = prepared.map(({ pair, rows: data, id }) => {
      const n = countOf(ctx, id, data.length);
      const show = !n.suppressed && data.length > 0;
      return {
        id: pair.id,
        label: pair.label,
        importance: pair.importance,
        performance: pair.performance,
        n,
        importanceMean: show ? mean(data.map((r) => r[0]!)) : null,
        performanceMean: show ? mean(data.map((r) => r[1]!)) : null,
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

export function prepareGaps(ctx: Ctx): () => GapResult[] {
  const prepared = ctx.survey.gaps.map((gap) => {
    const rows = completeCases([
      numericAnswers(ctx, gap.minimum),
      numericAnswers(ctx, gap.desired),
      numericAnswers(ctx, gap.perceived),
    ]);
    return { gap, rows, id: ctx.ledger.cell(`gap/${gap.id}/n`, rows.length) };
  });
  return () =>
    prepared.map(({ gap, rows, id }) => {
      const n = countOf(ctx, id, rows.length);
      const show = !n.suppressed && rows.length > 0;
      const adequacy = rows.map((r) => r[2]! - r[0]!);
      const superiority = rows.map((r) => r[2]! - r[1]!);
      return {
        id: gap.id,
        label: gap.label,
        minimum: gap.minimum,
        desired: gap.desired,
        perceived: gap.perceived,
        n,
        minimumMean: show ? mean(rows.map((r) => r[0]!)) : null,
        desiredMean: show ? mean(rows.map((r) => r[1]!)) : null,
        perceivedMean: show ? mean(rows.map((r) => r[2]!)) : null,
        adequacy: { mean: show ? mean(adequacy) : null, ci: show ? ciMean(adequacy) : null },
        superiority: { mean: show ? mean(superiority) : null, ci: show ? ciMean(superiority) : null },
      };
    });
}
