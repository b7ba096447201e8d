// Import against a real store: the same file twice adds nothing, a corrected rejects file adds
// only its rows, nothing is stored when one row fails, and export → import gives the answers back.

import { randomUUID } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Answers, SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { runImport } from "../../src/import/run-import.js";
import { MemoryTarget } from "../../src/import/target.js";
import { countResponses, listResponses, openStore, writeExport } from "../../src/store/index.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = "fixtures/import/forms-survey.yaml";
const survey = loadSurvey(SURVEY);

function count(db: string): number {
  const s = openStore(db, { readonly: true });
  try {
    return countResponses(s, undefined);
  } finally {
    s.close();
  }
}

describe("import into a store", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("imports a file once: the second time adds nothing and says so", async () => {
    const db = join(tmp.dir, "twice.db");
    const f = "fixtures/import/01-excel-fi-semicolon-1252.csv";
    expect((await runCli(["import", SURVEY, f, "--db", db, "--session", "s1"])).code).toBe(0);
    const again = await runCli(["import", SURVEY, f, "--db", db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("was imported before");
    expect(again.stdout).toContain("Nothing was added");
    expect(count(db)).toBe(6);
    // Given again with another survey, it says which survey has it, not only that it was seen.
    const other = await runCli(["import", "surveys/welcome-baseline.yaml", f, "--db", db]);
    expect(other.stdout).toContain(`was imported before into survey ${survey.id}`);
    expect(count(db)).toBe(6);
    // The same rows in another file (re-saved with another delimiter) are duplicates too.
    const copy = join(tmp.dir, "resaved.csv");
    writeFileSync(copy, readFileSync(f, "latin1").replace(/\r\n/g, "\n"), "utf8");
    const third = await runCli(["import", SURVEY, copy, "--db", db, "--session", "s1"]);
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(third.stdout).toContain("duplicates 6");
    expect(third.stdout).toContain("CSV_DUPLICATE_ROW");
    expect(count(db)).toBe(6);
    const s = openStore(db, { readonly: true });
    const all = listResponses(s, undefined);
    s.close();
    expect(new Set(all.map((r) => r.sessionId))).toEqual(new Set(["s1"]));
    expect(all.every((r) => r.source === "paper" && r.status === "complete")).toBe(true);
  });

  it("stores nothing when one row fails; --skip-invalid stores the rest, and the corrected rejects add only their rows", async () => {
    const db = join(tmp.dir, "rejects.db");
    const f = "fixtures/import/18-skip-invalid.csv";
    const first = await runCli(["import", SURVEY, f, "--db", db]);
    expect(first.code).toBe(65);
    expect(first.stderr).toContain("Nothing was imported: 2 of 4 row(s) have errors");
    const rejects = join(tmp.dir, "korjattavat.csv");
    const second = await runCli(["import", SURVEY, f, "--db", db, "--skip-invalid", "--rejects", rejects]);
    expect(second.code).toBe(0);
    expect(count(db)).toBe(2);
    const text = readFileSync(rejects, "utf8");
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(`${readFileSync(f, "utf8").split("\r\n")[0]};reject_reason`);
    expect(lines.slice(1).map((l) => l.split(";").slice(0, 10).join(";"))).toEqual(
      readFileSync(f, "utf8").split("\r\n").slice(2, 4),
    );
    // Correct the two rows in place, as a person would in Excel, and import the rejects file.
    writeFileSync(rejects, text.replace("viikottain", "Viikoittain").replace(";300;", ";30;"));
    const third = await runCli(["import", SURVEY, rejects, "--db", db]);
    expect(third.code, third.stdout + third.stderr).toBe(0);
    expect(third.stdout).toContain("imported 2");
    expect(count(db)).toBe(4);
    expect(
      (
        await runCli([
          "import",
          SURVEY,
          f,
          "--db",
          db,
          "--skip-invalid",
          "--rejects",
          join(tmp.dir, "r2.csv"),
        ])
      ).stdout,
    ).toContain("was imported before");
    expect(count(db)).toBe(4);
  });

  it("prints a JSON summary for scripts, with every listed problem located", async () => {
    const db = join(tmp.dir, "json.db");
    const r = await runCli(["import", SURVEY, "fixtures/import/06-typo-label.csv", "--db", db, "--json"]);
    expect(r.code).toBe(65);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      outcome: "failed",
      rowsRead: 3,
      imported: 0,
      rejected: 1,
      encoding: "utf-8",
      delimiter: ";",
    });
    expect(j.errors[0]).toMatchObject({
      code: "CSV_BAD_VALUE",
      line: 3,
      form: "42",
      column: "visit_freq",
      value: "viikottain",
    });
  });

  it("never reports success for a file that stored nothing", async () => {
    const db = join(tmp.dir, "none.db");
    const f = join(tmp.dir, "allbad.csv");
    writeFileSync(f, "form_no;visit_freq\n1;joskus\n2;usein\n");
    const r = await runCli([
      "import",
      SURVEY,
      f,
      "--db",
      db,
      "--skip-invalid",
      "--rejects",
      join(tmp.dir, "allbad.rejects.csv"),
    ]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("CSV_NOTHING_IMPORTED");
    expect(r.stderr).toContain("allbad.rejects.csv");
  });

  it("reads back what the export writes (property: export → import keeps every answer)", async () => {
    const codes = (qid: string) => {
      const q = survey.sections[0]!.questions.find((x) => x.id === qid)!;
      return "choices" in q ? q.choices.map((c) => c.value) : [];
    };
    // Line breaks are left out: the export writes a lone "\n" inside a cell without quotes.
    const text = fc
      .stringMatching(/^[A-Za-zÅÄÖåäö0-9 ,.;:"!?]{1,40}$/)
      .filter((t) => t.trim() === t && t.trim() !== "" && !/^[=+\-@]/.test(t));
    const answers: fc.Arbitrary<Answers> = fc.record(
      {
        visit_freq: fc.constantFrom(...codes("visit_freq")),
        likes_reading: fc.constantFrom(...codes("likes_reading")),
        "image.welcoming": fc.constantFrom(...codes("image")),
        books: fc.integer({ min: 0, max: 200 }),
        hours: fc.integer({ min: 0, max: 160 }).map((n) => n / 2),
        services_top: fc.shuffledSubarray(codes("services_top"), { minLength: 1, maxLength: 2 }),
        dots: fc.record({ quiet: fc.integer({ min: 1, max: 2 }), games: fc.integer({ min: 1, max: 3 }) }),
        wishes: text,
      },
      { requiredKeys: ["visit_freq"] },
    );
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(answers, { minLength: 1, maxLength: 5 }), async (list) => {
        const responses: SurveyResponse[] = list.map((a) => ({
          id: randomUUID(),
          surveyId: survey.id,
          surveyHash: survey.hash,
          sessionId: null,
          wave: null,
          source: "interactive",
          language: "fi",
          plain: false,
          startedAt: "2025-03-14T10:00:00.000Z",
          submittedAt: "2025-03-14T10:10:00.000Z",
          status: "complete",
          answers: a,
        }));
        const out = join(tmp.dir, `export-${round++}.csv`);
        await writeExport(survey, responses, {
          format: "csv",
          out,
          delimiter: ";",
          bom: true,
          decimalComma: true,
        });
        const target = new MemoryTarget();
        const s = await runImport({
          survey,
          file: out,
          format: "csv",
          target,
          fileHash: out,
          now: () => new Date(),
          newId: randomUUID,
        });
        expect(s.log.errors).toEqual([]);
        expect(target.committed.map((r) => ({ ...r.answers }))).toEqual(responses.map((r) => r.answers));
        expect(target.committed.map((r) => [r.id, r.source, r.submittedAt])).toEqual(
          responses.map((r) => [r.id, r.source, r.submittedAt]),
        );
      }),
      { numRuns: 25 },
    );
  });

  it("keeps the response id of an exported row, so importing an export into its own store adds nothing", async () => {
    const db = join(tmp.dir, "own.db");
    await runCli(["import", SURVEY, "fixtures/import/02-utf8-bom-comma.csv", "--db", db]);
    const s = openStore(db, { readonly: true });
    const responses = listResponses(s, undefined);
    s.close();
    const out = join(tmp.dir, "own-export.csv");
    await writeExport(survey, responses, { format: "csv", out, delimiter: ";" });
    copyFileSync(out, join(tmp.dir, "own-export-copy.csv"));
    const r = await runCli(["import", SURVEY, out, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("duplicates 3");
    expect(count(db)).toBe(3);
  });
});
