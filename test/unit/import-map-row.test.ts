import { describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import { makeRowChecker } from "../../src/import/check-row.js";
import { planColumns } from "../../src/import/columns.js";
import { makeRowMapper } from "../../src/import/map-row.js";

const survey = loadSurvey("fixtures/surveys/valid/minimal.yaml");

function mapOne(header: string[], cells: string[]) {
  const plan = planColumns(survey, header, { file: "t.csv" });
  expect(plan.problems.filter((p) => p.severity === "error")).toEqual([]);
  return makeRowMapper(survey, plan)(cells);
}

describe("planColumns", () => {
  it("finds duplicate, unknown (did you mean), missing required and conflicting columns", () => {
    const plan = planColumns(survey, ["visit_frq", "books", "Books", "barriers", "barriers.fines"], {
      file: "t.csv",
    });
    const codes = plan.problems.map((p) => `${p.code}:${p.column ?? ""}`);
    expect(codes).toContain("CSV_UNKNOWN_COLUMN:visit_frq");
    expect(codes).toContain("CSV_DUPLICATE_HEADER:Books");
    expect(codes).toContain("CSV_MISSING_COLUMN:visit_freq");
    expect(codes).toContain("CSV_CONFLICTING_COLUMNS:barriers");
    expect(plan.problems.find((p) => p.code === "CSV_UNKNOWN_COLUMN")?.message).toContain(
      'did you mean "visit_freq"',
    );
  });
  it("accepts meta columns, the rejects reason column, ignored and unnamed columns", () => {
    const plan = planColumns(survey, ["form_no", "visit_freq", "reject_reason", "notes", ""], {
      file: "t.csv",
      ignore: ["notes"],
    });
    expect(plan.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(plan.formColumn).toBe(0);
    expect(plan.answerColumns).toBe(1);
  });
});

describe("makeRowMapper", () => {
  it("reads codes, labels, decimal commas, matrix items and text", () => {
    const row = mapOne(
      ["form_no", "visit_freq", "likes", "enjoy", "image.welcoming", "books", "wishes"],
      ["17", "Kuukausittain", "ja", "dk", "Samaa mieltä", "12,0", "  lisää\r\nkirjoja "],
    );
    expect(row.problems).toEqual([]);
    expect(row.meta.form_no).toBe("17");
    expect(row.answers).toEqual({
      visit_freq: "monthly",
      likes: "yes",
      enjoy: "dk",
      "image.welcoming": "3",
      books: 12,
      wishes: "lisää\r\nkirjoja", // kept as typed: an export imports back unchanged
    });
  });
  it("treats blanks as absent, not as skipped", () => {
    expect(mapOne(["visit_freq", "books"], ["weekly", " "]).answers).toEqual({ visit_freq: "weekly" });
  });
  it("reports each unreadable cell with what was expected", () => {
    const row = mapOne(["visit_freq", "books", "grade"], ["viikottain", "250", "11"]);
    expect(row.problems.map((p) => [p.column, p.value])).toEqual([
      ["visit_freq", "viikottain"],
      ["books", "250"],
      ["grade", "11"],
    ]);
    expect(row.problems[0]?.message).toContain('did you mean "Viikoittain"?');
    expect(row.problems[1]?.message).toContain("from 0 to 200");
  });
  it("reads multi-select as joined codes or labels, and as one-hot tick columns", () => {
    expect(mapOne(["visit_freq", "barriers"], ["never", "fines;hours"]).answers.barriers).toEqual([
      "hours",
      "fines",
    ]);
    expect(mapOne(["visit_freq", "barriers"], ["never", "Sakot, Aukioloajat"]).answers.barriers).toEqual([
      "hours",
      "fines",
    ]);
    const onehot = mapOne(
      ["visit_freq", "barriers.hours", "barriers.fines", "barriers.none", "barriers.other"],
      ["never", "x", "", "0", "bus is expensive"],
    );
    expect(onehot.answers.barriers).toEqual(["hours", "other"]);
    expect(onehot.answers["barriers.other"]).toBe("bus is expensive");
    expect(onehot.problems).toEqual([]);
  });
  it("picks 'other' with a warning when the text was written without ticking it", () => {
    const row = mapOne(["visit_freq", "barriers", "barriers.other"], ["never", "fines", "no bus"]);
    expect(row.answers.barriers).toEqual(["fines", "other"]);
    expect(row.problems.map((p) => p.code)).toEqual(["CSV_OTHER_NOT_PICKED"]);
  });
  it("reads rankings as ranks per choice or as an ordered list, and finds duplicate ranks and gaps", () => {
    expect(
      mapOne(["visit_freq", "rank.quiet", "rank.easy", "rank.help"], ["weekly", "2", "1", ""]).answers.rank,
    ).toEqual(["easy", "quiet"]);
    expect(mapOne(["visit_freq", "rank"], ["weekly", "help;quiet"]).answers.rank).toEqual(["help", "quiet"]);
    const dup = makeRowMapper(
      survey,
      planColumns(survey, ["visit_freq", "rank.quiet", "rank.easy"], { file: "t" }),
    )(["weekly", "1", "1"]);
    expect(dup.problems.map((p) => p.code)).toEqual(["CSV_RANKING"]);
    const gap = makeRowMapper(
      survey,
      planColumns(survey, ["visit_freq", "rank.quiet", "rank.easy"], { file: "t" }),
    )(["weekly", "2", ""]);
    expect(gap.problems[0]?.message).toContain("skip 1");
  });
  it("reads points per choice", () => {
    expect(mapOne(["visit_freq", "dots.quiet", "dots.easy"], ["weekly", "3", "0"]).answers.dots).toEqual({
      quiet: 3,
    });
    expect(mapOne(["visit_freq", "dots"], ["weekly", "quiet:2;easy:3"]).answers.dots).toEqual({
      quiet: 2,
      easy: 3,
    });
  });
});

describe("makeRowChecker", () => {
  const check = makeRowChecker(survey);
  it("requires visible required answers", () => {
    expect(check({}).map((p) => p.code)).toEqual(["CSV_REQUIRED_MISSING"]);
    expect(check({ visit_freq: "weekly" })).toEqual([]);
  });
  it("warns about answers to questions that would not have been shown", () => {
    const p = check({ visit_freq: "weekly", barriers: ["fines"] });
    expect(p.map((x) => [x.severity, x.code, x.column])).toEqual([
      ["warning", "CSV_HIDDEN_ANSWERED", "barriers"],
    ]);
  });
  it("finds exclusive choices picked with others, over-ranking and too many points", () => {
    const codes = check({
      visit_freq: "never",
      barriers: ["fines", "none"],
      rank: ["quiet", "easy", "help"],
      dots: { quiet: 4, easy: 3 },
    }).map((p) => p.code);
    expect(codes).toEqual(["CSV_EXCLUSIVE_CHOICE", "CSV_RANKING", "CSV_ALLOCATION"]);
    const under = check({ visit_freq: "weekly", dots: { quiet: 2 } });
    expect(under.map((p) => [p.severity, p.code])).toEqual([["warning", "CSV_ALLOCATION"]]);
  });
});
