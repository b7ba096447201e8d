// The analysis of the bundled baseline survey on a fixed synthetic dataset, in four setups, as
// digests a person can read in a diff (test/golden/analysis/*.txt: every count, share, mark and
// statistic, one line per row), plus the rules every such Report keeps. Regenerate the digests on
// purpose with UPDATE_GOLDEN=1 and read the diff.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnalysisOptions, analyze } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { ROOT } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { reportDigest } from "../helpers/report-digest.js";

const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
const responses = JSON.parse(
  readFileSync(join(ROOT, "test/fixtures/analysis/responses-baseline.json"), "utf8"),
) as SurveyResponse[];
const generatedAt = "2025-10-01T12:00:00Z";

const CASES: [string, AnalysisOptions][] = [
  ["baseline", { generatedAt }],
  ["baseline-by-age", { generatedAt, by: "age_group" }],
  ["baseline-compare-waves", { generatedAt, compare: "wave" }],
  [
    "baseline-followup-mincell3",
    { generatedAt, minCell: 3, filters: { waves: ["followup"], includePartial: true } },
  ],
];

describe("analysis digests", () => {
  it.each(CASES)("%s", (name, options) => {
    expectGolden(`analysis/${name}.txt`, reportDigest(analyze(survey, responses, options)));
  });
});

/** Responses in the Report's population: complete ones, or all of the wave with includePartial. */
const complete = responses.filter((r) => r.status === "complete");
/** How many of `rs` picked `code` at `slot` (single answers and lists alike), counted here by hand. */
const tally = (rs: SurveyResponse[], slot: string, code: string) =>
  rs.filter((r) => {
    const a = r.answers[slot];
    return Array.isArray(a) ? (a as unknown[]).includes(code) : a === code;
  }).length;

describe("the numbers that matter, counted independently of the analysis", () => {
  const report = analyze(survey, responses, { generatedAt });

  it("counts the responses by status, wave and source", () => {
    expect(report.counts.matched.value).toBe(responses.length);
    expect(report.counts.complete.value).toBe(complete.length);
    expect(report.counts.partial.value).toBe(responses.length - complete.length);
    expect(report.counts.analysed.value).toBe(complete.length);
    for (const w of report.counts.byWave)
      expect(w.count, `wave ${w.key}`).toBe(complete.filter((r) => r.wave === w.key).length);
    for (const s of report.counts.bySource)
      expect(s.count, `source ${s.key}`).toBe(complete.filter((r) => r.source === s.key).length);
  });

  it("tallies every choice row; hides exactly the small counts and, as complements, no more than needed", () => {
    const minCell = report.privacy.minCell;
    let shown = 0;
    let small = 0;
    for (const q of report.questions) {
      if (q.kind !== "choice" && q.kind !== "multi") continue;
      for (const row of q.choices) {
        const n = tally(complete, q.id, row.code);
        if (!row.suppressed) {
          expect(row.count, `${q.id} ${row.code}`).toBe(n);
          expect(row.share, `${q.id} ${row.code}`).toBeCloseTo(n / q.status.valid.value!, 12);
          shown++;
        } else if (!row.complement) {
          // Hidden as small: between 1 and minCell − 1 people.
          expect(n > 0 && n < minCell, `${q.id} ${row.code}: ${n} hidden as small`).toBe(true);
          small++;
        }
        if (n > 0 && n < minCell) expect(row.suppressed, `${q.id} ${row.code}: ${n} shown`).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(80);
    expect(small).toBeGreaterThan(0);
  });

  it("gives a matrix item's n, mean and top box from the answers", () => {
    const image = report.questions.find((q) => q.id === "image");
    if (image?.kind !== "matrix") throw new Error("image is a matrix question of the baseline survey");
    const item = image.items.find((it) => it.id === "image.welcoming")!;
    const values = complete
      .map((r) => Number(r.answers["image.welcoming"]))
      .filter((v) => Number.isInteger(v) && v >= 1 && v <= 5);
    expect(item.stats.n.value).toBe(values.length);
    expect(item.stats.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    expect(item.stats.topBox).toBeCloseTo(values.filter((v) => v >= 4).length / values.length, 12);
  });

  it("compares the waves with groups of the right size", () => {
    const waves = analyze(survey, responses, { generatedAt, compare: "wave" }).comparison!;
    expect(waves.groups.map((g) => [g.code, g.size.value])).toEqual(
      ["baseline", "followup"].map((w) => [w, complete.filter((r) => r.wave === w).length]),
    );
  });

  it("takes partial responses of the chosen wave when asked, and only those", () => {
    const followup = analyze(survey, responses, {
      generatedAt,
      minCell: 3,
      filters: { waves: ["followup"], includePartial: true },
    });
    expect(followup.counts.analysed.value).toBe(responses.filter((r) => r.wave === "followup").length);
    expect(followup.privacy.minCell).toBe(3);
  });
});
