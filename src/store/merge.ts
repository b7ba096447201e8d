// Uniting stores from several kiosk laptops: surveys by hash, sessions by id, responses by UUID.
// The same response twice is skipped; a partial response that went on on its kiosk is brought
// up to date; the same UUID with other content is kept apart in `conflicts`, never overwritten.
import type { Answers } from "../definition/answers.js";
import { KuuloError } from "../errors.js";
import { codesFor } from "./codes.js";
import { damaged, guard } from "./errors.js";
import { copyConflicts, copyImports, copySessions, copySurveys } from "./merge-copy.js";
import type { Store } from "./open.js";
import {
  decodeAnswers,
  decodeParadata,
  encodeValue,
  paradataOf,
  RESPONSE_COLUMNS,
  type ResponseRow,
  responseContentHash,
  toResponse,
} from "./rows.js";

export interface MergeConflict {
  responseId: string;
  /** What differs, in words. */
  differs: string[];
}

export interface MergeSourceSummary {
  path: string;
  surveysAdded: number;
  sessionsAdded: number;
  /** Sessions with the same id but other details; the target's details were kept. */
  sessionsDiffering: string[];
  added: number;
  /** Already there with the same content (or an older copy of what is there). */
  skipped: number;
  /** Partial responses that had gone on since: brought up to date. */
  updated: number;
  conflicts: MergeConflict[];
  importsAdded: number;
}

/** One answer with its paradata; also the form a conflicting copy's answers are kept in. */
interface FullAnswer {
  slot_id: string;
  /** The value as JSON text. */
  value: string;
  answered_at: string;
  change_count: number;
}
type FullRow = ResponseRow & { updated_at: string; answers: string; paradata: string };

const FULL_COLUMNS = `${RESPONSE_COLUMNS}, r.updated_at, r.answers, r.paradata`;

const PAGE = 500;

/** Merge every source into the target in one transaction: all of it or, on any failure, nothing. */
export function mergeStores(
  target: Store,
  sources: readonly Store[],
  at: Date = new Date(),
  onProgress?: (done: number, total: number) => void,
): MergeSourceSummary[] {
  const total = onProgress
    ? sources.reduce(
        (n, s) => n + (guard(s.path, () => s.sql("SELECT count(*) FROM responses").pluck().get()) as number),
        0,
      )
    : 0;
  let done = 0;
  const step = onProgress
    ? (n: number) => {
        done += n;
        onProgress(done, total);
      }
    : undefined;
  const run = () => sources.map((s) => sourceDamage(s, () => mergeOne(target, s, at.toISOString(), step)));
  return guard(target.path, () => target.write(run));
}

/** Stored text that does not parse was read from the source: name the source, not the target. */
function sourceDamage<T>(source: Store, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof KuuloError && e.code === "STORE_CORRUPT" && !e.message.includes(source.path))
      throw damaged(source.path, e.options.cause);
    throw e;
  }
}

function mergeOne(
  target: Store,
  source: Store,
  at: string,
  step?: (responses: number) => void,
): MergeSourceSummary {
  const sum: MergeSourceSummary = {
    path: source.path,
    surveysAdded: copySurveys(target, source),
    sessionsAdded: 0,
    sessionsDiffering: [],
    added: 0,
    skipped: 0,
    updated: 0,
    conflicts: [],
    importsAdded: 0,
  };
  const sessions = copySessions(target, source);
  sum.sessionsAdded = sessions.added;
  sum.sessionsDiffering = sessions.differing;
  let after = 0;
  for (;;) {
    const page = guard(source.path, () =>
      source
        .sql(`SELECT ${FULL_COLUMNS} FROM responses r WHERE r.rid > ? ORDER BY r.rid LIMIT ${PAGE}`)
        .all(after),
    ) as FullRow[];
    if (page.length === 0) break;
    after = page[page.length - 1]!.rid;
    for (const row of page) mergeResponse(target, source.path, row, at, sum);
    step?.(page.length);
  }
  copyConflicts(target, source);
  sum.importsAdded = copyImports(target, source);
  return sum;
}

