// Benchmark: time to render the charts of a typical report (40 charts of every type, Finnish labels)
// as PNG at print resolution. Run after `npm run build`: node scripts/bench-charts.mjs [runs]
// Prints the median of several runs: serial, with parallel encoding, and on worker threads (as a
// report draws them), and where the time goes.

import { cpus, loadavg } from "node:os";
import { planBars } from "../dist/render/charts/bars.js";
import { formatsFor } from "../dist/render/charts/format.js";
import { renderChart, renderCharts } from "../dist/render/charts/index.js";
import { chartThreads, startChartPool } from "../dist/render/charts/pool.js";
import { drawChart, encodePng, measureText } from "../dist/render/charts/surface.js";

const runs = Number(process.argv[2] ?? 5);
const agree = [
  "Täysin eri mieltä",
  "Jokseenkin eri mieltä",
  "Ei samaa eikä eri mieltä",
  "Jokseenkin samaa mieltä",
  "Täysin samaa mieltä",
];
const sides = ["negative", "negative", "neutral", "positive", "positive"];
const label = (i) => `Vaihtoehto ${i + 1}: kirjaston palvelut työnhakijoille ja muille asiakkaille`;
const share = (i, k) => ((i * 7 + k * 13) % 40) / 100 + 0.05;

function reportSpecs() {
  const specs = [];
  for (let q = 0; q < 40; q++) {
    const base = {
      title: `Kysymys ${q + 1}: Mitä mieltä olet kirjaston palveluista ja tiloista?`,
      n: 300,
      suppressedLabel: "< 5",
    };
    switch (q % 8) {
      case 0:
      case 1:
        specs.push({
          ...base,
          type: "bars",
          measure: "answers",
          items: Array.from({ length: 6 }, (_, i) => ({
            label: label(i),
            share: share(q, i),
            count: 10 + i,
          })),
        });
        break;
      case 2:
      case 3:
        specs.push({
          ...base,
          type: "diverging",
          categories: agree.map((l, i) => ({ label: l, side: sides[i] })),
          rows: Array.from({ length: 6 }, (_, r) => ({
            label: label(r),
            shares: [0.1, 0.15, 0.2, 0.3, 0.25],
            dontKnow: 0.05,
          })),
        });
        break;
      case 4:
        specs.push({
          ...base,
          type: "histogram",
          bins: Array.from({ length: 10 }, (_, i) => ({
            from: i * 5,
            to: i * 5 + 5,
            count: 5 + ((i * 17) % 30),
          })),
          markers: [{ kind: "mean", value: 21.5 }],
        });
        break;
      case 5:
        specs.push({
          ...base,
          type: "ordered-bars",
          measure: "points",
          items: Array.from({ length: 8 }, (_, i) => ({ label: label(i), value: 20 + ((i * 37) % 90) })),
        });
        break;
      case 6:
        specs.push({
          ...base,
          type: "paired-bars",
          scale: { kind: "share" },
          series: [{ n: 150 }, { n: 150 }],
          items: Array.from({ length: 5 }, (_, i) => ({
            label: label(i),
            values: [
              { value: 0.3, low: 0.22, high: 0.38 },
              { value: 0.45, low: 0.37, high: 0.53 },
            ],
          })),
        });
        break;
      default:
        specs.push(
          q % 16 === 7
            ? {
                ...base,
                type: "ipa",
                range: { min: 1, max: 5 },
                points: Array.from({ length: 10 }, (_, i) => ({
                  label: `Palvelu ${i + 1}`,
                  importance: 3 + ((i * 7) % 10) / 6,
                  performance: 2.8 + ((i * 3) % 10) / 6,
                })),
              }
            : {
                ...base,
                type: "gaps",
                range: { min: 1, max: 9 },
                rows: Array.from({ length: 6 }, (_, i) => ({
                  label: label(i),
                  minimum: 5 + i * 0.2,
                  desired: 7.5 + i * 0.1,
                  perceived: 6 + ((i * 5) % 4) * 0.5,
                })),
              },
        );
    }
  }
  return specs;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const specs = reportSpecs();
const opts = { locale: "fi" };

// Warm-up: fonts, chart.js and the JIT, here and on the workers.
for (const s of specs.slice(0, 8)) renderChart(s, opts);
const pool = startChartPool();
await pool.render(specs.slice(0, 8), opts);

const serial = [];
const serialCpu = [];
const parallel = [];
const workers = [];
const workersCpu = [];
let bytes = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  // CPU time too: on a busy machine it is the steadier number.
  const cpu = process.cpuUsage();
  bytes = specs.reduce((sum, s) => sum + renderChart(s, opts).length, 0);
  serial.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  serialCpu.push((used.user + used.system) / 1000);
  t = performance.now();
  await renderCharts(specs, opts);
  parallel.push(performance.now() - t);
  t = performance.now();
  const before = process.cpuUsage();
  await pool.render(specs, opts);
  workers.push(performance.now() - t);
  const spent = process.cpuUsage(before);
  workersCpu.push((spent.user + spent.system) / 1000);
}
await pool.close();

// Where the time goes, on one bar chart: planning (text measuring), drawing, PNG encoding; and
// the canvas package's own (RGBA) PNG encoder on the same pixels, for comparison.
const env = { measure: measureText, fmt: formatsFor("fi"), width: 800 };
const one = specs[0];
const reps = 20;
const timeIt = (fn) => {
  const t = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t) / reps;
};
const plan = timeIt(() => planBars(one, env));
const draw = (finish) => {
  const p = planBars(one, env);
  return drawChart({ width: p.width, height: p.height, scale: 2 }, p.config, finish);
};
const drawn = timeIt(() => draw(() => null));
const ours = timeIt(() => draw(encodePng));
const theirs = timeIt(() => draw((c) => c.encodeSync("png")));
const sizes = [draw(encodePng).length, draw((c) => c.encodeSync("png")).length];

const ms = (v) => `${v.toFixed(0)} ms`;
console.log(
  `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (timings are only meaningful on an idle machine)`,
);
console.log(
  `charts: ${specs.length} (PNG 1600 px wide), ${(bytes / 1024 / 1024).toFixed(1)} MB in all, runs: ${runs}`,
);
console.log(
  `serial   renderChart  median ${ms(median(serial))} wall, ${ms(median(serialCpu))} CPU ` +
    `(${(median(serial) / specs.length).toFixed(1)} ms/chart)`,
);
console.log(`parallel renderCharts median ${ms(median(parallel))}  (compression on the thread pool)`);
console.log(
  `workers  pool.render  median ${ms(median(workers))} wall, ${ms(median(workersCpu))} CPU ` +
    `(${chartThreads()} worker threads, as a report draws them)`,
);
console.log(
  `one bar chart: plan ${plan.toFixed(1)} ms, chart.js draw ${(drawn - plan).toFixed(1)} ms, ` +
    `RGB PNG encode ${(ours - drawn).toFixed(1)} ms (${(sizes[0] / 1024).toFixed(0)} kB); ` +
    `canvas RGBA encoder ${(theirs - drawn).toFixed(1)} ms (${(sizes[1] / 1024).toFixed(0)} kB)`,
);
