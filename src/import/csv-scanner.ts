// A small streaming RFC 4180 scanner: text chunks in, records (fields + the physical line the
// record starts on) out. Quoted fields may hold delimiters, quotes ("") and line breaks; CRLF,
// LF and lone CR all end a line. It knows nothing of headers or surveys, and never buffers more
// than one record (plus a chunk), so memory stays flat whatever the file size. Used rather than
// csv-parse, which costs 12–21 % more CPU over a whole import (README, "Built with";
// scripts/csv-parse-scanner.mjs is that variant, timed by npm run bench:import).

export type RecordSink = (fields: string[], line: number) => void;

export interface ScanProblem {
  code: "CSV_UNTERMINATED_QUOTE" | "CSV_RECORD_TOO_LARGE";
  /** Line the record starts on. */
  line: number;
  /** Line the unclosed quote opened on (CSV_UNTERMINATED_QUOTE). */
  quoteLine?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Default cap on one record: far beyond any real form, small enough to stop a runaway quote. */
export const MAX_RECORD_CHARS = 1 << 20;

export class CsvScanner {
  private rest = "";
  private line = 1;
  private readonly delim: number;
  /** Set when the last record of the input ran into the end of the file inside quotes. */
  problem: ScanProblem | null = null;

  constructor(
    delimiter: string,
    private readonly maxRecordChars = MAX_RECORD_CHARS,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feed decoded text; complete records go to `sink`. Returns a problem when a record is too large. */
  push(text: string, sink: RecordSink): ScanProblem | null {
    const s = this.rest.length === 0 ? text : this.rest + text;
    const consumed = this.scan(s, false, sink);
    this.rest = consumed === s.length ? "" : s.slice(consumed);
    if (this.rest.length > this.maxRecordChars) {
      this.problem = { code: "CSV_RECORD_TOO_LARGE", line: this.line };
      return this.problem;
    }
    return null;
  }

  /** End of input: emits the last record (which may lack a final line break). */
  end(sink: RecordSink): ScanProblem | null {
    const s = this.rest;
    this.rest = "";
    if (s.length > 0) this.scan(s, true, sink);
    return this.problem;
  }

  /** Scan as many complete records as `s` holds; returns how many characters were used. */
  private scan(s: string, final: boolean, sink: RecordSink): number {
    const len = s.length;
    const delim = this.delim;
    const delimChar = String.fromCharCode(delim);
    let start = 0;
    // Positions of the next quote, LF and CR at or after `start` (-1 → none), found with the
    // native indexOf and reused until passed: most records hold no quote and end in (CR)LF,
    // and those are split by the native String#split, several times faster than a loop.
    let nextQuote = -2;
    let nextLF = -2;
    let nextCR = -2;
    while (start < len) {
      if (nextLF !== -1 && nextLF < start) nextLF = s.indexOf("\n", start);
      if (nextLF >= 0) {
        if (nextQuote !== -1 && nextQuote < start) nextQuote = s.indexOf('"', start);
        if (nextCR !== -1 && nextCR < start) nextCR = s.indexOf("\r", start);
        if (nextQuote === -1 || nextQuote > nextLF) {
          const end = nextLF > start && s.charCodeAt(nextLF - 1) === CR ? nextLF - 1 : nextLF;
          if (nextCR === -1 || nextCR >= end) {
            sink(s.slice(start, end).split(delimChar), this.line);
            this.line++;
            start = nextLF + 1;
            continue;
          }
        }
      } else if (!final) return start;
      const fields: string[] = [];
      let p = start;
      let breaks = 0;
      let complete = false;
      for (;;) {
        let value: string;
        if (p < len && s.charCodeAt(p) === QUOTE) {
          // Quoted field: find the closing quote, joining doubled quotes.
          let seg = p + 1;
          let q = seg;
          value = "";
          let closed = false;
          for (;;) {
            const j = s.indexOf('"', q);
            if (j < 0) break;
            if (j + 1 < len && s.charCodeAt(j + 1) === QUOTE) {
              value += s.slice(seg, j + 1);
              q = j + 2;
              seg = q;
              continue;
            }
            if (j + 1 >= len && !final) break; // the next chunk might start with the second quote
            value += s.slice(seg, j);
            breaks += countBreaks(s, p + 1, j);
            p = j + 1;
            closed = true;
            break;
          }
          if (!closed) {
            if (!final) return start;
            // End of file inside quotes: keep the text as the field, and say where the quote opened.
            this.problem = { code: "CSV_UNTERMINATED_QUOTE", line: this.line, quoteLine: this.line + breaks };
            value += s.slice(seg);
            breaks += countBreaks(s, p + 1, len);
            fields.push(value);
            p = len;
            complete = true;
            break;
          }
          // Text after the closing quote (`"a"b`) is kept rather than lost.
          let k = p;
          while (k < len) {
            const c = s.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          if (k > p) value += s.slice(p, k);
          p = k;
        } else {
          let k = p;
          while (k < len) {
            const c = s.charCodeAt(k);
            if (c === delim || c === LF || c === CR) break;
            k++;
          }
          value = s.slice(p, k);
          p = k;
        }
        fields.push(value);
        if (p >= len) {
          if (!final) return start;
          complete = true;
          break;
        }
        const c = s.charCodeAt(p);
        if (c === delim) {
          p++;
          if (p >= len && final) {
            fields.push("");
            complete = true;
            break;
          }
          continue;
        }
        if (c === CR) {
          if (p + 1 < len) p += s.charCodeAt(p + 1) === LF ? 2 : 1;
          else if (final) p++;
          else return start; // a CR at the end of a chunk may be half of CRLF
        } else p++; // LF
        complete = true;
        break;
      }
      if (!complete) return start;
      sink(fields, this.line);
      this.line += 1 + breaks;
      start = p;
    }
    return start;
  }
}

/** Line breaks (CRLF, LF or lone CR) in s[from, to). */
function countBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/** Scan a whole string at once (tests, delimiter sniffing). */
export function scanAll(
  text: string,
  delimiter: string,
): { records: { fields: string[]; line: number }[]; problem: ScanProblem | null } {
  const scanner = new CsvScanner(delimiter, Number.POSITIVE_INFINITY);
  const records: { fields: string[]; line: number }[] = [];
  const sink: RecordSink = (fields, line) => records.push({ fields, line });
  scanner.push(text, sink);
  return { records, problem: scanner.end(sink) };
}
