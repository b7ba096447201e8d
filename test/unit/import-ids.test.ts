import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/canonical-json.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { newResponseId } from "../../src/ids.js";
import { isUuid } from "../../src/import/prepare.js";
import { encodeAnswers, responseContentHash } from "../../src/store/rows.js";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newResponseId", () => {
  it("makes UUIDv7s that carry the time and pass the importer's UUID check", () => {
    const at = Date.UTC(2025, 2, 14, 10, 30);
    const id = newResponseId(at);
    expect(id).toMatch(V7);
    expect(isUuid(id)).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  it("keeps increasing within one millisecond, past the counter's end, and when the clock steps back", () => {
    const at = Date.now() + 60_000;
    const ids = [
      ...Array.from({ length: 10_000 }, () => newResponseId(at)),
      ...Array.from({ length: 10 }, () => newResponseId(at - 5_000)),
      ...Array.from({ length: 1_000 }, () => newResponseId()),
    ];
    for (const id of ids) expect(id).toMatch(V7);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("responseContentHash", () => {
  it("is the sha256 of the canonical JSON of the response without its id", () => {
    const r: SurveyResponse = {
      id: "x",
      surveyId: "s",
      surveyHash: "abc",
      sessionId: null,
      wave: 'kevät "25"',
      source: "paper",
      language: "fi",
      plain: true,
      startedAt: "2025-03-14T10:30:00.000Z",
      submittedAt: null,
      status: "complete",
      answers: { b: ["x", "y"], a: 3, c: "Hiljainen\ntila" },
    };
    const { id: _i, surveyId: _s, answers, ...rest } = r;
    const canonical = canonicalJson({
      a: JSON.parse(encodeAnswers(answers)),
      g: rest.sessionId,
      h: rest.surveyHash,
      l: rest.language,
      p: rest.plain,
      s: rest.source,
      st: rest.status,
      t0: rest.startedAt,
      t1: rest.submittedAt,
      w: rest.wave,
    });
    expect(responseContentHash(r)).toBe(createHash("sha256").update(canonical).digest("hex"));
  });
});
