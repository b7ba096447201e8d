// The rejects file: rejected rows exactly as they were typed, plus a reject_reason column, so
// that a person can correct them in Excel and import the same file again. Written as UTF-8 with
// a BOM and the input's delimiter, to a temporary name renamed at the end (never half a file).
// The command checks the name against the output rules (src/output-file.ts) before importing.
import { basename, dirname, extname, join } from "node:path";
import { PendingOutput } from "../output-file.js";
import { REASON_COLUMN } from "./columns.js";

/** `forms.csv` → `forms.rejects.csv` beside it. */
export function defaultRejectsPath(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.rejects.csv`);
}

function quoteCell(v: string, delimiter: string): string {
  return v.includes('"') || v.includes(delimiter) || v.includes("\n") || v.includes("\r") || /^\s|\s$/.test(v)
    ? `"${v.replace(/"/g, '""')}"`
    : v;
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => quoteCell(c, delimiter)).join(delimiter)}\r\n`;
}

/** Rows are gathered up to this many characters between writes, so that each row is not a write. */
const FLUSH_AT = 1 << 16;

export class RejectsWriter {
  private output: PendingOutput | undefined;
  private buffer = "";
  count = 0;

  constructor(
    readonly path: string,
    private readonly header: readonly string[],
    private readonly delimiter: string,
  ) {}

  add(cells: readonly string[], reason: string): void {
    if (!this.output) {
      this.output = new PendingOutput(this.path, 0o600);
      this.buffer = `\uFEFF${csvLine([...this.header, REASON_COLUMN], this.delimiter)}`;
    }
    const row = [...cells];
    while (row.length < this.header.length) row.push("");
    this.buffer += csvLine([...row, reason], this.delimiter);
    this.count++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    this.output?.write(this.buffer);
    this.buffer = "";
  }

  /** Close and move into place; with no rejected rows nothing is written at all. */
  async finish(): Promise<string | undefined> {
    if (!this.output) return undefined;
    try {
      this.flush();
      this.output.commit();
    } catch (e) {
      this.output.abandon();
      throw e;
    }
    return this.path;
  }

  discard(): void {
    this.output?.abandon();
    this.buffer = "";
  }
}
