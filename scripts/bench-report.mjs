#!/usr/bin/env node
// Benchmark of `kuulo report` (run against the built dist/: npm run build first). For each size,
// a store of synthetic responses to the bundled baseline survey (built once and kept in --cache),
// then per run: reading the store, analysing, and rendering each format, timed apart. Anchors in
// the same run: pandas (/usr/bin/python3) and DuckDB computing the frequency tables of every
// question from the export CSV. Prints medians and the ratios against the anchors.
//
//   node --max-old-space-size=16000 scripts/bench-report.mjs [--sizes 300,100000,1000000]
//     [--runs 3] [--cache bench/out] [--dist dist] [--duckdb DIR_WHERE_@duckdb/node-api_IS_INSTALLED]
//     [--formats json,csv,md,terminal,xlsx,html,png,pdf] [--all-formats-up-to 100000]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt("--sizes", "300,100000,1000000").split(",").map(Number);
const RUNS = Number(opt("--runs", "3"));
const CACHE = resolve(ROOT, opt("--cache", "bench/out"));
const DIST = resolve(ROOT, opt("--dist", "dist"));
const FORMATS = opt("--formats", "json,csv,md,terminal,xlsx,html,png,pdf").split(",");
const ALL_UP_TO = Number(opt("--all-formats-up-to", "100000"));
const SURVEY = join(ROOT, "surveys/welcome-baseline.yaml");

const dist = (p) => import(pathToFileURL(join(DIST, p)).href);
const { loadSurvey } = await dist("definition/load.js");
const store = await dist("store/index.js");
const { analyze } = await dist("analysis/index.js");
const { readReportInput } = await dist("reporting/report-input.js");
const { ABSENT } = await dist("analysis/columns.js");
const { generateResponses } = await dist("fixtures/synthetic.js");
const R = await dist("render/report/index.js");
const { renderCharts } = await dist("render/charts/index.js");
let renderPdf = null;
try {
  renderPdf = (await dist("render/report/pdf.js")).renderReportPdf;
} catch {
  console.log("(no PDF renderer in this build: pdf not timed)");
}
const survey = loadSurvey(SURVEY);
const sections = R.sectionTitles(survey);
const lang = "fi";
mkdirSync(CACHE, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** Wall time and this process's CPU time (user + system): on a busy machine the CPU time is the steadier. */
async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = now();
  const value = await fn();
  const c = process.cpuUsage(c0);
  return { ms: now() - t0, cpu: (c.user + c.system) / 1000, value };
}
const secs = (ms) => (ms === undefined ? "–" : `${(ms / 1000).toFixed(2)} s`);
const both = (m, k) => (m[k] === undefined ? "–" : `${secs(m[k])} (CPU ${secs(m[`${k}Cpu`])})`);

/** A store with `n` responses (two waves, sessions, sources), built once and kept in the cache. */
async function ensureStore(n) {
  const path = join(CACHE, `report-${n}.db`);
  if (existsSync(path)) return path;
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true });
  const t0 = now();
  const s = store.openStore(tmp, { create: true });
  store.registerSurvey(s, survey, new Date("2025-01-01T00:00:00Z"));
  const CHUNK = 10_000;
  for (let done = 0, k = 0; done < n; done += CHUNK, k++) {
    const count = Math.min(CHUNK, n - done);
    const wave = k % 2 === 0 ? "baseline" : "followup";
    const rs = generateResponses(survey, {
      count,
      seed: 1000 + k,
      wave,
      sessionId: `s${k % 12}`,
      source: k % 3 === 0 ? "paper" : "interactive",
      start: new Date(Date.UTC(2025, 0, 1) + k * 86_400_000).toISOString(),
    });
    for (let i = 0; i < rs.length; i += 2000) store.saveResponses(s, rs.slice(i, i + 2000));
  }
  s.close();
  renameSync(tmp, path);
  console.log(`  built ${path} (${(statSync(path).size / 1e6).toFixed(0)} MB) in ${secs(now() - t0)}`);
  return path;
}

/** Stored answers (keys of the responses' answers) in the columns: what the anchors count too. */
function answerCount(columns) {
  let n = 0;
  for (const c of columns.slots) for (const s of c.state) if (s !== ABSENT) n++;
  return n;
}

