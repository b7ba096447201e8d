// The answers scanner reads stored answers exactly as JSON.parse would, or gives up: any answers
// encodeAnswers writes come back equal, and a text in another shape is never misread.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/definition/answers.js";
import { answersScanner, type SlotValues } from "../../src/store/answers-scan.js";
import { encodeAnswers } from "../../src/store/rows.js";

const ids = ["a", "a.b", "ab", "grade", "image.for_me", "other", "wishes", "ä"].sort();
const scan = answersScanner(ids);

const text = fc.string({
  unit: fc.constantFrom(
    "a",
    "ä",
    '"',
    "\\",
    "\n",
    "\r",
    "\t",
    "\u0001",
    "😀",
    "\ud800",
    " ",
    ",",
    "}",
    "]",
    ":",
  ),
  maxLength: 6,
});
const value: fc.Arbitrary<AnswerValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant(null),
  fc.array(text, { maxLength: 4 }),
  fc.dictionary(text, fc.integer({ min: 0, max: 10 }), { maxKeys: 3 }),
);
const answers = fc.dictionary(fc.constantFrom(...ids), value);

function expected(json: string): SlotValues {
  const parsed = JSON.parse(json) as Record<string, AnswerValue>;
  return ids.map((id) => (Object.hasOwn(parsed, id) ? parsed[id] : undefined));
}

describe("answersScanner", () => {
  it("reads whatever encodeAnswers wrote as JSON.parse reads it", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const json = encodeAnswers(a);
        const out: SlotValues = new Array(ids.length);
        expect(scan(json, out)).toBe(true);
        expect(out).toEqual(expected(json));
        // -0 and 0 are different numbers: toEqual tells them apart, and so must the scanner.
        out.forEach((v, i) => {
          if (typeof v === "number") expect(Object.is(v, expected(json)[i])).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("gives up on a text in any other shape rather than misread it", () => {
    const out: SlotValues = new Array(ids.length);
    for (const odd of [
      '{"grade":"1","a":"2"}', // keys out of order
      '{"unknown":1}',
      '{ "a":"1"}',
      '{"a": "1"}',
      '{"a":"1" }',
      '{"a":01}',
      '{"a":1.0}',
      '{"a":0x10}',
      '{"a":}',
      '{"a":"1",}',
      '{"a":"1"}x',
      '{"a":"1"',
      '{"a":"1}',
      '{"a":["x"}',
      '{"a":true}',
      "[]",
      "",
      '{"a":"\\q"}',
      '{"a":"x\u0001"}', // a raw control character
      '{"a":["x\n"]}',
    ])
      expect(scan(odd, out), odd).toBe(false);
  });

  it("also reads, or gives up on, any text whatever (never a wrong value)", () => {
    fc.assert(
      fc.property(answers, fc.nat(), fc.string({ maxLength: 3, unit: "binary" }), (a, at, insert) => {
        const json = encodeAnswers(a);
        const i = at % (json.length + 1);
        const mutated = json.slice(0, i) + insert + json.slice(i);
        const out: SlotValues = new Array(ids.length);
        if (!scan(mutated, out)) return;
        expect(out).toEqual(expected(mutated));
      }),
      { numRuns: 1000 },
    );
  });
});
