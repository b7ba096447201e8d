// The stored answers text and the import's row hash, built by a survey's sorted slot ids instead
// of sorting each row's keys, must be exactly what sorting gives: a stored row's text and every
// row hash recorded by earlier versions (re-import recognition) depend on it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/canonical-json.js";
import type { Answers } from "../../src/definition/answers.js";
import { legacyRowContentHash, rowContentHash } from "../../src/import/prepare.js";
import { encodeAnswers, slotOrder } from "../../src/store/rows.js";

const SLOTS = ["visit_freq", "image.staff_helpful", "image.for_me", "read_formats", "age", "notes", "dots"];
const order = slotOrder(SLOTS);

const value = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.array(fc.oneof(fc.string({ maxLength: 50 }), fc.integer()), { maxLength: 3 }),
  fc.string({ minLength: 38, maxLength: 60 }),
  fc.dictionary(fc.constantFrom("b", "a", "c"), fc.integer({ min: 0, max: 9 })),
);
// Mostly the survey's slots; sometimes a key it lacks, or one every plain object inherits.
const key = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...SLOTS) },
  { weight: 1, arbitrary: fc.constantFrom("zz_unknown", "a", "constructor", "toString", "__proto__x") },
);
const answers = fc
  .tuple(fc.array(fc.tuple(key, value), { maxLength: 9 }), fc.boolean())
  .map(([pairs, bare]) => {
    // The importer's rows are prototype-less; answers read back from JSON are plain objects.
    const a = (bare ? Object.create(null) : {}) as Answers;
    for (const [k, v] of pairs) (a as Record<string, unknown>)[k] = v;
    return a;
  });

describe("answers in a survey's slot order", () => {
  it("encodes exactly as sorting each row's keys does", () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(encodeAnswers(a, order)).toBe(encodeAnswers(a));
        // …and both are the canonical JSON of the answers given (quoted codes come from a cache).
        const given = Object.entries(a).filter(([, v]) => v !== undefined);
        expect(encodeAnswers(a)).toBe(canonicalJson(Object.fromEntries(given)));
      }),
      { numRuns: 2000 },
    );
  });

  it("hashes an import row exactly as sorting its keys does, with or without a session", () => {
    fc.assert(
      fc.property(answers, fc.option(fc.string({ maxLength: 4 })), (a, session) => {
        const meta = { form_no: "17" };
        expect(rowContentHash("s", a, meta, session, order)).toBe(rowContentHash("s", a, meta, session));
        expect(legacyRowContentHash("s", a, meta, order)).toBe(legacyRowContentHash("s", a, meta));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the row hashes and the text that stores made by earlier versions hold", () => {
    const a = Object.assign(Object.create(null) as Answers, {
      visit_freq: "monthly",
      "image.staff_helpful": "4",
      read_formats: ["print", "audio"],
      age: 34,
      notes: 'Hiljainen\ntila "x"',
      skipped: null,
      services_dots: { quiet_space: 3, job_help: 2 },
    });
    const full = slotOrder([...SLOTS, "skipped", "services_dots"]);
    for (const o of [full, undefined]) {
      expect(rowContentHash("welcome-baseline", a, { form_no: "17", wave: "2025" }, "ws-1", o)).toBe(
        "2.in3RKjdGPEvBFTSLhlFM-R4kECXSISu7Pi02BxFpfH0",
      );
      expect(legacyRowContentHash("welcome-baseline", a, { form_no: "17", session: "ws-0" }, o)).toBe(
        "CEqf-0lmWcbY24psgYzRw52AF_hpIoD4nbErR0qd3aA",
      );
      expect(encodeAnswers(a, o)).toBe(
        '{"age":34,"image.staff_helpful":"4","notes":"Hiljainen\\ntila \\"x\\"","read_formats":["print","audio"],"services_dots":{"job_help":2,"quiet_space":3},"skipped":null,"visit_freq":"monthly"}',
      );
    }
  });
});
