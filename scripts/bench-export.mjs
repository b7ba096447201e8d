#!/usr/bin/env node
// Benchmark of `kuulo export --format csv` (npm run bench:export). Builds a store of synthetic
// paper forms for the bundled baseline survey (the import benchmark's generator, then
// `kuulo import`), then times in one hyperfine run, alternated: the export of the built binary,
// the anchor (pandas reading that CSV and writing it again: read_csv + to_csv) and, with
// --baseline DIR, the export of another build (a copy of the repository with its own dist/).
// Prints medians of wall time and CPU time (user + system), the ratio to pandas and peak memory.
// Nothing here is committed output; the store is kept in bench/out/ (git-ignored) for reruns.
//
//   node scripts/bench-export.mjs [--sizes 100000] [--runs 5] [--baseline DIR]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin/kuulo.js");
const SURVEY = join(ROOT, "surveys/welcome-baseline.yaml");
const PY = "/usr/bin/python3";
const OUT = join(ROOT, "bench/out");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt("--sizes", "100000").split(",").map(Number);
const RUNS = Number(opt("--runs", "5"));
const BASELINE = opt("--baseline");

if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
  console.log("Building (npm run build)…");
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}
const hasPandas = spawnSync(PY, ["-c", "import pandas"]).status === 0;
if (!hasPandas)
  console.log("pandas is not installed (apt-get install -y python3-pandas): its anchor is skipped.");

const PANDAS = `
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
df.to_csv(sys.argv[2], index=False)
`;

/** A store with `n` imported paper forms, made once and kept in bench/out/. */
function storeOf(n) {
  mkdirSync(OUT, { recursive: true });
  const db = join(OUT, `export-${n}.db`);
  if (existsSync(db)) return db;
  const csv = join(OUT, `export-forms-${n}.csv`);
  console.log(`Making a store of ${n} responses (${db})…`);
  execFileSync(process.execPath, [join(ROOT, "scripts/bench-import.mjs"), "--generate", csv, String(n)], {
    stdio: "inherit",
  });
  // Made under another name and renamed when whole: an interrupted run leaves no half store.
  execFileSync(process.execPath, [BIN, "import", SURVEY, csv, "--db", `${db}.tmp`], { stdio: "ignore" });
  renameSync(`${db}.tmp`, db);
  rmSync(csv);
  return db;
}

/** Peak resident memory of one run, in MB (GNU time), or NaN without it. */
function peakMb(command) {
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "bash", "-c", command], { encoding: "utf8" });
  const kb = Number(r.stderr.trim().split("\n").at(-1));
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : Number.NaN;
}

const work = mkdtempSync(join(tmpdir(), "kuulo-bench-export-"));
const py = join(work, "anchor.py");
writeFileSync(py, PANDAS);
console.log(
  `Kuulo export benchmark · ${RUNS} runs each, alternated in one hyperfine run · work dir ${work}\n`,
);
const rows = [];
try {
  for (const n of SIZES) {
    const db = storeOf(n);
    const out = (tag) => join(work, `${tag}-${n}.csv`);
    const exportOf = (bin, tag) =>
      `${process.execPath} ${bin} export welcome-baseline --db ${db} --out ${out(tag)} --force > /dev/null 2>&1`;
    const commands = [exportOf(BIN, "kuulo")];
    if (BASELINE) commands.push(exportOf(join(resolve(BASELINE), "bin/kuulo.js"), "baseline"));
    // pandas reads the export this very run writes (the first command runs before it).
    execFileSync("bash", ["-c", commands[0]]);
    if (hasPandas) commands.push(`${PY} ${py} ${out("kuulo")} ${join(work, `pandas-${n}.csv`)}`);
    const json = join(work, `hf-${n}.json`);
    const hf = spawnSync(
      "hyperfine",
      ["--runs", String(RUNS), "--export-json", json, "--style", "none", "--shell", "bash", ...commands],
      { encoding: "utf8" },
    );
    if (hf.status !== 0) throw new Error(`hyperfine failed: ${hf.stderr}\n${hf.stdout}`);
    const results = JSON.parse(readFileSync(json, "utf8")).results.map((x) => ({
      wall: x.median,
      cpu: x.user + x.system,
    }));
    const own = results[0];
    const base = BASELINE ? results[1] : undefined;
    const pandas = hasPandas ? results.at(-1) : undefined;
    if (BASELINE && readFileSync(out("kuulo"), "utf8") !== readFileSync(out("baseline"), "utf8"))
      throw new Error("the baseline's export differs from this build's");
    const row = {
      n,
      own,
      base,
      pandas,
      rss: peakMb(commands[0]),
      baseRss: BASELINE ? peakMb(commands[1]) : Number.NaN,
    };
    rows.push(row);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const f = (x) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(2));
const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`Load average after the runs: ${load}\n`);
console.log(
  "| responses | export wall (s) | export CPU (s) | peak RSS (MB) | pandas read+to_csv wall (s) | pandas CPU (s) | export ÷ pandas (wall) | export ÷ pandas (CPU) |" +
    (BASELINE ? " baseline wall (s) | baseline CPU (s) | baseline peak RSS (MB) |" : ""),
);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|${BASELINE ? "---:|---:|---:|" : ""}`);
for (const r of rows)
  console.log(
    `| ${r.n} | ${f(r.own.wall)} | ${f(r.own.cpu)} | ${r.rss.toFixed(0)} | ${f(r.pandas?.wall)} | ${f(r.pandas?.cpu)} | ${r.pandas ? f(r.own.wall / r.pandas.wall) : "–"} | ${r.pandas ? f(r.own.cpu / r.pandas.cpu) : "–"} |` +
      (BASELINE ? ` ${f(r.base.wall)} | ${f(r.base.cpu)} | ${r.baseRss.toFixed(0)} |` : ""),
  );
const last = rows.at(-1);
if (last?.pandas)
  console.log(
    `\nTarget: export CSV ≤ 1.5× pandas' read + to_csv: ${last.own.wall / last.pandas.wall <= 1.5 ? "met" : "NOT met"} (${f(last.own.wall / last.pandas.wall)}× wall, ${f(last.own.cpu / last.pandas.cpu)}× CPU at ${last.n}).`,
  );
