// The ledger's reading side: one entry is shown from its row and its report, read once each,
// without loading the ids of the responses it covered (a million of them for a large survey).
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  getRelease,
  recordRelease,
  registerSurvey,
  releaseReport,
  saveResponses,
} from "../../src/store/index.js";
import { minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function ledgerOfOne() {
  const t = tempStore();
  cleanup = t.cleanup;
  const store = t.open();
  const survey = minimal();
  registerSurvey(store, survey, new Date("2025-03-01T00:00:00Z"));
  const responses = [1, 2, 3].map((i) => sampleResponse(survey, i));
  saveResponses(store, responses);
  const id = recordRelease(store, {
    surveyId: survey.id,
    surveyHash: survey.hash,
    origins: [survey.id],
    createdAt: "2025-03-02T10:00:00.000Z",
    options: { lang: "en" },
    outputs: ["-"],
    report: '{"format":1}',
    responseIds: responses.map((r) => r.id),
  });
  return { store, id };
}

describe("one ledger entry", () => {
  it("is read from its row and its report, once each, without the ids it covered", () => {
    const { store, id } = ledgerOfOne();
    const sql = vi.spyOn(store, "sql");
    const r = getRelease(store, id);
    expect(r).toMatchObject({ id, responses: 3, outputs: ["-"], report: '{"format":1}' });
    expect("responseIds" in r).toBe(false);
    const texts = sql.mock.calls.map((c) => c[0]);
    expect(texts.filter((t) => /FROM releases/.test(t))).toHaveLength(2);
    expect(texts.filter((t) => /SELECT response_id/.test(t))).toEqual([]);
  });

  it("names the store when the entry is unknown, for the report alone too", () => {
    const { store } = ledgerOfOne();
    expect(() => getRelease(store, 99)).toThrow(/There is no release 99 in/);
    expect(() => releaseReport(store, 99)).toThrow(/There is no release 99 in/);
    const sql = vi.spyOn(store, "sql");
    expect(releaseReport(store, 1)).toBe('{"format":1}');
    expect(sql).toHaveBeenCalledTimes(1);
  });
});
