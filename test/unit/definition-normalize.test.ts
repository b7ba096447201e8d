// The normalised model: lists resolved, yes/no and scales spelled out, and a content hash that
// ignores key order and comments but changes with any real change.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { surveySlots } from "../../src/definition/answers.js";
import { findQuestion } from "../../src/definition/model.js";
import { parseSurvey, parseSurveyBytes } from "../../src/definition/parse.js";
import { ROOT } from "../helpers/cli.js";

const text = readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8");
const survey = parseSurvey(text, "minimal.yaml").survey!;

describe("normalizeSurvey", () => {
  it("resolves named lists and turns codes into strings", () => {
    const q = findQuestion(survey, "enjoy");
    expect(q?.type).toBe("likert");
    expect(q && "choices" in q ? q.choices.map((c) => c.value) : []).toEqual(["1", "2", "3", "dk"]);
  });

  it("spells out yes/no with don't know, scales and 'other'", () => {
    const yn = findQuestion(survey, "likes");
    expect(yn && "choices" in yn ? yn.choices.map((c) => c.value) : []).toEqual(["yes", "no", "dk"]);
    const grade = findQuestion(survey, "grade");
    expect(grade && "choices" in grade ? grade.choices.map((c) => c.value) : []).toEqual([
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    const barriers = findQuestion(survey, "barriers");
    expect(barriers && "choices" in barriers ? barriers.choices.at(-1) : undefined).toMatchObject({
      value: "other",
      label: { fi: "Muu, mikä?", sv: "Annat, vad?", en: "Other, what?" },
    });
  });

  it("lists slots in questionnaire order, matrix items and other texts included", () => {
    expect(surveySlots(survey).map((s) => s.id)).toEqual([
      "visit_freq",
      "barriers",
      "barriers.other",
      "likes",
      "enjoy",
      "grade",
      "image.welcoming",
      "image.strict",
      "books",
      "rank",
      "dots",
      "wishes",
    ]);
  });

  it("carries reverse-coded matrix items into indices", () => {
    expect(survey.indices[0]?.reverse).toEqual(["image.strict"]);
  });

  it("hashes content, not formatting", () => {
    const reformatted = `# a comment\n${text.replace("id: minimal\n", "id:   minimal   # same\n")}`;
    expect(parseSurvey(reformatted, "x.yaml").survey?.hash).toBe(survey.hash);
    const changed = text.replace(
      "Kuinka usein käyt kirjastossa?,",
      "Kuinka usein käyt kirjastossa nykyään?,",
    );
    expect(parseSurvey(changed, "x.yaml").survey?.hash).not.toBe(survey.hash);
  });

  it("reads UTF-8 with a BOM and UTF-16 with a BOM", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    expect(parseSurveyBytes(bom, "bom.yaml").survey?.hash).toBe(survey.hash);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(parseSurveyBytes(utf16, "u16.yaml").survey?.hash).toBe(survey.hash);
  });

  it("does not let __proto__ keys reach the prototype", () => {
    const r = parseSurvey(`${text}\n__proto__: { polluted: true }\n`, "p.yaml");
    expect(r.survey).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports every problem at once", () => {
    const broken = text
      .replace("type: yesno", "type: yesnoo")
      .replace("choices: freq\n", "choices: frq\n")
      .replace("max_length: 500", "max_length: 500\n        colour: red");
    const codes = parseSurvey(broken, "b.yaml").diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["SURVEY_UNKNOWN_TYPE", "SURVEY_UNKNOWN_KEY"]));
  });
});
