#!/usr/bin/env node
// Benchmark of `kuulo import` (npm run bench:import). Generates synthetic paper-form CSVs for the
// bundled baseline survey (10k, 100k, 1M rows, ~30 answer columns, quoted free text), times the
// end-to-end import of the built binary (parse, validate, store; median of 3 with hyperfine),
// reads its peak memory, and in the same run times the anchors: pandas read_csv + value_counts,
// csv-parse (objects and arrays) and Kuulo's own scanner alone. It times the whole import a
// second time with the CSV read by csv-parse instead of the scanner (scripts/csv-parse-scanner.mjs
// in place of the scanner, in a copy of dist/), both in one hyperfine run: what that choice would
// cost (README, "Built with"). Prints ratios. Then streams a ~1 GB file through the import to
// check the memory budget. Nothing here is committed output.
//
// With --baseline DIR (a copy of the repository with another build in its dist/), that build's
// import is timed in the same hyperfine run too, alternated with this one: before → after.
//
//   node scripts/bench-import.mjs [--sizes 10000,100000,1000000] [--runs 3] [--no-huge] [--no-variant] [--keep] [--baseline DIR]
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin/kuulo.js");
const SURVEY = join(ROOT, "surveys/welcome-baseline.yaml");
const PY = "/usr/bin/python3";
const MEMORY_BUDGET_MB = 300;

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt("--sizes", "10000,100000,1000000").split(",").map(Number);
const RUNS = Number(opt("--runs", "3"));
const HUGE = !args.includes("--no-huge");
// The 1 GB run checks streaming and memory; with --huge-store it also writes every row to SQLite
// (some 7 million responses, each one row with its answers as one JSON document: over ten minutes,
// and several GB of disk for the store and its write-ahead log).
const HUGE_STORE = args.includes("--huge-store");
const KEEP = args.includes("--keep");
const VARIANT = !args.includes("--no-variant");
const BASELINE = opt("--baseline");

if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
  console.log("Building (npm run build)…");
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
}
const { loadSurvey } = await import(join(ROOT, "dist/definition/load.js"));
const { surveySlots } = await import(join(ROOT, "dist/definition/answers.js"));
const { compileShowIf, evaluate } = await import(join(ROOT, "dist/definition/expr/index.js"));
const { CsvScanner } = await import(join(ROOT, "dist/import/csv-scanner.js"));

// ---------------------------------------------------------------- synthetic data
/** mulberry32: a small seeded generator, so every run writes the same files. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const survey = loadSurvey(SURVEY);
// ~30 answer columns: every slot but the "other" texts, the dot vote and the two long matrices.
const slots = surveySlots(survey).filter(
  (s) => !s.other && s.kind !== "allocation" && !/^(importance|performance)\./.test(s.id),
);
const HEADER = ["form_no", ...slots.map((s) => s.id)];
const TEXTS = [
  "Lisää selkokirjoja, kiitos",
  'Hiljainen tila olisi hyvä; nyt on "aika meluisaa"',
  "Pidemmät aukioloajat viikonloppuisin",
  "Apua työnhakuun ja CV:n tekoon",
  "Pelejä ja lautapeli-iltoja",
  "En tiedä, ehkä enemmän tapahtumia\nja kursseja",
];

function quote(v) {
  return /[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function makeRow(i, rnd) {
  const answers = {};
  const cells = [String(i + 1)];
  for (const slot of slots) {
    const q = slot.question;
    const shown = !q.showIf || evaluate(compileShowIf(q.showIf), answers);
    let cell = "";
    if (shown && (q.required || rnd() < 0.6)) {
      if (slot.kind === "choice") {
        const c = q.choices[Math.floor(rnd() * q.choices.length)].value;
        answers[slot.id] = c;
        cell = c;
      } else if (slot.kind === "choices") {
        const plain = q.choices.filter((c) => !q.exclusive?.includes(c.value) && c.value !== "other");
        const picked = plain.filter(() => rnd() < 0.1).map((c) => c.value);
        const list = picked.length > 0 ? picked : [q.choices[0].value];
        answers[slot.id] = list;
        cell = list.join("|");
      } else if (slot.kind === "ranking") {
        const pool = q.choices.map((c) => c.value);
        const list = [];
        while (list.length < Math.min(q.top, pool.length))
          list.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
        answers[slot.id] = list;
        cell = list.join("|");
      } else if (slot.kind === "number") {
        cell = String(Math.floor(rnd() * 50));
        answers[slot.id] = Number(cell);
      } else if (slot.kind === "text") {
        if (rnd() < 0.08) {
          cell = quote(`${TEXTS[Math.floor(rnd() * TEXTS.length)]} (${i % 97})`);
          answers[slot.id] = cell;
        }
      }
    }
    cells.push(cell);
  }
  return cells.join(";");
}

/** Rows are drawn from a pool of generated forms (each with its own form number): fast for 1 GB. */
const POOL_SIZE = 200_000;
let pool;

