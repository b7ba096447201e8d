#!/usr/bin/env node
// Benchmark of the response store (run against the built dist/: npm run build first). Inserts
// synthetic responses to the bundled baseline survey in batches (saveResponses, one transaction
// per batch, synchronous=FULL) into a fresh file, then reads them back four ways: listResponses
// (all in memory), iterateResponses (streamed), the answer codes (iterateCodePages, alone and
// with every choice field tallied) and a CSV export. Median of --runs runs. With --db, only the
// reads (streamed and codes, in alternating order) of an existing store, e.g. a report benchmark's.
//
//   node scripts/bench-store.mjs [--count 100000] [--batch 1000] [--runs 3] [--keep]
//   node scripts/bench-store.mjs --db bench/out/report-1000000.db [--runs 3]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
let COUNT = Number(opt("--count", "100000"));
const BATCH = Number(opt("--batch", "1000"));
const RUNS = Number(opt("--runs", "3"));

const dist = (p) => import(join(ROOT, "dist", p));
const { loadSurvey } = await dist("definition/load.js");
const store = await dist("store/index.js");
const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
const codes = store.iterateCodePages ? await dist("definition/answer-codes.js") : undefined;
const DB = opt("--db", undefined);
let answers = 0;
const results = { insert: [], list: [], stream: [], codes: [], tally: [], csv: [] };
const cpu = { insert: [], list: [], stream: [], codes: [], tally: [], csv: [] };
if (DB !== undefined) {
  await readsOnly(resolve(DB));
  process.exit(0);
}

const responses = await syntheticResponses(survey, COUNT);
answers = responses.reduce((n, r) => n + Object.keys(r.answers).length, 0);
console.log(
  `${COUNT} responses to ${survey.id} (${answers} answers, ${(answers / COUNT).toFixed(1)} per response), batches of ${BATCH}, ${RUNS} run(s)`,
);

