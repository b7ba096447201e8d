import { describe, expect, it } from "vitest";
import { classify } from "../../src/analysis/classify.js";
import { analyze } from "../../src/analysis/index.js";
import { determinedColumns } from "../../src/analysis/linear.js";
import type { MatrixResult, QuestionResult } from "../../src/analysis/report.js";
import { type SurveyResponse, surveySlots } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { ROOT } from "../helpers/cli.js";

const survey = loadSurvey(`${ROOT}/test/fixtures/surveys/analysis-reference.yaml`);
const slot = (id: string) => surveySlots(survey).find((s) => s.id === id)!;
const response = (answers: SurveyResponse["answers"]): SurveyResponse => ({
  id: "r",
  surveyId: survey.id,
  surveyHash: survey.hash,
  sessionId: null,
  wave: null,
  source: "paper",
  language: "fi",
  plain: false,
  startedAt: "2025-01-01T10:00:00Z",
  submittedAt: "2025-01-01T10:10:00Z",
  status: "complete",
  answers,
});

describe("classify", () => {
  it("tells not shown (show_if false) from not reached", () => {
    // barriers: show_if visit_freq in ['monthly', 'never']
    expect(classify(slot("barriers"), response({ visit_freq: "weekly" })).state).toBe("notShown");
    const partial = (answers: SurveyResponse["answers"]) => ({
      ...response(answers),
      status: "partial" as const,
    });
    expect(classify(slot("barriers"), partial({ visit_freq: "never" })).state).toBe("notReached");
    expect(classify(slot("enjoy"), partial({})).state).toBe("notReached");
  });
  it("counts a blank on a complete form as skipped (shown) or not shown, never not reached", () => {
    expect(classify(slot("barriers"), response({ visit_freq: "never" })).state).toBe("skipped");
    expect(classify(slot("barriers"), response({ visit_freq: "weekly" })).state).toBe("notShown");
    expect(classify(slot("enjoy"), response({})).state).toBe("skipped");
  });
  it("keeps skipped, don't know and invalid apart from valid answers", () => {
    expect(classify(slot("enjoy"), response({ enjoy: null })).state).toBe("skipped");
    expect(classify(slot("enjoy"), response({ enjoy: "dk" }))).toEqual({ state: "missing", code: "dk" });
    expect(classify(slot("enjoy"), response({ enjoy: "7" })).state).toBe("invalid");
    expect(classify(slot("enjoy"), response({ enjoy: "2" }))).toEqual({ state: "valid", value: "2" });
    expect(classify(slot("barriers"), response({ barriers: [] })).state).toBe("skipped");
    expect(classify(slot("books"), response({ books: "12" })).state).toBe("invalid");
    expect(classify(slot("dots"), response({ dots: { quiet: 0 } })).state).toBe("skipped");
    expect(classify(slot("rank"), response({ rank: ["quiet", "quiet"] })).state).toBe("invalid");
    expect(classify(slot("rank"), response({ rank: ["help", "quiet", "easy"] }))).toEqual({
      state: "valid",
      value: ["help", "quiet"],
    });
  });
});

describe("determinedColumns", () => {
  it("finds values fixed by sums, and only those", () => {
    // x0 + x1 = a, x1 = b  → both fixed; x2 + x3 = c → neither.
    const rows = [
      new Map([
        [0, 1],
        [1, 1],
      ]),
      new Map([[1, 1]]),
      new Map([
        [2, 1],
        [3, -1],
      ]),
    ];
    expect([...determinedColumns(rows)].sort()).toEqual([0, 1]);
  });
});

describe("analyze: how far a partial response got", () => {
  it("counts blanks before a partial response's last answer as skipped, and after it as not reached", () => {
    const partial = (i: number, answers: SurveyResponse["answers"]): SurveyResponse => ({
      ...response(answers),
      id: `r${i}`,
      status: "partial",
    });
    // visit_freq answered, likes left blank, enjoy answered, everything after not reached.
    const responses = [1, 2, 3].map((i) => partial(i, { visit_freq: "weekly", enjoy: "2" }));
    const report = analyze(survey, responses, {
      minCell: 1,
      allowSmallCells: true,
      filters: { includePartial: true },
    });
    const status = (id: string) => {
      const q = report.questions.find((x) => x.id === id) as Exclude<QuestionResult, MatrixResult>;
      return [q.status.skipped.value, q.status.notShown.value, q.status.notReached.value];
    };
    expect(status("likes")).toEqual([3, 0, 0]);
    expect(status("barriers")).toEqual([0, 3, 0]);
    expect(status("books")).toEqual([0, 0, 3]);
  });
});
