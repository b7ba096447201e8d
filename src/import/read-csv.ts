// Streams a CSV file as batches of records: bytes → encoding detected on the first chunk →
// decoded text → delimiter detected → scanner. Holds one chunk and one batch at a time, so a
// 1 GB file needs no more memory than a small one. I/O edge; parsing rules live elsewhere.
import { createReadStream } from "node:fs";
import { ExitCode, KuuloError } from "../errors.js";
import { CsvScanner, type ScanProblem } from "./csv-scanner.js";
import { detectDelimiter } from "./delimiter.js";
import { chunkDecoder, type DetectedEncoding, detectEncoding, type EncodingName } from "./encoding.js";
import { decodeWindows1252, utf8LineDecoder } from "./utf8-lines.js";

export interface SourceRecord {
  fields: string[];
  /** CSV: physical line where the record starts (header = 1). XLSX: the sheet row. */
  line: number;
  /** JSON: which response this is ("response 3 (id …)"), said instead of a line number. */
  where?: string;
  /** Problems the reader saw in a cell (XLSX: merged cells, error values), by cell index. */
  notes?: CellNote[];
}

export interface CellNote {
  index: number;
  /** The spreadsheet address, e.g. B4. */
  address: string;
  code:
    | "XLSX_MERGED_CELL"
    | "XLSX_ERROR_CELL"
    | "JSON_BAD_VALUE"
    | "JSON_UNKNOWN_ANSWER"
    | "JSON_OTHER_SURVEY";
  message: string;
  value?: string;
}

export interface SourceInfo {
  format: "csv" | "xlsx" | "json";
  encoding?: DetectedEncoding;
  delimiter?: string;
  delimiterReason?: string;
  /** JSON: how many responses the export holds. */
  responses?: number;
  /** XLSX: the sheet read. */
  sheet?: string;
  /** CSV in UTF-8: lines that were not, read as Windows-1252 (the first RECODED_KEPT of them). */
  recoded?: { line: number; text: string }[];
}

/** How many re-read lines are remembered for the warnings (more would only be capped there). */
const RECODED_KEPT = 1000;

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
    let pendingText = "";
    const sink = (fields: string[], line: number) => {
      batch.push({ fields, line });
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
          decoder = this.decoderFor(detected);
          const text = decoder.write(chunk);
          const d = this.opts.delimiter
            ? { delimiter: this.opts.delimiter, reason: "given" }
            : detectDelimiter(text.slice(0, SLICE), this.opts.isKnown);
          this.info.delimiter = d.delimiter;
          this.info.delimiterReason = d.reason;
          scanner = new CsvScanner(d.delimiter);
          pendingText = text;
        } else {
          pendingText = decoder.write(chunk);
        }
        // The text goes to the scanner in small slices and each slice's records are handed on at
        // once: few records are alive at a time, so they die young and cost the GC little.
        for (let i = 0; i < pendingText.length; i += SLICE) {
          this.problem = scanner.push(pendingText.slice(i, i + SLICE), sink);
          if (this.problem) return yield* this.flush(batch);
          if (batch.length > 0) {
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

  /**
   * UTF-8 is decoded line by line when a line is not UTF-8: given with --encoding, that line is
   * refused; detected, it is read as Windows-1252 and reported, never garbled in silence.
   */
  private decoderFor(d: DetectedEncoding): { write(c: Buffer): string; end(): string } {
    if (d.encoding !== "utf-8") return chunkDecoder(d.encoding);
    const given = d.reason === "given";
    return utf8LineDecoder((line, bytes) => {
      if (given)
        throw new KuuloError(
          "CSV_NOT_UTF8",
          `line ${line} has characters that are not UTF-8`,
          ExitCode.dataError,
          {
            location: { file: this.path, line },
            hint: "--encoding utf-8 was given. Leave it out to read such lines as Windows-1252 (with a warning for each), or save the file again as UTF-8.",
          },
        );
      const text = decodeWindows1252(bytes);
      if (!this.info.recoded) this.info.recoded = [];
      if (this.info.recoded.length < RECODED_KEPT) this.info.recoded.push({ line, text });
      return text;
    });
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
