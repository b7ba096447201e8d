// The readers on real files: the XLSX streaming path (used for big workbooks) gives the same
// records as the whole-workbook path, and bytes that turn out not to be UTF-8 after a
// UTF-8-looking start are an error with a hint, never silently garbled.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CsvSource } from "../../src/import/read-csv.js";
import { XlsxSource } from "../../src/import/read-xlsx.js";
import { ROOT, tempDir } from "../helpers/cli.js";

async function all(source: { batches(): AsyncGenerator<{ fields: string[]; line: number }[]> }) {
  const out: { fields: string[]; line: number }[] = [];
  for await (const b of source.batches()) out.push(...b);
  return out;
}

describe("readers", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("streams a workbook to the same records as loading it whole", async () => {
    const file = join(ROOT, "fixtures/import/21-excel-workbook.xlsx");
    const whole = await all(new XlsxSource(file, () => true));
    const streamed = await all(new XlsxSource(file, () => true, 0));
    // A streamed row ends at its last filled cell; the whole-workbook reader pads to the sheet's width.
    const trim = (r: { fields: string[]; line: number }[]) =>
      r.map((x) => ({
        line: x.line,
        fields: x.fields
          .join("\u0000")
          .replace(/\u0000+$/, "")
          .split("\u0000"),
      }));
    expect(trim(streamed)).toEqual(trim(whole));
    expect(whole[2]?.fields.slice(0, 3)).toEqual(["2", "Harvemmin", "x"]);
    expect(whole[2]?.fields[10]).toBe("3"); // =2+1, read as its cached result
  });

  it("reads a Windows-1252 line after a megabyte of plain ASCII as such, and names it", async () => {
    const file = join(tmp.dir, "late.csv");
    const head = "form_no;visit_freq\r\n";
    const rows = Array.from({ length: 80_000 }, (_, i) => `${i};weekly`).join("\r\n");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${head}${rows}\r\n`),
        Buffer.from([0x31, 0x3b, 0x4b, 0x79, 0x6c, 0x6c, 0xe4, 0x0d, 0x0a]),
      ]),
    );
    const src = new CsvSource(file, { isKnown: () => true });
    const read = await all(src);
    expect(read.at(-1)).toEqual({ fields: ["1", "Kyllä"], line: 80_002 });
    expect(src.info.recoded).toEqual([{ line: 80_002, text: "1;Kyllä" }]);
    // Given as UTF-8, the line is refused, by its number.
    await expect(all(new CsvSource(file, { isKnown: () => true, encoding: "utf-8" }))).rejects.toMatchObject({
      code: "CSV_NOT_UTF8",
      options: { location: { line: 80_002 } },
    });
    const given = await all(new CsvSource(file, { isKnown: () => true, encoding: "windows-1252" }));
    expect(given.at(-1)?.fields).toEqual(["1", "Kyllä"]);
  });
});
