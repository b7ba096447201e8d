// Uniting stores from several kiosk laptops: surveys by hash, sessions by id, responses by UUID.
// The same response twice is skipped; a partial response that went on on its kiosk is brought
// up to date; the same UUID with other content is kept apart in `conflicts`, never overwritten.
import type { Survey } from "../definition/model.js";
import { hashDefinition } from "../definition/normalize.js";
import { ExitCode, KuuloError } from "../errors.js";
import { damaged, guard, parseStored } from "./errors.js";
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
): MergeSourceSummary[] {
  const run = () => sources.map((s) => sourceDamage(s, () => mergeOne(target, s, at.toISOString())));
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

function mergeOne(target: Store, source: Store, at: string): MergeSourceSummary {
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
  copySessions(target, source, sum);
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
  }
  copyConflicts(target, source);
  sum.importsAdded = copyImports(target, source);
  return sum;
}

function mergeResponse(target: Store, from: string, row: FullRow, at: string, sum: MergeSourceSummary): void {
  const incoming = { ...row, content_hash: hashOf(row) };
  const mine = target.sql(`SELECT ${FULL_COLUMNS} FROM responses r WHERE r.id = ?`).get(row.id) as
    | FullRow
    | undefined;
  if (!mine) {
    insertFull(target, incoming);
    sum.added++;
    return;
  }
  if (mine.content_hash === incoming.content_hash) return void sum.skipped++;
  const answers = fullAnswers(incoming);
  const mineAnswers = fullAnswers(mine);
  if (continues(mine, mineAnswers, incoming, answers)) {
    target.sql("DELETE FROM responses WHERE rid = ?").run(mine.rid);
    insertFull(target, incoming);
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

function hashOf(row: FullRow): string {
  return responseContentHash(toResponse(row, decodeAnswers(row.answers)));
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

/** The row as it is: answers and paradata are copied as they were written. */
function insertFull(target: Store, r: FullRow): void {
  target
    .sql(
      `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain, started_at,
         submitted_at, status, content_hash, updated_at, answers, paradata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    );
}

function copySurveys(target: Store, source: Store): number {
  const rows = guard(source.path, () =>
    source.sql("SELECT hash, id, definition, registered_at FROM surveys").all(),
  ) as {
    hash: string;
    id: string;
    definition: string;
    registered_at: string;
  }[];
  let added = 0;
  for (const r of rows) {
    const { hash: _h, ...body } = parseStored<Survey>(r.definition);
    if (hashDefinition(body) !== r.hash)
      throw new KuuloError(
        "STORE_SURVEY_CHANGED",
        `${source.path}: survey version ${r.hash.slice(0, 12)} does not match its hash.`,
        ExitCode.ioError,
        {
          hint: "That database was edited by another program; nothing was merged. Check it with kuulo doctor.",
        },
      );
    added += target
      .sql(
        "INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
      )
      .run(r.hash, r.id, r.definition, r.registered_at).changes;
  }
  return added;
}

type SessionRow = Record<"id" | "name" | "status" | "created_at", string> &
  Record<"date" | "place" | "facilitator" | "wave" | "closed_at", string | null>;

function copySessions(target: Store, source: Store, sum: MergeSourceSummary): void {
  const rows = guard(source.path, () =>
    source.sql("SELECT * FROM sessions ORDER BY id").all(),
  ) as SessionRow[];
  for (const s of rows) {
    const mine = target.sql("SELECT * FROM sessions WHERE id = ?").get(s.id) as SessionRow | undefined;
    if (!mine) {
      target
        .sql(
          "INSERT INTO sessions (id, name, date, place, facilitator, wave, status, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(s.id, s.name, s.date, s.place, s.facilitator, s.wave, s.status, s.created_at, s.closed_at);
      sum.sessionsAdded++;
      continue;
    }
    const fields = ["name", "date", "place", "facilitator", "wave"] as const;
    const diff = fields
      .filter((k) => mine[k] !== s[k])
      .map((k) => `${k} ${String(mine[k])} ≠ ${String(s[k])}`);
    if (diff.length > 0) sum.sessionsDiffering.push(`${s.id} (${diff.join(", ")})`);
  }
}

function copyConflicts(target: Store, source: Store): void {
  const rows = guard(source.path, () => source.sql("SELECT * FROM conflicts").all()) as Record<
    string,
    string
  >[];
  const insert = target.sql(
    "INSERT INTO conflicts (response_id, content_hash, source_file, found_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  for (const c of rows) insert.run(c.response_id, c.content_hash, c.source_file, c.found_at, c.data);
}

function copyImports(target: Store, source: Store): number {
  const files = guard(source.path, () => source.sql("SELECT * FROM imports").all()) as Record<
    string,
    string | number
  >[];
  let added = 0;
  for (const f of files)
    added += target
      .sql(
        "INSERT INTO imports (file_hash, file_name, survey_id, imported_at, rows_stored, rows_rejected) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      )
      .run(f.file_hash, f.file_name, f.survey_id, f.imported_at, f.rows_stored, f.rows_rejected).changes;
  const rows = guard(source.path, () =>
    source.sql("SELECT survey_id, row_hash, file_hash, response_id, line FROM import_rows").all(),
  ) as {
    survey_id: string;
    row_hash: string;
    file_hash: string;
    response_id: string | null;
    line: number | null;
  }[];
  const insert = target.sql(
    "INSERT INTO import_rows (survey_id, row_hash, file_hash, response_id, line) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  // Erased rows stay erased in the merged store: neither their hash nor the response comes back.
  const erased = guard(source.path, () =>
    source.sql("SELECT file_hash, line FROM erased_import_rows").all(),
  ) as { file_hash: string; line: number }[];
  const tomb = target.sql(
    "INSERT INTO erased_import_rows (file_hash, line) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  for (const e of erased) tomb.run(e.file_hash, e.line);
  const gone = new Set(
    (target.sql("SELECT file_hash || ':' || line FROM erased_import_rows").pluck().all() as string[]) ?? [],
  );
  for (const r of rows)
    if (r.line === null || !gone.has(`${r.file_hash}:${r.line}`))
      insert.run(r.survey_id, r.row_hash, r.file_hash, r.response_id, r.line);
  return added;
}
