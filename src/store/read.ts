// Reading responses back: all of a survey (every version of an id, or one version), filtered by
// session, wave, source, status and time; streamed one response at a time for large stores.
import type { ResponseSource, ResponseStatus, SurveyResponse } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import { guard } from "./errors.js";
import type { Store } from "./open.js";
import {
  decodeAnswers,
  decodeParadata,
  paradataOf,
  RESPONSE_COLUMNS,
  type ResponseRow,
  toResponse,
} from "./rows.js";
import { findSurveyVersions } from "./surveys.js";

export interface ResponseFilters {
  sessionId?: string;
  wave?: string;
  source?: ResponseSource;
  status?: ResponseStatus;
  /** Started at or after this ISO time or date. */
  since?: string;
  /** Started at or before this ISO time or date (a date includes the whole day). */
  until?: string;
}

export interface AnswerParadata {
  slotId: string;
  answeredAt: string;
  changeCount: number;
}

/** Responses of a survey (id or version hash prefix; all surveys when undefined), oldest first. */
export function listResponses(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters = {},
): SurveyResponse[] {
  return [...iterateResponses(store, survey, filters)];
}

/**
 * The same, one response at a time, so that 100 000 responses never sit in memory at once:
 * pages of responses (each row holds its answers), all from one read snapshot.
 * Finish the iteration (or `return()` it) before writing through the same store.
 */
export function* iterateResponses(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters = {},
): Generator<SurveyResponse> {
  for (const page of responsePages(store, survey, filters))
    for (const row of page) yield responseOfPageRow(row, decodeAnswers(row[12]));
}

/** A response whose `answers` are still the stored JSON text, for a reader that decodes them itself. */
export type StoredResponse = Omit<SurveyResponse, "answers"> & { answers: string };

/** iterateResponses without decoding the answers: an export reads them straight from the text. */
export function* iterateStoredResponses(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters = {},
): Generator<StoredResponse> {
  for (const page of responsePages(store, survey, filters))
    for (const row of page) yield responseOfPageRow(row, row[12]);
}

/** Pages of rows in the order of iterateResponses, from one read snapshot. */
function* responsePages(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters,
): Generator<PageRow[]> {
  const { where, params } = whereClause(store, survey, filters);
  const own = !store.db.inTransaction;
  if (own) guard(store.path, () => store.db.exec("BEGIN"));
  try {
    let after: [string, number] | [] = [];
    const previous: (string | null)[] = [];
    for (;;) {
      const cond =
        after.length === 0 ? where : `${where ? `${where} AND` : "WHERE"} (r.started_at, r.rid) > (?, ?)`;
      // Rows as arrays (no object per row), and only the columns a response is made of.
      const page = guard(store.path, () =>
        store
          .sql(`SELECT ${PAGE_COLUMNS} FROM responses r ${cond} ORDER BY r.started_at, r.rid LIMIT ${PAGE}`)
          .raw(true)
          .all(...params, ...after),
      ) as PageRow[];
      if (page.length === 0) return;
      for (const row of page) shareRepeats(row, previous);
      yield page;
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = [last[8], last[11]];
    }
  } finally {
    if (own && store.db.inTransaction) store.db.exec("COMMIT");
  }
}

const PAGE = 1000;

const PAGE_COLUMNS =
  "r.id, r.survey_id, r.survey_hash, r.session_id, r.wave, r.source, r.language, r.plain, r.started_at, r.submitted_at, r.status, r.rid, r.answers";
/** The columns of a page row before its answers: a response's id and meta data, and its rid. */
type PageMeta = [
  id: string,
  surveyId: string,
  surveyHash: string,
  sessionId: string | null,
  wave: string | null,
  source: ResponseSource,
  language: string,
  plain: number,
  startedAt: string,
  submittedAt: string | null,
  status: ResponseStatus,
  rid: number,
];
type PageRow = [...PageMeta, answers: string];

/** Columns of PAGE_COLUMNS that repeat from row to row: survey, session, wave, source, language, status. */
const REPEATING = [1, 2, 3, 4, 5, 6, 10] as const;

/**
 * A value equal to the previous row's is replaced by that row's string, so that a million
 * responses hold one copy of their survey hash, wave and source instead of a million each.
 */
function shareRepeats(row: PageRow, previous: (string | null)[]): PageRow {
  for (const k of REPEATING) {
    const v = row[k] as string | null;
    const p = previous[k];
    if (p !== undefined && p === v) (row as (string | number | null)[])[k] = p;
    else previous[k] = v;
  }
  return row;
}

/** toResponse for a row of PAGE_COLUMNS. */
function responseOfPageRow<A>(row: PageRow, answers: A): Omit<SurveyResponse, "answers"> & { answers: A } {
  return {
    id: row[0],
    surveyId: row[1],
    surveyHash: row[2],
    sessionId: row[3],
    wave: row[4],
    source: row[5],
    language: row[6],
    plain: row[7] === 1,
    startedAt: row[8],
    submittedAt: row[9],
    status: row[10],
    answers,
  };
}

