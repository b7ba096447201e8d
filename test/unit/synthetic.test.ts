// The synthetic response generator: deterministic, and every response is one a real session
// could have stored (show_if, required, multi limits, ranking top N, allocation totals).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileShowIf, evaluate } from "../../src/definition/expr/index.js";
import { loadSurvey } from "../../src/definition/load.js";
import { allQuestions } from "../../src/definition/model.js";
import { createRng, generateResponses } from "../../src/fixtures/synthetic.js";
import { ROOT } from "../helpers/cli.js";

describe.each(["surveys/welcome-baseline.yaml", "test/fixtures/surveys/analysis-reference.yaml"])(
  "generateResponses on %s",
  (file) => {
    const survey = loadSurvey(join(ROOT, file));
    const responses = generateResponses(survey, {
      count: 150,
      seed: 42,
      wave: "w1",
      sessionId: "s1",
      source: "paper",
    });

    it("is deterministic for a seed and differs between seeds", () => {
      expect(
        JSON.stringify(
          generateResponses(survey, { count: 150, seed: 42, wave: "w1", sessionId: "s1", source: "paper" }),
        ),
      ).toBe(JSON.stringify(responses));
      expect(JSON.stringify(generateResponses(survey, { count: 150, seed: 43 }))).not.toBe(
        JSON.stringify(responses),
      );
    });

    it("labels every response with the survey, wave, session and source", () => {
      for (const r of responses) {
        expect(r.surveyId).toBe(survey.id);
        expect(r.surveyHash).toBe(survey.hash);
        expect([r.wave, r.sessionId, r.source]).toEqual(["w1", "s1", "paper"]);
        expect(r.status === "complete").toBe(r.submittedAt !== null);
      }
      expect(new Set(responses.map((r) => r.id)).size).toBe(responses.length);
      expect(responses.some((r) => r.status === "partial")).toBe(true);
    });

    it("respects show_if, required, multi limits, ranking top N and allocation totals", () => {
      for (const r of responses) {
        for (const q of allQuestions(survey)) {
          const keys = q.type === "matrix" ? q.items.map((i) => `${q.id}.${i.id}`) : [q.id];
          const present = keys.some((k) => k in r.answers);
          if (q.showIf && !evaluate(compileShowIf(q.showIf), r.answers))
            expect(present, `${q.id} hidden`).toBe(false);
          if (!present) continue;
          const v = r.answers[keys[0]!];
          if (q.required) expect(v, q.id).not.toBeNull();
          if (v === null) continue;
          if (q.type === "multi") {
            const picks = v as string[];
            if (q.min !== undefined) expect(picks.length).toBeGreaterThanOrEqual(q.min);
            if (q.max !== undefined) expect(picks.length).toBeLessThanOrEqual(q.max);
            if (picks.some((p) => q.exclusive.includes(p))) expect(picks.length).toBe(1);
            if (picks.includes("other") && q.other) expect(typeof r.answers[`${q.id}.other`]).toBe("string");
          }
          if (q.type === "ranking") {
            const ranked = v as string[];
            expect(ranked.length).toBeLessThanOrEqual(q.top);
            expect(new Set(ranked).size).toBe(ranked.length);
          }
          if (q.type === "allocate")
            expect(Object.values(v as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(q.points);
          if (q.type === "number") {
            if (q.min !== undefined) expect(v as number).toBeGreaterThanOrEqual(q.min);
            if (q.max !== undefined) expect(v as number).toBeLessThanOrEqual(q.max);
          }
        }
      }
    });

    it("sometimes writes contact details into free text, for the masking to find", () => {
      const texts = responses.flatMap((r) =>
        Object.values(r.answers).filter((v): v is string => typeof v === "string"),
      );
      expect(texts.some((t) => /@|\d{3} \d{3} \d{4}|\+358/.test(t))).toBe(true);
    });
  },
);

it("the PRNG is seeded and uniform enough", () => {
  const a = createRng(7);
  const b = createRng(7);
  const xs = Array.from({ length: 10_000 }, () => a());
  expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(Math.abs(m - 0.5)).toBeLessThan(0.02);
  expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
});
