// Opening stores: every store that must be refused with a clear KuuloError (none there yet,
// another program's tables, a newer Kuulo, a write through a read-only open) instead of a stack
// trace, on both backends (store-open.pg.test.ts); and for a file, its settings and the files that
// must be refused (not a database, read-only, no folder, full disk).
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  createResponse,
  getResponse,
  listSurveys,
  openStore,
  registerSurvey,
  SCHEMA_VERSION,
  saveAnswer,
} from "../../src/store/index.js";
import { APPLICATION_ID } from "../../src/store/migrations.js";
import { rawConnection, refusal, setStoredVersion, storedVersion } from "../helpers/store-backend.js";
import { currentBackend, minimal, tempStore } from "../helpers/store-data.js";

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.cleanup());

/** The same store under another schema name (PostgreSQL); unchanged for a file. */
const otherSchema = (path: string, name: string) => path.replace(/schema=\w+/, `schema=${name}`);

describe("openStore", () => {
  it("does not create a store without create (exit 66, says where it looked)", () => {
    t = tempStore();
    const e = refusal(() => openStore(t.path, {}));
    expect(e.code).toBe("STORE_NOT_FOUND");
    expect(e.exitCode).toBe(66);
    if (currentBackend() === "sqlite") {
      expect(e.message).toContain(t.path);
      expect(existsSync(t.path)).toBe(false);
    } else {
      const schema = /schema=(\w+)/.exec(t.path)![1]!;
      expect(e.message).toContain(`There is no schema ${schema}`);
      // Nor the schema: asking again finds no schema either.
      expect(refusal(() => openStore(t.path, { readonly: true })).message).toContain(
        `There is no schema ${schema}`,
      );
    }
  });

  it("refuses a store holding another program's tables, and leaves them as they were", () => {
    t = tempStore();
    const path = otherSchema(t.path, `other_${process.pid}`);
    const other = rawConnection(path);
    other.exec("CREATE TABLE contacts (name TEXT)");
    other.close();
    const e = refusal(() => openStore(path, { create: true }));
    expect(e.code).toBe("STORE_NOT_DATABASE");
    expect(e.exitCode).toBe(74);
    expect(e.message).toMatch(/another program/);
    const check = rawConnection(path);
    expect(check.prepare("SELECT count(*) FROM contacts").pluck().get()).toBe(0);
    check.close();
  });

  it("refuses a store from a newer Kuulo, saying to update, without changing it", () => {
    t = tempStore();
    t.open().close();
    const raw = rawConnection(t.path);
    setStoredVersion(raw, SCHEMA_VERSION + 1);
    raw.close();
    const e = refusal(() => openStore(t.path, { create: true }));
    expect(e.code).toBe("STORE_TOO_NEW");
    expect(e.exitCode).toBe(74);
    expect(e.hint).toMatch(/Update Kuulo/);
    expect(refusal(() => openStore(t.path, { readonly: true })).code).toBe("STORE_TOO_NEW");
    const check = rawConnection(t.path);
    expect(storedVersion(check)).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it("maps a write through a read-only connection to STORE_READ_ONLY, and writes nothing", () => {
    t = tempStore();
    t.open().close();
    const ro = t.open({ readonly: true });
    const e = refusal(() => registerSurvey(ro, minimal()));
    expect(e.code).toBe("STORE_READ_ONLY");
    expect(e.exitCode).toBe(74);
    expect(listSurveys(t.open())).toEqual([]);
  });
});

// SQLite only: these test the file itself (its mode, journal and settings, the folder it is in,
// bytes that are not a database, its permissions, a disk filled by max_page_count). A PostgreSQL
// store has no file; the server keeps its own files, settings and disk.
if (currentBackend() === "sqlite")
  describe("openStore on a database file", () => {
    it("creates a new file 0600 with WAL, synchronous=FULL, foreign keys and a busy timeout", () => {
      t = tempStore();
      const s = t.open({ create: true });
      expect(statSync(t.path).mode & 0o777).toBe(0o600);
      expect(s.db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(s.db.pragma("synchronous", { simple: true })).toBe(2);
      expect(s.db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(s.db.pragma("busy_timeout", { simple: true })).toBe(5000);
      expect(s.db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
      expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    });

    it("gives the WAL files the database's 0600 too", () => {
      t = tempStore();
      const s = t.open({ create: true });
      registerSurvey(s, minimal());
      expect(statSync(`${t.path}-wal`).mode & 0o777).toBe(0o600);
    });

    it("refuses a file that is not SQLite (74) and leaves it unchanged", () => {
      t = tempStore();
      writeFileSync(t.path, "response_id;visit_freq\n1;weekly\n");
      const e = refusal(() => openStore(t.path, { create: true }));
      expect(e.code).toBe("STORE_NOT_DATABASE");
      expect(e.exitCode).toBe(74);
      expect(e.hint).toMatch(/--db/);
    });

    it("refuses to write to a read-only file but reads it", () => {
      t = tempStore();
      const s = t.open();
      registerSurvey(s, minimal());
      s.close();
      chmodSync(t.path, 0o444);
      const e = refusal(() => openStore(t.path, { create: true }));
      expect(e.code).toBe("STORE_READ_ONLY");
      expect(e.exitCode).toBe(74);
      const ro = t.open({ readonly: true });
      expect(ro.readonly).toBe(true);
    });

    it("says to create the folder when it is missing", () => {
      t = tempStore();
      const path = join(t.dir, "no", "such", "kuulo.db");
      const e = refusal(() => openStore(path, { create: true }));
      expect(e.code).toBe("STORE_NO_DIRECTORY");
      expect(e.exitCode).toBe(74);
      expect(e.hint).toContain("mkdir");
    });

    it("refuses a folder given as the database", () => {
      t = tempStore();
      mkdirSync(t.path);
      expect(refusal(() => openStore(t.path, { create: true })).code).toBe("STORE_NOT_DATABASE");
    });

    it("reports a full disk as STORE_DISK_FULL and keeps what was saved before", () => {
      t = tempStore();
      const survey = minimal();
      const s = t.open({ create: true });
      const r = createResponse(s, {
        survey,
        source: "interactive",
        startedAt: new Date("2025-03-14T09:00:00Z"),
      });
      saveAnswer(s, r.id, "visit_freq", "weekly", new Date("2025-03-14T09:00:10Z"));
      s.close();
      const pages = statSync(t.path).size / 4096;
      const full = t.open({ create: true, maxPageCount: Math.ceil(pages) + 1 });
      const e = refusal(() => {
        for (let i = 0; i < 200; i++) saveAnswer(full, r.id, "wishes", "x".repeat(20000) + i, new Date());
      });
      expect(e.code).toBe("STORE_DISK_FULL");
      expect(e.exitCode).toBe(74);
      full.close();
      const again = t.open({ readonly: true });
      expect(getResponse(again, r.id)?.answers.visit_freq).toBe("weekly");
    });

    it("upgrades an empty file on a read-only open when the file may be written", () => {
      t = tempStore();
      writeFileSync(t.path, "");
      const s = t.open({ readonly: true });
      expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    });
  });
