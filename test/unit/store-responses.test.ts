// Writing and reading responses: answers saved one by one (with change counts), bulk saves in
// one transaction, and reading one back by id, filters and statuses.
import { beforeEach, describe, expect, it } from "vitest";
import { KuuloError } from "../../src/errors.js";
import {
  answerParadata,
  beginTransaction,
  checkStore,
  completeResponse,
  countResponses,
  createResponse,
  createSession,
  getResponse,
  getSurvey,
  hasLegacyRowHashes,
  iterateResponses,
  knownRowHashes,
  listResponses,
  listSessions,
  listSurveys,
  previousImport,
  recordedRowHashes,
  recordImport,
  registerSurvey,
  removeAnswer,
  type Store,
  saveAnswer,
  saveResponses,
} from "../../src/store/index.js";
import { currentBackend, minimal, sampleResponse, storeForEachTest } from "../helpers/store-data.js";

let s: Store;
storeForEachTest((store) => {
  s = store;
});
const survey = minimal();

const at = (sec: number) => new Date(Date.UTC(2025, 2, 14, 9, 0, sec));

describe("answers one at a time", () => {
  it("saves, changes (counting changes), removes and completes", () => {
    const r = createResponse(s, {
      survey,
      sessionId: "s1",
      source: "interactive",
      language: "sv",
      startedAt: at(0),
    });
    expect(r.status).toBe("partial");
    saveAnswer(s, r.id, "visit_freq", "monthly", at(5));
    saveAnswer(s, r.id, "barriers", ["hours", "fines"], at(9));
    saveAnswer(s, r.id, "visit_freq", "never", at(12));
    saveAnswer(s, r.id, "visit_freq", "never", at(13));
    saveAnswer(s, r.id, "books", null, at(14));
    expect(removeAnswer(s, r.id, "barriers", at(15))).toBe(true);
    expect(removeAnswer(s, r.id, "barriers", at(16))).toBe(false);
    completeResponse(s, r.id, at(20));
    const back = getResponse(s, r.id)!;
    expect(back).toMatchObject({
      status: "complete",
      submittedAt: at(20).toISOString(),
      language: "sv",
      sessionId: "s1",
    });
    expect(back.answers).toEqual({ visit_freq: "never", books: null });
    const p = answerParadata(s, r.id).find((x) => x.slotId === "visit_freq")!;
    expect(p).toEqual({ slotId: "visit_freq", answeredAt: at(13).toISOString(), changeCount: 1 });
    expect(checkStore(s).changedOutside).toEqual([]);
  });

  it("creates a session a response names, taking the session's wave for the response", () => {
    createSession(s, { id: "s2", wave: "follow-up", date: "2025-05-02" });
    const r = createResponse(s, { survey, sessionId: "s2", source: "interactive", startedAt: at(0) });
    expect(r.wave).toBe("follow-up");
    createResponse(s, { survey, sessionId: "new-one", source: "interactive", startedAt: at(1) });
    expect(listSessions(s).map((x) => [x.id, x.responses])).toEqual([
      ["s2", 1],
      ["new-one", 1],
    ]);
  });

  it("refuses slots the survey does not have, unknown responses and answers after completion", () => {
    const r = createResponse(s, { survey, source: "interactive", startedAt: at(0) });
    expect(() => saveAnswer(s, r.id, "visit_frq", "weekly", at(1))).toThrow(/does not ask/);
    expect(() => saveAnswer(s, "nope", "visit_freq", "weekly", at(1))).toThrow(KuuloError);
    completeResponse(s, r.id, at(2));
    expect(() => saveAnswer(s, r.id, "visit_freq", "weekly", at(3))).toThrow(/sent already/);
  });
});

