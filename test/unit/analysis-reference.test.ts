// Every statistic against values computed independently with numpy/scipy/pandas by
// scripts/reference/compute_reference.py (stored as JSON, so this test needs no Python).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { CrossTabs, MatrixResult, QuestionResult } from "../../src/analysis/report.js";
import { betaInc, chiSquareSf, normalQuantile, tQuantile } from "../../src/analysis/special.js";
import {
  chiSquareTest,
  ciMean,
  cronbachAlpha,
  diffMeans,
  diffProportions,
  mean,
  median,
  quantile,
  sd,
  wilson,
} from "../../src/analysis/stats.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { ROOT } from "../helpers/cli.js";

const DIR = join(ROOT, "test/fixtures/analysis");
// biome-ignore lint/suspicious/noExplicitAny: reference JSON is untyped data
const load = (name: string): any => JSON.parse(readFileSync(join(DIR, name), "utf8"));
const EXACT = 1e-9;
const PVAL = 1e-6;

function close(actual: number | null | undefined, expected: number | null, tol: number, what = ""): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const err = Math.abs(actual! - expected) / Math.max(1, Math.abs(expected));
  expect(err, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

describe("statistics against scipy", () => {
  const ref = load("expected-stats.json");
  const vectors = readFileSync(join(DIR, "stats-vectors.csv"), "utf8").trim().split("\n").slice(1);
  const data = new Map<string, number[]>();
  for (const line of vectors) {
    const [name, x] = line.split(",");
    data.set(name!, [...(data.get(name!) ?? []), Number(x)]);
  }

  it.each([...data.keys()])("describes %s like numpy", (name) => {
    const xs = data.get(name)!;
    const e = ref.vectors[name];
    close(mean(xs), e.mean, EXACT, "mean");
    close(median(xs), e.median, EXACT, "median");
    close(quantile(xs, 0.25), e.q1, EXACT, "q1");
    close(quantile(xs, 0.75), e.q3, EXACT, "q3");
    close(sd(xs), e.sd, EXACT, "sd");
    const ci = ciMean(xs);
    close(ci?.low, e.ci.low, PVAL, "ci low");
    close(ci?.high, e.ci.high, PVAL, "ci high");
  });

  it("t quantiles match scipy.stats.t.ppf", () => {
    // 1e-8, not 1e-9: at df = 1, p = 0.0005 scipy is off by 1e-9 (the exact Cauchy value is −cot(πp)).
    for (const r of ref.special.tQuantile) close(tQuantile(r.p, r.df), r.value, 1e-8, `t(${r.p}, ${r.df})`);
  });
  it("chi-square upper tails match scipy.stats.chi2.sf", () => {
    for (const r of ref.special.chiSquareSf) {
      const got = chiSquareSf(r.x, r.df);
      expect(Math.abs(got - r.value), `chi2.sf(${r.x}, ${r.df})`).toBeLessThanOrEqual(1e-12 + 1e-9 * r.value);
    }
  });
  it("the incomplete beta matches scipy.special.betainc", () => {
    for (const r of ref.special.betaInc)
      close(betaInc(r.x, r.a, r.b), r.value, 1e-12, `I(${r.x}; ${r.a}, ${r.b})`);
  });
  it("normal quantiles match scipy.stats.norm.ppf", () => {
    for (const r of ref.special.normalQuantile) close(normalQuantile(r.p), r.value, 1e-10, `z(${r.p})`);
  });

  it("chi-square tests and Cramér's V match scipy.stats.chi2_contingency", () => {
    for (const [name, e] of Object.entries<{
      table: number[][];
      chi2: number;
      p: number;
      df: number;
      cramersV: number;
    }>(ref.contingency)) {
      const got = chiSquareTest(e.table)!;
      close(got.chi2, e.chi2, EXACT, `${name} chi2`);
      close(got.p, e.p, PVAL, `${name} p`);
      expect(got.df).toBe(e.df);
      close(got.cramersV, e.cramersV, EXACT, `${name} V`);
    }
  });

  it("Cronbach's alpha matches the pandas computation", () => {
    for (const [name, e] of Object.entries<{ rows: number[][]; alpha: number }>(ref.alpha))
      close(cronbachAlpha(e.rows), e.alpha, EXACT, name);
  });

  it("Welch intervals and Cohen's d match", () => {
    for (const [name, e] of Object.entries<{
      a: number[];
      b: number[];
      diff: number;
      df: number;
      ci: { low: number; high: number };
      cohenD: number;
    }>(ref.twoGroups)) {
      const got = diffMeans(e.a, e.b)!;
      close(got.diff, e.diff, EXACT, `${name} diff`);
      close(got.df, e.df, EXACT, `${name} df`);
      close(got.ci.low, e.ci.low, PVAL, `${name} low`);
      close(got.ci.high, e.ci.high, PVAL, `${name} high`);
      close(got.cohenD, e.cohenD, EXACT, `${name} d`);
    }
  });

  it("Wilson and Newcombe intervals and Cohen's h match", () => {
    for (const e of ref.proportions) {
      const w1 = wilson(e.k1, e.n1)!;
      close(w1.low, e.wilson1.low, PVAL, "wilson low");
      close(w1.high, e.wilson1.high, PVAL, "wilson high");
      const d = diffProportions(e.k1, e.n1, e.k2, e.n2)!;
      close(d.diff, e.diff, EXACT, "diff");
      close(d.ci.low, e.ci.low, PVAL, "newcombe low");
      close(d.ci.high, e.ci.high, PVAL, "newcombe high");
      close(d.cohenH, e.cohenH, EXACT, "h");
    }
  });
});

describe("a whole Report against pandas", () => {
  const ref = load("expected-report.json");
  const survey = loadSurvey(join(ROOT, "test/fixtures/surveys/analysis-reference.yaml"));
  const responses = load("responses-reference.json") as SurveyResponse[];
  // minCell 1 hides nothing, so every number can be compared.
  const report = analyze(survey, responses, { minCell: 1, allowSmallCells: true, by: "visit_freq" });
  const bySlot = new Map<string, Exclude<QuestionResult, MatrixResult> | MatrixResult["items"][number]>();
  for (const q of report.questions) {
    if (q.kind === "matrix") for (const it of q.items) bySlot.set(it.id, it);
    else bySlot.set(q.id, q);
  }

  it("analyses the same responses", () => {
    expect(report.counts.analysed.value).toBe(ref.analysed);
  });

  it.each(Object.keys(ref.slots))("slot %s: status, counts, shares and statistics", (slot) => {
    const e = ref.slots[slot];
    const r = bySlot.get(slot)!;
    expect(r, slot).toBeDefined();
    expect(r.status.valid.value).toBe(e.valid);
    expect(r.status.skipped.value).toBe(e.skipped);
    expect((r.status.notShown.value ?? 0) + (r.status.notReached.value ?? 0)).toBe(e.absent);
    for (const m of r.status.missing) expect(m.count).toBe(e.missing[m.code]);
    if ("choices" in r && e.counts)
      for (const c of r.choices as { code: string; count: number | null; share: number | null }[]) {
        expect(c.count, c.code).toBe(e.counts[c.code]);
        close(c.share, e.shares[c.code] ?? null, EXACT, `${slot} share ${c.code}`);
      }
    if ("stats" in r && e.stats) {
      close(r.stats.mean, e.stats.mean, EXACT, "mean");
      close(r.stats.median, e.stats.median, EXACT, "median");
      close(r.stats.sd, e.stats.sd, EXACT, "sd");
      close(r.stats.ci?.low, e.stats.ci.low, PVAL, "ci low");
      close(r.stats.ci?.high, e.stats.ci.high, PVAL, "ci high");
      close(r.stats.topBox, e.topBox, EXACT, "top box");
      close(r.stats.bottomBox, e.bottomBox, EXACT, "bottom box");
    }
    if ("kind" in r && r.kind === "number") {
      for (const k of ["mean", "median", "sd", "q1", "q3", "min", "max"] as const)
        close(r[k], e.stats[k], EXACT, k);
      close(r.ci?.low, e.stats.ci.low, PVAL, "ci low");
      expect(r.histogram.map((b) => b.low)).toEqual(e.histogram.edges.slice(0, -1));
      expect(r.histogram.map((b) => b.count)).toEqual(e.histogram.counts);
    }
    if ("kind" in r && r.kind === "ranking")
      for (const c of r.choices) {
        const x = e.rows[c.code];
        expect(c.first.value).toBe(x.first);
        expect(c.inTop.value).toBe(x.inTop);
        close(c.meanRank, x.meanRank, EXACT, "mean rank");
        expect(c.borda).toBe(x.borda);
      }
    if ("kind" in r && r.kind === "allocate") {
      expect(r.totalPoints).toBe(e.total);
      for (const c of r.choices) {
        const x = e.rows[c.code];
        expect(c.totalPoints).toBe(x.points);
        expect(c.supporters.value).toBe(x.supporters);
        close(c.meanPoints, x.mean, EXACT, "mean points");
      }
    }
  });

  it.each(Object.keys(ref.crossTabs))(
    "cross-tab of %s by visit_freq: table, chi-square, group means",
    (slot) => {
      const e = ref.crossTabs[slot];
      const ct = report.crossTabs as CrossTabs;
      const t = ct.tables.find((x) => x.slot === slot)!;
      const coded = ct.groups.map((g, i) => ({ g, i })).filter(({ g }) => g.code !== null);
      expect(t.rows.map((row) => coded.map(({ i }) => row.cells[i]!.count))).toEqual(e.table);
      if (e.cochranOk) {
        expect(t.testNote).toBe("ok");
        close(t.test!.chi2, e.chi2, EXACT, "chi2");
        close(t.test!.p, e.p, PVAL, "p");
        expect(t.test!.df).toBe(e.df);
        close(t.test!.cramersV, e.cramersV, EXACT, "V");
      } else expect(t.testNote).not.toBe("ok");
      if (e.means)
        for (const [k, { i }] of coded.entries()) close(t.stats![i]!.mean, e.means[k], EXACT, `mean ${k}`);
    },
  );

  it("indices, IPA and gaps match", () => {
    for (const ix of report.indices) {
      const e = ref.indices[ix.id];
      expect(ix.n.value).toBe(e.n);
      close(ix.mean, e.mean, EXACT, "index mean");
      close(ix.median, e.median, EXACT, "index median");
      close(ix.sd, e.sd, EXACT, "index sd");
      close(ix.ci?.low, e.ci.low, PVAL, "index ci");
      close(ix.alpha, e.alpha, EXACT, "alpha");
    }
    for (const row of report.ipa!.rows) {
      const e = ref.ipa[row.id];
      expect(row.n.value).toBe(e.n);
      close(row.importanceMean, e.importance, EXACT, "importance");
      close(row.performanceMean, e.performance, EXACT, "performance");
    }
    expect(report.ipa!.rows.every((r) => r.quadrant !== null)).toBe(true);
    for (const g of report.gaps) {
      const e = ref.gaps[g.id];
      expect(g.n.value).toBe(e.n);
      close(g.minimumMean, e.means[0], EXACT, "minimum");
      close(g.desiredMean, e.means[1], EXACT, "desired");
      close(g.perceivedMean, e.means[2], EXACT, "perceived");
      close(g.adequacy.mean, e.adequacy.mean, EXACT, "adequacy");
      close(g.adequacy.ci?.low, e.adequacy.ci.low, PVAL, "adequacy ci");
      close(g.superiority.mean, e.superiority.mean, EXACT, "superiority");
      close(g.superiority.ci?.high, e.superiority.ci.high, PVAL, "superiority ci");
    }
  });
});
