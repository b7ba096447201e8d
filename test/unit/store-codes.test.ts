// The answer codes beside the JSON: every write path keeps them in step (a kiosk answering,
// changing and going back, sending; import; merge; erasure), answers that do not fit keep NULL
// and still read, the page reader reads them, and kuulo doctor finds and repairs a bad block.
import { afterEach, describe, expect, it } from "vitest";
import {
  codeLayout,
  decodeAnswerCodes,
  encodeAnswers,
  SKIPPED,
  TEXT_PRESENT,
} from "../../src/definition/answer-codes.js";
import { type Answers, type SurveyResponse, surveySlots } from "../../src/definition/answers.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { StoreSink } from "../../src/session/store-sink.js";
import {
  checkStore,
  codePageMeta,
  completeResponse,
  createResponse,
  deleteResponses,
  iterateCodePages,
  listResponses,
  mergeStores,
  PAGE_ROW,
  registerSurvey,
  removeAnswer,
  repairCodes,
  type Store,
  saveAnswer,
  saveResponses,
} from "../../src/store/index.js";
import { changeThatHides, play, tail } from "../helpers/session-play.js";
import { minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

const survey = minimal();
const layout = codeLayout(survey);
const textSlots = new Set(
  surveySlots(survey)
    .filter((s) => s.kind === "text")
    .map((s) => s.id),
);
const temps: ReturnType<typeof tempStore>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});
function fresh(name = "kuulo.db"): Store {
  const t = tempStore(name);
  temps.push(t);
  const s = t.open();
  registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
  return s;
}

/** What the codes should say of answers: texts only as "there is one", keys in any order. */
function marked(answers: Answers): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(answers))
    out[k] = textSlots.has(k) && typeof v === "string" ? TEXT_PRESENT : v;
  return out;
}

/** Every row's codes, decoded, by response id (null: the row has none). */
function storedCodes(s: Store): Map<string, Answers | null> {
  const rows = s.db.prepare("SELECT id, codes FROM responses").raw(true).all() as [string, Buffer | null][];
  return new Map(rows.map(([id, b]) => [id, b === null ? null : decodeAnswerCodes(layout, b)]));
}

/** Each response's codes say exactly what its JSON answers say. */
function expectInStep(s: Store): void {
  const codes = storedCodes(s);
  const rs = listResponses(s, undefined);
  expect(codes.size).toBe(rs.length);
  for (const r of rs)
    if (encodeAnswers(layout, r.answers) === null) expect(codes.get(r.id), r.id).toBeNull();
    else expect(codes.get(r.id), r.id).toEqual(marked(r.answers));
  expect(checkStore(s).codesOutOfStep).toEqual([]);
}