describe("saveResponses", () => {
  it("stores many at once and marks ids stored before as duplicates", () => {
    registerSurvey(s, survey);
    const rs = [0, 1, 2, 3].map((i) => sampleResponse(survey, i));
    expect(saveResponses(s, rs.slice(0, 2))).toEqual(["stored", "stored"]);
    expect(saveResponses(s, rs)).toEqual(["duplicate", "duplicate", "stored", "stored"]);
    expect(listResponses(s, "minimal")).toEqual(rs);
  });

  it("counts a stored id met again as a duplicate, in any session, and opens no session for it", () => {
    registerSurvey(s, survey);
    const r = sampleResponse(survey, 0, { sessionId: "s1" });
    expect(saveResponses(s, [r])).toEqual(["stored"]);
    const again = [{ ...r, sessionId: "elsewhere" }, r, sampleResponse(survey, 1, { sessionId: "s1" })];
    expect(saveResponses(s, again)).toEqual(["duplicate", "duplicate", "stored"]);
    expect(listSessions(s).map((x) => x.id)).toEqual(["s1"]);
  });

  it("stores nothing when one response is bad", () => {
    registerSurvey(s, survey);
    const bad = sampleResponse(survey, 2, { answers: { nonsense: "1" } });
    expect(() => saveResponses(s, [sampleResponse(survey, 1), bad])).toThrow(/does not ask/);
    expect(countResponses(s, undefined)).toBe(0);
  });

  it("needs the survey version registered first", () => {
    expect(() => saveResponses(s, [sampleResponse(survey, 1)])).toThrow(KuuloError);
  });

  it("joins an open manual transaction and goes away with its rollback", () => {
    registerSurvey(s, survey);
    const tx = beginTransaction(s);
    saveResponses(s, [sampleResponse(survey, 1)]);
    tx.rollback();
    expect(countResponses(s, undefined)).toBe(0);
    const tx2 = beginTransaction(s);
    saveResponses(s, [sampleResponse(survey, 1)]);
    tx2.commit();
    expect(countResponses(s, undefined)).toBe(1);
  });

  it("records the row hashes of an import at its commit, and none after a rollback", () => {
    registerSurvey(s, survey);
    const rec = (hashes: string[], fileHash = "f1") => ({
      fileHash,
      fileName: "forms.csv",
      surveyId: survey.id,
      importedAt: at(0),
      stored: hashes.length,
      rejected: 0,
      rowHashes: hashes,
    });
    const tx = beginTransaction(s);
    recordImport(s, rec(["c", "a"]));
    tx.rollback();
    expect(knownRowHashes(s, survey.id).size).toBe(0);
    expect(previousImport(s, "f1")).toBeUndefined();
    const tx2 = beginTransaction(s);
    recordImport(s, rec(["c", "a"]));
    recordImport(s, rec(["b", "a"]));
    tx2.commit();
    expect([...knownRowHashes(s, survey.id)].sort()).toEqual(["a", "b", "c"]);
    expect(previousImport(s, "f1")?.stored).toBe(4);
    // Outside a manual transaction a record is written at once.
    recordImport(s, rec(["d"], "f2"));
    expect(knownRowHashes(s, survey.id).has("d")).toBe(true);
    expect(checkStore(s).ok).toBe(true);
  });

  it("looks up which row hashes were recorded, in batches of any size, and tells older hashes apart", () => {
    registerSurvey(s, survey);
    const stored = Array.from({ length: 1500 }, (_, i) => `2.h${i}`);
    recordImport(s, { ...baseRecord(), fileHash: "f1", stored: stored.length, rowHashes: stored });
    const asked = Array.from({ length: 1300 }, (_, i) => `2.h${i * 2}`);
    const found = recordedRowHashes(s, survey.id, asked);
    expect(found.size).toBe(750);
    expect(found.has("2.h1498") && !found.has("2.h1500") && !found.has("2.h1")).toBe(true);
    expect(recordedRowHashes(s, "other", asked).size).toBe(0);
    expect(recordedRowHashes(s, survey.id, []).size).toBe(0);
    expect(hasLegacyRowHashes(s, survey.id)).toBe(false);
    // An older hash is base64url without the prefix: before "2." or after it in byte order.
    for (const old of ["1zzz", "2-abc", "2_abc", "Zabc", "abc"]) {
      const tx = beginTransaction(s);
      recordImport(s, { ...baseRecord(), fileHash: `f-${old}`, rowHashes: [old] });
      expect(hasLegacyRowHashes(s, survey.id), old).toBe(false);
      tx.commit();
      expect(hasLegacyRowHashes(s, survey.id), old).toBe(true);
      s.db.prepare("DELETE FROM import_rows WHERE row_hash = ?").run(old);
    }
  });

  // SQLite only: the index is dropped and built again only in a file (PostgreSQL files rows as they come).
  it.skipIf(currentBackend() !== "sqlite")(
    "records a large import's rows with the index by response intact, and a rollback keeps it too",
    () => {
      registerSurvey(s, survey);
      const indexSql = () =>
        s
          .sqlite!.prepare("SELECT sql FROM sqlite_schema WHERE name = 'import_rows_by_response'")
          .pluck()
          .get();
      const before = indexSql();
      expect(before).toContain("WHERE response_id IS NOT NULL");
      // Enough rows for the index to be built again after them rather than taking them one by one.
      const n = 25_000;
      const rec = (fileHash: string) => ({
        ...baseRecord(),
        fileHash,
        stored: n,
        rowHashes: Array.from({ length: n }, (_, i) => `h${i * 7919}`),
        rows: Array.from({ length: n }, (_, i) => ({ responseId: `r${i}`, line: i + 2 })),
      });
      const tx = beginTransaction(s);
      recordImport(s, rec("f1"));
      tx.rollback();
      expect(indexSql()).toBe(before);
      expect(knownRowHashes(s, survey.id).size).toBe(0);
      const tx2 = beginTransaction(s);
      recordImport(s, rec("f1"));
      tx2.commit();
      expect(indexSql()).toBe(before);
      expect(knownRowHashes(s, survey.id).size).toBe(n);
      // The erasure's look-up by response finds the row through the index, built again in full.
      const plan = s
        .sqlite!.prepare("EXPLAIN QUERY PLAN SELECT file_hash, line FROM import_rows WHERE response_id = ?")
        .all("r77") as { detail: string }[];
      expect(plan.map((p) => p.detail).join()).toContain("import_rows_by_response");
      expect(s.sqlite!.prepare("SELECT line FROM import_rows WHERE response_id = 'r77'").pluck().get()).toBe(
        79,
      );
      expect(s.sqlite!.prepare("PRAGMA integrity_check").pluck().all()).toEqual(["ok"]);
      expect(checkStore(s).ok).toBe(true);
    },
  );
});

