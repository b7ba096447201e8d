// The import's CSV reading done by csv-parse instead of src/import/csv-scanner.ts, for the import
// benchmark only: the same interface (text in; records with the line each starts on out; the
// same two problems), so the benchmark can run the whole import with either and compare. It is
// how the import would use csv-parse: its documented stream, records taken by `on_record`.
import { Parser } from "csv-parse";
import { parse } from "csv-parse/sync";

export const MAX_RECORD_CHARS = 1 << 20;

const options = (delimiter, maxRecordBytes = 0) => ({
  delimiter,
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false,
  max_record_size: maxRecordBytes,
});

/** Line breaks inside a record's fields: csv-parse's `info.lines` counts a quoted CRLF twice. */
function breaksIn(fields) {
  let n = 0;
  for (const f of fields) if (f.includes("\n") || f.includes("\r")) n += f.split(/\r\n|\r|\n/).length - 1;
  return n;
}

export class CsvScanner {
  problem = null;
  #line = 1;
  #sink = () => {};
  #delimiter;
  #parser;
  #tail = [];
  #tailStart = 0;
  #recordEnd = 0;

  constructor(delimiter, maxRecordChars = MAX_RECORD_CHARS) {
    this.#delimiter = delimiter;
    this.#parser = new Parser({
      ...options(delimiter, Number.isFinite(maxRecordChars) ? maxRecordChars : 0),
      on_record: (fields, context) => {
        this.#recordEnd = context.bytes;
        this.#emit(fields);
        return null;
      },
    });
    this.#parser.on("error", () => {});
    this.#parser.resume();
  }

  push(text, sink) {
    this.#sink = sink;
    const bytes = Buffer.from(text);
    this.#tail.push(bytes);
    this.#parser.write(bytes);
    const error = this.#parser.errored;
    if (error?.code === "CSV_MAX_RECORD_SIZE") {
      this.problem = { code: "CSV_RECORD_TOO_LARGE", line: this.#line };
      return this.problem;
    }
    if (error) throw error;
    while (this.#tail.length > 1 && this.#tailStart + this.#tail[0].length <= this.#recordEnd)
      this.#tailStart += this.#tail.shift().length;
    return null;
  }

  /** Node runs a Transform's flush inside end(), so the last record arrives before this returns. */
  end(sink) {
    this.#sink = sink;
    this.#parser.end();
    const error = this.#parser.errored;
    if (error?.code === "CSV_QUOTE_NOT_CLOSED") {
      // Keep the rest of the file as the last cell, as the scanner does.
      const text = Buffer.concat(this.#tail)
        .subarray(this.#recordEnd - this.#tailStart)
        .toString();
      const fields = parse(`${text}"`, options(this.#delimiter))[0] ?? [""];
      this.problem = {
        code: "CSV_UNTERMINATED_QUOTE",
        line: this.#line,
        quoteLine: this.#line + breaksIn(fields.slice(0, -1)),
      };
      this.#emit(fields);
    } else if (error) throw error;
    return this.problem;
  }

  #emit(fields) {
    const line = this.#line;
    this.#line += 1 + breaksIn(fields);
    this.#sink(fields, line);
  }
}

/** Scan a whole string at once, as the scanner's own helper does. */
export function scanAll(text, delimiter) {
  const scanner = new CsvScanner(delimiter, Number.POSITIVE_INFINITY);
  const records = [];
  const sink = (fields, line) => records.push({ fields, line });
  scanner.push(text, sink);
  return { records, problem: scanner.end(sink) };
}
