// The facts of a number question: its histogram's bins as counts of people, and where each bin
// is one whole number, its mean and SD as weighted sums of them (as a scale's). Pure apart from
// the `hide` actions they carry.
import type { NumberResult } from "../analysis/report.js";
import { clearNumberStats } from "../analysis/tally-number.js";
import { type FactSink, hideBin } from "./fact-sink.js";
import { statusFacts } from "./fact-status.js";

const STATS = ["mean", "median", "sd", "ci"] as const;

/** Withholds a number question's mean, SD and quartiles ("–" beside its n). */
function withholdStats(q: NumberResult): () => void {
  return () => {
    if (q.mean === null && q.median === null) return;
    clearNumberStats(q);
    q.withheld = [...STATS];
  };
}

export function numberFacts(sink: FactSink, q: NumberResult): void {
  const bins = q.histogram;
  // Bins of one whole number each name the same answers in every report ("v:20"), so reports
  // over different people line up; other bins depend on the answers, so each set of edges is a
  // partition of its own.
  const unit = bins.every((b) => Number.isInteger(b.low) && b.high - b.low === 1);
  // The bins partition the people with a valid answer (the question's slot as every table has it).
  const slot = `${q.id}#${unit ? "value" : `bins:${bins.map((b) => b.low).join(",")}`}`;
  const cats = bins.map((b) => `v:${b.low}`);
  const stats = withholdStats(q);
  statusFacts(sink, q.id, q.status, ["valid"], () => {
    q.n = { value: null, suppressed: true };
    stats();
  });
  if (bins.length > 0) sink.defineSlot(slot, cats, { slot: q.id, cat: "valid" });
  bins.forEach((b, i) => {
    // A bin of an uneven histogram hidden by the protection takes the statistics with it: their
    // bounds over such bins are not facts here, so the analysis's check of them would be undone.
    sink.push(`${q.id} ${b.low}..${b.high}`, slot, [cats[i]!], b, {
      hide: hideBin(b, unit ? () => {} : stats),
    });
  });
  const n = q.n.suppressed ? null : q.n.value;
  if (!unit || n === null || n === 0 || q.mean === null) return;
  const v = bins.map((b) => b.low);
  push(sink, `${q.id} mean`, slot, cats, q.mean * n, v, 1e-6 * Math.max(1, n), stats);
  if (q.sd === null || n < 2) return;
  const sq = (n - 1) * q.sd * q.sd + n * q.mean * q.mean;
  push(
    sink,
    `${q.id} sd`,
    slot,
    cats,
    sq,
    v.map((x) => x * x),
    1e-6 * Math.max(1, sq),
    stats,
  );
}

function push(
  sink: FactSink,
  id: string,
  slot: string,
  cats: string[],
  value: number,
  weights: number[],
  slack: number,
  hide: () => void,
): void {
  sink.push(id, slot, cats, value, { weights, slack, kind: "stat", role: "stat", hide });
}
