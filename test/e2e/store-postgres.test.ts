// Every data command through the built binary against PostgreSQL (the test run's throw-away
// cluster, one schema per test), 20 kiosk processes and 2 imports at once, and the faults: the
// server stopped mid-import, a wrong password, a host that does not answer.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countResponses, listResponses, openStore } from "../../src/store/index.js";
import { BIN, ROOT, runBin, tempDir } from "../helpers/cli.js";
import {
  type PgCluster,
  removeCluster,
  startAgain,
  startCluster,
  stopCluster,
  TEST_PASSWORD,
} from "../helpers/pg-cluster.js";
import { MINIMAL_PATH, PG_URL, pgStoreUrl } from "../helpers/store-data.js";

const tmp = tempDir("kuulo-pg-e2e-");
afterAll(() => tmp.cleanup());
const BASELINE = join(ROOT, "surveys/welcome-baseline.yaml");
const FOLLOWUP = join(ROOT, "surveys/welcome-followup.yaml");
const DEMO_BASE = join(ROOT, "fixtures/demo/baseline.csv");
const DEMO_FOLLOW = join(ROOT, "fixtures/demo/followup.csv");

function ok(args: string[], env: Record<string, string> = {}): string {
  const r = runBin(args, { cwd: tmp.dir, env });
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout;
}

function child(args: string[]): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: tmp.dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
}

function finished(c: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = "";
  let err = "";
  c.stdout!.on("data", (d) => (out += d));
  c.stderr!.on("data", (d) => (err += d));
  return new Promise((done) => c.on("close", (code) => done({ code, out, err })));
}

function count(url: string, filters = {}): number {
  const s = openStore(url, { readonly: true });
  try {
    return countResponses(s, undefined, filters);
  } finally {
    s.close();
  }
}

describe.skipIf(!PG_URL)("every command against PostgreSQL", () => {
  it("surveys, sessions, import, responses, export, report, releases, doctor, erasure, merge both ways", {
    timeout: 180_000,
  }, () => {
    const url = pgStoreUrl();
    const [base, schema] = url.split(/[?&]schema=/) as [string, string];
    const db = ["--db", base, "--schema", schema];
    expect(ok(["surveys", "add", BASELINE, FOLLOWUP, ...db])).toMatch(/added\s+welcome-baseline/);
    ok(["sessions", "create", "kevat-1", "--date", "2025-03-12", "--wave", "baseline", ...db]);
    // KUULO_DB and KUULO_SCHEMA work as --db and --schema do.
    const env = { KUULO_DB: base, KUULO_SCHEMA: schema };
    expect(ok(["sessions", "list"], env)).toMatch(/kevat-1/);
    expect(ok(["import", BASELINE, DEMO_BASE, "--session", "kevat-1", ...db])).toMatch(
      /Imported 62 response/,
    );
    expect(ok(["import", BASELINE, DEMO_BASE, "--session", "kevat-1", ...db])).toMatch(/Nothing new/);
    expect(ok(["import", FOLLOWUP, DEMO_FOLLOW, "--session", "syksy-1", ...db])).toMatch(
      /Imported 46 response/,
    );
    const answers = join(tmp.dir, "one.json");
    writeFileSync(
      answers,
      JSON.stringify({ language: "fi", answers: { visit_freq: "weekly", reader_identity: "regular" } }),
    );
    ok(["run", "welcome-baseline", "--answers", answers, "--session", "kevat-1", ...db]);
    expect(count(url)).toBe(62 + 46 + 1);

    const list = ok(["responses", "list", "welcome-baseline", ...db]);
    expect(list.trim().split("\n")).toHaveLength(1 + 63);
    const id = list.trim().split("\n")[1]!.split("\t")[0]!;
    expect(ok(["responses", "show", id.slice(-8), ...db])).toContain(id);

    const csv = join(tmp.dir, "export.csv");
    ok(["export", "welcome-baseline", "--out", csv, ...db]);
    const report = JSON.parse(ok(["report", "welcome-baseline", "--format", "json", ...db]));
    expect(report.survey.id).toBe("welcome-baseline");
    expect(ok(["releases", "list", ...db])).toMatch(/welcome-baseline\s+63/);
    expect(ok(["audit", "welcome-baseline", ...db])).not.toBe("");
    expect(ok(["doctor", ...db])).toMatch(/109 response\(s\)/);

    ok(["responses", "delete", id, "--yes", ...db]);
    expect(count(url)).toBe(108);
    expect(runBin(["responses", "show", id, ...db], { cwd: tmp.dir }).code).toBe(66);

    // Merge: the server's copy to a laptop file, and the laptop's new answers back, no duplicates.
    const laptop = join(tmp.dir, "laptop.db");
    expect(ok(["merge", url, "--into", laptop])).toMatch(/108 response\(s\) added/);
    writeFileSync(
      answers,
      JSON.stringify({ language: "fi", answers: { visit_freq: "never", reader_identity: "dk" } }),
    );
    ok(["run", "welcome-baseline", "--answers", answers, "--session", "kevat-1", "--db", laptop]);
    expect(ok(["merge", laptop, "--into", base, "--schema", schema])).toMatch(/1 response\(s\) added/);
    expect(ok(["merge", laptop, "--into", base, "--schema", schema])).toMatch(/0 response\(s\) added/);
    expect(count(url)).toBe(109);
  });

  it("refuses --schema with a database file (exit 2), and an unknown schema when only reading (exit 66)", () => {
    const file = runBin(["sessions", "list", "--db", join(tmp.dir, "x.db"), "--schema", "espoo"], {
      cwd: tmp.dir,
    });
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/--schema applies to a PostgreSQL database only/);
    const none = runBin(["sessions", "list", "--db", PG_URL!, "--schema", "ei_ole_olemassa"], {
      cwd: tmp.dir,
    });
    expect(none.code).toBe(66);
    expect(none.stderr).toMatch(/There is no schema ei_ole_olemassa/);
  });
});

