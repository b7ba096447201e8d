// Ranking (order the top N) and allocation (spread N points): the people counts behind them are
// registered with the ledger; rank and point statistics are published when they reveal no hidden count.
import type { Slot } from "../definition/answers.js";
import type { AllocateQuestion, RankingQuestion } from "../definition/model.js";
import { VALID } from "./columns.js";
import { common } from "./common.js";
import { type Ctx, countOf, noteWithheld, slotData } from "./context.js";
import type { AllocateResult, AllocateRow, RankingResult, StatName } from "./report.js";
import { prepareStatus } from "./status.js";

export function prepareRanking(ctx: Ctx, slot: Slot): () => RankingResult {
  const q = slot.question as RankingQuestion;
  const prefix = `q/${slot.id}`;
  const data = slotData(ctx, slot);
  const status = prepareStatus(ctx, slot, data, prefix);
  const choices = q.choices.filter((c) => !c.missing);
  // byRank[code][r] = people who put code at position r + 1.
  const byRank = new Map(choices.map((c) => [c.value, new Array<number>(q.top).fill(0)]));
  const { col, state, rows } = data;
  const rowOf = col.codes.map((code) => byRank.get(code));
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID) continue;
    // The ranked choices that are not "don't know", in rank order, the top N of them.
    const at = rows[k]! * col.width;
    for (let j = 0, r = 0; j < col.width && r < q.top; j++) {
      const i = col.ranks![at + j]!;
      if (i === 0) break;
      if (col.missing[i - 1]) continue;
      const row = rowOf[i - 1];
      if (row) row[r]!++;
      r++;
    }
  }
  const { ledger } = ctx;
  const firstIds: string[] = [];
  for (const c of choices) {
    const ranks = byRank.get(c.value)!;
    const inTop = ranks.reduce((a, b) => a + b, 0);
    const first = ledger.cell(`${prefix}/first/${c.value}`, ranks[0]!);
    firstIds.push(first);
    const top = ledger.cell(`${prefix}/top/${c.value}`, inTop);
    const later = ranks
      .slice(1)
      .map((n, i) => ledger.cell(`${prefix}/rank/${c.value}/${i + 2}`, n, { publish: false }));
    ledger.line(top, [first, ...later]);
    ledger.line(status.validId, [
      top,
      ledger.cell(`${prefix}/nottop/${c.value}`, status.valid - inTop, { publish: false }),
    ]);
  }
  ledger.line(status.validId, firstIds);
  return () => {
    const validHidden = ledger.isHidden(status.validId);
    const share = (n: number, hidden: boolean) =>
      hidden || validHidden || status.valid === 0 ? null : n / status.valid;
    return {
      ...common(slot.question),
      kind: "ranking",
      status: status.finish(),
      top: q.top,
      choices: choices.map((c) => {
        const ranks = byRank.get(c.value)!;
        const inTop = ranks.reduce((a, b) => a + b, 0);
        const first = countOf(ctx, `${prefix}/first/${c.value}`, ranks[0]!);
        const top = countOf(ctx, `${prefix}/top/${c.value}`, inTop);
        // Mean rank adds one equation over the hidden rank counts: publish it only when none of
        // them is a small count, and with the counts it is computed from.
        const small = ranks.slice(1).some((n) => n >= 1 && n < ctx.minCell);
        const ok = !first.suppressed && !top.suppressed && !validHidden && !small && inTop > 0;
        const withheld: StatName[] = !ok && inTop > 0 ? ["meanRank", "borda"] : [];
        const rankSum = ranks.reduce((a, n, r) => a + n * (r + 1), 0);
        return {
          code: c.value,
          label: c.label,
          first,
          firstShare: share(ranks[0]!, first.suppressed),
          inTop: top,
          inTopShare: share(inTop, top.suppressed),
          meanRank: ok ? rankSum / inTop : null,
          borda: ok ? ranks.reduce((a, n, r) => a + n * (q.top - r), 0) : null,
          withheld: noteWithheld(ctx, withheld),
        };
      }),
    };
  };
}

