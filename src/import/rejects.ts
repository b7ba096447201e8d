// The rejects file: rejected rows exactly as they were typed, plus a reject_reason column, so
// that a person can correct them in Excel and import the same file again. Written as UTF-8 with
// a BOM and the input's delimiter, to a temporary name renamed at the end (never half a file).
// The command checks the name against the output rules (src/output-file.ts) before importing.
import { createWriteStream, type WriteStream } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileError } from "../errors.js";
import { commitTemp, removeTemp, tempPathFor, writeError } from "../output-file.js";
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

export class RejectsWriter {
  private stream: WriteStream | undefined;
  private readonly tmp: string;
  private failure: unknown;
  count = 0;

  constructor(
    readonly path: string,
    private readonly header: readonly string[],
    private readonly delimiter: string,
  ) {
    this.tmp = tempPathFor(path);
  }

  add(cells: readonly string[], reason: string): void {
    if (!this.stream) {
      this.stream = createWriteStream(this.tmp, { mode: 0o600, flags: "wx" });
      this.stream.on("error", (e) => {
        this.failure = e;
      });
      this.stream.write(`\uFEFF${csvLine([...this.header, REASON_COLUMN], this.delimiter)}`);
    }
    const row = [...cells];
    while (row.length < this.header.length) row.push("");
    this.stream.write(csvLine([...row, reason], this.delimiter));
    this.count++;
  }

  /** Wait while the disk catches up, so that a file of rejects never piles up in memory. */
  async drain(): Promise<void> {
    const s = this.stream;
    if (s?.writableNeedDrain) await new Promise<void>((resolve) => s.once("drain", resolve));
  }

  /** Close and move into place; with no rejected rows nothing is written at all. */
  async finish(): Promise<string | undefined> {
    if (!this.stream) return undefined;
    const s = this.stream;
    await new Promise<void>((resolve) => s.end(resolve));
    if (this.failure) {
      removeTemp(this.tmp);
      throw fileError(this.failure, this.path, "write");
    }
    try {
      commitTemp(this.tmp, this.path);
    } catch (e) {
      removeTemp(this.tmp);
      throw writeError(e, this.path);
    }
    return this.path;
  }

  discard(): void {
    this.stream?.destroy();
    removeTemp(this.tmp);
  }
}
