// The facts of one question's counts in a report: its answer status, its choices (or picks) and
// the statistics computed from them (facts.ts). Pure apart from the `hide` actions they carry.
import type {
  AllocateResult,
  AllocateRow,
  AnswerStatus,
  ChoiceRow,
  Report,
  ScaleStats,
} from "../analysis/report.js";
import { withholdHiddenPoints } from "../analysis/tally-points.js";
import { numberFacts } from "./fact-numbers.js";
import { coarsen, type FactSink, hideCount, hideRow, type Published, shown, withhold } from "./fact-sink.js";
import { statusFacts } from "./fact-status.js";
import type { Fact } from "./fact-types.js";

const noShares = (rows: { share: number | null }[], st: ScaleStats | null) => () => {
  for (const r of rows) r.share = null;
  if (st) {
    hideCount(st.n)();
    withhold(st, ["mean", "median", "sd", "ci", "topBox", "bottomBox"])();
  }
};

/** Mean, SD and box shares of a scale as weighted sums of its counts. */
export function statFacts(
  sink: FactSink,
  label: string,
  slot: string,
  codes: string[],
  st: ScaleStats,
  more: Partial<Fact>,
): void {
  const { push } = sink;
  const n = shown(st.n);
  const v = codes.map(Number);
  if (n === null || n === 0 || v.some((x) => !Number.isFinite(x))) return;
  const cats = codes.map((c) => `c:${c}`);
  const order = v
    .map((x, i) => [x, i] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, i]) => i);
  // The box's size is in the report (older files: two points on scales of five or more).
  const k = st.box ?? (order.length >= 5 ? 2 : 1);

  const box = (name: "topBox" | "bottomBox", idx: readonly number[]) => {
    const share = st[name];
    if (share === null) return;
    push(
      `${label} ${name}`,
      slot,
      idx.map((i) => cats[i]!),
      Math.round(share * n),
      {
        ...more,
        kind: "stat",
        role: "stat",
        hide: withhold(st, [name]),
      },
    );
  };
  if (k > 0) {
    box("topBox", order.slice(-k));
    box("bottomBox", order.slice(0, k));
  }
  if (st.mean === null) return;
  // A mean published rounded (the headline rule) is known only to half a unit of its last
  // decimal: Σ value × count is then known to ± n × that half unit.
  const half = st.meanDecimals !== undefined ? 0.5 * 10 ** -st.meanDecimals : 0;
  const tol = st.meanDecimals !== undefined ? (half + 1e-9) * n : 1e-6 * Math.max(1, n);
  push(`${label} mean`, slot, cats, st.mean * n, {
    ...more,
    weights: v,
    slack: tol,
    kind: "stat",
    role: "stat",
    hide: withhold(st, ["mean", "median", "sd", "ci"]),
    ...(st.meanDecimals === undefined ? { coarsen: coarsen(st) } : {}),
  });
  if (st.sd === null || n < 2) return;
  // Σ value² × count = (n − 1) SD² + n mean²: with a rounded mean, known to n (2|mean| h + h²).
  const sq = (n - 1) * st.sd * st.sd + n * st.mean * st.mean;
  push(`${label} sd`, slot, cats, sq, {
    ...more,
    weights: v.map((x) => x * x),
    slack: 1e-6 * Math.max(1, sq) + n * (2 * Math.abs(st.mean) * half + half * half),
    kind: "stat",
    role: "stat",
    hide: withhold(st, ["sd", "ci"]),
  });
}

function choiceFacts(
  sink: FactSink,
  slot: string,
  status: AnswerStatus,
  rows: ChoiceRow[],
  st: ScaleStats | null,
) {
  const cats = rows.map((r) => `c:${r.code}`);
  statusFacts(sink, slot, status, cats, noShares(rows, st));
  for (const r of rows) sink.push(`${slot} ${r.code}`, slot, [`c:${r.code}`], r, { hide: hideRow(r) });
  if (st)
    statFacts(
      sink,
      slot,
      slot,
      rows.map((r) => r.code),
      st,
      {},
    );
}

function pickFacts(
  sink: FactSink,
  slot: string,
  code: string,
  value: Published | null,
  what: string,
  hide: () => void,
) {
  const sub = `${slot}#${what}:${code}`;
  sink.defineSlot(sub, ["yes", "no"], { slot, cat: "valid" });
  sink.push(`${slot} ${what} ${code}`, sub, ["yes"], value, { hide });
}

/** The facts of one question of the report, by its kind. */
export function questionFacts(sink: FactSink, q: Report["questions"][number]): void {
  if (q.kind === "choice") choiceFacts(sink, q.id, q.status, q.choices, null);
  else if (q.kind === "scale") choiceFacts(sink, q.id, q.status, q.choices, q.stats);
  else if (q.kind === "matrix")
    for (const it of q.items) choiceFacts(sink, it.id, it.status, it.choices, it.stats);
  else if (q.kind === "multi") {
    statusFacts(sink, q.id, q.status, ["valid"], noShares(q.choices, null));
    for (const r of q.choices) pickFacts(sink, q.id, r.code, r, "picked", hideRow(r));
  } else if (q.kind === "ranking") {
    statusFacts(sink, q.id, q.status, ["valid"], () => {
      for (const r of q.choices) {
        r.firstShare = null;
        r.inTopShare = null;
        r.meanRank = null;
        r.borda = null;
      }
    });
    for (const r of q.choices) {
      pickFacts(sink, q.id, r.code, r.first, "first", () => {
        hideCount(r.first)();
        r.firstShare = null;
      });
      pickFacts(sink, q.id, r.code, r.inTop, "top", () => {
        hideCount(r.inTop)();
        r.inTopShare = null;
      });
    }
  } else if (q.kind === "allocate") {
    statusFacts(sink, q.id, q.status, ["valid"], () => {
      for (const r of q.choices) r.meanPoints = null;
    });
    for (const r of q.choices) {
      const hide = hideCount(r.supporters);
      // Hiding the supporters withholds the points that bound them (1 to N points each).
      pickFacts(sink, q.id, r.code, r.supporters, "supports", () => {
        hide();
        withholdHiddenPoints(q);
      });
      pointFacts(sink, q, r);
    }
  } else if (q.kind === "number") numberFacts(sink, q);
  else statusFacts(sink, q.id, q.status, ["valid"], () => {});
}

/**
 * A choice's points bound its supporters: each gives 1 to N points, so T points are ⌈T / N⌉ to T
 * people (none when T is 0). Read as an interval, which tells a reader nothing about a shown count
 * but narrows a hidden one (reports made before such points were withheld).
 */
function pointFacts(sink: FactSink, q: AllocateResult, r: AllocateRow): void {
  if (r.totalPoints === null || !r.supporters.suppressed) return;
  const lo = r.totalPoints === 0 ? 0 : Math.ceil(r.totalPoints / q.points);
  const hi = r.totalPoints;
  sink.push(`${q.id} points ${r.code}`, `${q.id}#supports:${r.code}`, ["yes"], (lo + hi) / 2, {
    slack: (hi - lo) / 2 + 1e-9,
    kind: "stat",
    role: "stat",
    hide: () => withholdHiddenPoints(q),
  });
}
