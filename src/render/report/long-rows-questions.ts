// A question's rows in the long tables, one function per result kind (the render layer's long-rows
// column for each question type), and the rows of a table split by groups. Pure.
import type { GroupTable, QuestionResult } from "../../analysis/report.js";
import type { Base, LongSink } from "./long-sink.js";

type ResultOf<K extends QuestionResult["kind"]> = Extract<QuestionResult, { kind: K }>;

/** Counts and shares per choice, with the "other" texts' count. */
function choiceRows(s: LongSink, b: Base, q: ResultOf<"choice" | "multi">): void {
  s.status(b, q.status);
  s.choices(b, q.choices, q.status.valid);
  if (q.otherTexts)
    s.put({ ...b, code: "other" }, "texts", q.otherTexts.count, q.otherTexts.suppressed ? "suppressed" : "");
}

function numberRows(s: LongSink, b: Base, q: ResultOf<"number">): void {
  s.status(b, q.status);
  s.count(b, "n", q.n);
  const hidden = q.n.suppressed || (q.withheld?.length ?? 0) > 0;
  for (const [m, v] of [
    ["mean", q.mean],
    ["median", q.median],
    ["sd", q.sd],
    ["ci_low", q.ci?.low ?? null],
    ["ci_high", q.ci?.high ?? null],
    ["q1", q.q1],
    ["q3", q.q3],
    ["min", q.min],
    ["max", q.max],
  ] as const)
    s.stat(b, m, v, hidden);
  for (const bin of q.histogram)
    s.put({ ...b, code: `${bin.low}..${bin.high}` }, "count", bin.count, s.hiddenAs(bin));
}

function rankingRows(s: LongSink, b: Base, q: ResultOf<"ranking">): void {
  s.status(b, q.status);
  for (const r of q.choices) {
    const cb = { ...b, code: r.code, label: s.fmt.text(r.label) };
    s.count(cb, "first", r.first);
    s.put(cb, "first_share", r.firstShare, s.hiddenAs(r.first));
    s.count(cb, "in_top", r.inTop);
    s.put(cb, "in_top_share", r.inTopShare, s.hiddenAs(r.inTop));
    s.stat(cb, "mean_rank", r.meanRank, r.withheld.includes("meanRank"));
    s.stat(cb, "borda", r.borda, r.withheld.includes("borda"));
  }
}

function allocateRows(s: LongSink, b: Base, q: ResultOf<"allocate">): void {
  s.status(b, q.status);
  // Points withheld for privacy (their supporters hidden) take the total and the shares with them.
  const some = q.choices.some((r) => r.withheld?.includes("points"));
  s.stat(b, "total_points", q.totalPoints, some);
  for (const r of q.choices) {
    const cb = { ...b, code: r.code, label: s.fmt.text(r.label) };
    const off = r.withheld?.includes("points") ?? false;
    s.stat(cb, "total_points", r.totalPoints, off);
    s.stat(cb, "share_of_points", r.shareOfPoints, some);
    s.stat(cb, "mean_points", r.meanPoints, off);
    s.count(cb, "supporters", r.supporters);
  }
}

/** The long rows of each kind of question result. */
export const LONG_ROWS: { [K in QuestionResult["kind"]]: (s: LongSink, b: Base, q: ResultOf<K>) => void } = {
  choice: choiceRows,
  multi: choiceRows,
  scale(s, b, q) {
    s.status(b, q.status);
    s.choices(b, q.choices, q.status.valid);
    s.scaleStats(b, q.stats);
  },
  matrix(s, b, q) {
    for (const it of q.items) {
      const ib = { ...b, item: it.itemId };
      s.status(ib, it.status);
      s.choices(ib, it.choices, it.status.valid);
      s.scaleStats(ib, it.stats);
    }
  },
  number: numberRows,
  ranking: rankingRows,
  allocate: allocateRows,
  text(s, b, q) {
    s.status(b, q.status);
    s.put(b, "texts", q.answers.count, q.answers.suppressed ? "suppressed" : "");
    for (const term of q.terms) s.put({ ...b, code: term.term, label: term.term }, "writers", term.count);
  },
};

export function questionRows(s: LongSink, q: QuestionResult): void {
  (LONG_ROWS[q.kind] as (s: LongSink, b: Base, q: QuestionResult) => void)(s, s.base(q.sectionId, q.id), q);
}

/** A table split by groups: per group its valid n, counts, shares, statistics and differences. */
export function groupRows(
  s: LongSink,
  section: string,
  gt: GroupTable,
  groups: { code: string | null; tooFew: boolean; withheld: boolean }[],
): void {
  const [question, item = ""] = gt.slot.split(".") as [string, string?];
  groups.forEach((g, i) => {
    const gb = s.base(section, question, item, g.code ?? "(none)");
    if (g.tooFew || g.withheld) {
      s.put(gb, "valid", null, g.tooFew ? "too-few" : "withheld");
      return;
    }
    const v = gt.valid[i];
    if (v) s.count(gb, "valid", v);
    for (const r of gt.rows) {
      const cell = r.cells[i];
      const cb = { ...gb, code: r.code, label: s.fmt.text(r.label) };
      if (!cell) continue;
      s.put(cb, "count", cell.count, s.hiddenAs(cell));
      s.put(cb, "share", cell.share, s.hiddenAs(cell));
      const d = r.differences?.[i];
      if (d) {
        s.put(cb, "diff", d.diff);
        s.put(cb, "diff_ci_low", d.ci.low);
        s.put(cb, "diff_ci_high", d.ci.high);
        s.put(cb, "cohen_h", d.cohenH);
      }
    }
    const st = gt.stats?.[i];
    if (st) s.scaleStats(gb, st);
    const md = gt.meanDifferences?.[i];
    if (md) {
      s.put(gb, "mean_diff", md.diff);
      s.put(gb, "mean_diff_ci_low", md.ci.low);
      s.put(gb, "mean_diff_ci_high", md.ci.high);
      s.put(gb, "cohen_d", md.cohenD);
    }
  });
  if (gt.test) {
    const tb = s.base(section, question, item);
    s.put(tb, "chi2", gt.test.chi2);
    s.put(tb, "df", gt.test.df);
    s.put(tb, "p", gt.test.p);
    s.put(tb, "cramers_v", gt.test.cramersV);
  }
}