describe.skipIf(!PG_URL)("20 kiosks and 2 imports at once", () => {
  it("lose nothing and double nothing", { timeout: 300_000 }, async () => {
    const url = pgStoreUrl();
    const [base, schema] = url.split(/[?&]schema=/) as [string, string];
    const KIOSKS = 20;
    const EACH = 15;
    const writer = join(ROOT, "test/helpers/store-writer.mjs");
    const started = Date.now();
    const kiosks = Array.from({ length: KIOSKS }, (_, k) =>
      finished(child([writer, "write", url, MINIMAL_PATH, String(EACH), `k${String(k).padStart(2, "0")}`])),
    );
    const imports = [
      finished(
        child([BIN, "import", BASELINE, DEMO_BASE, "--session", "a", "--db", base, "--schema", schema]),
      ),
      finished(
        child([BIN, "import", FOLLOWUP, DEMO_FOLLOW, "--session", "b", "--db", base, "--schema", schema]),
      ),
    ];
    const results = await Promise.all([...kiosks, ...imports]);
    const seconds = (Date.now() - started) / 1000;
    for (const r of results) expect(r.code, r.err).toBe(0);
    const s = openStore(url, { readonly: true });
    try {
      const minimal = listResponses(s, "minimal");
      expect(minimal).toHaveLength(KIOSKS * EACH);
      expect(new Set(minimal.map((r) => r.id)).size).toBe(KIOSKS * EACH);
      expect(minimal.every((r) => r.status === "complete" && Object.keys(r.answers).length === 2)).toBe(true);
      expect(countResponses(s, "welcome-baseline")).toBe(62);
      expect(countResponses(s, "welcome-followup")).toBe(46);
    } finally {
      s.close();
    }
    // For the README: how long 20 kiosks × 15 responses (4 writes each) and 2 imports took.
    console.log(
      `pg concurrency: ${KIOSKS}×${EACH} kiosk responses + 108 imported in ${seconds.toFixed(1)} s`,
    );
  });
});

describe.skipIf(!PG_URL)("roles (schema/postgres-roles.sql, as in the README)", () => {
  it("a kiosk adds answers to open sessions only and cannot read or delete sent answers; staff report but cannot erase", {
    timeout: 120_000,
  }, () => {
    const schema = `roles_${process.pid}`;
    const base = PG_URL!;
    const as = (role: string) => base.replace("postgres://postgres@", `postgres://${role}@`);
    const db = (role: string) => ["--db", as(role), "--schema", schema];
    ok(["surveys", "add", BASELINE, ...db("postgres")]);
    ok(["sessions", "create", "auki", ...db("postgres")]);
    ok(["sessions", "create", "kiinni", ...db("postgres")]);
    ok(["sessions", "close", "kiinni", ...db("postgres")]);
    ok(["import", BASELINE, DEMO_BASE, "--session", "auki", ...db("postgres")]);
    const sql = readFileSync(join(ROOT, "schema/postgres-roles.sql"), "utf8").replaceAll("espoo", schema);
    const file = join(tmp.dir, "roles.sql");
    writeFileSync(file, sql);
    execFileSync(join(process.env.KUULO_TEST_PG_BIN!, "psql"), [base, "-v", "ON_ERROR_STOP=1", "-qf", file]);
    // The README shows the same SQL.
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(
      readFileSync(join(ROOT, "schema/postgres-roles.sql"), "utf8").trim(),
    );

    const answers = join(tmp.dir, "kiosk.json");
    writeFileSync(
      answers,
      JSON.stringify({ language: "fi", answers: { visit_freq: "weekly", reader_identity: "regular" } }),
    );
    const kiosk = `${schema}_kiosk`;
    ok(["run", "welcome-baseline", "--answers", answers, "--session", "auki", ...db(kiosk)]);
    expect(
      runBin(["run", "welcome-baseline", "--answers", answers, "--session", "kiinni", ...db(kiosk)], {
        cwd: tmp.dir,
      }).code,
    ).toBe(2);
    // The 62 imported answers are not the kiosk's to read: it sees only its own, just sent.
    const seen = ok(["responses", "list", ...db(kiosk)]);
    expect(seen.trim().split("\n")).toHaveLength(2);
    expect(
      runBin(["report", "welcome-baseline", "--format", "json", ...db(kiosk)], { cwd: tmp.dir }).code,
    ).not.toBe(0);
    const id = ok(["responses", "list", ...db("postgres")])
      .trim()
      .split("\n")[1]!
      .split("\t")[0]!;
    const del = runBin(["responses", "delete", id, "--yes", ...db(kiosk)], { cwd: tmp.dir });
    expect(del.code).toBe(74);
    expect(del.stderr).toMatch(/STORE_PERMISSION/);

    const staff = `${schema}_staff`;
    expect(JSON.parse(ok(["report", "welcome-baseline", "--format", "json", ...db(staff)])).survey.id).toBe(
      "welcome-baseline",
    );
    expect(runBin(["responses", "delete", id, "--yes", ...db(staff)], { cwd: tmp.dir }).code).toBe(74);
    expect(count(`${base}&schema=${schema}`)).toBe(63);
    ok(["responses", "delete", id, "--yes", ...db("postgres")]);
    expect(count(`${base}&schema=${schema}`)).toBe(62);
  });
});