async function generate(path, rows, seed = 20250314) {
  if (!pool) {
    const rnd = prng(seed);
    pool = [];
    for (let i = 0; i < Math.min(POOL_SIZE, Math.max(rows, 1)); i++)
      pool.push(makeRow(i, rnd).replace(/^\d+;/, ""));
  }
  while (pool.length < Math.min(POOL_SIZE, rows)) {
    const rnd = prng(seed + pool.length);
    pool.push(makeRow(pool.length, rnd).replace(/^\d+;/, ""));
  }
  const out = createWriteStream(path);
  out.write(`${HEADER.join(";")}\r\n`);
  let buf = [];
  for (let i = 0; i < rows; i++) {
    buf.push(`${i + 1};${pool[i % pool.length]}`);
    if (buf.length === 5000) {
      if (!out.write(`${buf.join("\r\n")}\r\n`)) await new Promise((r) => out.once("drain", r));
      buf = [];
    }
  }
  if (buf.length) out.write(`${buf.join("\r\n")}\r\n`);
  await new Promise((r) => out.end(r));
  return statSync(path).size;
}

// ---------------------------------------------------------------- measuring
const pct = (a, b) => `${a >= b ? "+" : "−"}${Math.abs((a / b - 1) * 100).toFixed(1)} %`;

/**
 * Timed in one hyperfine run (the same machine state for each command): per command the median
 * wall time and the mean CPU time (user + system), which a busy machine disturbs far less.
 */
function hyperfineAll(name, commands, prepare) {
  const json = join(work, `hf-${name}.json`);
  const hfArgs = ["--runs", String(RUNS), "--export-json", json, "--style", "none", "--shell", "bash"];
  if (prepare) hfArgs.push("--prepare", prepare);
  const r = spawnSync("hyperfine", [...hfArgs, ...commands], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`hyperfine failed for ${name}: ${r.stderr}\n${r.stdout}`);
  return JSON.parse(readFileSync(json, "utf8")).results.map((x) => ({
    wall: x.median,
    cpu: x.user + x.system,
  }));
}

function hyperfine(name, command, prepare) {
  return hyperfineAll(name, [command], prepare)[0].wall;
}

/**
 * A copy of the built program whose CSV reading is csv-parse (scripts/csv-parse-scanner.mjs in
 * place of dist/import/csv-scanner.js); everything else is the same files, linked.
 */
function csvParseVariant() {
  const root = join(work, "variant");
  mkdirSync(root);
  for (const name of readdirSync(ROOT))
    if (name !== "dist" && name !== ".git") symlinkSync(join(ROOT, name), join(root, name));
  cpSync(join(ROOT, "dist"), join(root, "dist"), { recursive: true });
  writeFileSync(
    join(root, "dist/import/csv-scanner.js"),
    `export * from ${JSON.stringify(join(ROOT, "scripts/csv-parse-scanner.mjs"))};\n`,
  );
  return join(root, "bin/kuulo.js");
}