export function prepareAllocate(ctx: Ctx, slot: Slot): () => AllocateResult {
  const q = slot.question as AllocateQuestion;
  const prefix = `q/${slot.id}`;
  const data = slotData(ctx, slot);
  const status = prepareStatus(ctx, slot, data, prefix);
  const choices = q.choices.filter((c) => !c.missing);
  const points = new Map(choices.map((c) => [c.value, 0]));
  const supporters = new Map(choices.map((c) => [c.value, 0]));
  const { col, state, rows } = data;
  // Each code's column of points (a code's first choice), summed in the analysed order: one pass
  // over the responses, every code's sum added to in the same order as a pass per code would.
  const codes = [...points.keys()];
  const at = Int32Array.from(codes, (code) => col.codes.indexOf(code));
  const sums = new Float64Array(codes.length);
  const people = new Float64Array(codes.length);
  const values = col.points!;
  const width = col.width;
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID) continue;
    const base = rows[k]! * width;
    for (let j = 0; j < at.length; j++) {
      const p = values[base + at[j]!]!;
      if (p > 0) {
        sums[j] = sums[j]! + p;
        people[j]!++;
      }
    }
  }
  codes.forEach((code, j) => {
    points.set(code, sums[j]!);
    supporters.set(code, people[j]!);
  });
  for (const c of choices) {
    const n = supporters.get(c.value)!;
    const id = ctx.ledger.cell(`${prefix}/supporters/${c.value}`, n);
    ctx.ledger.line(status.validId, [
      id,
      ctx.ledger.cell(`${prefix}/nonsupporters/${c.value}`, status.valid - n, { publish: false }),
    ]);
  }
  return () => {
    const show = !ctx.ledger.isHidden(status.validId) && status.valid > 0;
    const total = [...points.values()].reduce((a, b) => a + b, 0);
    const result: AllocateResult = {
      ...common(slot.question),
      kind: "allocate",
      status: status.finish(),
      points: q.points,
      totalPoints: show ? total : null,
      choices: choices.map((c) => {
        const p = points.get(c.value)!;
        return {
          code: c.value,
          label: c.label,
          totalPoints: show ? p : null,
          meanPoints: show ? p / status.valid : null,
          shareOfPoints: show && total > 0 ? p / total : null,
          supporters: countOf(ctx, `${prefix}/supporters/${c.value}`, supporters.get(c.value)!),
        };
      }),
    };
    ctx.withheld += withholdHiddenPoints(result);
    return result;
  };
}

/**
 * Withholds the points of each choice whose supporters are hidden: a supporter gives 1 to N
 * points, so a total of 2 says 1 or 2 people, and one over 3N says 4 of a "< 5". The question's
 * total and every share go with them (a share gives the total, and the total minus the shown
 * points the withheld ones), and so does the largest other total when only one choice would lose
 * its points, since the total is valid n × N whenever everyone spent all their points.
 * Returns how many choices' points it withheld. Mutates the result; used again by the protection
 * across reports when it hides a supporters count.
 */
export function withholdHiddenPoints(q: AllocateResult): number {
  let n = 0;
  const withhold = (r: AllocateRow) => {
    if (r.withheld?.includes("points")) return;
    r.totalPoints = null;
    r.meanPoints = null;
    r.shareOfPoints = null;
    r.withheld = ["points"];
    n++;
  };
  for (const r of q.choices) if (r.supporters.suppressed && r.totalPoints !== null) withhold(r);
  const off = q.choices.filter((r) => r.withheld?.includes("points"));
  if (off.length === 0) return n;
  if (off.length === 1) {
    let partner: AllocateRow | undefined;
    for (const r of q.choices)
      if (r.totalPoints !== null && (partner === undefined || r.totalPoints > partner.totalPoints!))
        partner = r;
    if (partner) withhold(partner);
  }
  q.totalPoints = null;
  for (const r of q.choices) r.shareOfPoints = null;
  return n;
}
