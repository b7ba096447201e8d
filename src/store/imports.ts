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

/**
 * Stores whose long import transaction (beginTransaction) is open. Their row hashes wait in a
 * temporary table and go into import_rows at commit, sorted: a million random hashes inserted
 * one by one would each land on another page of the index, which is what made big imports slow.
 */
const staging = new WeakSet<Store>();

/** Called by beginTransaction once its transaction is open. */
export function startStagingRowHashes(store: Store): void {
  // Each staged hash names its (survey, file) pair by a small number: a million rows would
  // otherwise carry a million copies of the file's hash into the sort at commit.
  store.db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS staged_import_files (g INTEGER PRIMARY KEY, survey_id TEXT NOT NULL, file_hash TEXT NOT NULL, UNIQUE (survey_id, file_hash));
     CREATE TEMP TABLE IF NOT EXISTS staged_import_hashes (g INTEGER NOT NULL, row_hash TEXT NOT NULL);`,
  );
  store.sql("DELETE FROM temp.staged_import_hashes").run();
  store.sql("DELETE FROM temp.staged_import_files").run();
  staging.add(store);
}

/**
 * Called by beginTransaction just before COMMIT, or with keep = false before ROLLBACK (which
 * takes back the staged rows with everything else).
 */
export function flushStagedRowHashes(store: Store, keep = true): void {
  if (!staging.delete(store) || !keep) return;
  store
    .sql(
      `INSERT INTO import_rows (survey_id, row_hash, file_hash)
       SELECT f.survey_id, h.row_hash, f.file_hash FROM temp.staged_import_hashes h JOIN temp.staged_import_files f USING (g)
       WHERE true ORDER BY f.survey_id, h.row_hash
       ON CONFLICT DO NOTHING`,
    )
    .run();
  store.sql("DELETE FROM temp.staged_import_hashes").run();
  store.sql("DELETE FROM temp.staged_import_files").run();
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
    if (rec.rowHashes.length === 0) return;
    if (staging.has(store)) {
      store
        .sql(
          "INSERT INTO temp.staged_import_files (survey_id, file_hash) VALUES (?, ?) ON CONFLICT DO NOTHING",
        )
        .run(rec.surveyId, rec.fileHash);
      const g = store
        .sql("SELECT g FROM temp.staged_import_files WHERE survey_id = ? AND file_hash = ?")
        .pluck()
        .get(rec.surveyId, rec.fileHash) as number;
      const row = store.sql("INSERT INTO temp.staged_import_hashes (g, row_hash) VALUES (?, ?)");
      for (const h of rec.rowHashes) row.run(g, h);
      return;
    }
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