describe("answer codes in the store", () => {
  it("follow a kiosk answer by answer: a change, going back (an answer removed), sending", () => {
    const s = fresh();
    const r = createResponse(s, {
      survey,
      source: "interactive",
      startedAt: new Date("2025-03-14T09:00:00Z"),
    });
    expect(storedCodes(s).get(r.id)).toEqual({});
    const at = new Date("2025-03-14T09:01:00Z");
    saveAnswer(s, r.id, "visit_freq", "monthly", at);
    saveAnswer(s, r.id, "barriers", ["hours", "other"], at);
    saveAnswer(s, r.id, "barriers.other", "Liian kaukana", at);
    saveAnswer(s, r.id, "books", 12.5, at);
    expect(storedCodes(s).get(r.id)).toEqual({
      visit_freq: "monthly",
      barriers: ["hours", "other"],
      "barriers.other": TEXT_PRESENT,
      books: 12.5,
    });
    // The person goes back and changes the first answer: the questions it hid are forgotten.
    saveAnswer(s, r.id, "visit_freq", "weekly", at);
    expect(removeAnswer(s, r.id, "barriers.other", at)).toBe(true);
    expect(removeAnswer(s, r.id, "barriers", at)).toBe(true);
    saveAnswer(s, r.id, "likes", null, at);
    expect(storedCodes(s).get(r.id)).toEqual({ visit_freq: "weekly", books: 12.5, likes: null });
    completeResponse(s, r.id, new Date("2025-03-14T09:05:00Z"));
    expectInStep(s);
  });

  it("follow a whole kiosk turn that goes back and changes an answer that hid others", async () => {
    const s = fresh();
    const sink = new StoreSink(s, {
      survey,
      sessionId: null,
      language: "en",
      plain: false,
      startedAt: new Date("2025-01-01T10:00:00Z"),
    });
    const { result } = await play([...changeThatHides, ...tail], { survey, sink });
    expect(result.status).toBe("complete");
    const codes = storedCodes(s).get(sink.responseId!)!;
    expect(codes).not.toHaveProperty("barriers");
    expect(codes).not.toHaveProperty("barriers.other");
    expect(codes).toEqual(marked(result.answers));
    expectInStep(s);
  });

  it("are written with every imported response, and a value that does not fit keeps NULL and still reads", () => {
    const s = fresh();
    const rs = [...generateResponses(survey, { count: 60, seed: 5 }), sampleResponse(survey, 2)];
    const odd: SurveyResponse = {
      ...sampleResponse(survey, 1),
      answers: { visit_freq: "sometimes", books: 3 },
    };
    saveResponses(s, [...rs, odd]);
    const codes = storedCodes(s);
    expect(codes.get(odd.id)).toBeNull();
    expect([...codes.values()].filter((c) => c === null)).toHaveLength(1);
    expectInStep(s);
    // The page reader hands the JSON of that one row, and codes for the rest.
    const rows = [...iterateCodePages(s, "minimal")].flat();
    expect(rows).toHaveLength(rs.length + 1);
    for (const row of rows) {
      if (row[PAGE_ROW.id] === odd.id) {
        expect(row[PAGE_ROW.codes]).toBeNull();
        expect(JSON.parse(row[PAGE_ROW.answers]!)).toEqual(odd.answers);
      } else {
        expect(row[PAGE_ROW.answers]).toBeNull();
        expect(row[PAGE_ROW.codes]).toBeInstanceOf(Uint8Array);
      }
    }
    expect(listResponses(s, "minimal").find((r) => r.id === odd.id)?.answers).toEqual(odd.answers);
  });

  it("are made again by merge from the answers, also for a partial response that went on, never copied", () => {
    const a = fresh("a.db");
    const b = fresh("b.db");
    const c = fresh("c.db");
    const start = new Date("2025-03-14T09:00:00Z");
    const r = createResponse(a, {
      survey,
      source: "interactive",
      startedAt: start,
      id: sampleResponse(survey, 7).id,
    });
    saveAnswer(a, r.id, "visit_freq", "never", new Date("2025-03-14T09:01:00Z"));
    saveResponses(
      a,
      [0, 1, 2].map((i) => sampleResponse(survey, i)),
    );
    mergeStores(c, [a]);
    // The same person went on at the kiosk b copied it from (b is a later copy of a).
    mergeStores(b, [a]);
    saveAnswer(b, r.id, "likes", "yes", new Date("2025-03-14T09:02:00Z"));
    saveAnswer(b, r.id, "wishes", "Lisää äänikirjoja", new Date("2025-03-14T09:03:00Z"));
    // A damaged block in the source must not travel.
    saveResponses(b, [sampleResponse(survey, 3)]);
    b.db.prepare("UPDATE responses SET codes = x'01' WHERE id = ?").run(sampleResponse(survey, 3).id);
    const [sum] = mergeStores(c, [b]);
    expect(sum!.updated).toBe(1);
    expect(storedCodes(c).get(r.id)).toEqual({ visit_freq: "never", likes: "yes", wishes: TEXT_PRESENT });
    expectInStep(c);
  });

  it("go with the response on erasure", () => {
    const s = fresh();
    const rs = [0, 1, 2, 3].map((i) => sampleResponse(survey, i));
    saveResponses(s, rs);
    deleteResponses(s, [rs[1]!.id]);
    expect(storedCodes(s).has(rs[1]!.id)).toBe(false);
    expect(s.db.prepare("SELECT count(*) FROM responses WHERE codes IS NOT NULL").pluck().get()).toBe(3);
    expectInStep(s);
  });

  it("are checked by doctor, which names a corrupted block and makes it again from the answers", () => {
    const s = fresh();
    const rs = [0, 1, 2, 3, 4].map((i) => sampleResponse(survey, i));
    saveResponses(s, rs);
    const f = layout.bySlot.get("visit_freq")!;
    // One block says another answer, one is cut short, one is missing although the answers fit.
    const blob = s.db.prepare("SELECT codes FROM responses WHERE id = ?").pluck().get(rs[1]!.id) as Buffer;
    blob[f.offset] = SKIPPED;
    s.db.prepare("UPDATE responses SET codes = ? WHERE id = ?").run(blob, rs[1]!.id);
    s.db.prepare("UPDATE responses SET codes = substr(codes, 1, 5) WHERE id = ?").run(rs[2]!.id);
    s.db.prepare("UPDATE responses SET codes = NULL WHERE id = ?").run(rs[4]!.id);
    expect(decodeAnswerCodes(layout, blob).visit_freq).toBeNull();
    const h = checkStore(s);
    expect(h.ok).toBe(false);
    expect(h.changedOutside).toEqual([]);
    expect(h.codesOutOfStep.sort()).toEqual([rs[1]!.id, rs[2]!.id, rs[4]!.id].sort());
    expect(repairCodes(s, h.codesOutOfStep)).toBe(3);
    expect(checkStore(s).ok).toBe(true);
    expectInStep(s);
  });

  it("are read page by page in id order with the filters of iterateResponses, texts beside them", () => {
    const s = fresh();
    const rs = generateResponses(survey, { count: 250, seed: 11, wave: "w1" });
    saveResponses(s, rs);
    saveResponses(
      s,
      generateResponses(survey, { count: 40, seed: 12, wave: "w2", start: "2025-04-01T09:00:00Z" }).map(
        (r) => ({
          ...r,
          id: r.id.replace(/^./, "f"),
        }),
      ),
    );
    // A row without codes comes with its whole JSON and no texts beside it.
    const uncoded = rs[3]!.id;
    s.db.prepare("UPDATE responses SET codes = NULL WHERE id = ?").run(uncoded);
    const pages = [
      ...iterateCodePages(
        s,
        "minimal",
        { wave: "w1" },
        { pageSize: 64, texts: ["wishes", "no_such_slot", "barriers.other"] },
      ),
    ];
    expect(pages.map((p) => p.length)).toEqual([64, 64, 64, 58]);
    const rows = pages.flat();
    const expected = listResponses(s, "minimal", { wave: "w1" }).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(rows.map((r) => r[PAGE_ROW.id])).toEqual(expected.map((r) => r.id));
    for (const [i, row] of rows.entries()) {
      const r = expected[i]!;
      expect(codePageMeta(row[PAGE_ROW.meta]).wave).toBe("w1");
      if (r.id === uncoded) {
        expect(row[PAGE_ROW.codes]).toBeNull();
        expect(JSON.parse(row[PAGE_ROW.answers]!)).toEqual(r.answers);
        expect(row.slice(PAGE_ROW.texts)).toEqual([null, null, null]);
        continue;
      }
      expect(decodeAnswerCodes(layout, row[PAGE_ROW.codes]!)).toEqual(marked(r.answers));
      expect(row[PAGE_ROW.answers]).toBeNull();
      const text = (slot: string) => (typeof r.answers[slot] === "string" ? r.answers[slot] : null);
      expect(row.slice(PAGE_ROW.texts)).toEqual([text("wishes"), null, text("barriers.other")]);
    }
    expect(rows.some((r) => r[PAGE_ROW.texts] !== null)).toBe(true);
  });
});
