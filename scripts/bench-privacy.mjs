#!/usr/bin/env node
// Time and information loss of the protection across reports. (1) The baseline survey with 300
// and 10 000 synthetic responses: one report protected and audited alone, then a --compare
// session report protected against it (the time of protection + audit). (2) A ~700-response
// project with a 3-person session: a sequence of reports (whole, --compare session, --by
// age_group, one wave) and how many numbers the protection across reports hid in each (before →
// after), only with --sequence (a few minutes). Medians of --runs runs, CPU time beside wall time
// (the machine may be shared); the analysis before the protection is timed apart.
// Usage: npm run build && node scripts/bench-privacy.mjs [--runs 3] [--sizes 300,10000] [--sequence]
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyze } from "../dist/analysis/index.js";
import { loadSurvey } from "../dist/definition/load.js";
import { generateResponses } from "../dist/fixtures/synthetic.js";
import { auditFacts } from "../dist/privacy/audit.js";
import { extractFacts } from "../dist/privacy/facts.js";
import { loadSolver } from "../dist/privacy/lp.js";
import { protectReport } from "../dist/privacy/protect.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    sizes: { type: "string", default: "300,10000" },
    sequence: { type: "boolean", default: false },
  },
});
const survey = loadSurvey(join(root, "surveys/welcome-baseline.yaml"));
const highs = await loadSolver();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const marker = (report, n) => {
  report.population = { surveys: [{ id: survey.id, responses: n }] };
  return report;
};

function sessions(count, sizes) {
  const out = [];
  for (const [k, size] of sizes.entries()) {
    const wave = k < sizes.length / 2 ? "baseline" : "follow-up";
    out.push(
      ...generateResponses(survey, {
        count: size,
        seed: 100 + k,
        wave,
        sessionId: `s${k + 1}`,
        start: new Date(Date.parse("2025-03-03T09:00:00Z") + k * 86_400_000).toISOString(),
      }),
    );
  }
  return out.slice(0, count);
}

/**
 * Protects each request in turn against the ones before, as `kuulo report` does; per report the
 * numbers hidden before → after, and the time of analysis and of protection (with its audits).
 */
function sequence(responses, requests) {
  const done = [];
  const rows = [];
  for (const req of requests) {
    let t = performance.now();
    const report = marker(
      analyze(survey, responses, req),
      responses.filter((r) => r.status === "complete").length,
    );
    const analysisMs = performance.now() - t;
    const before = report.privacy.suppressedCells;
    t = performance.now();
    const c = cpu();
    const res = protectReport(highs, report, done);
    rows.push({
      report: JSON.stringify(req),
      hiddenBefore: before,
      hiddenAfter: before + res.cells,
      statistics: res.statistics,
      rounded: res.rounded,
      remaining: res.remaining.length,
      analysisMs,
      ms: performance.now() - t,
      cpuMs: cpu() - c,
    });
    done.push(report);
  }
  const t = performance.now();
  const audit = auditFacts(
    highs,
    done.map((r, i) => extractFacts(r, i)),
  );
  return { rows, findings: audit.findings.length, auditMs: Math.round(performance.now() - t) };
}

for (const n of values.sizes.split(",").map(Number)) {
  const responses = sessions(n, [Math.ceil(n / 2), Math.floor(n / 2)]);
  const analysis = [];
  const wall = [];
  const cpus = [];
  let findings = 0;
  for (let r = 0; r < Number(values.runs); r++) {
    const res = sequence(responses, [{}, { compare: "session" }]);
    analysis.push(res.rows.reduce((a, x) => a + x.analysisMs, 0));
    wall.push(res.rows.reduce((a, x) => a + x.ms, 0));
    cpus.push(res.rows.reduce((a, x) => a + x.cpuMs, 0));
    findings = Math.max(findings, res.findings);
  }
  console.log(
    `baseline survey, ${n} responses, a report and then a --compare session report: protection + audit median ${Math.round(median(wall))} ms wall (${Math.round(median(cpus))} ms CPU); analysis ${Math.round(median(analysis))} ms; audit of both afterwards: ${findings} findings`,
  );
}

if (!values.sequence) process.exit(0);
const project = sessions(700, [150, 150, 3, 150, 150, 97]);
const { rows, findings, auditMs } = sequence(project, [
  {},
  { compare: "session" },
  { by: "age_group" },
  { filters: { waves: ["baseline"] } },
  { compare: "wave" },
]);
console.log("\n700 responses, sessions of 150, 150, 3, 150, 150 and 97:");
for (const r of rows)
  console.log(
    `  ${r.report}: hidden ${r.hiddenBefore} → ${r.hiddenAfter} numbers, ${r.statistics} statistics withheld, ${r.rounded} means rounded to one decimal, ${r.remaining} unresolved, protection ${Math.round(r.ms)} ms`,
  );
console.log(`  audit of all ${rows.length} together: ${findings} findings, ${auditMs} ms`);
