#!/usr/bin/env node
// `kuulo report SURVEY --format json` as a whole command, from a database file and from the same
// responses in PostgreSQL, alternated in one run (and, given two builds, both builds alternated):
// wall time, Kuulo's CPU time (user + system), its peak memory, and the server's CPU time over the
// run (the postmaster's and all its processes', ended ones included). Each run starts with an
// empty publication ledger, as a survey's first report does. Checks that every JSON is the same,
// byte for byte. Linux only (/proc, /usr/bin/time).
//
//   node scripts/bench-report-pg.mjs --file bench/out/report-100000.db \
//     --pg "postgres://postgres@/kuulo?host=/tmp/pg&port=5432" --schema r100k --pgdata /tmp/pg/data \
//     [--bin bin/kuulo.js[,/tmp/before/bin/kuulo.js]] [--survey welcome-baseline] [--runs 3] \
//     [--psql /usr/lib/postgresql/15/bin/psql] [--out bench/out]
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const FILE = opt("--file");
const PG = opt("--pg");
const SCHEMA = opt("--schema");
const PGDATA = opt("--pgdata");
if (!FILE || !PG || !SCHEMA || !PGDATA) {
  console.error("Give --file DB --pg URL --schema NAME --pgdata DIR (see the comment at the top).");
  process.exit(2);
}
const BINS = opt("--bin", "bin/kuulo.js")
  .split(",")
  .map((b) => resolve(b));
const SURVEY = opt("--survey", "welcome-baseline");
const RUNS = Number(opt("--runs", "3"));
const PSQL = opt("--psql", "/usr/lib/postgresql/15/bin/psql");
const OUT = resolve(opt("--out", "bench/out"));
const TICK = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU seconds of the server so far: the postmaster, its live processes, and those that ended. */
function serverCpu() {
  const postmaster = Number(readFileSync(join(PGDATA, "postmaster.pid"), "utf8").split("\n")[0]);
  const fields = (pid) => {
    try {
      const s = readFileSync(`/proc/${pid}/stat`, "utf8");
      return s.slice(s.lastIndexOf(")") + 2).split(" ");
    } catch {
      return undefined; // ended between the listing and the read
    }
  };
  let ticks = 0;
  const own = fields(postmaster);
  // utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after the name.
  ticks += Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const f = fields(name);
    if (f && Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / TICK;
}

function emptyLedger(db) {
  const sql = "DELETE FROM release_responses; DELETE FROM releases;";
  if (db === "file") execFileSync("sqlite3", [FILE, sql]);
  else
    execFileSync(PSQL, [PG.replace(/\?.*/, ""), "-qc", `SET search_path TO ${SCHEMA}; ${sql}`], {
      env: { ...process.env, ...pgEnv() },
    });
}

/** host and port of the URL's query, for psql. */
function pgEnv() {
  const q = new URLSearchParams(PG.split("?")[1] ?? "");
  return {
    ...(q.get("host") ? { PGHOST: q.get("host") } : {}),
    ...(q.get("port") ? { PGPORT: q.get("port") } : {}),
  };
}

function runOnce(bin, db, tag) {
  emptyLedger(db);
  const out = join(OUT, `bench-pg-${tag}.json`);
  const where = db === "file" ? ["--db", FILE] : ["--db", PG, "--schema", SCHEMA];
  const server0 = serverCpu();
  const r = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "%e %U %S %M",
      process.execPath,
      "--max-old-space-size=16000",
      bin,
      "report",
      SURVEY,
      "--format",
      "json",
      ...where,
    ],
    { encoding: "buffer", maxBuffer: 1 << 30 },
  );
  const server = serverCpu() - server0;
  const stderr = r.stderr.toString();
  if (r.status !== 0) throw new Error(`${tag} failed (${r.status}): ${stderr}`);
  writeFileSync(out, r.stdout);
  const [wall, user, sys, kb] = stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: user + sys, mb: kb / 1024, server, json: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const results = new Map();
let first;
console.log(`load before: ${load()}`);
for (let run = 1; run <= RUNS; run++) {
  for (const [b, bin] of BINS.entries()) {
    for (const db of ["file", "postgres"]) {
      const tag = `${BINS.length > 1 ? `build${b + 1}-` : ""}${db}`;
      const r = runOnce(bin, db, tag);
      first ??= r.json;
      const same = Buffer.compare(first, r.json) === 0;
      console.log(
        `run ${run} ${tag.padEnd(16)} wall ${r.wall.toFixed(2)} s  cpu ${r.cpu.toFixed(2)} s  peak ${r.mb.toFixed(0)} MB  server cpu ${r.server.toFixed(2)} s  json ${same ? "same" : "DIFFERS"}  load ${load()}`,
      );
      if (!same) process.exitCode = 1;
      if (!results.has(tag)) results.set(tag, []);
      results.get(tag).push(r);
    }
  }
}
console.log(`medians of ${RUNS}:`);
for (const [tag, rs] of results)
  console.log(
    `  ${tag.padEnd(16)} wall ${median(rs.map((r) => r.wall)).toFixed(2)} s  cpu ${median(rs.map((r) => r.cpu)).toFixed(2)} s  peak ${median(rs.map((r) => r.mb)).toFixed(0)} MB  server cpu ${median(rs.map((r) => r.server)).toFixed(2)} s`,
  );
console.log(`load after: ${load()}`);
