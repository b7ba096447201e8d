// A health check of a store: SQLite's integrity check, the schema version, counts, whether
// every response still matches its content hash (a mismatch means an edit outside Kuulo), and
// whether its answer codes say what its answers say (repairCodes makes them again).

import type { CodeLayout } from "../definition/answer-codes.js";
import type { Answers } from "../definition/answers.js";
import { codeLayoutOf } from "./codes.js";
import { guard } from "./errors.js";
import { SCHEMA_VERSION, schemaVersion } from "./migrations.js";
import type { Store } from "./open.js";
import { codesBlob, rebuildCodes } from "./rebuild-codes.js";
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
  /**
   * Responses whose answer codes do not say what their answers say (or are missing where the
   * answers fit them): reports would count them wrongly. The answers are intact; repairCodes.
   */
  codesOutOfStep: string[];
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
    // PostgreSQL checks its own pages (pg_amcheck does a deep check); SQLite's file is checked here.
    const integrity = store.sqlite
      ? (store.sqlite.pragma("integrity_check") as { integrity_check: string }[])
          .map((r) => r.integrity_check)
          .filter((l) => l !== "ok")
      : [];
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
    const { changedOutside, codesOutOfStep } =
      integrity.length === 0 ? verifyRows(store) : { changedOutside: [], codesOutOfStep: [] };
    return {
      ok: integrity.length === 0 && changedOutside.length === 0 && codesOutOfStep.length === 0,
      schemaVersion: schemaVersion(store.db),
      latestSchemaVersion: SCHEMA_VERSION,
      integrity,
      changedOutside,
      codesOutOfStep,
      counts,
    };
  });
}

/** Each response against its content hash, and its codes against its answers. */
function verifyRows(store: Store): { changedOutside: string[]; codesOutOfStep: string[] } {
  const changedOutside: string[] = [];
  const codesOutOfStep: string[] = [];
  const layouts = new Map<string, CodeLayout | undefined>();
  const layoutOf = (hash: string) => {
    if (!layouts.has(hash)) {
      let layout: CodeLayout | undefined;
      try {
        layout = codeLayoutOf(store, hash);
      } catch {
        layout = undefined; // a version missing or changed: its responses keep no codes
      }
      layouts.set(hash, layout);
    }
    return layouts.get(hash);
  };
  const rows = store
    .sql(`SELECT ${RESPONSE_COLUMNS}, r.answers, r.codes FROM responses r ORDER BY r.rid`)
    .iterate() as IterableIterator<ResponseRow & { answers: string; codes: Buffer | null }>;
  for (const row of rows) {
    let answers: Answers;
    try {
      answers = decodeAnswers(row.answers);
    } catch {
      changedOutside.push(row.id); // not JSON: written by another program
      if (row.codes !== null) codesOutOfStep.push(row.id);
      continue;
    }
    if (responseContentHash(toResponse(row, answers)) !== row.content_hash) changedOutside.push(row.id);
    // The codes the answers make, byte for byte: a block that decodes to other answers, or does
    // not decode at all, differs.
    const expected = codesBlob(layoutOf(row.survey_hash), answers);
    const agree =
      expected === null || row.codes === null ? expected === row.codes : expected.equals(row.codes);
    if (!agree) codesOutOfStep.push(row.id);
  }
  return { changedOutside, codesOutOfStep };
}

/** Make the answer codes of these responses again from their answers, in one transaction. */
export function repairCodes(store: Store, ids: readonly string[]): number {
  return guard(store.path, () =>
    store.write(() => {
      const rid = store.sql("SELECT rid FROM responses WHERE id = ?").pluck();
      const rids = ids.map((id) => rid.get(id) as number | undefined).filter((r) => r !== undefined);
      return rebuildCodes(store.db, rids);
    }),
  );
}
