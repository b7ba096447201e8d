// Writing and reading responses: answers saved one by one (with change counts), bulk saves in
// one transaction, filters, streaming reads, and erasure that leaves no trace in the file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/canonical-json.js";
import { KuuloError } from "../../src/errors.js";
import {
  answerParadata,
  beginTransaction,
  checkStore,
  closeSession,
  completeResponse,
  countResponses,
  createResponse,
  createSession,
  deleteResponses,
  getResponse,
  getSurvey,
  iterateResponses,
  knownRowHashes,
  listResponses,
  listSessions,
  listSurveys,
  previousImport,
  recordImport,
  registerSurvey,
  removeAnswer,
  responseContentHash,
  type Store,
  saveAnswer,
  saveResponses,
} from "../../src/store/index.js";
import { minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

let t: ReturnType<typeof tempStore>;
let s: Store;
const survey = minimal();
beforeEach(() => {
  t = tempStore();
  s = t.open();
});
afterEach(() => t.cleanup());

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

describe("reading many", () => {
  it("streams more than a page, with equal start times, each response once and in order", () => {
    registerSurvey(s, survey);
    const same = "2025-03-14T09:00:00.000Z";
    const rs = Array.from({ length: 2345 }, (_, i) => {
      const r = sampleResponse(survey, i, { startedAt: i % 3 === 0 ? same : at(i % 50).toISOString() });
      return { ...r, id: `${String(i).padStart(8, "0")}-0000-4000-8000-000000000000` };
    });
    saveResponses(s, rs);
    const ids = [...iterateResponses(s, "minimal")].map((r) => r.id);
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
    const back = listResponses(s, "minimal");
    expect(back.map((r) => r.startedAt)).toEqual([...back.map((r) => r.startedAt)].sort());
    expect(back.find((r) => r.id === rs[1234]!.id)).toEqual(rs[1234]);
  });

  it("reads every version of a survey id, or one version by its hash", () => {
    const v2 = { ...survey, hash: "f".repeat(64) };
    registerSurvey(s, survey);
    // A second version: stored as another program would, since its hash is made up.
    s.db
      .prepare("INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?)")
      .run(v2.hash, v2.id, JSON.stringify(v2), "2025-04-01");
    saveResponses(s, [sampleResponse(survey, 1)]);
    expect(countResponses(s, "minimal")).toBe(1);
    expect(countResponses(s, "ffffffff")).toBe(0);
    expect(() => getSurvey(s, "minimal")).toThrow(/names 2 survey versions/);
  });
});

describe("sessions", () => {
  it("checks ids and dates, refuses duplicates, closes once", () => {
    expect(() => createSession(s, { id: "has space" })).toThrow(/cannot be a session id/);
    expect(() => createSession(s, { id: "ok", date: "14.3.2025" })).toThrow(/YYYY-MM-DD/);
    createSession(s, { id: "ok", name: "Itäkeskus", date: "2025-03-14" });
    expect(() => createSession(s, { id: "ok" })).toThrow(/exists already/);
    expect(closeSession(s, "ok").changed).toBe(true);
    expect(closeSession(s, "ok").changed).toBe(false);
    expect(() => closeSession(s, "ko")).toThrow(/no session "ko"/);
  });
});

describe("erasure", () => {
  it("removes a response and its answers, says what, and leaves no trace of the text in the file", () => {
    const marker = "Matti Meikäläinen 040-1234567 erase-me-please";
    const keep = createResponse(s, { survey, source: "interactive", startedAt: at(0) });
    saveAnswer(s, keep.id, "visit_freq", "weekly", at(1));
    const r = createResponse(s, { survey, sessionId: "s1", source: "interactive", startedAt: at(2) });
    saveAnswer(s, r.id, "wishes", marker, at(3));
    // Later answers rewrite the response's answers document: no old copy may stay behind.
    saveAnswer(s, r.id, "visit_freq", "monthly", at(4));
    saveAnswer(s, r.id, "books", 12, at(5));
    saveAnswer(s, keep.id, "books", 3, at(6));
    completeResponse(s, r.id, at(7));
    const removed = deleteResponses(s, [r.id]);
    expect(removed).toEqual([
      expect.objectContaining({
        id: r.id,
        surveyId: "minimal",
        sessionId: "s1",
        status: "complete",
        answers: 3,
        conflictCopies: 0,
      }),
    ]);
    expect(getResponse(s, r.id)).toBeUndefined();
    expect(getResponse(s, keep.id)?.answers).toEqual({ visit_freq: "weekly", books: 3 });
    s.close();
    const bytes = Buffer.concat([readFileSync(t.path), readFileSync(`${t.path}-wal`, { flag: "a+" })]);
    expect(bytes.includes(Buffer.from("erase-me-please"))).toBe(false);
  });

  it("removes nothing when one id is unknown (exit 66)", () => {
    const r = createResponse(s, { survey, source: "interactive", startedAt: at(0) });
    let e: unknown;
    try {
      deleteResponses(s, [r.id, "11111111-2222-4333-8444-555555555555"]);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(KuuloError);
    expect((e as KuuloError).exitCode).toBe(66);
    expect(getResponse(s, r.id)).toBeDefined();
  });
});

describe("content hash", () => {
  it("is the hash of the response in canonical JSON without its id, whatever the storage layout", () => {
    for (const i of [0, 1, 2, 5]) {
      const r = sampleResponse(survey, i);
      const key = canonicalJson({
        h: r.surveyHash,
        g: r.sessionId,
        w: r.wave,
        s: r.source,
        l: r.language,
        p: r.plain,
        t0: r.startedAt,
        t1: r.submittedAt,
        st: r.status,
        a: r.answers,
      });
      expect(responseContentHash(r)).toBe(createHash("sha256").update(key).digest("hex"));
      // Answers in any key order hash the same.
      const reversed = Object.fromEntries(Object.entries(r.answers).reverse());
      expect(responseContentHash({ ...r, answers: reversed })).toBe(responseContentHash(r));
    }
  });
});
