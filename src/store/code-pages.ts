// Reading responses for a report without an object per response: pages of rows as arrays holding
// the meta columns and the answer codes (the JSON only where a row has no codes), with the filters
// of iterateResponses but in id order, and the free texts of chosen slots beside them.
import { PRESENT } from "../definition/answer-codes.js";
import type { ResponseSource, ResponseStatus, SurveyResponse } from "../definition/answers.js";
import { codeLayoutOf } from "./codes.js";
import { guard } from "./errors.js";
import type { Store } from "./open.js";
import type { PgConnection } from "./pg/connection.js";
import { type ResponseFilters, whereClause } from "./read.js";
import { findSurveyVersions } from "./surveys.js";

/**
 * One response of a code page; `texts` holds the asked-for slots' texts (null: none) in that
 * order, for rows with codes (a row without them has its whole JSON in `answers`). `key` is the
 * response's id, or its table row number (rid) where the rows come in table order.
 */
export type PageRowOf<K> = [
  key: K,
  /**
   * The fields that repeat from row to row (codePageMeta reads them): one string, so that a reader
   * makes one lookup per row instead of seven.
   */
  meta: string,
  /** submitted_at, else started_at. */
  time: string,
  /** 1 when the response has a submitted_at, else 0. */
  submitted: number,
  /** The block of answer codes (definition/answer-codes.ts, layout: codeLayoutOf(store, surveyHash)). */
  codes: Uint8Array | null,
  /** The answers as JSON text, only where codes is null (then the source of truth for this row). */
  answers: string | null,
  ...texts: (string | null)[],
];

/** A page row keyed by the response's id. */
export type CodePageRow = PageRowOf<string>;

/** Column indexes of a CodePageRow. */
export const PAGE_ROW = {
  id: 0,
  meta: 1,
  time: 2,
  submitted: 3,
  codes: 4,
  answers: 5,
  /** The first text (of `texts`). */
  texts: 6,
} as const;

/** The repeating fields of a response, as a CodePageRow's `meta` holds them. */
export type CodePageMeta = Pick<
  SurveyResponse,
  "surveyId" | "surveyHash" | "sessionId" | "wave" | "source" | "language" | "status"
>;

/** A CodePageRow's `meta` read. */
export function codePageMeta(meta: string): CodePageMeta {
  const [surveyId, surveyHash, sessionId, wave, source, language, status] = JSON.parse(meta) as [
    string,
    string,
    string | null,
    string | null,
    ResponseSource,
    string,
    ResponseStatus,
  ];
  return { surveyId, surveyHash, sessionId, wave, source, language, status };
}

export interface CodePageOptions {
  /** Text slots whose answers to read beside the codes (a string, or null when there is none). */
  texts?: readonly string[];
  /** Rows per page (default 2000). */
  pageSize?: number;
}

// The repeating fields as one JSON array: exact for any value (nulls too), one string per row.
const CODE_COLUMNS = `json_array(r.survey_id, r.survey_hash, r.session_id, r.wave, r.source, r.language, r.status),
  coalesce(r.submitted_at, r.started_at), CASE WHEN r.submitted_at IS NULL THEN 0 ELSE 1 END,
  r.codes, CASE WHEN r.codes IS NULL THEN r.answers END`;
const COLUMNS = `r.id, ${CODE_COLUMNS}`;

/**
 * SQLite: the SELECT of page rows keyed by `key` (r.id or r.rid) with the texts of `texts` for
 * the versions `hashes`, and the parameters its text columns take first.
 */
export function pageSelect(
  store: Store,
  hashes: readonly string[],
  texts: readonly string[],
  key: "r.id" | "r.rid",
): { select: string; paths: string[] } {
  const present = texts.map((slot) => textPresent(store, hashes, slot));
  const asked = texts.filter((_, i) => present[i] !== null);
  const textColumns = present
    .map((c) => `, ${c ? "CASE WHEN " + c + " THEN json_extract(r.answers, ?) END" : "NULL"}`)
    .join("");
  const paths = asked.map((slot) => `$."${slot}"`);
  return { select: `SELECT ${key}, ${CODE_COLUMNS}${textColumns} FROM responses r`, paths };
}

/** The stored versions of `survey` (every stored survey when undefined). */
export function surveyHashes(store: Store, survey: string | undefined): string[] {
  return survey === undefined
    ? (store.sql("SELECT hash FROM surveys").pluck().all() as string[])
    : findSurveyVersions(store, survey).map((v) => v.hash);
}

