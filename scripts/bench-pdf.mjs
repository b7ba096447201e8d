#!/usr/bin/env node
// Time of the full PDF report for a typical workshop project: 300 synthetic responses to the
// baseline survey, every chart drawn. Splits the time into analysis, charts and PDF layout, and
// prints the median of several runs with the CPU time beside the wall time (the machine may be
// shared). Usage: npm run build && node scripts/bench-pdf.mjs [--count 300] [--runs 5] [--lang fi]
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../dist/analysis/index.js";
import { loadSurvey } from "../dist/definition/load.js";
import { generateResponses } from "../dist/fixtures/synthetic.js";
import { renderCharts } from "../dist/render/charts/index.js";
import { chartSpecs, sectionTitles } from "../dist/render/report/index.js";
import { renderReportPdf } from "../dist/render/report/pdf.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "300" },
    runs: { type: "string", default: "5" },
    lang: { type: "string", default: "fi" },
  },
});
const survey = loadSurvey(join(root, "surveys/welcome-baseline.yaml"));
const responses = generateResponses(survey, { count: Number(values.count), seed: 1, wave: "baseline" });
const lang = values.lang;

/** CPU time of the process so far (every thread: PNG encoding runs off the main thread), ms. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

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
  const pngs = await renderCharts(
    entries.map((e) => e.spec),
    { locale: lang },
  );
  const charts = new Map(entries.map((e, i) => [e.id, pngs[i]]));
  mark();
  const pdf = await renderReportPdf(report, { lang, sections: sectionTitles(survey), charts });
  mark();
  const phase = (xs, i) => xs[i + 1] - xs[i];
  return {
    analysis: phase(t, 0),
    charts: phase(t, 1),
    pdf: phase(t, 2),
    total: t[3] - t[0],
    cpuAnalysis: phase(c, 0),
    cpuCharts: phase(c, 1),
    cpuPdf: phase(c, 2),
    cpu: c[3] - c[0],
    chartCount: entries.length,
    bytes: pdf.length,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
await once(); // warm-up: fonts, chart.js and pdfkit loaded, JIT warm
const runs = [];
for (let i = 0; i < Number(values.runs); i++) runs.push(await once());
const ms = (k) => `${median(runs.map((r) => r[k])).toFixed(0)} ms`;
const last = runs.at(-1);
process.stdout.write(
  `Full PDF report, ${responses.length} responses, ${last.chartCount} charts, ${(last.bytes / 1e6).toFixed(1)} MB, median of ${runs.length} runs:\n` +
    `  wall: analysis ${ms("analysis")} · charts ${ms("charts")} · PDF layout ${ms("pdf")} · total ${ms("total")}\n` +
    `  CPU:  analysis ${ms("cpuAnalysis")} · charts ${ms("cpuCharts")} · PDF layout ${ms("cpuPdf")} · total ${ms("cpu")}\n`,
);
