// A report reads SQLite's table in its own order and places each row by its id's rank (the ids
// from the id index alone): the columns must be exactly those of the rows added in id order, for
// rows stored in any order, beside another survey's rows, and with answers the codes cannot hold.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { columnsBuilder, columnsOf } from "../../src/analysis/columns-builder.js";
import type { ResponseColumns } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { readReportInput } from "../../src/reporting/report-input.js";
import {
  listResponses,
  PAGE_ROW,
  readRankedCodePages,
  registerSurvey,
  saveResponses,
} from "../../src/store/index.js";
import { ROOT } from "../helpers/cli.js";
import { tempStore } from "../helpers/store-data.js";

const temps: ReturnType<typeof tempStore>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

const reference = () => loadSurvey(join(ROOT, "test/fixtures/surveys/analysis-reference.yaml"));
const baseline = () => loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));

/** Responses over two waves and three sessions, each id given so that id order is not insert order. */
function responsesOf(survey: Survey, count: number, prefix: string): SurveyResponse[] {
  return [0, 1, 2].flatMap((k) =>
    generateResponses(survey, {
      count,
      seed: 70 + k,
      partialRate: 0.2,
      wave: k === 1 ? "followup" : "baseline",
      sessionId: `s${k}`,
      start: `2025-0${k + 3}-01T09:00:00Z`,
    }).map((r, i) => ({ ...r, id: `${prefix}-${String((i * 7919 + k * 31) % 1000).padStart(4, "0")}-${k}` })),
  );
}

/** The columns as plain values (typed arrays as arrays), to compare two readings of them. */
function plain(c: ResponseColumns) {
  const dict = (d: { values: (string | null)[]; codes: Uint32Array }) => ({
    values: d.values,
    codes: [...d.codes],
  });
  const m = c.meta;
  return {
    length: c.length,
    newest: c.newest,
    ids: m.id,
    dicts: [m.surveyId, m.surveyHash, m.sessionId, m.wave, m.source, m.language, m.status].map(dict),
    time: [...m.time],
    submitted: [...m.submitted],
    reached: [...c.reached],
    slots: c.slots.map((s) => ({
      id: s.slot.id,
      state: [...s.state],
      code: [...s.code],
      number: s.number && [...s.number],
      picks: s.picks && [...s.picks],
      ranks: s.ranks && [...s.ranks],
      points: s.points && [...s.points],
      texts: s.texts && Array.from(s.texts, (t) => t ?? null),
      invalid: [...s.invalid],
    })),
  };
}

describe("reading a survey's rows in table order", () => {
  it("places rows added in reverse by their ids: the columns of the rows added in id order", () => {
    const survey = reference();
    const rs = responsesOf(survey, 30, "r").sort((a, b) => (a.id < b.id ? -1 : 1));
    // Answers the columns hold as invalid, a ranking and points: every kind of value is moved.
    rs[3] = { ...rs[3]!, answers: { ...rs[3]!.answers, enjoy: "7", rank: ["quiet", "quiet"] } };
    rs[40] = { ...rs[40]!, answers: { ...rs[40]!.answers, books: "12" as unknown as number } };
    const b = columnsBuilder(survey, 4);
    b.placeRows(rs.map((r) => r.id));
    for (let i = rs.length - 1; i >= 0; i--) {
      const r = rs[i]!;
      b.addAnswers(i, b.group(r), r.submittedAt ?? r.startedAt, r.submittedAt !== null, r.answers);
    }
    expect(plain(b.finish())).toEqual(plain(columnsOf(survey, rs)));
  });

  it("refuses places that do not fill every row exactly once", () => {
    const survey = reference();
    const [r] = responsesOf(survey, 1, "x");
    const b = columnsBuilder(survey);
    b.placeRows(["a", "b"]);
    b.addAnswers(1, b.group(r!), r!.startedAt, false, r!.answers);
    b.addAnswers(1, b.group(r!), r!.startedAt, false, r!.answers);
    expect(() => b.finish()).toThrow(/exactly once/);
  });

  it("reads the table front to back and gives each row its place in id order", () => {
    const survey = baseline();
    const t = tempStore();
    temps.push(t);
    const s = t.open();
    registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
    // Stored in descending id order: the table's order is the reverse of the ids'.
    const rs = responsesOf(survey, 20, "b").sort((a, b) => (a.id < b.id ? 1 : -1));
    saveResponses(s, rs);
    const seen: { ids: string[]; keys: number[]; places: number[] } = { ids: [], keys: [], places: [] };
    const read = readRankedCodePages(
      s,
      survey.id,
      {
        ids: (ids) => seen.ids.push(...ids),
        page: (rows, places) => {
          for (const row of rows) seen.keys.push(row[PAGE_ROW.id]);
          seen.places.push(...places);
        },
      },
      { pageSize: 7 },
    );
    s.close();
    expect(read).toBe(true);
    expect(seen.ids).toEqual(rs.map((r) => r.id).sort());
    expect(seen.keys).toEqual([...seen.keys].sort((a, b) => a - b));
    expect(seen.places).toEqual(rs.map((_, i) => rs.length - 1 - i));
  });

  it("skips another survey's rows, and leaves a survey with few of the table's rows to the id order", async () => {
    const big = baseline();
    const small = reference();
    const t = tempStore();
    temps.push(t);
    const s = t.open();
    registerSurvey(s, big, new Date("2025-03-01T00:00:00Z"));
    registerSurvey(s, small, new Date("2025-03-01T00:00:00Z"));
    // Interleaved, so that the big survey's rows are read around the small one's.
    const a = responsesOf(big, 25, "a");
    const b = responsesOf(small, 4, "b");
    for (let i = 0; i < a.length; i++) saveResponses(s, i < b.length ? [a[i]!, b[i]!] : [a[i]!]);
    const reads = [big, small].map((sv) =>
      readRankedCodePages(s, sv.id, { ids: () => {}, page: () => {} }, { texts: [] }),
    );
    const stored = [big, small].map((sv) => listResponses(s, sv.id));
    s.close();
    expect(reads).toEqual([true, false]);
    for (const [k, sv] of [big, small].entries()) {
      const input = await readReportInput(t.path, sv.id);
      const byId = [...stored[k]!].sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(plain(input.columns)).toEqual(plain(columnsOf(sv, byId)));
    }
  });
});
