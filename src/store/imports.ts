// What was imported before: each file by the hash of its bytes, and each row by the hash the
// importer gives it, so that importing the same forms twice adds nothing. Row hashes stay after
// an erasure on purpose: re-importing the old file must not bring an erased response back.
import { guard } from "./errors.js";
import type { Store } from "./open.js";

export interface ImportRecord {
  fileHash: string;
  fileName: string;
  surveyId: string;
  importedAt: Date;
  stored: number;
  rejected: number;
  /** Opaque keys from the importer; one per stored row. */
  rowHashes: readonly string[];
}

export interface PreviousImport {
  fileName: string;
  surveyId: string;
  importedAt: string;
  stored: number;
  rejected: number;
}

/** Record an import; joins the caller's transaction when there is one. */
export function recordImport(store: Store, rec: ImportRecord): void {
  const run = () => {
    store
      .sql(
        `INSERT INTO imports (file_hash, file_name, survey_id, imported_at, rows_stored, rows_rejected) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (file_hash) DO UPDATE SET imported_at = excluded.imported_at,
           rows_stored = rows_stored + excluded.rows_stored, rows_rejected = excluded.rows_rejected`,
      )
      .run(rec.fileHash, rec.fileName, rec.surveyId, rec.importedAt.toISOString(), rec.stored, rec.rejected);
    const row = store.sql(
      "INSERT INTO import_rows (survey_id, row_hash, file_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    );
    for (const h of rec.rowHashes) row.run(rec.surveyId, h, rec.fileHash);
  };
  guard(store.path, () => store.write(run));
}

export function previousImport(store: Store, fileHash: string): PreviousImport | undefined {
  const r = guard(store.path, () =>
    store
      .sql(
        "SELECT file_name, survey_id, imported_at, rows_stored, rows_rejected FROM imports WHERE file_hash = ?",
      )
      .get(fileHash),
  ) as
    | {
        file_name: string;
        survey_id: string;
        imported_at: string;
        rows_stored: number;
        rows_rejected: number;
      }
    | undefined;
  return r
    ? {
        fileName: r.file_name,
        surveyId: r.survey_id,
        importedAt: r.imported_at,
        stored: r.rows_stored,
        rejected: r.rows_rejected,
      }
    : undefined;
}

export function isFileImported(store: Store, fileHash: string): boolean {
  return previousImport(store, fileHash) !== undefined;
}

/** Row hashes recorded for a survey (by id, or by the hash of one of its versions). */
export function knownRowHashes(store: Store, surveyIdOrHash: string): Set<string> {
  return guard(store.path, () => {
    const id =
      (store.sql("SELECT id FROM surveys WHERE hash = ?").pluck().get(surveyIdOrHash) as
        | string
        | undefined) ?? surveyIdOrHash;
    return new Set(
      store.sql("SELECT row_hash FROM import_rows WHERE survey_id = ?").pluck().all(id) as string[],
    );
  });
}
