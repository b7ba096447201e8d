// A health check of a store: SQLite's integrity check, the schema version, counts, and whether
// every response still matches its content hash (a mismatch means an edit outside Kuulo).

import type { Answers } from "../definition/answers.js";
import { guard } from "./errors.js";
import { SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import type { Store } from "./open.js";
import { decodeValue, RESPONSE_COLUMNS, type ResponseRow, responseContentHash, toResponse } from "./rows.js";

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
      answers: count("SELECT count(*) FROM answers"),
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
  let current: ResponseRow | undefined;
  let answers: Answers = {};
  const check = () => {
    if (current && responseContentHash(toResponse(current, answers)) !== current.content_hash)
      bad.push(current.id);
  };
  const rows = store
    .sql(
      `SELECT ${RESPONSE_COLUMNS}, a.slot_id, a.value FROM responses r LEFT JOIN answers a ON a.response_rid = r.rid ORDER BY r.rid`,
    )
    .iterate() as IterableIterator<ResponseRow & { slot_id: string | null; value: string | null }>;
  for (const row of rows) {
    if (current?.rid !== row.rid) {
      check();
      current = row;
      answers = {};
    }
    if (row.slot_id !== null && row.value !== null) answers[row.slot_id] = decodeValue(row.value);
  }
  check();
  return bad;
}
