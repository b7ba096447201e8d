// A health check of a store: SQLite's integrity check, the schema version, counts, and whether
// every response still matches its content hash (a mismatch means an edit outside Kuulo).

import type { Answers } from "../definition/answers.js";
import { guard } from "./errors.js";
import { SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import type { Store } from "./open.js";
import {
  decodeAnswers,
  RESPONSE_COLUMNS,
  type ResponseRow,
  responseContentHash,
  toResponse,
} from "./rows.js";

export interface StoreHealth {
  ok: boolean;
  schemaVersion: number;
  latestSchemaVersion: number;
  /** Lines from PRAGMA integrity_check other than "ok". */
  integrity: string[];
  /** Responses whose content no longer matches their hash. */
  changedOutside: string[];
  counts: {
    surveys: number;
    sessions: number;
    responses: number;
    complete: number;
    partial: number;
    answers: number;
    importedFiles: number;
    conflicts: number;
  };
}

export function checkStore(store: Store): StoreHealth {
  return guard(store.path, () => {
    const integrity = (store.db.pragma("integrity_check") as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .filter((l) => l !== "ok");
    const fk = store.db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    for (const f of fk) integrity.push(`${f.table} row ${f.rowid} points to a missing ${f.parent} row`);
    const count = (sql: string) => store.sql(sql).pluck().get() as number;
    const counts = {
      surveys: count("SELECT count(*) FROM surveys"),
      sessions: count("SELECT count(*) FROM sessions"),
      responses: count("SELECT count(*) FROM responses"),
      complete: count("SELECT count(*) FROM responses WHERE status = 'complete'"),
      partial: count("SELECT count(*) FROM responses WHERE status = 'partial'"),
      // The keys of every response's answers document (a skipped question counts, as before).
      answers: count("SELECT count(*) FROM responses r, json_each(r.answers)"),
      importedFiles: count("SELECT count(*) FROM imports"),
      conflicts: count("SELECT count(*) FROM conflicts"),
    };
    const changedOutside = integrity.length === 0 ? verifyHashes(store) : [];
    return {
      ok: integrity.length === 0 && changedOutside.length === 0,
      schemaVersion: schemaVersion(store.db),
      latestSchemaVersion: SCHEMA_VERSION,
      integrity,
      changedOutside,
      counts,
    };
  });
}

function verifyHashes(store: Store): string[] {
  const bad: string[] = [];
  const rows = store
    .sql(`SELECT ${RESPONSE_COLUMNS}, r.answers FROM responses r ORDER BY r.rid`)
    .iterate() as IterableIterator<ResponseRow & { answers: string }>;
  for (const row of rows) {
    let answers: Answers;
    try {
      answers = decodeAnswers(row.answers);
    } catch {
      bad.push(row.id); // not JSON: written by another program
      continue;
    }
    if (responseContentHash(toResponse(row, answers)) !== row.content_hash) bad.push(row.id);
  }
  return bad;
}
