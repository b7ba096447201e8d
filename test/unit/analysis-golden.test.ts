// Golden Reports for the bundled baseline survey on a fixed synthetic dataset. A change shows in
// the diff of test/golden/report-*.json; regenerate on purpose with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type AnalysisOptions, analyze } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { ROOT } from "../helpers/cli.js";

const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
const responses = JSON.parse(
  readFileSync(join(ROOT, "test/fixtures/analysis/responses-baseline.json"), "utf8"),
) as SurveyResponse[];
const generatedAt = "2025-10-01T12:00:00Z";

const CASES: [string, AnalysisOptions][] = [
  ["report-baseline", { generatedAt }],
  ["report-baseline-by-age", { generatedAt, by: "age_group" }],
  ["report-baseline-compare-waves", { generatedAt, compare: "wave" }],
  [
    "report-baseline-followup-mincell3",
    { generatedAt, minCell: 3, filters: { waves: ["followup"], includePartial: true } },
  ],
];

describe("golden reports", () => {
  it.each(CASES)("%s", (name, options) => {
    const file = join(ROOT, "test/golden", `${name}.json`);
    const json = `${JSON.stringify(analyze(survey, responses, options), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, json);
    expect(existsSync(file), `${file} is missing; create it with UPDATE_GOLDEN=1`).toBe(true);
    expect(json).toBe(readFileSync(file, "utf8"));
  });
});