export function countResponses(
  store: Store,
  survey: string | undefined,
  filters: ResponseFilters = {},
): number {
  const { where, params } = whereClause(store, survey, filters);
  return guard(store.path, () =>
    store
      .sql(`SELECT count(*) FROM responses r ${where}`)
      .pluck()
      .get(...params),
  ) as number;
}

/**
 * One response by its id, or by 8 or more of its characters from either end. New ids are
 * time-ordered (UUIDv7), so responses made in the same minute share their first characters and
 * the last ones (random) are the handy shorthand; older random ids work either way.
 */
export function getResponse(store: Store, idOrPart: string): SurveyResponse | undefined {
  const id = idOrPart.toLowerCase();
  const select = `SELECT ${RESPONSE_COLUMNS}, r.answers FROM responses r`;
  const rows = guard(store.path, () => {
    if (id.length < 8 || id.length >= 36) return store.sql(`${select} WHERE r.id = ?`).all(id);
    const byStart = store.sql(`${select} WHERE r.id >= ? AND r.id < ? || 'g' LIMIT 2`).all(id, id);
    if (byStart.length > 0) return byStart;
    return store.sql(`${select} WHERE substr(r.id, -?) = ? LIMIT 2`).all(id.length, id);
  }) as (ResponseRow & { answers: string })[];
  if (rows.length > 1)
    throw new KuuloError(
      "STORE_AMBIGUOUS_RESPONSE",
      `More than one response id begins or ends with ${idOrPart}.`,
      ExitCode.usage,
      { hint: "Give more characters of the id, or the whole id from kuulo responses list." },
    );
  const row = rows[0];
  if (!row) return undefined;
  return toResponse(row, decodeAnswers(row.answers));
}

/** When each answer was given and how often it was changed, in slot-id order. */
export function answerParadata(store: Store, responseId: string): AnswerParadata[] {
  const row = guard(store.path, () =>
    store
      .sql("SELECT started_at, submitted_at, answers, paradata FROM responses WHERE id = ?")
      .get(responseId),
  ) as { started_at: string; submitted_at: string | null; answers: string; paradata: string } | undefined;
  if (row === undefined) return [];
  const all = paradataOf(row, decodeAnswers(row.answers), decodeParadata(row.paradata));
  return Object.entries(all).map(([slotId, [answeredAt, changeCount]]) => ({
    slotId,
    answeredAt,
    changeCount,
  }));
}

/** The WHERE clause (on `responses r`) of a survey reference and filters, with its parameters. */
export function whereClause(
  store: Store,
  survey: string | undefined,
  f: ResponseFilters,
  order: "started" | "id" = "started",
): { where: string; params: (string | number)[] } {
  const conds: string[] = [];
  const params: (string | number)[] = [];
  if (survey !== undefined) {
    const hashes = findSurveyVersions(store, survey).map((v) => v.hash);
    // Read in id order, the survey's index (survey_hash, started_at) would make SQLite sort all of
    // a survey's rows for every page: an expression on the column keeps it to the id index.
    // PostgreSQL chooses by its statistics, which an expression hides: it would guess that few
    // rows match and sort the whole survey for every page (100 000 rows: 140 s of server time).
    const column = order === "id" && store.sqlite ? "r.survey_hash || ''" : "r.survey_hash";
    conds.push(`${column} IN (${hashes.map(() => "?").join(", ")})`);
    params.push(...hashes);
  }
  const eq = (col: string, v: string | undefined) => {
    if (v === undefined) return;
    conds.push(`${col} = ?`);
    params.push(v);
  };
  eq("r.session_id", f.sessionId);
  eq("r.wave", f.wave);
  eq("r.source", f.source);
  eq("r.status", f.status);
  if (f.since !== undefined) {
    conds.push("r.started_at >= ?");
    params.push(isoTime(f.since, "since"));
  }
  if (f.until !== undefined) {
    // Compare only as many characters as given: "2025-03-14" includes that whole day.
    const until = isoTime(f.until, "until");
    conds.push("substr(r.started_at, 1, ?) <= ?");
    params.push(until.length, until);
  }
  return { where: conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params };
}

/** A date stays a date (compared by prefix); a date and time becomes the stored ISO form. */
function isoTime(v: string, name: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))) return v;
  const t = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v) ? Date.parse(v.replace(" ", "T")) : Number.NaN;
  if (Number.isNaN(t))
    throw new KuuloError("USAGE_BAD_DATE", `--${name} "${v}" is not a date.`, ExitCode.usage, {
      hint: "Write a date as YYYY-MM-DD (2025-03-14), or a time as 2025-03-14T09:30.",
    });
  return new Date(t).toISOString();
}
