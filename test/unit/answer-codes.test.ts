// The compact answer codes: one fixed layout per survey version, every synthetic response of
// every bundled and test survey round-trips exactly, and what cannot be held exactly gives null.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ABSENT,
  CODES_FORMAT,
  codeLayout,
  codesAgree,
  decodeAnswerCodes,
  encodeAnswers,
  FIRST_CODE,
  SKIPPED,
  TEXT_PRESENT,
} from "../../src/definition/answer-codes.js";
import { type Answers, surveySlots } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { ROOT } from "../helpers/cli.js";
import { minimal } from "../helpers/store-data.js";

const files = [
  ...readdirSync(join(ROOT, "surveys")).map((f) => `surveys/${f}`),
  ...readdirSync(join(ROOT, "test/fixtures/surveys")).map((f) => `test/fixtures/surveys/${f}`),
  ...readdirSync(join(ROOT, "fixtures/surveys/valid")).map((f) => `fixtures/surveys/valid/${f}`),
].filter((f) => f.endsWith(".yaml"));

/** What the codes hold of the answers: free texts only as "there is one". */
function textsMarked(survey: ReturnType<typeof loadSurvey>, answers: Answers): Answers {
  const texts = new Set(
    surveySlots(survey)
      .filter((s) => s.kind === "text")
      .map((s) => s.id),
  );
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers))
    out[k] = texts.has(k) && typeof v === "string" ? TEXT_PRESENT : v;
  return out;
}

describe.each(files)("answer codes of %s", (file) => {
  const survey = loadSurvey(join(ROOT, file));
  const layout = codeLayout(survey);

  it("has one field per slot, in slot order, at fixed offsets, the same for the same definition", () => {
    expect(layout.fields.map((f) => f.slot)).toEqual(surveySlots(survey).map((s) => s.id));
    let at = 1;
    for (const f of layout.fields) {
      expect(f.offset).toBe(at);
      at += f.size;
    }
    expect(layout.size).toBe(at);
    expect(JSON.stringify(codeLayout(loadSurvey(join(ROOT, file))).fields)).toBe(
      JSON.stringify(layout.fields),
    );
  });

  it("round-trips every synthetic response exactly (texts as a marker)", () => {
    const rs = generateResponses(survey, { count: 400, seed: 7, partialRate: 0.3 });
    for (const r of rs) {
      const bytes = encodeAnswers(layout, r.answers);
      expect(bytes, r.id).not.toBeNull();
      expect(bytes![0]).toBe(CODES_FORMAT);
      expect(decodeAnswerCodes(layout, bytes!)).toEqual(textsMarked(survey, r.answers));
      expect(codesAgree(layout, bytes!, r.answers)).toBe(true);
    }
  });
});

describe("answer codes on the every-type survey", () => {
  const survey = minimal();
  const layout = codeLayout(survey);
  const field = (slot: string) => layout.bySlot.get(slot)!;

  it("tells no key, skipped, a code and a don't-know apart", () => {
    const f = field("visit_freq");
    const bytes = (a: Answers) => encodeAnswers(layout, a)!;
    expect(bytes({})[f.offset]).toBe(ABSENT);
    expect(bytes({ visit_freq: null })[f.offset]).toBe(SKIPPED);
    const code = f.codes[0]!;
    expect(bytes({ visit_freq: code })[f.offset]).toBe(FIRST_CODE);
    expect(decodeAnswerCodes(layout, bytes({ visit_freq: null }))).toEqual({ visit_freq: null });
    expect(decodeAnswerCodes(layout, bytes({}))).toEqual({});
    const scale = layout.fields.find((x) => x.kind === "choice" && x.missing.some(Boolean));
    if (scale) {
      const dk = scale.codes[scale.missing.indexOf(true)]!;
      const b = bytes({ [scale.slot]: dk });
      expect(decodeAnswerCodes(layout, b)).toEqual({ [scale.slot]: dk });
      expect(scale.missing[b[scale.offset]! - FIRST_CODE]).toBe(true);
    }
  });

  it("keeps every kind: multi (also empty), ranking, number, points with an explicit 0, a text", () => {
    const kinds = new Map(layout.fields.map((f) => [f.kind, f]));
    for (const k of ["choice", "multi", "ranking", "number", "points", "text"] as const)
      expect(kinds.has(k), k).toBe(true);
    const multi = kinds.get("multi")!;
    const ranking = kinds.get("ranking")!;
    const points = kinds.get("points")!;
    const answers: Answers = {
      [multi.slot]: [multi.codes[0]!, multi.codes[2]!],
      [ranking.slot]: ranking.codes.slice(0, ranking.capacity).reverse(),
      [kinds.get("number")!.slot]: -2.75,
      [points.slot]: { [points.codes[1]!]: 0, [points.codes[0]!]: 3 },
      [kinds.get("text")!.slot]: "Hyvä kirjasto",
    };
    const back = decodeAnswerCodes(layout, encodeAnswers(layout, answers)!);
    expect(back).toEqual({ ...answers, [kinds.get("text")!.slot]: TEXT_PRESENT });
    const empty = { [multi.slot]: [] };
    expect(decodeAnswerCodes(layout, encodeAnswers(layout, empty)!)).toEqual(empty);
  });

  it("gives null for what it cannot hold exactly", () => {
    const kinds = new Map(layout.fields.map((f) => [f.kind, f]));
    const multi = kinds.get("multi")!;
    const ranking = kinds.get("ranking")!;
    const bad: Answers[] = [
      { no_such_slot: "1" },
      { visit_freq: "not-a-code" },
      { visit_freq: 3 },
      { [multi.slot]: [multi.codes[2]!, multi.codes[0]!] }, // not in choice order
      { [multi.slot]: [multi.codes[0]!, multi.codes[0]!] },
      { [ranking.slot]: [...ranking.codes, ranking.codes[0]!] },
      { [ranking.slot]: [ranking.codes[0]!, ranking.codes[0]!] },
      { [kinds.get("number")!.slot]: "12" },
      { [kinds.get("points")!.slot]: { [kinds.get("points")!.codes[0]!]: 1.5 } },
      { [kinds.get("points")!.slot]: [] as string[] },
      { [kinds.get("text")!.slot]: 5 },
    ];
    for (const a of bad) expect(encodeAnswers(layout, a), JSON.stringify(a)).toBeNull();
  });

  it("refuses a block of another length or format, and codesAgree spots a changed byte", () => {
    const answers = generateResponses(survey, { count: 1, seed: 3, partialRate: 0 })[0]!.answers;
    const b = encodeAnswers(layout, answers)!;
    expect(() => decodeAnswerCodes(layout, b.subarray(1))).toThrow();
    const other = Uint8Array.from(b);
    other[0] = 99;
    expect(() => decodeAnswerCodes(layout, other)).toThrow();
    const changed = Uint8Array.from(b);
    changed[field("visit_freq").offset] = SKIPPED;
    expect(codesAgree(layout, changed, answers)).toBe(false);
    expect(codesAgree(layout, b, answers)).toBe(true);
  });
});
