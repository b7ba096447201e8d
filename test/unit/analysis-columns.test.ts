// The report path reads the store into columns (answer codes field by field, the JSON only where
// a row has no codes, free texts apart): the Report must be the one analysing the same responses
// as objects gives, byte for byte, whatever the options and however odd the stored answers.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type AnalysisOptions, analyze } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { readReportInput } from "../../src/reporting/report-input.js";
import {
  iterateCodePages,
  listResponses,
  PAGE_ROW,
  registerSurvey,
  saveResponses,
} from "../../src/store/index.js";
import { ROOT } from "../helpers/cli.js";
import { tempStore } from "../helpers/store-data.js";

const temps: ReturnType<typeof tempStore>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

/** A store of `responses`; returns its path and the responses as the store gives them back. */
function storeOf(survey: Survey, responses: SurveyResponse[]): { path: string; stored: SurveyResponse[] } {
  const t = tempStore();
  temps.push(t);
  const s = t.open();
  registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
  saveResponses(s, responses);
  const stored = listResponses(s, survey.id);
  const rows = [...iterateCodePages(s, survey.id)].flat();
  // Most rows are read from their codes, the odd ones from their JSON: both paths are taken.
  expect(rows.filter((r) => r[PAGE_ROW.codes] !== null).length).toBeGreaterThan(rows.length / 2);
  s.close();
  return { path: t.path, stored };
}

/** Synthetic responses over two waves, three sessions and every source, partial ones among them. */
function responsesOf(survey: Survey, count: number): SurveyResponse[] {
  return [0, 1, 2, 3].flatMap((k) =>
    generateResponses(survey, {
      count,
      seed: 40 + k,
      partialRate: 0.25,
      wave: k % 2 === 0 ? "baseline" : "followup",
      sessionId: `s${k % 3}`,
      source: (["interactive", "paper", "import"] as const)[k % 3],
      start: `2025-0${k + 3}-01T09:00:00Z`,
    }),
  );
}

const OPTIONS: AnalysisOptions[] = [
  {},
  { compare: "wave" },
  { compare: "session", filters: { includePartial: true } },
  { compare: "source", filters: { since: "2025-04-01", until: "2025-05-31" } },
  { filters: { waves: ["followup"], includePartial: true }, minCell: 3 },
];

function expectSameReports(
  survey: Survey,
  path: string,
  stored: SurveyResponse[],
  options: AnalysisOptions[],
) {
  return readReportInput(path, survey.id).then((input) => {
    expect(input.columns.length).toBe(stored.length);
    expect(input.responses).toBeUndefined();
    for (const o of options)
      expect(JSON.stringify(analyze(input.survey, input.columns, o)), JSON.stringify(o)).toBe(
        JSON.stringify(analyze(input.survey, stored, o)),
      );
  });
}

describe("columns read from the store", () => {
  it("give the Report of the same responses as objects, for the analysis reference survey with odd answers", async () => {
    const survey = loadSurvey(join(ROOT, "test/fixtures/surveys/analysis-reference.yaml"));
    const rs = responsesOf(survey, 60);
    const odd = (i: number, answers: SurveyResponse["answers"]): SurveyResponse => ({
      ...rs[i]!,
      id: `odd-${i}`,
      answers: { ...rs[i]!.answers, ...answers },
    });
    // Values the codes cannot hold (read from the JSON), and blank texts the codes call present.
    const stored = [
      ...rs,
      odd(0, { enjoy: "7" }),
      odd(1, { enjoy: 2 as unknown as string }),
      odd(2, { barriers: ["other", "time"], "barriers.other": "  " }),
      odd(3, { rank: ["quiet", "quiet"] }),
      odd(4, { dots: { quiet: 0 } }),
      odd(5, { books: "12" as unknown as number }),
      odd(6, { wishes: "   " }),
      odd(7, { visit_freq: "never" }),
    ];
    const { path, stored: back } = storeOf(survey, stored);
    await expectSameReports(survey, path, back, [...OPTIONS, { by: "visit_freq" }]);
  });

  it("give the Report of the same responses as objects, for the bundled baseline survey", async () => {
    const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
    const { path, stored } = storeOf(survey, responsesOf(survey, 150));
    await expectSameReports(survey, path, stored, OPTIONS);
  });

  it("read the responses as objects too only when asked (the Excel file's sheet of them)", async () => {
    const survey = loadSurvey(join(ROOT, "test/fixtures/surveys/analysis-reference.yaml"));
    const { path, stored } = storeOf(survey, responsesOf(survey, 20));
    const input = await readReportInput(path, survey.id, { responses: true });
    expect(input.responses).toEqual(stored);
    expect(input.newest).toBe(
      stored
        .map((r) => r.submittedAt ?? r.startedAt)
        .sort()
        .at(-1),
    );
  });
});