/**
 * The responses of a survey (id or version hash prefix; all when undefined) in id order, a page
 * at a time, all from one read snapshot. Id order is what the analysis and the ledger sort by:
 * rows read in it need no sorting of a million ids afterwards, and the ledger's index is written
 * in order instead of at random places. A page's array and rows are new for each page. Finish
 * the iteration (or `return()` it) before writing through the same store.
 */
export function* iterateCodePages(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters = {},
  options: CodePageOptions = {},
): Generator<CodePageRow[]> {
  const { where, params } = whereClause(store, survey, filters, "id");
  const texts = options.texts ?? [];
  const size = options.pageSize ?? 2000;
  const hashes = surveyHashes(store, survey);
  if (store.backend === "postgres") {
    const present = texts.map((slot) => textPresent(store, hashes, slot));
    yield* inPages(postgresRows(store, where, params, texts, present), size, store.path);
    return;
  }
  const { select, paths } = pageSelect(store, hashes, texts, "r.id");
  const first = store.sql(`${select} ${where} ORDER BY r.id LIMIT ${size}`).raw(true);
  const next = store
    .sql(`${select} ${where ? `${where} AND` : "WHERE"} r.id > ? ORDER BY r.id LIMIT ${size}`)
    .raw(true);
  const own = !store.db.inTransaction;
  if (own) guard(store.path, () => store.db.exec("BEGIN"));
  try {
    let page = guard(store.path, () => first.all(...paths, ...params)) as CodePageRow[];
    for (;;) {
      if (page.length === 0) return;
      yield page;
      if (page.length < size) return;
      const after = page[page.length - 1]![PAGE_ROW.id];
      page = guard(store.path, () => next.all(...paths, ...params, after)) as CodePageRow[];
    }
  } finally {
    if (own && store.db.inTransaction) store.db.exec("COMMIT");
  }
}

/**
 * PostgreSQL: one query, read through a cursor, so that the server reads the next page while this
 * one is analysed (rather than each page's query waiting for the last to be used). Taking the
 * texts out of a row's JSON took the server most of a page's time, so it sends the JSON of the
 * rows with a text as it is, with a flag per text slot, and the connection's worker thread takes
 * the texts out (PgConnection.rowsWithTexts): the same rows as SQLite's json_extract gives.
 */
function postgresRows(
  store: Store,
  where: string,
  params: unknown[],
  texts: readonly string[],
  present: readonly (string | null)[],
): Iterator<unknown> {
  const db = store.db as PgConnection;
  if (!present.some((c) => c !== null)) {
    const blank = texts.map(() => ", NULL").join("");
    return guard(store.path, () =>
      store
        .sql(`SELECT ${COLUMNS}${blank} FROM responses r ${where} ORDER BY r.id`)
        .raw(true)
        .iterate(...params),
    );
  }
  const flags = present.map((c) => (c ? `CASE WHEN ${c} THEN '1' ELSE '0' END` : "'0'")).join(" || ");
  const sql = `SELECT ${COLUMNS}, CASE WHEN strpos(t.flags, '1') > 0 THEN r.answers END, t.flags
    FROM responses r CROSS JOIN LATERAL (SELECT ${flags} AS flags) t ${where} ORDER BY r.id`;
  return guard(store.path, () => db.rowsWithTexts(sql, params, { json: PAGE_ROW.texts, keys: texts }));
}

/** Rows from `rows` in arrays of `size`; each array is new. */
function* inPages(rows: Iterator<unknown>, size: number, path: string): Generator<CodePageRow[]> {
  let page: CodePageRow[] = [];
  try {
    for (;;) {
      const next = guard(path, () => rows.next());
      if (next.done) break;
      page.push(next.value as CodePageRow);
      if (page.length === size) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  } finally {
    rows.return?.();
  }
}

/**
 * Where the row's codes say a text slot has an answer: its text is read from the JSON only there,
 * since parsing every row's JSON is what the codes are there to spare. Rows without codes get
 * NULL; their JSON comes whole in the answers column. Null: no version of the survey has the slot.
 */
function textPresent(store: Store, hashes: readonly string[], slot: string): string | null {
  const when: string[] = [];
  for (const hash of hashes) {
    const f = codeLayoutOf(store, hash).bySlot.get(slot);
    // Hashes are hex (checked), offsets integers: safe to write into the statement.
    if (f?.kind === "text" && /^[0-9a-f]+$/.test(hash))
      when.push(`WHEN '${hash}' THEN substr(r.codes, ${f.offset + 1}, 1)`);
  }
  if (when.length === 0) return null;
  return `(CASE r.survey_hash ${when.join(" ")} END) = x'${PRESENT.toString(16).padStart(2, "0")}'`;
}
