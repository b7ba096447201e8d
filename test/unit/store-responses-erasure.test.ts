// Reading many responses as a stream, sessions, erasure that leaves no trace in the file, and the
// content hash that recognises a form imported before.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/canonical-json.js";
import { KuuloError } from "../../src/errors.js";
import {
  closeSession,
  completeResponse,
  countResponses,
  createResponse,
  createSession,
  deleteResponses,
  getResponse,
  getSurvey,
  iterateResponses,
  listResponses,
  registerSurvey,
  responseContentHash,
  type Store,
  saveAnswer,
  saveResponses,
} from "../../src/store/index.js";
import {
  currentBackend,
  minimal,
  sampleResponse,
  storeForEachTest,
  type tempStore,
} from "../helpers/store-data.js";

let s: Store;
let t: ReturnType<typeof tempStore>;
storeForEachTest((store, temp) => {
  s = store;
  t = temp;
});
const survey = minimal();

const at = (sec: number) => new Date(Date.UTC(2025, 2, 14, 9, 0, sec));

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
    // A file's bytes are Kuulo's to overwrite; a PostgreSQL server's files are the server's.
    if (currentBackend() === "sqlite") {
      const bytes = Buffer.concat([readFileSync(t.path), readFileSync(`${t.path}-wal`, { flag: "a+" })]);
      expect(bytes.includes(Buffer.from("erase-me-please"))).toBe(false);
    }
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