/** What an import says it did (its --json summary): both readers must import the same. */
function importOutcome(bin, file, db) {
  rmSync(db, { force: true });
  const r = spawnSync(process.execPath, [bin, "import", SURVEY, file, "--db", db, "--json"], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  rmSync(db, { force: true });
  return r.stdout;
}

function peakImportRss(file, db, extra = []) {
  rmSync(db, { force: true });
  const r = spawnSync(process.execPath, [BIN, "import", SURVEY, file, "--db", db, ...extra], {
    encoding: "utf8",
    env: { ...process.env, KUULO_REPORT_RSS: "1", NO_COLOR: "1" },
    maxBuffer: 1 << 26,
  });
  const m = /maxRSS (\d+) kB/.exec(r.stderr);
  if (r.status !== 0)
    throw new Error(`import failed (${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return { rssMb: m ? Number(m[1]) / 1024 : Number.NaN, stdout: r.stdout };
}

async function scannerOnly(file) {
  const t0 = performance.now();
  const s = new CsvScanner(";");
  let n = 0;
  const sink = () => n++;
  const dec = new TextDecoder();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    s.push(dec.decode(chunk, { stream: true }), sink);
  s.end(sink);
  return { seconds: (performance.now() - t0) / 1000, records: n };
}

async function csvParseOnly(file, columns) {
  const { parse } = await import("csv-parse");
  const t0 = performance.now();
  let n = 0;
  const parser = createReadStream(file).pipe(parse({ delimiter: ";", columns, relax_quotes: false }));
  for await (const _ of parser) n++;
  return { seconds: (performance.now() - t0) / 1000, records: n };
}

function pandasAvailable() {
  return spawnSync(PY, ["-c", "import pandas"], { encoding: "utf8" }).status === 0;
}

const PANDAS = `
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], sep=";", dtype=str)
for c in df.columns: df[c].value_counts()
`;

// ---------------------------------------------------------------- run
if (args.includes("--generate")) {
  // node scripts/bench-import.mjs --generate FILE ROWS: only write a synthetic file.
  const file = opt("--generate");
  const size = await generate(file, Number(args[args.indexOf("--generate") + 2] ?? 10000));
  console.log(`${file}: ${(size / 1e6).toFixed(1)} MB`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), "kuulo-bench-"));
const VARIANT_BIN = VARIANT ? csvParseVariant() : undefined;
const pyFile = join(work, "anchor.py");
await import("node:fs").then((fs) => fs.writeFileSync(pyFile, PANDAS));
const hasPandas = pandasAvailable();
if (!hasPandas)
  console.log("pandas is not installed (apt-get install -y python3-pandas): its anchor is skipped.");
console.log(
  `Kuulo import benchmark · ${HEADER.length - 1} answer columns · ${RUNS} runs each · work dir ${work}\n`,
);
const rows = [];
try {
  for (const n of SIZES) {
    const csv = join(work, `forms-${n}.csv`);
    const size = await generate(csv, n);
    const db = join(work, `bench-${n}.db`);
    // The timed runs also report their peak memory (KUULO_REPORT_RSS) into a file: no extra run.
    const rssLog = join(work, `rss-${n}.txt`);
    const importCmd = `KUULO_REPORT_RSS=1 ${process.execPath} ${BIN} import ${SURVEY} ${csv} --db ${db} > /dev/null 2>> ${rssLog}`;
    const prepare = `rm -f ${db} ${db}-wal ${db}-shm`;
    const commands = [importCmd];
    if (VARIANT_BIN) {
      if (importOutcome(BIN, csv, db) !== importOutcome(VARIANT_BIN, csv, db))
        throw new Error(`the csv-parse variant imports ${csv} differently from the scanner`);
      commands.push(`${process.execPath} ${VARIANT_BIN} import ${SURVEY} ${csv} --db ${db} > /dev/null`);
    }
    if (BASELINE)
      commands.push(
        `KUULO_REPORT_RSS=1 ${process.execPath} ${join(resolve(BASELINE), "bin/kuulo.js")} import ${SURVEY} ${csv} --db ${db} > /dev/null 2>> ${rssLog}.baseline`,
      );
    const timed = hyperfineAll(`import-${n}`, commands, prepare);
    const own = timed[0];
    const variant = VARIANT_BIN ? timed[1] : undefined;
    const baseline = BASELINE ? timed.at(-1) : undefined;
    const baselineRss = BASELINE
      ? Math.max(
          ...[...readFileSync(`${rssLog}.baseline`, "utf8").matchAll(/maxRSS (\d+) kB/g)].map(
            (m) => Number(m[1]) / 1024,
          ),
        )
      : Number.NaN;
    const tImport = own.wall;
    const rssMb = Math.max(
      ...[...readFileSync(rssLog, "utf8").matchAll(/maxRSS (\d+) kB/g)].map((m) => Number(m[1]) / 1024),
    );
    const tPandas = hasPandas ? hyperfine(`pandas-${n}`, `${PY} ${pyFile} ${csv}`) : Number.NaN;
    const scan = await scannerOnly(csv);
    const cpArrays = await csvParseOnly(csv, false);
    const cpObjects = await csvParseOnly(csv, true);
    rows.push({
      n,
      mb: size / 1e6,
      tImport,
      rssMb,
      tPandas,
      scan: scan.seconds,
      cpArrays: cpArrays.seconds,
      cpObjects: cpObjects.seconds,
      own,
      variant,
      baseline,
      baselineRss,
    });
    console.log(
      `${String(n).padStart(8)} rows ${(size / 1e6).toFixed(1).padStart(6)} MB | import ${tImport.toFixed(2)} s, peak ${rssMb.toFixed(0)} MB | pandas ${tPandas.toFixed(2)} s | ratio import/pandas ${(tImport / tPandas).toFixed(2)} | scanner ${scan.seconds.toFixed(2)} s, csv-parse arrays ${cpArrays.seconds.toFixed(2)} s, objects ${cpObjects.seconds.toFixed(2)} s${variant ? ` | import reading with csv-parse: wall ${variant.wall.toFixed(2)} s (${pct(variant.wall, own.wall)}), CPU ${variant.cpu.toFixed(2)} s against ${own.cpu.toFixed(2)} s (${pct(variant.cpu, own.cpu)})` : ""}`,
    );
    if (baseline)
      console.log(
        `         baseline import ${baseline.wall.toFixed(2)} s wall, ${baseline.cpu.toFixed(2)} s CPU, peak ${baselineRss.toFixed(0)} MB → this build ${own.wall.toFixed(2)} s wall, ${own.cpu.toFixed(2)} s CPU, peak ${rssMb.toFixed(0)} MB`,
      );
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    if (!KEEP) rmSync(csv, { force: true });
  }
  if (HUGE) {
    const csv = join(work, "forms-1gb.csv");
    const n = Math.ceil(1.07e9 / (rows.at(-1) ? (rows.at(-1).mb * 1e6) / rows.at(-1).n : 90));
    console.log(`\nGenerating ~1 GB (${n} rows)…`);
    const size = await generate(csv, n);
    const db = join(work, "bench-huge.db");
    const t0 = performance.now();
    const { rssMb } = peakImportRss(csv, db, HUGE_STORE ? [] : ["--dry-run"]);
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `${String(n).padStart(8)} rows ${(size / 1e6).toFixed(0)} MB | ${HUGE_STORE ? "import" : "import --dry-run (read, map, check; no store)"} ${secs.toFixed(1)} s, peak ${rssMb.toFixed(0)} MB (budget ${MEMORY_BUDGET_MB} MB: ${rssMb < MEMORY_BUDGET_MB ? "within" : "OVER"})`,
    );
    rows.push({ n, mb: size / 1e6, tImport: secs, rssMb, huge: true });
    rmSync(csv, { force: true });
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
  }
} finally {
  if (!KEEP) rmSync(work, { recursive: true, force: true });
}

console.log("\nSummary");
console.log(
  "| rows | MB | import (s) | peak RSS (MB) | pandas read+value_counts (s) | import / pandas | scanner alone (s) | csv-parse arrays (s) | csv-parse columns:true (s) | import CPU (s) | import reading with csv-parse: wall, CPU (s) |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.n} | ${r.mb.toFixed(0)} | ${r.tImport.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.huge ? "–" : r.tPandas.toFixed(2)} | ${r.huge ? "–" : (r.tImport / r.tPandas).toFixed(2)} | ${r.huge ? "–" : r.scan.toFixed(2)} | ${r.huge ? "–" : r.cpArrays.toFixed(2)} | ${r.huge ? "–" : r.cpObjects.toFixed(2)} | ${r.own ? r.own.cpu.toFixed(2) : "–"} | ${r.variant ? `${r.variant.wall.toFixed(2)} (${pct(r.variant.wall, r.own.wall)}), ${r.variant.cpu.toFixed(2)} (${pct(r.variant.cpu, r.own.cpu)})` : "–"} |`,
  );
