// Reading a database from a folder that cannot be written (a write-protected USB stick, a
// read-only share): the open mode chosen, the answers still in a -wal file, nothing left beside.
// On PostgreSQL (store-read-only.pg.test.ts), a role that may only read stands for the folder.
// A folder with no write bits counts as read-only even for root, so these run in CI as root too.
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import {
  checkStore,
  countResponses,
  openStore,
  registerSurvey,
  saveResponses,
} from "../../src/store/index.js";
import { readOnlyName } from "../../src/store/store-file.js";
import { tempDir } from "../helpers/cli.js";
import { rawConnection, refusal, storeAtVersion } from "../helpers/store-backend.js";
import { currentBackend, minimal, sampleResponse, tempStore } from "../helpers/store-data.js";

let tmp: ReturnType<typeof tempDir>;
const locked: string[] = [];
afterEach(() => {
  for (const d of locked.splice(0)) chmodSync(d, 0o755);
  tmp?.cleanup();
});

/** A store with `n` responses, closed cleanly (no -wal left), in its own folder. */
function storeIn(folder: string, n: number): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, "kuulo.db");
  const s = openStore(path, { create: true });
  const survey = minimal();
  registerSurvey(s, survey);
  saveResponses(
    s,
    Array.from({ length: n }, (_, i) => sampleResponse(survey, i)),
  );
  s.close();
  return path;
}

function lock(folder: string): void {
  chmodSync(folder, 0o555);
  locked.push(folder);
}

// SQLite only: these test the file, its -wal and -shm, and the folder they are in.
if (currentBackend() === "sqlite")
  describe("a database in a read-only folder", () => {
    it("is opened by its plain name where the folder may be written", () => {
      tmp = tempDir();
      const path = storeIn(join(tmp.dir, "rw"), 1);
      expect(readOnlyName(path)).toBe(path);
    });

    it("is opened immutable in a read-only folder, read whole, and leaves no -wal or -shm", () => {
      tmp = tempDir();
      const folder = join(tmp.dir, "stick");
      const path = storeIn(folder, 3);
      lock(folder);
      expect(readOnlyName(path)).toMatch(/^file:\/\/.*\/stick\/kuulo\.db\?immutable=1$/);
      const s = openStore(path, { readonly: true });
      expect(countResponses(s, undefined)).toBe(3);
      expect(s.db.pragma("integrity_check", { simple: true })).toBe("ok");
      s.close();
      expect(readdirSync(folder)).toEqual(["kuulo.db"]);
    });

    it("finds a folder name with spaces, # and % through the file URL", () => {
      tmp = tempDir();
      const folder = join(tmp.dir, "USB #1 100% kopio");
      const path = storeIn(folder, 2);
      lock(folder);
      const s = openStore(path, { readonly: true });
      expect(countResponses(s, undefined)).toBe(2);
      s.close();
      expect(readdirSync(folder)).toEqual(["kuulo.db"]);
    });

    it("reads the answers still in a copied -wal file when its -shm came along", () => {
      tmp = tempDir();
      const live = storeIn(join(tmp.dir, "kiosk"), 2);
      // A kiosk still running: its newest answers are in kuulo.db-wal, not yet in kuulo.db.
      const writer = new Database(live);
      writer.pragma("wal_autocheckpoint = 0");
      const s = openStore(live);
      const survey = minimal();
      saveResponses(s, [sampleResponse(survey, 5), sampleResponse(survey, 6)]);
      const folder = join(tmp.dir, "copy");
      mkdirSync(folder);
      for (const f of ["kuulo.db", "kuulo.db-wal", "kuulo.db-shm"])
        copyFileSync(join(tmp.dir, "kiosk", f), join(folder, f));
      s.close();
      writer.close();
      lock(folder);
      const path = join(folder, "kuulo.db");
      expect(readOnlyName(path)).toMatch(/\?mode=ro$/);
      const ro = openStore(path, { readonly: true });
      expect(countResponses(ro, undefined)).toBe(4);
      ro.close();
      expect(readdirSync(folder).sort()).toEqual(["kuulo.db", "kuulo.db-shm", "kuulo.db-wal"]);
    });

    it("refuses, with what to do, a -wal file with answers but no -shm (immutable would miss them)", () => {
      tmp = tempDir();
      const live = storeIn(join(tmp.dir, "kiosk"), 1);
      const writer = new Database(live);
      writer.pragma("wal_autocheckpoint = 0");
      const s = openStore(live);
      saveResponses(s, [sampleResponse(minimal(), 7)]);
      const folder = join(tmp.dir, "copy");
      mkdirSync(folder);
      for (const f of ["kuulo.db", "kuulo.db-wal"]) copyFileSync(join(tmp.dir, "kiosk", f), join(folder, f));
      s.close();
      writer.close();
      lock(folder);
      const error = refusal(() => openStore(join(folder, "kuulo.db"), { readonly: true }));
      expect(error).toMatchObject({ code: "STORE_READ_ONLY_WAL", exitCode: 74 });
      expect(error.hint).toContain("kuulo.db-wal");
      expect(readdirSync(folder).sort()).toEqual(["kuulo.db", "kuulo.db-wal"]);
    });
  });

// A server has no folder to protect: what stands for a read-only folder there is a role that may
// only read (a reporting account, say).
if (currentBackend() === "postgres")
  describe("a PostgreSQL schema opened by a role that may only read", () => {
    it("is read and checked as it is; an older one it cannot upgrade is refused with what to do", () => {
      const t = tempStore();
      const role = `reader_${process.pid}`;
      const admin = rawConnection(t.path);
      try {
        storeAtVersion(t.path, 6).close();
        const schema = /schema=(\w+)/.exec(t.path)![1]!;
        admin.exec(`DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN;
          GRANT USAGE ON SCHEMA ${schema} TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA ${schema} TO ${role};
          ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT ON TABLES TO ${role}`);
        const asReader = t.path.replace("postgres://postgres@", `postgres://${role}@`);
        const older = refusal(() => openStore(asReader, { readonly: true }));
        expect(older).toMatchObject({ code: "STORE_NEEDS_UPGRADE", exitCode: 74 });
        expect(older.message).toMatch(/older Kuulo \(database version 6; this Kuulo uses \d+\)/);
        expect(older.hint).toMatch(/as the admin role/);
        // The admin's first command upgrades it; the reader then reads and checks it, and cannot write.
        const s = t.open({ create: false });
        registerSurvey(s, minimal());
        saveResponses(s, [sampleResponse(minimal(), 1)]);
        const r = openStore(asReader, { readonly: true });
        try {
          expect(countResponses(r, undefined)).toBe(1);
          expect(checkStore(r).ok).toBe(true);
          expect(refusal(() => registerSurvey(r, { ...minimal(), hash: "f".repeat(64) })).exitCode).toBe(74);
        } finally {
          r.close();
        }
      } finally {
        admin.exec(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
        admin.close();
        t.cleanup();
      }
    });
  });