/** The export CSV of the same responses: the anchors' input. */
async function ensureCsv(n, dbPath) {
  const path = join(CACHE, `report-${n}.csv`);
  if (existsSync(path)) return path;
  const s = store.openStore(dbPath, { readonly: true });
  await store.writeExport(survey, store.iterateResponses(s, survey.id), { format: "csv", out: path });
  s.close();
  return path;
}

/** Columns whose frequency table the anchors compute: every choice-coded column of the export. */
function anchorColumns(csvPath) {
  const header = readFileSync(csvPath, "utf8")
    .slice(0, 200_000)
    .split(/\r?\n/, 1)[0]
    .replace(/^\uFEFF/, "");
  const meta = new Set(["response_id", "started_at", "submitted_at"]);
  return header
    .split(",")
    .filter((c) => !meta.has(c) && !/\.other$/.test(c) && !/^(first_word|come_more|wishes)$/.test(c));
}

function pandasAnchor(csvPath, columns) {
  const py = `
import sys, time, pandas as pd
t0 = time.perf_counter()
c0 = time.process_time()
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, usecols=sys.argv[2].split(","))
t1 = time.perf_counter()
tables = {c: df[c].value_counts() for c in df.columns}
t2 = time.perf_counter()
print(f"{(t2 - t0) * 1000:.1f} {(t1 - t0) * 1000:.1f} {(time.process_time() - c0) * 1000:.1f}")
`;
  const r = spawnSync("/usr/bin/python3", ["-c", py, csvPath, columns.join(",")], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) return { error: (r.stderr || "python3 failed").trim().split("\n").at(-1) };
  const [total, read, cpu] = r.stdout.trim().split(" ").map(Number);
  return { ms: total, readMs: read, cpu };
}

async function loadDuckDb() {
  const given = opt("--duckdb", process.env.KUULO_BENCH_DUCKDB);
  try {
    // A folder where the package is installed (npm install --prefix DIR @duckdb/node-api).
    if (given)
      return await import(
        pathToFileURL(createRequire(join(resolve(given), "noop.js")).resolve("@duckdb/node-api")).href
      );
    return await import("@duckdb/node-api");
  } catch {
    return null;
  }
}

async function duckAnchor(duck, csvPath, columns) {
  const instance = await duck.DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const t0 = now();
  const cols = columns.map((c) => `"${c}"`).join(", ");
  await con.run(
    `CREATE TABLE t AS SELECT ${cols} FROM read_csv('${csvPath}', all_varchar = true, header = true)`,
  );
  const t1 = now();
  for (const c of columns) await con.runAndReadAll(`SELECT "${c}", count(*) FROM t GROUP BY 1`);
  const ms = now() - t0;
  con.closeSync?.();
  return { ms, readMs: t1 - t0 };
}