let size = 0;
for (let run = 0; run < RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), "kuulo-bench-store-"));
  const path = join(dir, "bench.db");
  try {
    const s = store.openStore(path, { create: true });
    store.registerSurvey(s, survey);
    results.insert.push(
      time(() => {
        for (let i = 0; i < responses.length; i += BATCH)
          store.saveResponses(s, responses.slice(i, i + BATCH));
      }, "insert"),
    );
    s.close();
    size = statSync(path).size;
    const r = store.openStore(path, { readonly: true });
    let listed = 0;
    results.list.push(time(() => (listed = store.listResponses(r, survey.id).length), "list"));
    let streamed = 0;
    results.stream.push(
      time(() => {
        for (const _ of store.iterateResponses(r, survey.id)) streamed++;
      }, "stream"),
    );
    if (listed !== COUNT || streamed !== COUNT)
      throw new Error(`read back ${listed}/${streamed} of ${COUNT}`);
    if (codes) {
      const read = readCodes(r, false, "codes");
      const tallied = readCodes(r, true, "tally");
      if (read !== COUNT || tallied !== COUNT) throw new Error(`read ${read}/${tallied} codes of ${COUNT}`);
    }
    const out = join(dir, "export.csv");
    results.csv.push(
      await timeAsync(
        () => store.writeExport(survey, store.iterateResponses(r, survey.id), { format: "csv", out }),
        "csv",
      ),
    );
    r.close();
  } finally {
    if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

/**
 * Every response's codes, page by page (`tally`: also each choice field's code counted, the
 * least a report does with them). Returns how many responses were read.
 */
function readCodes(r, tally, key) {
  let n = 0;
  const layout = store.codeLayoutOf(r, survey.hash);
  const choice = layout.fields.filter((f) => f.kind === "choice");
  const counts = choice.map((f) => new Uint32Array(f.codes.length + 2));
  results[key].push(
    time(() => {
      for (const page of store.iterateCodePages(r, survey.id)) {
        n += page.length;
        if (!tally) continue;
        for (const row of page) {
          const b = row[store.PAGE_ROW.codes];
          if (b === null) continue;
          for (let k = 0; k < choice.length; k++) {
            const f = choice[k];
            counts[k][f.width === 1 ? b[f.offset] : b[f.offset] | (b[f.offset + 1] << 8)]++;
          }
        }
      }
    }, key),
  );
  return n;
}

/** --db: the streamed and code reads of an existing store, in alternating order per run. */
async function readsOnly(path) {
  COUNT = 0;
  const r = store.openStore(path, { readonly: true });
  COUNT = store.countResponses(r, survey.id);
  answers = r.db.prepare("SELECT count(*) FROM responses, json_each(responses.answers)").pluck().get();
  console.log(`${path}: ${COUNT} responses, ${(statSync(path).size / 1e6).toFixed(0)} MB, ${RUNS} run(s)`);
  const stream = () =>
    results.stream.push(
      time(() => {
        let n = 0;
        for (const _ of store.iterateResponses(r, survey.id)) n++;
        if (n !== COUNT) throw new Error(`streamed ${n} of ${COUNT}`);
      }, "stream"),
    );
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) stream();
    readCodes(r, false, "codes");
    readCodes(r, true, "tally");
    if (run % 2 === 1) stream();
  }
  r.close();
  line("read streamed (iterateResponses)", "stream");
  line("read codes (iterateCodePages)", "codes");
  line("read codes + tally every choice", "tally");
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} on ${cpus().length} CPU(s)`,
  );
}

function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
function rate(n, ms) {
  return Math.round(n / (ms / 1000)).toLocaleString("en");
}
function line(name, key) {
  const ms = median(results[key]);
  const c = median(cpu[key]);
  const wall = `wall ${(ms / 1000).toFixed(2).padStart(7)} s ${rate(COUNT, ms).padStart(7)} resp/s ${rate(answers, ms).padStart(9)} answers/s`;
  const own = `cpu ${(c / 1000).toFixed(2).padStart(7)} s ${rate(COUNT, c).padStart(7)} resp/s ${rate(answers, c).padStart(9)} answers/s`;
  console.log(`${name.padEnd(33)} ${wall} | ${own}`);
}
line("insert (saveResponses, batched)", "insert");
line("read all (listResponses)", "list");
line("read streamed (iterateResponses)", "stream");
if (codes) {
  line("read codes (iterateCodePages)", "codes");
  line("read codes + tally every choice", "tally");
}
line("export CSV (stream to a file)", "csv");
console.log(`database file: ${(size / 1e6).toFixed(1)} MB (${(size / COUNT).toFixed(0)} bytes per response)`);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${cpus().length} CPU(s)`,
);

/** Wall time in ms; the CPU time of this process goes to `cpu` (other programs' load does not count there). */
function time(fn, key) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  cpu[key].push((c.user + c.system) / 1000);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
async function timeAsync(fn, key) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  cpu[key].push((c.user + c.system) / 1000);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The project's seeded generator when it is built; a plain one otherwise. */
async function syntheticResponses(survey, count) {
  try {
    const { generateResponses } = await dist("fixtures/synthetic.js");
    return generateResponses(survey, { count, seed: 42 });
  } catch {
    const { surveySlots } = await dist("definition/answers.js");
    const slots = surveySlots(survey);
    return Array.from({ length: count }, (_, i) => {
      const a = {};
      for (const s of slots) {
        const q = s.question;
        if (s.other) continue;
        if (s.kind === "choice") a[s.id] = q.choices[i % q.choices.length].value;
        else if (s.kind === "choices") a[s.id] = [q.choices[i % q.choices.length].value];
        else if (s.kind === "number") a[s.id] = i % 50;
        else if (s.kind === "text") a[s.id] = `text ${i}`;
        else if (s.kind === "ranking") a[s.id] = q.choices.slice(0, q.top).map((c) => c.value);
        else if (s.kind === "allocation") a[s.id] = { [q.choices[0].value]: q.points };
      }
      const t = new Date(Date.UTC(2025, 2, 3, 9) + i * 60_000).toISOString();
      return {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
        surveyId: survey.id,
        surveyHash: survey.hash,
        sessionId: null,
        wave: null,
        source: "import",
        language: "fi",
        plain: false,
        startedAt: t,
        submittedAt: t,
        status: "complete",
        answers: a,
      };
    });
  }
}
