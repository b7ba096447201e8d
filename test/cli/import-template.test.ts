// `kuulo template`: every answer slot of a survey has a column, the header is exactly what
// `kuulo import` reads, and the workbook has its drop-downs, frozen header, codebook and help.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { surveySlots } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { planColumns } from "../../src/import/columns.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEYS = [
  "surveys/welcome-baseline.yaml",
  "surveys/welcome-followup.yaml",
  "fixtures/import/forms-survey.yaml",
];

describe("kuulo template", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  for (const path of SURVEYS)
    it(`has a column for every slot of ${path}, and import accepts the header as it is`, async () => {
      const out = join(tmp.dir, "t.csv");
      const r = await runCli(["template", path, "--out", out, "--force"]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      const header = text.slice(1).trimEnd().split(";");
      const survey = loadSurvey(path);
      for (const slot of surveySlots(survey)) {
        const q = slot.question;
        const perChoice = q.type === "multi" || q.type === "ranking" || q.type === "allocate";
        const wanted =
          perChoice && !slot.other && "choices" in q ? q.choices.map((c) => `${q.id}.${c.value}`) : [slot.id];
        for (const w of wanted) expect(header, `${slot.id}`).toContain(w);
      }
      expect(planColumns(survey, header, { file: out }).problems).toEqual([]);
      const imp = await runCli(["import", path, out, "--dry-run", "--db", join(tmp.dir, "none.db")]);
      expect(imp.code).toBe(65);
      expect(imp.stderr).toContain("CSV_HEADER_ONLY");
    });

  it("prints the CSV header to standard output without --out", async () => {
    const r = await runCli(["template", "fixtures/import/forms-survey.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split(";")[0]).toBe("form_no");
    expect(r.stdout).toContain("barriers.fines;barriers.distance;barriers.none;barriers.other");
  });

  it("writes a workbook with drop-downs, limits, a frozen header, a codebook and instructions", async () => {
    const out = join(tmp.dir, "lomakkeet.xlsx");
    const r = await runCli(["template", "fixtures/import/forms-survey.yaml", "--lang", "fi", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Lomakkeet", "lists", "Koodikirja", "Ohjeet"]);
    const forms = wb.getWorksheet("Lomakkeet")!;
    expect(forms.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (forms.getRow(1).values as unknown[]).slice(1);
    const col = (id: string) => String.fromCharCode(65 + header.indexOf(id));
    const dv = (forms as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(dv[`${col("visit_freq")}2`]).toMatchObject({ type: "list" });
    expect(dv[`${col("books")}2`]).toMatchObject({ type: "whole", operator: "between", formulae: [0, 200] });
    expect(dv[`${col("hours")}2`]).toMatchObject({ type: "decimal", formulae: [0, 80] });
    expect(dv[`${col("services_top.quiet")}2`]).toMatchObject({ type: "whole", formulae: [1, 2] });
    expect(dv[`${col("barriers.fines")}2`]).toMatchObject({ type: "list" });
    expect(forms.getCell(`${col("visit_freq")}1`).note).toBe("Kuinka usein käyt kirjastossa?");
    const lists = wb.getWorksheet("lists")!;
    expect(lists.state).toBe("hidden");
    expect((lists.getColumn(1).values as unknown[]).slice(1)).toEqual([
      "Viikoittain",
      "Kuukausittain",
      "Harvemmin",
      "En koskaan",
    ]);
    const book = wb.getWorksheet("Koodikirja")!;
    const rows = book.getSheetValues().slice(2) as unknown[][];
    expect(rows.some((v) => v[1] === "visit_freq" && v[3] === "weekly" && v[4] === "Viikoittain")).toBe(true);
    const help = wb.getWorksheet("Ohjeet")!;
    expect(String(help.getCell("A1").value)).toContain("Paperilomakkeiden tallentaminen");
    expect(help.rowCount).toBeGreaterThanOrEqual(10);
  });

  it("refuses a language the survey lacks, and an XLSX without --out", async () => {
    expect((await runCli(["template", "fixtures/import/forms-survey.yaml", "--lang", "de"])).code).toBe(2);
    expect((await runCli(["template", "fixtures/import/forms-survey.yaml", "--format", "xlsx"])).code).toBe(
      2,
    );
  });
});