function mergeResponse(target: Store, from: string, row: FullRow, at: string, sum: MergeSourceSummary): void {
  const parsed = decodeAnswers(row.answers);
  const incoming = { ...row, content_hash: responseContentHash(toResponse(row, parsed)) };
  const mine = target.sql(`SELECT ${FULL_COLUMNS} FROM responses r WHERE r.id = ?`).get(row.id) as
    | FullRow
    | undefined;
  if (!mine) {
    insertFull(target, incoming, parsed);
    sum.added++;
    return;
  }
  if (mine.content_hash === incoming.content_hash) return void sum.skipped++;
  const answers = fullAnswers(incoming);
  const mineAnswers = fullAnswers(mine);
  if (continues(mine, mineAnswers, incoming, answers)) {
    target.sql("DELETE FROM responses WHERE rid = ?").run(mine.rid);
    insertFull(target, incoming, parsed);
    return void sum.updated++;
  }
  if (continues(incoming, answers, mine, mineAnswers)) return void sum.skipped++;
  const { answers: _a, paradata: _p, ...response } = incoming;
  target
    .sql(
      "INSERT INTO conflicts (response_id, content_hash, source_file, found_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .run(row.id, incoming.content_hash, from, at, JSON.stringify({ response, answers }));
  sum.conflicts.push({ responseId: row.id, differs: differences(mine, mineAnswers, incoming, answers) });
}

/** `b` is `a` answered further: same person, same start, `a` unfinished, none of `a`'s answers older in `b`. */
function continues(a: FullRow, aAnswers: FullAnswer[], b: FullRow, bAnswers: FullAnswer[]): boolean {
  if (a.status !== "partial" || b.updated_at < a.updated_at) return false;
  const same = ["survey_hash", "session_id", "source", "language", "plain", "started_at"] as const;
  if (same.some((k) => a[k] !== b[k])) return false;
  const later = new Map(bAnswers.map((x) => [x.slot_id, x.answered_at]));
  return aAnswers.every((x) => (later.get(x.slot_id) ?? "") >= x.answered_at);
}

function differences(a: FullRow, aAnswers: FullAnswer[], b: FullRow, bAnswers: FullAnswer[]): string[] {
  const out: string[] = [];
  const fields = [
    "survey_hash",
    "session_id",
    "wave",
    "source",
    "language",
    "plain",
    "started_at",
    "submitted_at",
    "status",
  ] as const;
  for (const k of fields) if (a[k] !== b[k]) out.push(`${k}: ${String(a[k])} ≠ ${String(b[k])}`);
  const av = new Map(aAnswers.map((x) => [x.slot_id, x.value]));
  const bv = new Map(bAnswers.map((x) => [x.slot_id, x.value]));
  const slots = [...new Set([...av.keys(), ...bv.keys()])].filter((s) => av.get(s) !== bv.get(s)).sort();
  if (slots.length > 0) out.push(`answers to ${slots.join(", ")}`);
  return out;
}

/** A response's answers one by one, each with its time and change count. */
function fullAnswers(row: FullRow): FullAnswer[] {
  const answers = decodeAnswers(row.answers);
  const times = paradataOf(row, answers, decodeParadata(row.paradata));
  return Object.entries(answers).map(([slot_id, value]) => ({
    slot_id,
    value: encodeValue(value),
    answered_at: times[slot_id]![0],
    change_count: times[slot_id]![1],
  }));
}

/**
 * The row as it is: answers and paradata are copied as they were written. The codes are made
 * again from the answers (the source of truth), never copied: a damaged block stays behind.
 */
function insertFull(target: Store, r: FullRow, answers: Answers): void {
  target
    .sql(
      `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain, started_at,
         submitted_at, status, content_hash, updated_at, answers, paradata, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.id,
      r.survey_hash,
      r.survey_id,
      r.session_id,
      r.wave,
      r.source,
      r.language,
      r.plain,
      r.started_at,
      r.submitted_at,
      r.status,
      r.content_hash,
      r.updated_at,
      r.answers,
      r.paradata,
      codesFor(target, r.survey_hash, answers),
    );
}