describe.skipIf(!PG_URL)("faults", () => {
  let own: PgCluster | undefined;
  afterAll(() => {
    if (own) removeCluster(own);
  });

  it("server stopped mid-import: nothing stored, exit 74 with a retry hint; the import works once it is back", {
    timeout: 180_000,
  }, async () => {
    // A cluster of this test's own: stopping the shared one would fail the tests beside it.
    own = await startCluster(process.env.KUULO_TEST_PG_BIN!);
    const url = `${own.url}&schema=faults`;
    const big = join(tmp.dir, "big.csv");
    execFileSync(process.execPath, [join(ROOT, "scripts/bench-import.mjs"), "--generate", big, "20000"]);
    ok(["surveys", "add", BASELINE, "--db", url]);
    const imp = child([BIN, "import", BASELINE, big, "--session", "iso", "--db", url]);
    const done = finished(imp);
    // Stop the server once the import is writing (its transaction is open, rows going in).
    await new Promise((r) => setTimeout(r, 2500));
    stopCluster(own, "immediate");
    const r = await done;
    startAgain(own);
    expect(r.code, r.out + r.err).toBe(74);
    expect(r.err).toMatch(/STORE_UNAVAILABLE/);
    expect(r.err).toMatch(/Nothing of the interrupted change was saved. Try again/);
    expect(r.err).not.toMatch(/\bat .*\.js:\d+:\d+/);
    expect(count(url)).toBe(0);
    const again = runBin(["import", BASELINE, big, "--session", "iso", "--db", url], {
      cwd: tmp.dir,
      timeout: 170_000,
    });
    expect(again.code, again.stderr).toBe(0);
    expect(count(url)).toBe(20000);
  });

  it("a wrong password or a host that does not answer: a clear message, exit 74, the password never shown", () => {
    const tcp = process.env.KUULO_TEST_PG_TCP!;
    const wrong = tcp.replace(TEST_PASSWORD, "Salainen-Vaara-42");
    const a = runBin(["sessions", "list", "--db", wrong], { cwd: tmp.dir });
    expect(a.code).toBe(74);
    expect(a.stderr).toMatch(/refused the user name or password/);
    expect(a.stderr + a.stdout).not.toContain("Salainen-Vaara-42");
    const port = Number(new URL(tcp).port) + 2;
    const gone = runBin(["sessions", "list", "--db", tcp.replace(/:\d+\//, `:${port}/`)], { cwd: tmp.dir });
    expect(gone.code).toBe(74);
    expect(gone.stderr).toMatch(/did not answer/);
    expect(gone.stderr + gone.stdout).not.toContain(TEST_PASSWORD);
    // A right password is not printed either, in what a command says it did.
    const answers = join(tmp.dir, "pw.json");
    writeFileSync(
      answers,
      JSON.stringify({ language: "fi", answers: { visit_freq: "weekly", reader_identity: "regular" } }),
    );
    const saved = runBin(["run", BASELINE, "--answers", answers, "--db", tcp, "--schema", "pw_run"], {
      cwd: tmp.dir,
    });
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/Saved: response .* in postgres:\/\/kuulo_pw:\*\*\*@127\.0\.0\.1/);
    expect(saved.stdout + saved.stderr).not.toContain(TEST_PASSWORD);
    // With KUULO_DEBUG the stack is printed too: still no password.
    const debug = runBin(["sessions", "list", "--db", wrong], { cwd: tmp.dir, env: { KUULO_DEBUG: "1" } });
    expect(debug.stderr + debug.stdout).not.toContain("Salainen-Vaara-42");
  });
});
