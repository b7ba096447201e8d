#!/usr/bin/env node
// Time of the full PDF report for a typical workshop project: 300 synthetic responses to the
// baseline survey, every chart drawn. Two measures, each the median of several runs with the CPU
// time beside the wall time (the machine may be shared; the load is printed):
//   in this process, warm: analysis, charts (on worker threads, and on this thread alone for
//     comparison), PDF layout, and charts and layout together (the layout taking each chart as it
//     comes from the workers, as `kuulo report` does; the total counts this one);
//   the whole command, cold: `node bin/kuulo.js report … --format pdf --out DIR` as a person runs
//     it, start-up and module loading included; with --against DIR, the same command of another
//     checkout (built) alternated with this one in the same run, for before → after.
// Usage: npm run build && node scripts/bench-pdf.mjs [--count 300] [--runs 5] [--lang fi]
//          [--against ../other-checkout] [--no-cold]
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../dist/analysis/index.js";
import { loadSurvey } from "../dist/definition/load.js";
import { generateResponses } from "../dist/fixtures/synthetic.js";
import { renderCharts } from "../dist/render/charts/index.js";
import { startChartPool } from "../dist/render/charts/pool.js";
import { chartSpecs, sectionTitles } from "../dist/render/report/index.js";
import { renderReportPdf } from "../dist/render/report/pdf.js";
import { openStore, registerSurvey, saveResponses } from "../dist/store/index.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "300" },
    runs: { type: "string", default: "5" },
    lang: { type: "string", default: "fi" },
    against: { type: "string" },
    "no-cold": { type: "boolean", default: false },
  },
});
const survey = loadSurvey(join(root, "surveys/welcome-baseline.yaml"));
const count = Number(values.count);
const runs = Number(values.runs);
const responses = generateResponses(survey, { count, seed: 1, wave: "baseline" });
const lang = values.lang;

