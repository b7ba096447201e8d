// Answer checks per question type: what is accepted, what it becomes, and which message a
// person sees otherwise. One table per type, on the bundled minimal survey.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSurvey } from "../../src/definition/parse.js";
import { checkAnswer } from "../../src/session/check-answer.js";
import { allSteps, type Step, stepKey } from "../../src/session/flow.js";
import { checkOtherText, parseNumberInput } from "../../src/session/validate.js";
import { ROOT } from "../helpers/cli.js";

const survey = parseSurvey(
  readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"),
  "minimal.yaml",
).survey!;
const step = (key: string): Step => allSteps(survey).find((s) => stepKey(s) === key)!;

type Row = [string, unknown, { value: unknown } | { problem: string; vars?: Record<string, unknown> }];
const run = (key: string, rows: Row[]) =>
  it.each(rows)(`${key}: %s`, (_name, input, expected) => {
    const r = checkAnswer(step(key), input);
    if ("value" in expected) expect(r).toEqual({ ok: true, value: expected.value });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problem.key).toBe(expected.problem);
        if (expected.vars) expect(r.problem.vars).toEqual(expected.vars);
      }
    }
  });

describe("single (required)", () => {
  run("visit_freq", [
    ["a code", "weekly", { value: "weekly" }],
    ["an unknown code", "daily", { problem: "run.error.unknownChoice", vars: { value: "daily" } }],
    ["a skip is refused", null, { problem: "run.error.required" }],
    ["a list is refused", ["weekly"], { problem: "run.error.unknownChoice" }],
  ]);
});

describe("multi with an exclusive choice and other", () => {
  run("barriers", [
    ["codes come back in survey order", ["fines", "hours"], { value: ["hours", "fines"] }],
    ["other is a choice", ["other"], { value: ["other"] }],
    ["the exclusive choice alone", ["none"], { value: ["none"] }],
    [
      "the exclusive choice with another",
      ["none", "fines"],
      { problem: "run.error.exclusive", vars: { value: "none" } },
    ],
    ["nothing picked", [], { problem: "run.error.nothingPicked" }],
    ["twice", ["fines", "fines"], { problem: "run.error.twice" }],
    ["unknown", ["parking"], { problem: "run.error.unknownChoice" }],
    ["not a list", "fines", { problem: "run.error.notAList" }],
    ["skipped", null, { value: null }],
  ]);
});

describe("yesno, likert, scale, matrix statement", () => {
  run("likes", [
    ["yes", "yes", { value: "yes" }],
    ["don't know", "dk", { value: "dk" }],
    ["true is not yes", true, { problem: "run.error.unknownChoice" }],
  ]);
  run("enjoy", [
    ["a number code given as a number", 3, { value: "3" }],
    ["out of the scale", "4", { problem: "run.error.unknownChoice" }],
  ]);
  run("grade", [
    ["lowest", "4", { value: "4" }],
    ["below", "3", { problem: "run.error.unknownChoice" }],
    ["a fraction", 4.5, { problem: "run.error.unknownChoice" }],
  ]);
  run("image.strict", [
    ["a statement's answer", "dk", { value: "dk" }],
    ["skipped", null, { value: null }],
  ]);
});

describe("number (0–200, whole)", () => {
  run("books", [
    ["typed", "12", { value: 12 }],
    ["a number", 12, { value: 12 }],
    ["spaces around", "  7 ", { value: 7 }],
    ["decimal comma, not whole", "1,5", { problem: "run.error.integer" }],
    ["above the range", "201", { problem: "run.error.between", vars: { min: 0, max: 200 } }],
    ["below the range", "-1", { problem: "run.error.between" }],
    ["letters", "12 kirjaa", { problem: "run.error.notNumber" }],
    ["empty is a skip", "", { value: null }],
  ]);
});

describe("parseNumberInput", () => {
  const rows: [string, number | null][] = [
    ["3,5", 3.5],
    ["3.5", 3.5],
    [",5", 0.5],
    ["-2", -2],
    ["−2", -2],
    ["+4", 4],
    ["1 000", 1000],
    ["1\u00a0250,75", 1250.75],
    ["12a", null],
    ["1,2,3", null],
    ["1 00", null],
    ["", null],
    ["Infinity", null],
    ["0x10", null],
  ];
  it.each(rows)("%j → %j", (raw, n) => expect(parseNumberInput(raw)).toBe(n));
});

describe("text (at most 500)", () => {
  run("wishes", [
    ["trimmed", "  more books  ", { value: "more books" }],
    ["blank is a skip", "   ", { value: null }],
    ["exactly the limit", "x".repeat(500), { value: "x".repeat(500) }],
    ["over the limit", "x".repeat(501), { problem: "run.error.tooLong", vars: { n: 501, max: 500 } }],
    ["emoji count as one character each", "😄".repeat(500), { value: "😄".repeat(500) }],
    ["not text", 5, { problem: "run.error.notText" }],
  ]);
});

describe("ranking (top 2 of 3)", () => {
  run("rank", [
    ["two in order", ["help", "quiet"], { value: ["help", "quiet"] }],
    ["one is too few", ["help"], { problem: "run.error.rankingCount", vars: { top: 2, n: 1 } }],
    ["three is too many", ["help", "quiet", "easy"], { problem: "run.error.rankingCount" }],
    ["the same twice", ["help", "help"], { problem: "run.error.twice" }],
  ]);
});

describe("allocate (5 points)", () => {
  run("dots", [
    ["all points, zeros left out, survey order", { easy: 5, quiet: 0 }, { value: { easy: 5 } }],
    ["split", { easy: 2, quiet: 3 }, { value: { quiet: 3, easy: 2 } }],
    ["points left", { easy: 2 }, { problem: "run.error.pointsLeft", vars: { n: 3 } }],
    ["too many", { easy: 4, quiet: 2 }, { problem: "run.error.pointsOver", vars: { n: 6, points: 5 } }],
    ["negative", { easy: 6, quiet: -1 }, { problem: "run.error.notPoints" }],
    ["fraction", { easy: 4.5, quiet: 0.5 }, { problem: "run.error.notPoints" }],
    ["unknown code", { parking: 5 }, { problem: "run.error.unknownChoice" }],
    ["a list", ["easy"], { problem: "run.error.notPoints" }],
  ]);
});

describe("checkOtherText", () => {
  it("keeps a trimmed text, treats blank and missing as none, bounds the length", () => {
    expect(checkOtherText(" bus ")).toEqual({ ok: true, value: "bus" });
    expect(checkOtherText("")).toEqual({ ok: true, value: null });
    expect(checkOtherText(undefined)).toEqual({ ok: true, value: null });
    expect(checkOtherText("x".repeat(201)).ok).toBe(false);
  });
});
