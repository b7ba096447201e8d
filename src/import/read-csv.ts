// Streams a CSV file as batches of records: bytes → encoding detected on the first chunk →
// decoded text → delimiter detected → scanner. Holds one chunk and one batch at a time, so a
// 1 GB file needs no more memory than a small one. I/O edge; parsing rules live elsewhere.
import { createReadStream } from "node:fs";
import { ExitCode, KuuloError } from "../errors.js";
import { CsvScanner, type ScanProblem } from "./csv-scanner.js";
import { detectDelimiter } from "./delimiter.js";
import { chunkDecoder, type DetectedEncoding, detectEncoding, type EncodingName } from "./encoding.js";

export interface SourceRecord {
  fields: string[];
  /** CSV: physical line where the record starts (header = 1). XLSX: the sheet row. */
  line: number;
  /** Problems the reader saw in a cell (XLSX: merged cells, error values), by cell index. */
  notes?: CellNote[];
}

export interface CellNote {
  index: number;
  /** The spreadsheet address, e.g. B4. */
  address: string;
  code: "XLSX_MERGED_CELL" | "XLSX_ERROR_CELL";
  message: string;
  value?: string;
}

export interface SourceInfo {
  format: "csv" | "xlsx";
  encoding?: DetectedEncoding;
  delimiter?: string;
  delimiterReason?: string;
  /** XLSX: the sheet read. */
  sheet?: string;
}

export interface RecordSource {
  readonly info: SourceInfo;
  /** Batches of records in file order, the header first. */
  batches(): AsyncGenerator<SourceRecord[]>;
  /** Bytes of the file consumed so far (for progress). */
  readonly bytesRead: number;
  /** A problem that ended the file early (unterminated quote at the end, runaway record). */
  readonly problem: ScanProblem | null;
}

/** Bytes read at a time; the first read also decides the encoding and delimiter. */
const CHUNK = 1 << 20;
/** Characters scanned per batch of records. */
const SLICE = 1 << 16;

export interface CsvOptions {
  encoding?: EncodingName;
  delimiter?: string;
  /** Whether a header cell names a survey column: decides the delimiter. */
  isKnown: (header: string) => boolean;
}

export class CsvSource implements RecordSource {
  info: SourceInfo = { format: "csv" };
  bytesRead = 0;
  problem: ScanProblem | null = null;

  constructor(
    private readonly path: string,
    private readonly opts: CsvOptions,
  ) {}

  async *batches(): AsyncGenerator<SourceRecord[]> {
    const stream = createReadStream(this.path, { highWaterMark: CHUNK });
    let decoder: ReturnType<typeof chunkDecoder> | undefined;
    let scanner: CsvScanner | undefined;
    let batch: SourceRecord[] = [];
    const sink = (fields: string[], line: number) => {
      batch.push({ fields, line });
    };
    let lineGuess = 1;
    let pendingText = "";
    const checkText = (text: string) => {
      // Bytes that are not UTF-8 in a file that looked like UTF-8 at first: say so, never guess.
      const bad = text.indexOf("\uFFFD");
      if (bad >= 0 && this.info.encoding?.reason !== "given" && this.info.encoding?.encoding === "utf-8") {
        const line = lineGuess + (text.slice(0, bad).match(/\r\n|\r|\n/g)?.length ?? 0);
        throw new KuuloError(
          "CSV_NOT_UTF8",
          `line ${line} has characters that are not UTF-8`,
          ExitCode.dataError,
          {
            location: { file: this.path, line },
            hint: "The start of the file looked like UTF-8. If Excel saved it, try --encoding windows-1252.",
          },
        );
      }
    };
    try {
      for await (const raw of stream) {
        let chunk = raw as Buffer;
        this.bytesRead += chunk.length;
        if (!decoder || !scanner) {
          const detected: DetectedEncoding = this.opts.encoding
            ? { encoding: this.opts.encoding, bomLength: bomOf(chunk, this.opts.encoding), reason: "given" }
            : detectEncoding(chunk);
          this.info.encoding = detected;
          chunk = chunk.subarray(detected.bomLength);
          decoder = chunkDecoder(detected.encoding);
          const text = decoder.write(chunk);
          checkText(text);
          const d = this.opts.delimiter
            ? { delimiter: this.opts.delimiter, reason: "given" }
            : detectDelimiter(text.slice(0, SLICE), this.opts.isKnown);
          this.info.delimiter = d.delimiter;
          this.info.delimiterReason = d.reason;
          scanner = new CsvScanner(d.delimiter);
          pendingText = text;
        } else {
          pendingText = decoder.write(chunk);
          checkText(pendingText);
        }
        // The text goes to the scanner in small slices and each slice's records are handed on at
        // once: few records are alive at a time, so they die young and cost the GC little.
        for (let i = 0; i < pendingText.length; i += SLICE) {
          this.problem = scanner.push(pendingText.slice(i, i + SLICE), sink);
          if (this.problem) return yield* this.flush(batch);
          if (batch.length > 0) {
            lineGuess = batch[batch.length - 1]!.line + 1;
            yield batch;
            batch = [];
          }
        }
      }
      if (decoder && scanner) {
        const tail = decoder.end();
        if (tail) scanner.push(tail, sink);
        this.problem = scanner.end(sink);
      }
      if (batch.length > 0) yield batch;
    } finally {
      stream.destroy();
    }
  }

  private async *flush(batch: SourceRecord[]): AsyncGenerator<SourceRecord[]> {
    if (batch.length > 0) yield batch;
  }
}

function bomOf(b: Buffer, enc: EncodingName): number {
  if (enc === "utf-8" && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 3;
  if (enc === "utf-16le" && b[0] === 0xff && b[1] === 0xfe) return 2;
  if (enc === "utf-16be" && b[0] === 0xfe && b[1] === 0xff) return 2;
  return 0;
}
