// Property: any answers the store can hold come back unchanged through export → import, for
// CSV with each delimiter, BOM and decimal setting, for XLSX and for JSON (whose second export is
// the same file byte for byte, response ids, sessions and waves included): text with line breaks, quotes,
// delimiters, leading = + - @, tabs, emoji, ä/ö/å and dashes; decimals; every choice, ranking
// and dot-voting shape of the paper-form survey.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Answers, SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { runImport } from "../../src/import/run-import.js";
import { MemoryTarget } from "../../src/import/target.js";
import { writeExport } from "../../src/store/write-export.js";
import { ROOT, tempDir } from "../helpers/cli.js";

const survey = loadSurvey(join(ROOT, "fixtures/import/forms-survey.yaml"));
const tmp = tempDir("kuulo-roundtrip-");
afterAll(tmp.cleanup);

const pieces = [
  "_x000D_",

  "=SUM(A1)",
  "+358 40",
  "-5",
  "@user",
  "'=",
  "\t",
  "\n",
  "\r\n",
  '"',
  ";",
  ",",
  "😀",
  "äöå ÄÖÅ",
  "–",
  "—",
  " ",
  "x",
  "Kirjasto",
];
/** Text as the store holds it: trimmed (the kiosk and the import both trim), never empty. */
const text = (max: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 12 })
    .map((p) => p.join("").trim().slice(0, max))
    .filter((t) => t !== "" && !t.includes("\uFFFD"));

const answers: fc.Arbitrary<Answers> = fc
  .record(
    {
      visit_freq: fc.constantFrom("weekly", "monthly", "rarely", "never"),
      barriers: fc.oneof(
        fc.constant<string[]>(["none"]),
        fc.subarray(["hours", "fines", "distance"], { minLength: 1 }),
      ),
      // A text in the "other" column that is itself a tick mark (x, 1, kyllä, 0, ei…) means
      // ticked or not: the sheet cannot tell it from a tick, so it is not generated here.
      other: fc.option(
        text(200).filter(
          (t) =>
            !/^(x|1|0|k|j|y|n|e|[-\u2010-\u2015\u2212]|✓|✔|kyllä|kylla|ja|yes|true|tosi|sant|ei|nej|no|false|epätosi|falskt)$/i.test(
              t,
            ),
        ),
        { nil: undefined },
      ),
      likes_reading: fc.constantFrom("yes", "no", "dk"),
      welcoming: fc.constantFrom("1", "2", "3", "dk"),
      for_me: fc.constantFrom("1", "2", "3", "dk"),
      books: fc.integer({ min: 0, max: 200 }),
      hours: fc.integer({ min: 0, max: 800 }).map((n) => n / 10),
      services_top: fc.shuffledSubarray(["quiet", "easy_books", "job_help"], { minLength: 2, maxLength: 2 }),
      dots: fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5)).filter(([a, b, c]) => a + b + c <= 5 && a + b + c > 0),
      wishes: text(500),
      long: fc.boolean(),
    },
    { requiredKeys: ["visit_freq"] },
  )
  .map((r) => {
    const a: Answers = { visit_freq: r.visit_freq! };
    if (r.barriers && (r.visit_freq === "rarely" || r.visit_freq === "never")) {
      const picked = r.other && r.barriers[0] !== "none" ? [...r.barriers, "other"] : r.barriers;
      a.barriers = picked;
      if (picked.includes("other")) a["barriers.other"] = r.other!;
    }
    if (r.likes_reading) a.likes_reading = r.likes_reading;
    if (r.welcoming) a["image.welcoming"] = r.welcoming;
    if (r.for_me) a["image.for_me"] = r.for_me;
    if (r.books !== undefined) a.books = r.books;
    if (r.hours !== undefined) a.hours = r.hours;
    if (r.services_top) a.services_top = r.services_top;
    if (r.dots) {
      const d: Record<string, number> = {};
      (["quiet", "events", "games"] as const).forEach((c, i) => {
        if (r.dots![i]! > 0) d[c] = r.dots![i]!;
      });
      a.dots = d;
    }
    if (r.wishes)
      a.wishes = r.long ? `${r.wishes} ${"pitkä teksti ".repeat(30)}`.trim().slice(0, 500) : r.wishes;
    return a;
  });

