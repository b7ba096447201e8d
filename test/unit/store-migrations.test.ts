// Schema migrations: from an empty file and from every earlier version, with data written at
// that version surviving, and the result identical to a database created new.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { listResponses, listSessions, openStore, SCHEMA_VERSION } from "../../src/store/index.js";
import { APPLICATION_ID, MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.cleanup());

function schemaOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY name").all() as {
    sql: string | null;
  }[];
  db.close();
  return rows.map((r) => JSON.stringify(r));
}

/** A database stopped at `version`, holding one survey, one session and one response (v1 tables). */
function olderStore(path: string, version: number): void {
  const db = new Database(path);
  migrate(db, version);
  const survey = minimal();
  const r = sampleResponse(survey, 0);
  db.prepare("INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?)").run(
    survey.hash,
    survey.id,
    JSON.stringify(survey),
    "2025-03-01T00:00:00.000Z",
  );
  db.prepare(
    "INSERT INTO sessions (id, name, wave, status, created_at) VALUES ('s1', 'Itäkeskus', 'baseline', 'open', ?)",
  ).run("2025-03-01T00:00:00.000Z");
  const { rid } = db
    .prepare(
      `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain, started_at, submitted_at, status, content_hash, updated_at)
       VALUES (?, ?, ?, 's1', 'baseline', 'paper', 'fi', 0, ?, ?, 'complete', 'x', ?) RETURNING rid`,
    )
    .get(r.id, survey.hash, survey.id, r.startedAt, r.submittedAt, r.startedAt) as { rid: number };
  db.prepare(
    "INSERT INTO answers (response_rid, slot_id, value, answered_at) VALUES (?, 'visit_freq', '\"weekly\"', ?)",
  ).run(rid, r.startedAt);
  db.close();
}

describe("migrations", () => {
  it("are numbered 1, 2, 3 … without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("build the whole schema from an empty file and mark it as Kuulo's", () => {
    t = tempStore();
    const s = t.open();
    expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    const tables = s.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      "answers",
      "conflicts",
      "import_rows",
      "imports",
      "meta",
      "responses",
      "sessions",
      "surveys",
    ]);
  });

  for (const from of MIGRATIONS.slice(0, -1).map((m) => m.version)) {
    it(`upgrade a version-${from} database, keeping its data, to the same schema as a new one`, () => {
      t = tempStore();
      olderStore(t.path, from);
      const s = t.open({ create: false });
      expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
      const rs = listResponses(s, "minimal");
      expect(rs).toHaveLength(1);
      expect(rs[0]!.answers).toEqual({ visit_freq: "weekly" });
      expect(listSessions(s).map((x) => x.name)).toEqual(["Itäkeskus"]);
      s.close();
      const fresh = tempStore("fresh.db");
      try {
        fresh.open().close();
        expect(schemaOf(t.path)).toEqual(schemaOf(fresh.path));
      } finally {
        fresh.cleanup();
      }
    });
  }

  it("upgrade an older file opened for reading, when it may be written", () => {
    t = tempStore();
    olderStore(t.path, 1);
    const s = openStore(t.path, { readonly: true });
    expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    s.close();
  });

  it("are applied once when two connections open a new file at the same time", () => {
    t = tempStore();
    const a = t.open();
    const b = t.open();
    expect(migrate(a.db)).toEqual([]);
    expect(migrate(b.db)).toEqual([]);
  });
});