if (BASELINE) {
  console.log("\nBefore → after (baseline build → this build, alternated in one hyperfine run)");
  console.log(
    "| rows | baseline wall (s) | baseline CPU (s) | baseline peak (MB) | wall (s) | CPU (s) | peak (MB) | pandas (s) | baseline ÷ pandas | this ÷ pandas |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows.filter((x) => x.baseline))
    console.log(
      `| ${r.n} | ${r.baseline.wall.toFixed(2)} | ${r.baseline.cpu.toFixed(2)} | ${r.baselineRss.toFixed(0)} | ${r.own.wall.toFixed(2)} | ${r.own.cpu.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.tPandas.toFixed(2)} | ${(r.baseline.wall / r.tPandas).toFixed(2)} | ${(r.own.wall / r.tPandas).toFixed(2)} |`,
    );
}
const worst = Math.max(...rows.map((r) => r.rssMb));
const big = rows.filter((r) => !r.huge).at(-1);
console.log(
  `\nTargets: 1M-row import at most 3× pandas (ratio ≤ 3.0): ${big && big.tImport / big.tPandas <= 3 ? "met" : "NOT met"} · peak memory under ${MEMORY_BUDGET_MB} MB: ${worst < MEMORY_BUDGET_MB ? "met" : "NOT met"} (worst ${worst.toFixed(0)} MB).`,
);