describe("reading", () => {
  beforeEach(() => {
    registerSurvey(s, survey);
    saveResponses(
      s,
      Array.from({ length: 12 }, (_, i) => sampleResponse(survey, i)),
    );
  });

  it("finds one response by its whole id, its start or its end, and refuses an ambiguous part", () => {
    const ids = ["01a226d9-34a3-704b-b785-355cc74e4842", "01a226d9-34a4-76e9-a22b-e073d300a059"];
    registerSurvey(s, survey);
    saveResponses(
      s,
      ids.map((id, i) => sampleResponse(survey, 20 + i, { id })),
    );
    expect(getResponse(s, ids[1]!)?.id).toBe(ids[1]);
    expect(getResponse(s, "D300A059")?.id).toBe(ids[1]);
    expect(getResponse(s, "01a226d9-34a3")?.id).toBe(ids[0]);
    expect(() => getResponse(s, "01a226d9")).toThrow(/begins or ends with/);
    expect(getResponse(s, "ffffffff")).toBeUndefined();
  });

  it("filters by status, session, wave, source and time", () => {
    expect(countResponses(s, "minimal")).toBe(12);
    expect(countResponses(s, "minimal", { status: "partial" })).toBe(2);
    expect(countResponses(s, "minimal", { sessionId: "s1" })).toBe(6);
    expect(countResponses(s, "minimal", { wave: "baseline" })).toBe(6);
    expect(countResponses(s, "minimal", { source: "paper" })).toBe(4);
    expect(countResponses(s, "minimal", { since: "2025-03-14T09:10:00Z" })).toBe(2);
    expect(countResponses(s, "minimal", { until: "2025-03-14" })).toBe(12);
    expect(countResponses(s, "minimal", { until: "2025-03-13" })).toBe(0);
    expect(countResponses(s, "minimal", { since: "2025-03-14 09:10" })).toBe(2);
    expect(() => countResponses(s, "minimal", { since: "14.3.2025" })).toThrow(/not a date/);
    // Partial ones are i = 5 and 11, both odd: no session.
    expect(listResponses(s, "minimal", { status: "partial" }).map((r) => r.sessionId)).toEqual([null, null]);
  });

  it("finds a survey by id or by a hash prefix, and lists counts per version", () => {
    expect(getSurvey(s, survey.hash.slice(0, 8)).hash).toBe(survey.hash);
    expect(() => getSurvey(s, "minimall")).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/Did you mean "minimal"/) }),
    );
    expect(listSurveys(s)).toMatchObject([{ id: "minimal", responses: 12, complete: 10, partial: 2 }]);
  });

  it("streams in start order, oldest first, and gives the same as the list", () => {
    const streamed = [...iterateResponses(s, survey.hash)];
    expect(streamed.map((r) => r.id)).toEqual(listResponses(s, "minimal").map((r) => r.id));
    expect(streamed.map((r) => r.startedAt)).toEqual([...streamed.map((r) => r.startedAt)].sort());
  });

  it("finds one response by the first 8+ characters of its id", () => {
    const id = sampleResponse(survey, 3).id;
    expect(() => getResponse(s, "00000000")).toThrow(/More than one/);
    expect(getResponse(s, id)?.id).toBe(id);
    expect(getResponse(s, "00000000-0000-4000-8000-000000000003")?.answers.visit_freq).toBe("weekly");
  });
});

function baseRecord() {
  return {
    fileHash: "f",
    fileName: "forms.csv",
    surveyId: survey.id,
    importedAt: at(0),
    stored: 1,
    rejected: 0,
    rowHashes: [] as string[],
  };
}
