// Where an import puts its rows: the contract between the import pipeline and storage, and an
// in-memory implementation (tests, dry runs without a database). The pipeline decides what is
// valid; a target decides only what is new, and stores it all-or-nothing.
import type { SurveyResponse } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";

export interface PreparedRow {
  response: SurveyResponse;
  /** rowContentHash(): the same form typed the same way hashes the same. */
  contentHash: string;
  /** The hash an older version would have recorded for this row (computed only when needed). */
  legacyHash?: () => string;
  line: number;
  form?: string;
  /** JSON: "response 3 (id …)", for the messages. */
  where?: string;
}

/** "duplicate": this row was imported before (same content, or same response id). */
export type RowOutcome = "stored" | "duplicate";

export interface PreviousImport {
  importedAt: string;
  file: string;
  /** The survey the file went into: a file given again with another survey is named by it. */
  surveyId: string;
  stored: number;
  rejected: number;
}

export interface ImportTotals {
  rowsRead: number;
  stored: number;
  rejected: number;
  duplicates: number;
}

export interface ImportTarget {
  /** The date (YYYY-MM-DD) of a workshop session, if the session exists and has one. */
  sessionDate?(id: string): string | null;
  /** The last committed import of a file with exactly these bytes, if any. */
  previousImport(fileHash: string): PreviousImport | undefined;
  /** Other surveys the database knows (their newest versions), to name the one a file fits. */
  otherSurveys?(): readonly Survey[];
  /** Opens the one transaction of this import. */
  begin(info: { survey: Survey; file: string; fileHash: string }): void;
  /**
   * Stores rows that are new. A row is a duplicate when an earlier import recorded the same
   * content hash (the same form typed the same way, form_no included) or its response id is
   * stored already. Equal rows within one file are different people and are all stored.
   */
  write(rows: readonly PreparedRow[]): RowOutcome[];
  /** Records the file and its row hashes, and commits everything at once. */
  commit(totals: ImportTotals): void;
  rollback(): void;
}

/** Everything in memory; `committed` holds what survived. For tests and --dry-run without a store. */
export class MemoryTarget implements ImportTarget {
  readonly committed: SurveyResponse[] = [];
  private readonly hashes = new Set<string>(); // content hashes of committed rows
  private readonly ids = new Set<string>();
  private readonly files = new Map<string, PreviousImport>();
  private pending: Pending | undefined;

  /** keepRows: false for dry runs, which need the verdicts but not the rows. */
  constructor(private readonly opts: { keepRows?: boolean } = {}) {}

  previousImport(fileHash: string): PreviousImport | undefined {
    return this.files.get(fileHash);
  }

  begin(info: { survey: Survey; file: string; fileHash: string }): void {
    this.pending = {
      rows: [],
      keys: new Set(),
      ids: new Set(),
      file: info.file,
      fileHash: info.fileHash,
      surveyId: info.survey.id,
    };
  }

  write(rows: readonly PreparedRow[]): RowOutcome[] {
    const p = this.pending!;
    return rows.map((r) => {
      const id = r.response.id;
      if (this.hashes.has(r.contentHash) || this.ids.has(id) || p.ids.has(id)) return "duplicate";
      // A dry run keeps nothing per row, so that it streams a file of any size in flat memory.
      if (this.opts.keepRows === false) return "stored";
      p.rows.push(r.response);
      p.keys.add(r.contentHash);
      p.ids.add(id);
      return "stored";
    });
  }

  commit(totals: ImportTotals): void {
    const p = this.pending!;
    this.committed.push(...p.rows);
    for (const k of p.keys) this.hashes.add(k);
    for (const id of p.ids) this.ids.add(id);
    this.files.set(p.fileHash, {
      importedAt: new Date(0).toISOString(),
      file: p.file,
      surveyId: p.surveyId,
      stored: totals.stored,
      rejected: totals.rejected,
    });
    this.pending = undefined;
  }

  rollback(): void {
    this.pending = undefined;
  }
}

interface Pending {
  rows: SurveyResponse[];
  keys: Set<string>;
  ids: Set<string>;
  file: string;
  fileHash: string;
  surveyId: string;
}
