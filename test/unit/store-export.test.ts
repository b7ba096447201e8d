// Export tables: columns in questionnaire order, one row per response, per-choice columns for
// multi-select / ranking / dot voting, formula neutralisation, the codebook, and golden files
// for CSV, JSON and the codebook (UPDATE_GOLDEN=1 rewrites them, on purpose only).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  codebookRows,
  exportColumns,
  exportRow,
  neutralizeCell,
  restoreNeutralized,
  writeExport,
} from "../../src/store/index.js";
import { looksLikeFormula } from "../../src/store/neutralize.js";
import { codebookPaths } from "../../src/store/write-export.js";
import { tempDir } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { minimal, sampleResponse } from "../helpers/store-data.js";

const survey = minimal();
const responses = Array.from({ length: 6 }, (_, i) => sampleResponse(survey, i));

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+358 40 123", "'+358 40 123"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["＝1+1", "'＝1+1"],
    ["Hyvä kirjasto", "Hyvä kirjasto"],
    ["a=b", "a=b"],
    ["", ""],
    ["'=already quoted", "''=already quoted"],
    ["'plain", "'plain"],
  ])("%j → %j", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it("never leaves a cell starting with a formula character, and changes nothing else", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = neutralizeCell(s);
        expect(/^[=+\-@\t\r]/.test(n)).toBe(false);
        expect(n === s || n === `'${s}`).toBe(true);
        expect(restoreNeutralized(n)).toBe(s);
      }),
    );
  });
});

describe("exportColumns", () => {
  it("puts meta columns first, then every slot in questionnaire order, spreading per-choice questions", () => {
    expect(exportColumns(survey).map((c) => c.name)).toEqual([
      "response_id",
      "session",
      "wave",
      "source",
      "language",
      "plain",
      "status",
      "started_at",
      "submitted_at",
      "visit_freq",
      "barriers.hours",
      "barriers.fines",
      "barriers.none",
      "barriers.other",
      "likes",
      "enjoy",
      "grade",
      "image.welcoming",
      "image.strict",
      "books",
      "rank.quiet",
      "rank.easy",
      "rank.help",
      "dots.quiet",
      "dots.easy",
      "wishes",
    ]);
  });
});

describe("exportRow", () => {
  const cols = exportColumns(survey);
  const row = (i: number, labels = false) =>
    Object.fromEntries(
      exportRow(survey, cols, responses[i]!, { labels, lang: "en" }).map((v, k) => [cols[k]!.name, v]),
    );

  it("writes 1/0 per choice when asked, blank when not shown, the other text in its column", () => {
    expect(row(2)).toMatchObject({
      "barriers.hours": 1,
      "barriers.fines": 0,
      "barriers.none": 0,
      "barriers.other": "Too far away",
    });
    expect(row(1)).toMatchObject({ "barriers.hours": 0, "barriers.none": 1, "barriers.other": 0 });
    expect(row(0)).toMatchObject({ "barriers.hours": null, "barriers.other": null });
  });

  it("writes ranks and points per choice, numbers for scales, blank for skipped", () => {
    expect(row(0)).toMatchObject({
      "rank.easy": 1,
      "rank.quiet": 2,
      "rank.help": null,
      "dots.quiet": 3,
      "dots.easy": 2,
      likes: null,
    });
    expect(row(1)).toMatchObject({
      "dots.quiet": 0,
      "dots.easy": 5,
      grade: 5,
      "image.welcoming": 2,
      enjoy: 2,
    });
    expect(row(0)).toMatchObject({
      "image.strict": "dk",
      books: 0,
      plain: 1,
      session: "s1",
      status: "complete",
    });
  });

  it("writes labels instead of codes with labels", () => {
    expect(row(1, true)).toMatchObject({
      visit_freq: "Monthly",
      likes: "No",
      enjoy: "Neutral",
      "barriers.none": 1,
    });
  });
});

describe("codebook", () => {
  it("names every column once or more, in column order, with values and labels", () => {
    const cols = exportColumns(survey);
    const rows = codebookRows(survey, cols, "fi");
    expect([...new Set(rows.map((r) => r.column))]).toEqual(cols.map((c) => c.name));
    expect(rows.filter((r) => r.column === "visit_freq").map((r) => [r.value, r.label])).toEqual([
      ["weekly", "Viikoittain"],
      ["monthly", "Kuukausittain"],
      ["never", "En koskaan"],
    ]);
    expect(rows.find((r) => r.column === "image.strict")?.question).toBe(
      "Mitä mieltä olet? — Kirjasto on tiukka",
    );
  });
});