function response(a: Answers, i: number): SurveyResponse {
  return {
    id: `01a23a16-0000-7000-8000-${String(i).padStart(12, "0")}`,
    surveyId: survey.id,
    surveyHash: survey.hash,
    sessionId: null,
    wave: null,
    source: "paper",
    language: "fi",
    plain: false,
    startedAt: "2025-03-14T10:00:00.000Z",
    submittedAt: "2025-03-14T10:10:00.000Z",
    status: "complete",
    answers: a,
  };
}

/** Answers in a canonical form: keys sorted, dots by choice. */
function canonical(a: Answers): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))),
    (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
        : v,
  );
}

let n = 0;
async function roundTrip(
  rows: Answers[],
  o: { format: "csv" | "xlsx" | "json"; delimiter?: string; bom?: boolean; decimalComma?: boolean },
): Promise<Answers[]> {
  return (await roundTripResponses(rows.map(response), o)).map((r) => r.answers);
}

async function roundTripResponses(
  rows: SurveyResponse[],
  o: { format: "csv" | "xlsx" | "json"; delimiter?: string; bom?: boolean; decimalComma?: boolean },
): Promise<SurveyResponse[]> {
  const out = join(tmp.dir, `export-${++n}.${o.format}`);
  await writeExport(survey, rows, { ...o, out });
  const target = new MemoryTarget();
  const s = await runImport({
    survey,
    file: out,
    format: o.format,
    target,
    fileHash: `h${n}`,
    now: () => new Date(0),
    newId: () => `id-${++n}`,
  });
  const errors = s.log.errors.map((e) => `${e.line}: ${e.column}: ${e.message}`);
  expect(errors, readFileSync(out, o.format === "xlsx" ? "latin1" : "utf8").slice(0, 2000)).toEqual([]);
  return target.committed;
}

describe("export → import round trip (property)", () => {
  const options = [
    { format: "csv" as const },
    { format: "csv" as const, delimiter: ";", bom: true, decimalComma: true },
    { format: "csv" as const, delimiter: "\t" },
    { format: "csv" as const, delimiter: ";", decimalComma: false, bom: false },
    { format: "xlsx" as const },
    { format: "json" as const },
  ];
  for (const o of options)
    it(`${o.format}${o.delimiter ? ` ${JSON.stringify(o.delimiter)}` : ""}${o.bom ? " BOM" : ""}${o.decimalComma ? " decimal comma" : ""}: answers come back unchanged`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 8 }), async (rows) => {
          const back = await roundTrip(rows, o);
          expect(back.map(canonical)).toEqual(rows.map(canonical));
          // And again: the second export of the imported answers is the same.
          const again = await roundTrip(back, o);
          expect(again.map(canonical)).toEqual(rows.map(canonical));
        }),
        { numRuns: o.format === "xlsx" ? 15 : 40 },
      );
    }, 120_000);

  it("json: the export of the imported responses is the same file, byte for byte", async () => {
    const meta = fc.record({
      session: fc.constantFrom(null, "kirjasto-1", "kevät–2"),
      wave: fc.constantFrom(null, "baseline", "followup"),
      language: fc.constantFrom("fi", "sv", "en"),
      plain: fc.boolean(),
      status: fc.constantFrom("complete" as const, "partial" as const),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(answers, meta), { minLength: 1, maxLength: 8 }), async (rows) => {
        const first = rows.map(([a, m], i) => ({
          ...response(a, i),
          sessionId: m.session,
          wave: m.wave,
          language: m.language,
          plain: m.plain,
          status: m.status,
          submittedAt: m.status === "complete" ? "2025-03-14T10:10:00.000Z" : null,
        }));
        const back = await roundTripResponses(first, { format: "json" });
        const a = join(tmp.dir, `bytes-${++n}.json`);
        const b = join(tmp.dir, `bytes-${++n}.json`);
        await writeExport(survey, first, { format: "json", out: a });
        await writeExport(survey, back, { format: "json", out: b });
        expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
