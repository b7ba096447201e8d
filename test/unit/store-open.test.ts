// Opening stores: settings on a new file, and every file that must be refused with a clear
// KuuloError (not a database, another program's SQLite, a newer Kuulo, read-only, no folder,
// full disk) instead of a stack trace.
import { chmodSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { KuuloError } from "../../src/errors.js";
import {
  createResponse,
  getResponse,
  openStore,
  registerSurvey,
  SCHEMA_VERSION,
  saveAnswer,
} from "../../src/store/index.js";
import { APPLICATION_ID } from "../../src/store/migrations.js";
import { minimal, tempStore } from "../helpers/store-data.js";

let t: ReturnType<typeof tempStore>;
afterEach(() => t?.cleanup());

function refusal(fn: () => unknown): KuuloError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KuuloError);
    return e as KuuloError;
  }
  throw new Error("expected a KuuloError");
}

describe("openStore", () => {
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

  it("does not create a file without create (exit 66, says where it looked)", () => {
    t = tempStore();
    const e = refusal(() => openStore(t.path, {}));
    expect(e.code).toBe("STORE_NOT_FOUND");
    expect(e.exitCode).toBe(66);
    expect(e.message).toContain(t.path);
    expect(() => statSync(t.path)).toThrow();
  });

  it("refuses a file that is not SQLite (74) and leaves it unchanged", () => {
    t = tempStore();
    writeFileSync(t.path, "response_id;visit_freq\n1;weekly\n");
    const e = refusal(() => openStore(t.path, { create: true }));
    expect(e.code).toBe("STORE_NOT_DATABASE");
    expect(e.exitCode).toBe(74);
    expect(e.hint).toMatch(/--db/);
  });

  it("refuses another program's SQLite database", () => {
    t = tempStore();
    const other = new Database(t.path);
    other.exec("CREATE TABLE contacts (name TEXT)");
    other.close();
    const e = refusal(() => openStore(t.path, { create: true }));
    expect(e.code).toBe("STORE_NOT_DATABASE");
    expect(e.message).toMatch(/another program/);
  });

  it("refuses a database from a newer Kuulo, saying to update, without changing it", () => {
    t = tempStore();
    t.open().close();
    const raw = new Database(t.path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const e = refusal(() => openStore(t.path, { create: true }));
    expect(e.code).toBe("STORE_TOO_NEW");
    expect(e.exitCode).toBe(74);
    expect(e.hint).toMatch(/Update Kuulo/);
    const check = new Database(t.path, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
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

  it("maps a write through a read-only connection to STORE_READ_ONLY", () => {
    t = tempStore();
    t.open().close();
    const ro = t.open({ readonly: true });
    const e = refusal(() => registerSurvey(ro, minimal()));
    expect(e.code).toBe("STORE_READ_ONLY");
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