/** CPU time of the process so far (every thread: charts are drawn on worker threads), ms. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => `load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`;

// As `kuulo report --format pdf` draws them: compressed the fast way, for the PDF only.
const chartOpts = { locale: lang, compression: "fast" };
const pool = startChartPool();
async function once() {
  const t = [performance.now()];
  const c = [cpuNow()];
  const mark = () => {
    t.push(performance.now());
    c.push(cpuNow());
  };
  const report = analyze(survey, responses, { generatedAt: "2025-04-09T12:00:00.000Z" });
  mark();
  const entries = chartSpecs(report, lang);
  const specs = entries.map((e) => e.spec);
  const pngs = await pool.render(specs, chartOpts);
  const charts = new Map(entries.map((e, i) => [e.id, pngs[i]]));
  mark();
  const pdf = await renderReportPdf(report, { lang, sections: sectionTitles(survey), charts });
  mark();
  // As `kuulo report` does it: the layout takes each chart as it comes from the workers.
  const coming = pool.renderEach(specs, chartOpts);
  const streamed = await renderReportPdf(report, {
    lang,
    sections: sectionTitles(survey),
    charts: new Map(entries.map((e, i) => [e.id, coming[i]])),
  });
  if (!streamed.equals(pdf)) throw new Error("the PDF laid out as the charts come differs");
  mark();
  // For comparison only, not in the total: the same charts drawn on this thread alone.
  await renderCharts(specs, chartOpts);
  mark();
  const phase = (xs, i) => xs[i + 1] - xs[i];
  return {
    analysis: phase(t, 0),
    charts: phase(t, 1),
    pdf: phase(t, 2),
    both: phase(t, 3),
    total: phase(t, 0) + phase(t, 3),
    oneThread: phase(t, 4),
    cpuAnalysis: phase(c, 0),
    cpuCharts: phase(c, 1),
    cpuPdf: phase(c, 2),
    cpuBoth: phase(c, 3),
    cpu: phase(c, 0) + phase(c, 3),
    cpuOneThread: phase(c, 4),
    chartCount: entries.length,
    bytes: pdf.length,
  };
}

await once(); // warm-up: fonts, chart.js and pdfkit loaded (here and on the workers), JIT warm
const warm = [];
for (let i = 0; i < runs; i++) warm.push(await once());
await pool.close();
const ms = (xs, k) => `${median(xs.map((r) => r[k])).toFixed(0)} ms`;
const last = warm.at(-1);
process.stdout.write(
  `Full PDF report, ${responses.length} responses, ${last.chartCount} charts, ${(last.bytes / 1e6).toFixed(1)} MB, ${load()}\n` +
    `In this process, warm, median of ${runs} runs:\n` +
    `  wall: analysis ${ms(warm, "analysis")} · charts ${ms(warm, "charts")} · PDF layout ${ms(warm, "pdf")} · charts and layout together ${ms(warm, "both")} · total ${ms(warm, "total")}\n` +
    `  CPU:  analysis ${ms(warm, "cpuAnalysis")} · charts ${ms(warm, "cpuCharts")} · PDF layout ${ms(warm, "cpuPdf")} · charts and layout together ${ms(warm, "cpuBoth")} · total ${ms(warm, "cpu")}\n` +
    "  (total: analysis + charts and layout together, the layout taking each chart as it comes, as kuulo report does)\n" +
    `  (the same charts on this thread alone: ${ms(warm, "oneThread")} wall, ${ms(warm, "cpuOneThread")} CPU)\n`,
);

if (!values["no-cold"]) {
  // The whole command, as a person runs it: a store with the same responses, built once.
  const cache = join(root, "bench/out");
  mkdirSync(cache, { recursive: true });
  const db = join(cache, `pdf-${count}.db`);
  if (!existsSync(db)) {
    const store = openStore(`${db}.building`, { create: true });
    registerSurvey(store, survey, new Date("2025-01-01T00:00:00Z"));
    saveResponses(store, responses);
    store.close();
    execFileSync("mv", [`${db}.building`, db]);
  }
  const out = mkdtempSync(join(tmpdir(), "kuulo-bench-pdf-"));
  const fresh = join(out, "kuulo.db");
  const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  /** One run of a checkout's `kuulo report`: wall and CPU (user + system, every thread) in ms. */
  const command = (checkout) => {
    // A fresh copy each time: a report is recorded in the store's ledger, and the next one is
    // protected together with every earlier one, which would make later runs slower.
    copyFileSync(db, fresh);
    const args = [join(checkout, "bin/kuulo.js"), "report", "welcome-baseline", "--db", fresh];
    args.push("--format", "pdf", "--out", join(out, "report"), "--force", "--lang", lang);
    const t0 = performance.now();
    const r = time
      ? spawnSync(time, ["-f", "%U %S", process.execPath, ...args], { encoding: "utf8" })
      : spawnSync(process.execPath, args, { encoding: "utf8" });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${checkout}: exit ${r.status}\n${r.stderr}`);
    const [user, sys] = time ? r.stderr.trim().split("\n").at(-1).split(" ").map(Number) : [Number.NaN, 0];
    return { wall, cpu: (user + sys) * 1000 };
  };
  const sides = [["this checkout", root]];
  if (values.against) sides.push([`--against ${values.against}`, resolve(values.against)]);
  for (const [, dir] of sides) command(dir); // warm-up: the file cache
  const cold = sides.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, [, dir]] of sides.entries()) cold[k].push(command(dir));
  }
  rmSync(out, { recursive: true, force: true });
  process.stdout.write(
    `The whole command (node bin/kuulo.js report … --format pdf), cold, median of ${runs} runs${sides.length > 1 ? ", alternated" : ""}, ${load()}:\n`,
  );
  sides.forEach(([name], k) => {
    process.stdout.write(`  ${name}: ${ms(cold[k], "wall")} wall, ${ms(cold[k], "cpu")} CPU\n`);
  });
}
