// Merging kiosk databases: new responses added, the same ones skipped, a partial response that
// went on brought up to date, the same id with other content kept apart and reported; sessions,
// surveys and import records carried over; all in one transaction.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  answerParadata,
  checkStore,
  completeResponse,
  createResponse,
  createSession,
  deleteResponses,
  getResponse,
  isFileImported,
  knownRowHashes,
  listResponses,
  listSessions,
  mergeStores,
  previousImport,
  recordImport,
  registerSurvey,
  type Store,
  saveAnswer,
  saveResponses,
} from "../../src/store/index.js";
import { minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

const survey = minimal();
let a: ReturnType<typeof tempStore>;
let b: ReturnType<typeof tempStore>;
let c: ReturnType<typeof tempStore>;
let A: Store;
let B: Store;
let C: Store;
beforeEach(() => {
  a = tempStore("a.db");
  b = tempStore("b.db");
  c = tempStore("c.db");
  A = a.open();
  B = b.open();
  C = c.open();
  for (const s of [A, B]) registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
});
afterEach(() => {
  for (const t of [a, b, c]) t.cleanup();
});

const count = (s: Store) => listResponses(s, undefined).length;

describe("mergeStores", () => {
  it("adds everything new, then skips it all when merged again", () => {
    saveResponses(
      A,
      [0, 1, 2].map((i) => sampleResponse(survey, i)),
    );
    saveResponses(
      B,
      [3, 4].map((i) => sampleResponse(survey, i)),
    );
    const first = mergeStores(C, [A, B]);
    expect(first.map((x) => [x.added, x.skipped, x.conflicts.length, x.surveysAdded])).toEqual([
      [3, 0, 0, 1],
      [2, 0, 0, 0],
    ]);
    expect(listResponses(C, "minimal")).toEqual([0, 1, 2, 3, 4].map((i) => sampleResponse(survey, i)));
    const again = mergeStores(C, [A, B]);
    expect(again.map((x) => [x.added, x.skipped, x.conflicts.length])).toEqual([
      [0, 3, 0],
      [0, 2, 0],
    ]);
    expect(count(C)).toBe(5);
    expect(checkStore(C).ok).toBe(true);
  });

  it("keeps the answer times and change counts", () => {
    const r = createResponse(A, {
      survey,
      source: "interactive",
      startedAt: new Date("2025-03-14T09:00:00Z"),
    });
    saveAnswer(A, r.id, "visit_freq", "weekly", new Date("2025-03-14T09:00:05Z"));
    saveAnswer(A, r.id, "visit_freq", "never", new Date("2025-03-14T09:00:09Z"));
    mergeStores(C, [A]);
    expect(answerParadata(C, r.id)).toEqual([
      { slotId: "visit_freq", answeredAt: "2025-03-14T09:00:09.000Z", changeCount: 1 },
    ]);
  });

  it("keeps a response with the same id but other content apart, and reports what differs", () => {
    saveResponses(A, [sampleResponse(survey, 1)]);
    const changed = sampleResponse(survey, 1);
    changed.answers = { ...changed.answers, visit_freq: "never", books: 99 };
    saveResponses(B, [changed]);
    const [fromA, fromB] = mergeStores(C, [A, B]);
    expect(fromA!.added).toBe(1);
    expect(fromB!.conflicts).toEqual([{ responseId: changed.id, differs: ["answers to books, visit_freq"] }]);
    expect(getResponse(C, changed.id)?.answers.visit_freq).toBe("monthly");
    expect(checkStore(C).counts.conflicts).toBe(1);
    // Merging the same again reports it again but keeps one copy.
    expect(mergeStores(C, [B])[0]!.conflicts).toHaveLength(1);
    expect(checkStore(C).counts.conflicts).toBe(1);
    // An erasure removes the copy kept apart too.
    expect(deleteResponses(C, [changed.id])[0]).toMatchObject({
      answers: expect.any(Number),
      conflictCopies: 1,
    });
    expect(checkStore(C).counts.conflicts).toBe(0);
  });

  it("brings a partial response up to date when its kiosk went on, and skips an older copy", () => {
    const r = createResponse(A, {
      survey,
      source: "interactive",
      startedAt: new Date("2025-03-14T09:00:00Z"),
    });
    saveAnswer(A, r.id, "visit_freq", "weekly", new Date("2025-03-14T09:00:05Z"));
    mergeStores(C, [A]);
    saveAnswer(A, r.id, "likes", "yes", new Date("2025-03-14T09:01:00Z"));
    completeResponse(A, r.id, new Date("2025-03-14T09:02:00Z"));
    const [later] = mergeStores(C, [A]);
    expect(later).toMatchObject({ added: 0, updated: 1, conflicts: [] });
    expect(getResponse(C, r.id)).toMatchObject({
      status: "complete",
      answers: { visit_freq: "weekly", likes: "yes" },
    });
    // Another file holding only the early copy: older than what C has now.
    const early = tempStore("early.db");
    try {
      const E = early.open();
      const r2 = createResponse(E, {
        survey,
        id: r.id,
        source: "interactive",
        startedAt: new Date("2025-03-14T09:00:00Z"),
      });
      saveAnswer(E, r2.id, "visit_freq", "weekly", new Date("2025-03-14T09:00:05Z"));
      expect(mergeStores(C, [E])[0]).toMatchObject({ skipped: 1, updated: 0, conflicts: [] });
    } finally {
      early.cleanup();
    }
  });

  it("carries sessions over, noting ones with the same id and other details", () => {
    createSession(A, { id: "s1", name: "Itäkeskus", date: "2025-03-14", wave: "baseline" });
    createSession(B, { id: "s1", name: "Itäkeskus", date: "2025-03-15", wave: "baseline" });
    createSession(B, { id: "s2", name: "Kontula" });
    const [fa, fb] = mergeStores(C, [A, B]);
    expect(fa!.sessionsAdded).toBe(1);
    expect(fb!.sessionsAdded).toBe(1);
    expect(fb!.sessionsDiffering).toEqual(["s1 (date 2025-03-14 ≠ 2025-03-15)"]);
    expect(listSessions(C).map((s) => [s.id, s.date])).toEqual([
      ["s1", "2025-03-14"],
      ["s2", null],
    ]);
  });

  it("carries import records over, so the same file is not imported twice after a merge", () => {
    recordImport(A, {
      fileHash: "f1",
      fileName: "forms.csv",
      surveyId: "minimal",
      importedAt: new Date("2025-03-20T10:00:00Z"),
      stored: 2,
      rejected: 1,
      rowHashes: ["h1#1", "h2#1"],
    });
    mergeStores(C, [A]);
    expect(isFileImported(C, "f1")).toBe(true);
    expect(previousImport(C, "f1")).toEqual({
      fileName: "forms.csv",
      surveyId: "minimal",
      importedAt: "2025-03-20T10:00:00.000Z",
      stored: 2,
      rejected: 1,
    });
    expect([...knownRowHashes(C, "minimal")].sort()).toEqual(["h1#1", "h2#1"]);
  });

  it("changes nothing in the target when a source fails", () => {
    saveResponses(A, [sampleResponse(survey, 1)]);
    B.db.prepare("UPDATE surveys SET definition = replace(definition, 'Pieni', 'Iso')").run();
    expect(() => mergeStores(C, [A, B])).toThrow(/does not match its hash/);
    expect(count(C)).toBe(0);
  });
});

describe("import records", () => {
  it("add up when one file is recorded batch by batch, and find row hashes by survey id or hash", () => {
    const rec = {
      fileHash: "f",
      fileName: "x.csv",
      surveyId: "minimal",
      importedAt: new Date(0),
      rejected: 0,
    };
    recordImport(A, { ...rec, stored: 2, rowHashes: ["a", "b"] });
    recordImport(A, { ...rec, stored: 1, rowHashes: ["c", "a"] });
    expect(previousImport(A, "f")?.stored).toBe(3);
    expect(knownRowHashes(A, survey.hash)).toEqual(new Set(["a", "b", "c"]));
    expect(knownRowHashes(A, "other").size).toBe(0);
    expect(isFileImported(A, "g")).toBe(false);
  });
});