describe("writeExport (golden files)", () => {
  it("writes CSV with a codebook beside it; formulas neutralised, quotes and newlines kept", async () => {
    tmp = tempDir();
    const out = join(tmp.dir, "vastaukset.csv");
    const r = await writeExport(survey, responses, { format: "csv", out, lang: "fi" });
    expect(r).toEqual({ rows: 6, neutralized: 3, files: [out, ...Object.values(codebookPaths(out))] });
    expectGolden("export/minimal.csv", readFileSync(out, "utf8"));
    expectGolden(
      "export/minimal.codebook.csv",
      readFileSync(join(tmp.dir, "vastaukset.codebook.csv"), "utf8"),
    );
    expectGolden("export/minimal.codebook.md", readFileSync(join(tmp.dir, "vastaukset.codebook.md"), "utf8"));
  });

  it("writes the Finnish Excel flavour: BOM, semicolons, decimal commas, labels", async () => {
    tmp = tempDir();
    const out = join(tmp.dir, "fi.csv");
    await writeExport(survey, responses, {
      format: "csv",
      out,
      lang: "fi",
      labels: true,
      delimiter: ";",
      bom: true,
      decimalComma: true,
    });
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFFresponse_id;session;")).toBe(true);
    expectGolden("export/minimal-fi-labels.csv", text);
  });

  it("writes JSON holding the responses exactly, answers in questionnaire order", async () => {
    const chunks: string[] = [];
    await writeExport(survey, responses, {
      format: "json",
      stdout: { write: (s: string) => chunks.push(s) },
    });
    const text = chunks.join("");
    expectGolden("export/minimal.json", text);
    const parsed = JSON.parse(text) as { responses: typeof responses };
    expect(parsed.responses).toEqual(responses);
  });

  it("writes an Excel workbook with a Responses and a Codebook sheet, numbers as numbers", async () => {
    tmp = tempDir();
    const out = join(tmp.dir, "v.xlsx");
    await writeExport(survey, responses, { format: "xlsx", out, lang: "en" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Responses", "Codebook"]);
    const sheet = wb.getWorksheet("Responses")!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(10).value).toBe("visit_freq");
    const grade = sheet.getRow(2).getCell(17).value;
    expect(grade).toBe(4);
    expect(existsSync(join(tmp.dir, "v.codebook.md"))).toBe(true);
  });

  it("leaves no file behind when the folder does not exist (exit 73)", async () => {
    tmp = tempDir();
    const out = join(tmp.dir, "missing", "v.csv");
    await expect(writeExport(survey, responses, { format: "csv", out })).rejects.toMatchObject({
      exitCode: 73,
    });
  });
});

describe("the CSV writer", () => {
  // The rules as csv-stringify applied them (the writer before the direct one): every cell as
  // text, formulas neutralised, quoted when it holds a quote, the delimiter or a line break.
  function reference(rows: (typeof responses)[number][], o: { delimiter: string; decimalComma: boolean }) {
    const columns = exportColumns(survey);
    const text = (c: string | number | null): string => {
      if (c === null) return "";
      if (typeof c === "number") return o.decimalComma ? String(c).replace(".", ",") : String(c);
      return neutralizeCell(c);
    };
    const opts = { delimiter: o.delimiter, record_delimiter: "\r\n" as const, quoted_match: /[\r\n]/ };
    const body = rows.map((r) => exportRow(survey, columns, r).map(text));
    const neutralized = rows
      .flatMap((r) => exportRow(survey, columns, r))
      .filter((c) => typeof c === "string" && looksLikeFormula(c)).length;
    return {
      text: stringify([columns.map((c) => c.name)], opts) + (body.length ? stringify(body, opts) : ""),
      neutralized,
    };
  }

  // Texts full of what CSV and spreadsheets treat specially.
  const nasty = fc.string({
    unit: fc.constantFrom(
      "a",
      "ä",
      '"',
      ";",
      ",",
      "\t",
      "\r",
      "\n",
      "=",
      "+",
      "-",
      "@",
      "'",
      " ",
      "１",
      "＝",
    ),
    maxLength: 8,
  });

  it("writes exactly what csv-stringify wrote, for any text and number, with every delimiter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(nasty, nasty, fc.double({ noNaN: true, noDefaultInfinity: true })), {
          maxLength: 5,
        }),
        fc.constantFrom(",", ";", "\t"),
        fc.boolean(),
        async (cells, delimiter, decimalComma) => {
          const rows = cells.map(([wish, other, books], i) => {
            const r = sampleResponse(survey, i);
            r.answers.wishes = wish;
            r.answers["barriers.other"] = other;
            r.answers.books = books;
            return r;
          });
          const chunks: string[] = [];
          const result = await writeExport(survey, rows, {
            format: "csv",
            delimiter,
            decimalComma,
            stdout: { write: (s: string) => chunks.push(s) },
          });
          const want = reference(rows, { delimiter, decimalComma });
          expect(chunks.join("")).toBe(want.text);
          expect(result.neutralized).toBe(want.neutralized);
        },
      ),
      { numRuns: 300 },
    );
  });
});