async function runSize(n, duck) {
  console.log(`\n== ${n.toLocaleString("en")} responses ==`);
  const dbPath = await ensureStore(n);
  const formats =
    n <= ALL_UP_TO ? FORMATS : FORMATS.filter((f) => ["json", "csv", "md", "terminal"].includes(f));
  const t = { read: [], readCpu: [], analyze: [], analyzeCpu: [], charts: [], chartsCpu: [] };
  for (const f of formats) {
    t[f] = [];
    t[`${f}Cpu`] = [];
  }
  let answers = 0;
  for (let run = 0; run < RUNS; run++) {
    // As kuulo report reads them: the store's pages into columns (answer codes, texts apart).
    const read = await timed(() => readReportInput(dbPath, survey.id));
    const input = read.value;
    if (run === 0) answers = answerCount(input.columns);
    t.read.push(read.ms);
    t.readCpu.push(read.cpu);
    const a = await timed(() =>
      analyze(input.survey, input.columns, { compare: "wave", generatedAt: input.newest }),
    );
    t.analyze.push(a.ms);
    t.analyzeCpu.push(a.cpu);
    const report = a.value;
    const o = { lang, sections };
    let charts = null;
    if (formats.some((f) => ["html", "png", "pdf"].includes(f))) {
      const c = await timed(async () => {
        const entries = R.chartSpecs(report, lang);
        const pngs = await renderCharts(
          entries.map((e) => e.spec),
          { locale: lang },
        );
        return new Map(entries.map((e, i) => [e.id, pngs[i]]));
      });
      t.charts.push(c.ms);
      t.chartsCpu.push(c.cpu);
      charts = c.value;
    }
    const render = {
      json: () => R.renderJson(report),
      csv: () => R.renderCsv(report, o),
      md: () => R.renderMarkdown(report, o),
      terminal: () => R.renderTerminal(report, o),
      xlsx: () => R.renderXlsx(report, o),
      html: () => R.renderHtml(report, { ...o, charts }),
      png: () => charts,
      pdf: () => (renderPdf ? renderPdf(report, { ...o, charts }) : null),
    };
    for (const f of formats) {
      const r = await timed(render[f]);
      t[f].push(r.ms);
      t[`${f}Cpu`].push(r.cpu);
    }
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length ? median(v) : undefined]));
  console.log(`  ${answers.toLocaleString("en")} answers; medians of ${RUNS} run(s)`);
  console.log(`  read the store into columns      ${both(m, "read")}`);
  console.log(`  analyse (compare waves)          ${both(m, "analyze")}`);
  if (m.charts !== undefined) console.log(`  draw every chart (PNG)           ${both(m, "charts")}`);
  for (const f of formats) if (f !== "png") console.log(`  render ${f.padEnd(26)}${both(m, f)}`);
  const sum = (keys, cpu) => keys.reduce((s, k) => s + (m[cpu ? `${k}Cpu` : k] ?? 0), 0);
  const jsonKeys = ["read", "analyze", "json"];
  const jsonTotal = sum(jsonKeys, false);
  console.log(`  → JSON report, end to end        ${secs(jsonTotal)} (CPU ${secs(sum(jsonKeys, true))})`);
  if (m.pdf !== undefined && renderPdf) {
    const pdfKeys = ["read", "analyze", "charts", "pdf"];
    console.log(
      `  → PDF with every chart, end to end ${secs(sum(pdfKeys, false))} (CPU ${secs(sum(pdfKeys, true))})`,
    );
  }
  const allKeys = ["read", "analyze", "charts", ...formats.filter((f) => f !== "png")];
  console.log(
    `  → every format, end to end       ${secs(sum(allKeys, false))} (CPU ${secs(sum(allKeys, true))})`,
  );

  if (n >= 100_000) {
    const csvPath = await ensureCsv(n, dbPath);
    const columns = anchorColumns(csvPath);
    const pandas = [];
    const ducks = [];
    for (let run = 0; run < RUNS; run++) {
      const p = pandasAnchor(csvPath, columns);
      if (p.error) {
        console.log(`  pandas anchor skipped: ${p.error}`);
        break;
      }
      pandas.push(p);
      if (duck) ducks.push(await duckAnchor(duck, csvPath, columns));
    }
    const line = (name, xs) => {
      if (xs.length === 0) return;
      const ms = median(xs.map((x) => x.ms));
      const read = median(xs.map((x) => x.readMs));
      const cpu = xs[0].cpu === undefined ? "" : `, CPU ${secs(median(xs.map((x) => x.cpu)))}`;
      console.log(
        `  anchor ${name.padEnd(8)} ${secs(ms)} (reading the CSV ${secs(read)}${cpu}) · Kuulo JSON report / ${name}: ${(jsonTotal / ms).toFixed(2)}× wall`,
      );
    };
    console.log(
      `  anchors: frequency tables of ${columns.length} columns from the export CSV (${(statSync(csvPath).size / 1e6).toFixed(0)} MB)`,
    );
    line("pandas", pandas);
    if (duck) line("DuckDB", ducks);
    else console.log("  anchor DuckDB skipped: @duckdb/node-api is not installed (give --duckdb PATH)");
  }
}

const duck = await loadDuckDb();
console.log(
  `kuulo report benchmark: ${survey.id}, sizes ${SIZES.join(", ")}, ${RUNS} run(s), Node ${process.version}`,
);
for (const n of SIZES) await runSize(n, duck);
writeFileSync(join(CACHE, "last-run.txt"), `${new Date().toISOString()}\n`);
