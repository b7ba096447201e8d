// What was imported before: each file by the hash of its bytes, and each row by the hash the
// importer gives it, so that importing the same forms twice adds nothing. An erasure removes the
// erased response's row hash (derived from its answers) and keeps only its file's hash and line
// (erased_import_rows), so that importing the same file again does not bring the person back.
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
  /** Per row hash (same order): the response it became and its line in the file. */
  rows?: readonly { responseId: string; line: number }[];
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
     CREATE TEMP TABLE IF NOT EXISTS staged_import_hashes (g INTEGER NOT NULL, row_hash TEXT NOT NULL, response_id TEXT, line INTEGER);`,
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
  const rebuild = rebuildsResponseIndex(store);
  if (rebuild) store.db.exec("DROP INDEX import_rows_by_response");
  store
    .sql(
      `INSERT INTO import_rows (survey_id, row_hash, file_hash, response_id, line)
       SELECT f.survey_id, h.row_hash, f.file_hash, h.response_id, h.line FROM temp.staged_import_hashes h JOIN temp.staged_import_files f USING (g)
       WHERE true ORDER BY f.survey_id, h.row_hash
       ON CONFLICT DO NOTHING`,
    )
    .run();
  if (rebuild) store.db.exec(rebuild);
  store.sql("DELETE FROM temp.staged_import_hashes").run();
  store.sql("DELETE FROM temp.staged_import_files").run();
}

/** Below this many staged rows the response index is small enough to take them one by one. */
const REBUILD_FROM = 20_000;

/**
 * Rows go into import_rows in row-hash order, which is random for the index by response id: a
 * million of them would each land on another page of it (measured: 17 s of CPU at 1M rows
 * against 5 s for dropping it and building it again in one sort). Worth it when the rows
 * staged are a large part of all there will be; the index is built again in the same
 * transaction, from its own stored definition. SQLite only: PostgreSQL takes the rows as they come.
 * Returns the statement that builds the index again, or undefined to leave it alone.
 */
function rebuildsResponseIndex(store: Store): string | undefined {
  if (!store.sqlite) return undefined;
  const staged = store.sql("SELECT count(*) FROM temp.staged_import_hashes").pluck().get() as number;
  if (staged < REBUILD_FROM) return undefined;
  const index = store
    .sql("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'import_rows_by_response'")
    .pluck()
    .get() as string | undefined;
  if (index === undefined) return undefined;
  const existing = store.sql("SELECT count(*) FROM import_rows").pluck().get() as number;
  return existing <= 3 * staged ? index : undefined;
}

/** Record an import; joins the caller's transaction when there is one. */
export function recordImport(store: Store, rec: ImportRecord): void {
  const run = () => {
    store
      .sql(
        `INSERT INTO imports (file_hash, file_name, survey_id, imported_at, rows_stored, rows_rejected) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (file_hash) DO UPDATE SET imported_at = excluded.imported_at,
           rows_stored = imports.rows_stored + excluded.rows_stored, rows_rejected = excluded.rows_rejected`,
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
      const row = store.sql(
        "INSERT INTO temp.staged_import_hashes (g, row_hash, response_id, line) VALUES (?, ?, ?, ?)",
      );
      rec.rowHashes.forEach((h, i) => {
        row.run(g, h, rec.rows?.[i]?.responseId ?? null, rec.rows?.[i]?.line ?? null);
      });
      return;
    }
    const row = store.sql(
      "INSERT INTO import_rows (survey_id, row_hash, file_hash, response_id, line) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    );
    rec.rowHashes.forEach((h, i) => {
      row.run(rec.surveyId, h, rec.fileHash, rec.rows?.[i]?.responseId ?? null, rec.rows?.[i]?.line ?? null);
    });
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

/**
 * Which of these row hashes the survey's imports recorded before. Looked up a batch at a time,
 * so that the next import into a store of millions of imported rows does not hold them all in
 * memory (a Set of a million hashes took the import of 100k rows to 470 MB).
 */
export function recordedRowHashes(store: Store, surveyId: string, hashes: readonly string[]): Set<string> {
  return guard(store.path, () => lookUpRowHashes(store, surveyId, hashes));
}

function lookUpRowHashes(store: Store, surveyId: string, hashes: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += LOOKUP) {
    const part = hashes.slice(i, i + LOOKUP);
    // Padded to a power of two with repeats, so that a few statements serve every batch size.
    let size = 16;
    while (size < part.length) size *= 2;
    const params = part.concat(Array(size - part.length).fill(part[part.length - 1]));
    const rows = store
      .sql(
        `SELECT row_hash FROM import_rows WHERE survey_id = ? AND row_hash IN (${params.map(() => "?").join(", ")})`,
      )
      .pluck()
      .all(surveyId, ...params) as string[];
    for (const h of rows) found.add(h);
  }
  return found;
}
const LOOKUP = 512;

/** Whether an earlier import of the survey recorded any row hash at all. */
export function hasRowHashes(store: Store, surveyId: string): boolean {
  return guard(
    store.path,
    () =>
      store.sql("SELECT 1 FROM import_rows WHERE survey_id = ? LIMIT 1").pluck().get(surveyId) !== undefined,
  );
}

/** Whether the survey has row hashes from before they included the session (no "2." prefix). */
export function hasLegacyRowHashes(store: Store, surveyId: string): boolean {
  // SQLite compares text by bytes: the "2." hashes are one range of the key, and two range
  // looks find any other. PostgreSQL's collation may not, so it reads the prefix itself.
  const sql = store.sqlite
    ? "SELECT 1 FROM import_rows WHERE survey_id = ? AND (row_hash < '2.' OR row_hash >= '2/') LIMIT 1"
    : "SELECT 1 FROM import_rows WHERE survey_id = ? AND substr(row_hash, 1, 2) <> '2.' LIMIT 1";
  return guard(store.path, () => store.sql(sql).pluck().get(surveyId) !== undefined);
}

/** Lines of this file whose responses were erased: importing the file again skips them. */
export function erasedLines(store: Store, fileHash: string): Set<number> {
  return guard(store.path, () => {
    return new Set(
      store.sql("SELECT line FROM erased_import_rows WHERE file_hash = ?").pluck().all(fileHash) as number[],
    );
  });
}

/**
 * Within an erasure's transaction: forget the import row of an erased response (its hash is
 * derived from the answers) and keep only its file's hash and line. Returns the rows forgotten.
 */
export function forgetImportRows(store: Store, responseId: string): number {
  const rows = store.sql("SELECT file_hash, line FROM import_rows WHERE response_id = ?").all(responseId) as {
    file_hash: string;
    line: number | null;
  }[];
  const tomb = store.sql(
    "INSERT INTO erased_import_rows (file_hash, line) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  for (const r of rows) if (r.line !== null) tomb.run(r.file_hash, r.line);
  return store.sql("DELETE FROM import_rows WHERE response_id = ?").run(responseId).changes;
}
