// The pure flow: which questions a person sees for given answers, the screen before and after,
// progress, and the answers that a changed earlier answer makes moot.
import { describe, expect, it } from "vitest";
import type { Answers } from "../../src/definition/answers.js";
import { findQuestion } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import {
  allSteps,
  hiddenAnswers,
  nextStep,
  opensSection,
  previousStep,
  progressOf,
  pruneHidden,
  type Step,
  stepKey,
  stepSlots,
  visibleQuestionIds,
} from "../../src/session/flow.js";

const YAML = `
kuulo: 1
id: flow
title: { en: Flow }
languages: [en]
choices:
  ab: [{ value: a, label: { en: A } }, { value: b, label: { en: B } }]
  agree: [{ value: 1, label: { en: No } }, { value: 2, label: { en: Yes } }]
sections:
  - id: first
    title: { en: First }
    questions:
      - { id: q1, type: yesno, text: { en: Q1 } }
      - { id: q2, type: single, text: { en: Q2 }, choices: ab, other: true, show_if: "q1 == 'yes'" }
      - id: q3
        type: matrix
        text: { en: Q3 }
        scale: agree
        items: [{ id: i1, text: { en: I1 } }, { id: i2, text: { en: I2 } }]
  - id: second
    title: { en: Second }
    questions:
      - { id: q4, type: text, text: { en: Q4 }, show_if: "q2 == 'b'" }
      - { id: q5, type: multi, text: { en: Q5 }, choices: ab, show_if: "q1 == 'no' or answered(q4)" }
      - { id: q6, type: info, text: { en: Bye } }
`;
const parsed = parseSurvey(YAML, "flow.yaml");
if (!parsed.survey) throw new Error(JSON.stringify(parsed.diagnostics));
const survey = parsed.survey;
const step = (key: string): Step => allSteps(survey).find((s) => stepKey(s) === key)!;

describe("visibleQuestionIds", () => {
  const cases: [string, Answers, string[]][] = [
    ["nothing answered", {}, ["q1", "q3", "q6"]],
    ["q1 yes opens q2", { q1: "yes" }, ["q1", "q2", "q3", "q6"]],
    ["q1 skipped is not yes", { q1: null }, ["q1", "q3", "q6"]],
    ["q2 b opens q4 (a chain)", { q1: "yes", q2: "b" }, ["q1", "q2", "q3", "q4", "q6"]],
    ["a stale q2 on a hidden branch opens nothing", { q1: "no", q2: "b" }, ["q1", "q3", "q5", "q6"]],
    ["q4 answered opens q5", { q1: "yes", q2: "b", q4: "hi" }, ["q1", "q2", "q3", "q4", "q5", "q6"]],
    ["q4 skipped keeps q5 hidden", { q1: "yes", q2: "b", q4: null }, ["q1", "q2", "q3", "q4", "q6"]],
  ];
  it.each(cases)("%s", (_name, answers, shown) => {
    expect([...visibleQuestionIds(survey, answers)]).toEqual(shown);
  });
});

describe("nextStep and previousStep", () => {
  const walk = (answers: Answers): string[] => {
    const keys: string[] = [];
    for (let s = nextStep(survey, answers, null); s; s = nextStep(survey, answers, s)) keys.push(stepKey(s));
    return keys;
  };
  const cases: [Answers, string[]][] = [
    [{}, ["q1", "q3.i1", "q3.i2", "q6"]],
    [{ q1: "yes", q2: "b" }, ["q1", "q2", "q3.i1", "q3.i2", "q4", "q6"]],
    [{ q1: "no" }, ["q1", "q3.i1", "q3.i2", "q5", "q6"]],
  ];
  it.each(cases)("forward through %j", (answers, keys) => {
    expect(walk(answers)).toEqual(keys);
  });

  it.each(cases)("backward through %j is the same path reversed", (answers, keys) => {
    const back: string[] = [];
    for (let s: Step | null = step(keys.at(-1)!); s; s = previousStep(survey, answers, s))
      back.push(stepKey(s));
    expect(back).toEqual([...keys].reverse());
  });

  it("goes back past a question whose show_if is now false", () => {
    expect(stepKey(previousStep(survey, { q1: "no", q2: "b" }, step("q3.i1"))!)).toBe("q1");
  });

  it("ends with null after the last screen and before the first", () => {
    expect(nextStep(survey, {}, step("q6"))).toBeNull();
    expect(previousStep(survey, {}, step("q1"))).toBeNull();
  });
});

describe("progressOf", () => {
  const cases: [
    string,
    Answers,
    string,
    { index: number; total: number; item?: { index: number; total: number } },
  ][] = [
    ["undecided branches ahead are counted", {}, "q1", { index: 1, total: 6 }],
    ["closed branches are not", {}, "q3.i2", { index: 2, total: 3, item: { index: 2, total: 2 } }],
    ["a branch that depends on the current question", { q1: "yes", q2: "b" }, "q4", { index: 4, total: 6 }],
    [
      "a branch decided by earlier answers",
      { q1: "yes", q2: "a" },
      "q3.i1",
      { index: 3, total: 4, item: { index: 1, total: 2 } },
    ],
    ["last", { q1: "no" }, "q6", { index: 4, total: 4 }],
  ];
  it.each(cases)("%s", (_name, answers, key, expected) => {
    expect(progressOf(survey, answers, step(key))).toEqual(expected);
  });
});

describe("opensSection", () => {
  it("is true on the first shown screen of each section only", () => {
    expect(opensSection(survey, {}, step("q1"))).toBe(true);
    expect(opensSection(survey, {}, step("q3.i1"))).toBe(false);
    expect(opensSection(survey, {}, step("q6"))).toBe(true);
    expect(opensSection(survey, { q1: "no" }, step("q5"))).toBe(true);
    expect(opensSection(survey, { q1: "no" }, step("q6"))).toBe(false);
  });
});

describe("hiddenAnswers and pruneHidden", () => {
  const cases: [string, Answers, string[]][] = [
    ["nothing hidden", { q1: "yes", q2: "a", "q3.i1": "2" }, []],
    [
      "changing q1 to no hides q2, its other text and q4",
      { q1: "no", q2: "other", "q2.other": "x", q4: "t", q5: ["a"] },
      ["q2", "q2.other", "q4"],
    ],
    ["skipping q1 hides q2", { q1: null, q2: "a" }, ["q2"]],
    ["changing q2 hides q4 and with it q5", { q1: "yes", q2: "a", q4: "t", q5: ["b"] }, ["q4", "q5"]],
  ];
  it.each(cases)("%s", (_name, answers, hidden) => {
    expect(hiddenAnswers(survey, answers)).toEqual(hidden);
    const kept = pruneHidden(survey, answers);
    expect(Object.keys(kept).sort()).toEqual(
      Object.keys(answers)
        .filter((k) => !hidden.includes(k))
        .sort(),
    );
    expect(hiddenAnswers(survey, kept)).toEqual([]);
  });
});

describe("stepSlots", () => {
  it("names the slots a screen writes", () => {
    expect(stepSlots(step("q2"))).toEqual(["q2", "q2.other"]);
    expect(stepSlots(step("q3.i2"))).toEqual(["q3.i2"]);
    expect(stepSlots(step("q6"))).toEqual([]);
    expect(findQuestion(survey, "q6")?.type).toBe("info");
  });
});
