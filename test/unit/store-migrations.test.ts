// Schema migrations: from an empty store and from every earlier version, with data written at
// that version surviving, and the result identical to a store created new; on both backends
// (store-migrations.pg.test.ts).
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveyResponse } from "../../src/definition/answers.js";
import {
  answerParadata,
  checkStore,
  getResponse,
  listResponses,
  listSessions,
  openStore,
  responseContentHash,
  SCHEMA_VERSION,
  saveAnswer,
} from "../../src/store/index.js";
import { APPLICATION_ID, MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { PgConnection } from "../../src/store/pg/connection.js";
import { migratePg, openPg } from "../../src/store/pg/open.js";
import { describeSchema, storeAtVersion, storedVersion, tableNames } from "../helpers/store-backend.js";
import { currentBackend, minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.cleanup());

/** The paradata an older file holds for sampleResponse(survey, 0): one answer changed twice. */
const OLD_TIMES: Record<string, [string, number]> = { visit_freq: ["2025-03-14T09:00:20.000Z", 2] };

/**
 * A database stopped at `version`, holding one survey, one session and two responses written in
 * that version's layout: a finished one with answers of every type (a skipped question, a
 * matrix slot whose id has a dot, points per choice) and a partial one without answers.
 */
function olderStore(path: string, version: number): SurveyResponse[] {
  const db = storeAtVersion(path, version);
  const survey = minimal();
  const rs = [sampleResponse(survey, 0), sampleResponse(survey, 5, { answers: {} })];
  db.prepare("INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?)").run(
    survey.hash,
    survey.id,
    JSON.stringify(survey),
    "2025-03-01T00:00:00.000Z",
  );
  db.prepare(
    "INSERT INTO sessions (id, name, wave, status, created_at) VALUES ('s1', 'Itäkeskus', 'baseline', 'open', ?)",
  ).run("2025-03-01T00:00:00.000Z");
  for (const r of rs) {
    const { rid } = db
      .prepare(
        `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain, started_at, submitted_at, status, content_hash, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid`,
      )
      .get(
        r.id,
        r.surveyHash,
        r.surveyId,
        r.sessionId,
        r.wave,
        r.source,
        r.language,
        r.plain ? 1 : 0,
        r.startedAt,
        r.submittedAt,
        r.status,
        responseContentHash(r),
        r.startedAt,
      ) as { rid: number };
    const at = r.submittedAt ?? r.startedAt;
    if (version < 4) {
      // One row per answer, values as JSON text in the order they were given.
      const insert = db.prepare(
        "INSERT INTO answers (response_rid, slot_id, value, answered_at, change_count) VALUES (?, ?, ?, ?, ?)",
      );
      for (const [slot, value] of Object.entries(r.answers)) {
        const [when, changes] = OLD_TIMES[slot] ?? [at, 0];
        insert.run(rid, slot, JSON.stringify(value), when, changes);
      }
    } else {
      // Slots in id order, as the store writes them from version 4 on.
      const paradata = Object.fromEntries(
        Object.keys(r.answers)
          .sort()
          .map((k) => [k, OLD_TIMES[k] ?? [at, 0]]),
      );
      db.prepare("UPDATE responses SET answers = ?, paradata = ? WHERE rid = ?").run(
        JSON.stringify(Object.fromEntries(Object.entries(r.answers).sort(([a], [b]) => (a < b ? -1 : 1)))),
        JSON.stringify(paradata),
        rid,
      );
    }
  }
  db.close();
  return rs;
}

/** The oldest version a store can be at: PostgreSQL stores began at 4 (their step 4 moves no answers). */
const first = currentBackend() === "postgres" ? 4 : 1;

describe("migrations", () => {
  it("are numbered 1, 2, 3 … without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("build the whole schema from an empty store and mark it as Kuulo's", () => {
    t = tempStore();
    const s = t.open();
    expect(storedVersion(s.db)).toBe(SCHEMA_VERSION);
    if (currentBackend() === "sqlite")
      expect(s.db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    expect(tableNames(s.db)).toEqual([
      "conflicts",
      "erased_import_rows",
      "import_rows",
      "imports",
      "meta",
      "release_responses",
      "releases",
      "responses",
      "sessions",
      "surveys",
    ]);
  });

  for (const from of MIGRATIONS.slice(first - 1, -1).map((m) => m.version)) {
    it(`upgrade a version-${from} database, keeping its data, to the same schema as a new one`, () => {
      t = tempStore();
      const written = olderStore(t.path, from);
      const s = t.open({ create: false });
      expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      const rs = listResponses(s, "minimal");
      expect(rs).toEqual(written);
      expect(rs[0]!.answers["image.welcoming"]).toBe("1");
      expect(rs[0]!.answers.likes).toBeNull();
      // Every answer keeps its time and change count; the slots come in id order.
      const at = written[0]!.submittedAt!;
      expect(answerParadata(s, written[0]!.id)).toEqual(
        Object.keys(written[0]!.answers)
          .sort()
          .map((slotId) => {
            const [answeredAt, changeCount] = OLD_TIMES[slotId] ?? [at, 0];
            return { slotId, answeredAt, changeCount };
          }),
      );
      expect(answerParadata(s, written[1]!.id)).toEqual([]);
      expect(listSessions(s).map((x) => x.name)).toEqual(["Itäkeskus"]);
      const health = checkStore(s);
      expect(health.changedOutside).toEqual([]);
      // The answer codes are built for the rows already there, and say what their answers say.
      expect(s.db.prepare("SELECT count(*) FROM responses WHERE codes IS NOT NULL").pluck().get()).toBe(2);
      expect(health.codesOutOfStep).toEqual([]);
      expect(health.counts).toMatchObject({ responses: 2, answers: Object.keys(written[0]!.answers).length });
      // The partial response goes on in the new layout, and a changed answer counts once more.
      saveAnswer(s, written[1]!.id, "visit_freq", "weekly", new Date("2025-03-14T09:06:00Z"));
      saveAnswer(s, written[1]!.id, "image.welcoming", "2", new Date("2025-03-14T09:06:10Z"));
      saveAnswer(s, written[1]!.id, "image.welcoming", "3", new Date("2025-03-14T09:06:20Z"));
      expect(getResponse(s, written[1]!.id)?.answers).toEqual({
        "image.welcoming": "3",
        visit_freq: "weekly",
      });
      expect(answerParadata(s, written[1]!.id)).toEqual([
        { slotId: "image.welcoming", answeredAt: "2025-03-14T09:06:20.000Z", changeCount: 1 },
        { slotId: "visit_freq", answeredAt: "2025-03-14T09:06:00.000Z", changeCount: 0 },
      ]);
      expect(checkStore(s).ok).toBe(true);
      s.close();
      const fresh = tempStore("fresh.db");
      try {
        fresh.open().close();
        const schema = describeSchema(fresh.path);
        // Every table's columns and indexes, and on PostgreSQL its constraints too.
        expect(schema.length).toBeGreaterThan(currentBackend() === "postgres" ? 80 : 15);
        expect(describeSchema(t.path)).toEqual(schema);
      } finally {
        fresh.cleanup();
      }
    });
  }

  // SQLite: each step is a transaction of its own, and a full disk (max_page_count) stops step 7.
  if (currentBackend() === "sqlite")
    it("leave the older schema whole when a step fails half way (a full disk while building the codes)", () => {
      t = tempStore();
      olderStore(t.path, 6);
      const db = new Database(t.path);
      // Enough rows that writing their codes needs new pages, and no room for a single one.
      const copy = db.prepare(
        `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain, started_at,
           submitted_at, status, content_hash, updated_at, answers, paradata)
         SELECT ? || substr(id, 9), survey_hash, survey_id, session_id, wave, source, language, plain, started_at,
           submitted_at, status, content_hash, updated_at, answers, paradata FROM responses WHERE rid = 1`,
      );
      for (let i = 0; i < 400; i++) copy.run(String(i).padStart(8, "a"));
      db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
      expect(() => migrate(db)).toThrow(/full/i);
      expect(db.pragma("user_version", { simple: true })).toBe(6);
      const columns = (db.pragma("table_info(responses)") as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain("codes");
      db.close();
      const s = t.open({ create: false });
      expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      expect(s.db.prepare("SELECT count(*) FROM responses WHERE codes IS NOT NULL").pluck().get()).toBe(402);
      expect(checkStore(s).ok).toBe(true);
    });

  // PostgreSQL: every missing step runs in one transaction under the advisory lock.
  if (currentBackend() === "postgres")
    it("leave the older schema whole when a step fails half way (after its ALTER TABLE, building the codes)", () => {
      t = tempStore();
      olderStore(t.path, 6);
      const last = MIGRATIONS.at(-1)!;
      const failing = [
        ...MIGRATIONS.slice(0, -1),
        {
          ...last,
          run: (db: Parameters<NonNullable<typeof last.run>>[0]) => {
            last.run?.(db);
            throw new Error("the server stopped answering");
          },
        },
      ];
      expect(() => openPg(t.path, { create: true }, failing)).toThrow(/stopped answering/);
      const raw = storeAtVersion(t.path, 6);
      expect(storedVersion(raw)).toBe(6);
      const columns = raw
        .prepare(
          "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'responses'",
        )
        .pluck()
        .all();
      expect(columns).not.toContain("codes");
      raw.close();
      const s = t.open({ create: false });
      expect(storedVersion(s.db)).toBe(SCHEMA_VERSION);
      expect(s.db.prepare("SELECT count(*) FROM responses WHERE codes IS NOT NULL").pluck().get()).toBe(2);
      expect(checkStore(s).ok).toBe(true);
    });

  it("upgrade an older store opened for reading, when it may be written", () => {
    t = tempStore();
    olderStore(t.path, first);
    const s = openStore(t.path, { readonly: true });
    expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    s.close();
  });

  it("are applied once when two connections open a new store at the same time", () => {
    t = tempStore();
    const a = t.open();
    const b = t.open();
    if (a.db instanceof PgConnection && b.db instanceof PgConnection) {
      expect(migratePg(a.db, a.path, MIGRATIONS)).toBe(SCHEMA_VERSION);
      expect(migratePg(b.db, b.path, MIGRATIONS)).toBe(SCHEMA_VERSION);
      expect(a.db.prepare("SELECT version FROM kuulo_schema ORDER BY version").pluck().all()).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
    } else {
      expect(migrate(a.db)).toEqual([]);
      expect(migrate(b.db)).toEqual([]);
    }
  });
});
