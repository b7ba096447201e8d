// The schema, as an ordered list of migrations keyed by PRAGMA user_version. A database is
// brought up to date one step at a time, each step in its own transaction. Never edit a
// released step: add a new one, and a test that starts from the version before it.

import { activeProgress } from "../terminal/progress.js";
import type { Connection } from "./connection.js";
import { rebuildCodes } from "./rebuild-codes.js";

/** "KULO": marks an SQLite file as a Kuulo store (PRAGMA application_id). */
export const APPLICATION_ID = 0x4b554c4f;

export interface Migration {
  version: number;
  describe: string;
  sql: string;
  /**
   * Work SQL alone cannot do, run after `sql` in the same transaction; `progress` hears of the
   * rows done (of all) when it is long.
   */
  run?: (db: Connection, progress?: (done: number, total: number) => void) => void;
  /** The step for PostgreSQL where the SQLite one cannot be translated (see pg/dialect.ts). */
  postgres?: string;
}

/** Migration 1: the tables, with the columns of the index of a survey's responses in time order. */
function firstSchema(surveyIndex: string): string {
  return `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE surveys (
        hash TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        definition TEXT NOT NULL,
        registered_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX surveys_by_id ON surveys (id);
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        date TEXT,
        place TEXT,
        facilitator TEXT,
        wave TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at TEXT NOT NULL,
        closed_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE responses (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        survey_hash TEXT NOT NULL REFERENCES surveys (hash),
        survey_id TEXT NOT NULL,
        session_id TEXT REFERENCES sessions (id),
        wave TEXT,
        source TEXT NOT NULL CHECK (source IN ('interactive', 'paper', 'import')),
        language TEXT NOT NULL,
        plain INTEGER NOT NULL DEFAULT 0 CHECK (plain IN (0, 1)),
        started_at TEXT NOT NULL,
        submitted_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('partial', 'complete')),
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX responses_by_survey ON responses ${surveyIndex};
      CREATE INDEX responses_by_session ON responses (session_id);
      CREATE TABLE answers (
        response_rid INTEGER NOT NULL REFERENCES responses (rid) ON DELETE CASCADE,
        slot_id TEXT NOT NULL,
        value TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        change_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (response_rid, slot_id)
      ) WITHOUT ROWID;
      PRAGMA application_id = ${APPLICATION_ID};
    `;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: "surveys, sessions, responses and answers",
    sql: firstSchema("(survey_hash, started_at)"),
    // SQLite ends every index with the rowid, so pages read in (started_at, rid) order come from
    // the index alone; PostgreSQL needs rid written out, or each page sorts what is left of a survey.
    postgres: firstSchema("(survey_hash, started_at, rid)"),
  },
  {
    version: 2,
    describe: "imported files and the hashes of their rows",
    sql: `
      CREATE TABLE imports (
        file_hash TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        survey_id TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        rows_stored INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE import_rows (
        survey_id TEXT NOT NULL,
        row_hash TEXT NOT NULL,
        file_hash TEXT NOT NULL REFERENCES imports (file_hash) ON DELETE CASCADE,
        PRIMARY KEY (survey_id, row_hash)
      ) WITHOUT ROWID;
      CREATE INDEX import_rows_by_file ON import_rows (file_hash);
    `,
  },
  {
    version: 3,
    describe: "responses kept apart by merge because their content differed",
    sql: `
      CREATE TABLE conflicts (
        response_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        source_file TEXT NOT NULL,
        found_at TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (response_id, content_hash)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    describe: "each response's answers as one JSON document, with their times beside it",
    // answers: slot id → value (null = skipped; a question never shown has no key).
    // paradata: slot id → [answered at, times changed], for answers given one by one; '{}' when
    // every answer was stored at once (paper, import), which counts as given when the response
    // was sent (or started). The rows of the old table arrive in slot order, as they were read.
    sql: `
      ALTER TABLE responses ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE responses ADD COLUMN paradata TEXT NOT NULL DEFAULT '{}';
      UPDATE responses SET
        answers = (SELECT json_group_object(a.slot_id, json(a.value)) FROM answers a WHERE a.response_rid = responses.rid),
        paradata = (SELECT json_group_object(a.slot_id, json_array(a.answered_at, a.change_count)) FROM answers a WHERE a.response_rid = responses.rid)
      WHERE rid IN (SELECT response_rid FROM answers);
      DROP TABLE answers;
    `,
    // PostgreSQL stores began after this step, so their answers table is always empty.
    postgres: `
      ALTER TABLE responses ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE responses ADD COLUMN paradata TEXT NOT NULL DEFAULT '{}';
      DROP TABLE answers;
    `,
  },
  {
    version: 5,
    describe: "erasure: which response each import row became, and erased rows by file and line only",
    // An import row's hash is derived from its answers, so it could confirm a guess at what an
    // erased person answered: erasure removes it. What stays is the file's hash and the row's
    // line, which say nothing about the answers but stop the same file bringing the person back.
    sql: `
      ALTER TABLE import_rows ADD COLUMN response_id TEXT;
      ALTER TABLE import_rows ADD COLUMN line INTEGER;
      CREATE INDEX import_rows_by_response ON import_rows (response_id) WHERE response_id IS NOT NULL;
      CREATE TABLE erased_import_rows (
        file_hash TEXT NOT NULL,
        line INTEGER NOT NULL,
        PRIMARY KEY (file_hash, line)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    describe: "the publication ledger: every report that left Kuulo, and whose answers it covered",
    // report: the Report exactly as published (report.json); options: how it was asked for
    // (filters, --by, --compare, --min-cell, language, formats); outputs: the files written, or
    // "-" for standard output; origins: the stored survey ids its responses came from.
    sql: `
      CREATE TABLE releases (
        id INTEGER PRIMARY KEY,
        survey_id TEXT NOT NULL,
        survey_hash TEXT NOT NULL,
        origins TEXT NOT NULL,
        created_at TEXT NOT NULL,
        options TEXT NOT NULL,
        outputs TEXT NOT NULL,
        report TEXT NOT NULL
      );
      CREATE INDEX releases_by_survey ON releases (survey_id);
      CREATE TABLE release_responses (
        release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
        response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
        PRIMARY KEY (release_id, response_id)
      ) WITHOUT ROWID;
      CREATE INDEX release_responses_by_response ON release_responses (response_id);
    `,
  },
  {
    version: 7,
    describe: "each response's answers also as a compact block of codes, for reports",
    // codes: definition/answer-codes.ts, written with the answers in the same transaction; NULL
    // where the answers cannot be held exactly (readers then take the JSON, the source of truth).
    // A later change of the block's format needs a step of its own that rebuilds them.
    sql: "ALTER TABLE responses ADD COLUMN codes BLOB;",
    run: (db, progress) => void rebuildCodes(db, undefined, progress),
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Connection): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Apply the missing steps up to `to` (default: the newest). Each step re-reads the version
 * inside its write lock, so two processes opening a new file at once do not both migrate.
 */
export function migrate(db: Connection, to = SCHEMA_VERSION): number[] {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version > to) break;
    const step = db.transaction(() => {
      if (schemaVersion(db) >= m.version) return false;
      db.exec(m.sql);
      // A big store takes a while (a million responses: a minute or two): shown on a terminal.
      m.run?.(db, (done, total) =>
        activeProgress()?.update({
          done,
          total,
          note: `upgrading the database: ${done} of ${total}`,
        }),
      );
      db.pragma(`user_version = ${m.version}`);
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}
