import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, scanAll } from "../../src/import/csv-scanner.js";

function scanChunks(chunks: string[], delim: string) {
  const s = new CsvScanner(delim, Number.POSITIVE_INFINITY);
  const out: { fields: string[]; line: number }[] = [];
  const sink = (fields: string[], line: number) => out.push({ fields, line });
  for (const c of chunks) s.push(c, sink);
  const problem = s.end(sink);
  return { out, problem };
}

describe("CsvScanner", () => {
  it("splits plain records and counts lines", () => {
    const { records, problem } = scanAll("a;b;c\r\n1;2;3\r\n", ";");
    expect(problem).toBeNull();
    expect(records).toEqual([
      { fields: ["a", "b", "c"], line: 1 },
      { fields: ["1", "2", "3"], line: 2 },
    ]);
  });

  it("keeps quoted delimiters, doubled quotes and line breaks; the line is the record's first", () => {
    const { records } = scanAll('id,text\n1,"a, ""b""\nsecond line"\n2,x\n', ",");
    expect(records[1]).toEqual({ fields: ["1", 'a, "b"\nsecond line'], line: 2 });
    expect(records[2]).toEqual({ fields: ["2", "x"], line: 4 });
  });

  it("handles a last record without a line break and a trailing delimiter", () => {
    expect(scanAll("a;b\n1;", ";").records[1]).toEqual({ fields: ["1", ""], line: 2 });
    expect(scanAll("a;b\n1;2", ";").records[1]).toEqual({ fields: ["1", "2"], line: 2 });
  });

  it("treats a lone CR as a line break (old Mac Excel)", () => {
    const { records } = scanAll("a;b\r1;2\r3;4", ";");
    expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("reports an unterminated quote with the line it opened on", () => {
    const { records, problem } = scanAll('a;b\n1;2\n3;"open\nmore\n', ";");
    expect(problem).toEqual({ code: "CSV_UNTERMINATED_QUOTE", line: 3, quoteLine: 3 });
    expect(records.at(-1)?.fields).toEqual(["3", "open\nmore\n"]);
  });

  it("stops a runaway record at the size cap", () => {
    const s = new CsvScanner(";", 100);
    const p = s.push(`a;b\n1;"${"x".repeat(200)}`, () => {});
    expect(p?.code).toBe("CSV_RECORD_TOO_LARGE");
    expect(p?.line).toBe(2);
  });

  it("keeps CRLF split across chunks as one line break", () => {
    const { out } = scanChunks(["a;b\r", "\n1;2\r", "\n3;4"], ";");
    expect(out.map((r) => [r.line, ...r.fields])).toEqual([
      [1, "a", "b"],
      [2, "1", "2"],
      [3, "3", "4"],
    ]);
  });

  it("a doubled quote split across chunks stays one quote", () => {
    const { out } = scanChunks(['x\n"a"', '"b"\n'], ",");
    expect(out[1]?.fields).toEqual(['a"b']);
  });

  it("round-trips any records, any chunking, any line ending (property)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "ä", " ", ";", ",", '"', "\n", "\r\n", "x", "1") });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.constantFrom(";", ",", "\t"),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (rows, eol, delim, cuts) => {
          const quote = (f: string) => (/[";,\t\r\n]/.test(f) || f === "" ? `"${f.replace(/"/g, '""')}"` : f);
          const text = rows.map((r) => r.map(quote).join(delim)).join(eol) + eol;
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let prev = 0;
          for (const p of points) {
            chunks.push(text.slice(prev, p));
            prev = p;
          }
          chunks.push(text.slice(prev));
          const { out, problem } = scanChunks(chunks, delim);
          expect(problem).toBeNull();
          expect(out.map((r) => r.fields)).toEqual(rows);
          // Each record starts one line after the previous one plus its own quoted line breaks.
          let line = 1;
          for (let i = 0; i < rows.length; i++) {
            expect(out[i]?.line).toBe(line);
            line += 1 + rows[i]!.join("").split(/\r\n|\r|\n/).length - 1;
          }
        },
      ),
    );
  });
});
