#!/usr/bin/env node
// Start-up time: `node bin/kuulo.js --help` against Node starting with nothing to do (`node -e 0`),
// and the ratio of the two (the target is at most 1.5). With hyperfine on the PATH it runs
// `hyperfine -N --warmup 3` and reads its JSON (wall times per run, CPU time as user + system);
// without it, the two commands alternate here and only wall time is measured.
// Usage: npm run build && node scripts/bench-startup.mjs [--runs 30] [--against ../other-checkout]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { runs: { type: "string", default: "30" }, against: { type: "string" } },
});
const runs = Number(values.runs);
const node = process.execPath;
const commands = [
  ["node -e 0", [node, "-e", "0"]],
  ["kuulo --help", [node, join(root, "bin/kuulo.js"), "--help"]],
];
if (values.against)
  commands.push([
    `${values.against}: kuulo --help`,
    [node, join(resolve(values.against), "bin/kuulo.js"), "--help"],
  ]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quote = (argv) => argv.map((a) => (/^[\w./:-]+$/.test(a) ? a : `'${a}'`)).join(" ");

/** Per command: median wall time and mean CPU time (ms; NaN when not measured). */
function measure() {
  const hyperfine = spawnSync("hyperfine", ["--version"], { encoding: "utf8" });
  if (hyperfine.status === 0) {
    const dir = mkdtempSync(join(tmpdir(), "kuulo-bench-startup-"));
    const json = join(dir, "result.json");
    const args = ["-N", "--warmup", "3", "--runs", String(runs), "--export-json", json, "--style", "none"];
    const r = spawnSync("hyperfine", [...args, ...commands.map(([, argv]) => quote(argv))], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`hyperfine failed: ${r.stderr}`);
    const { results } = JSON.parse(readFileSync(json, "utf8"));
    rmSync(dir, { recursive: true, force: true });
    return results.map((x) => ({ wall: x.median * 1000, cpu: (x.user + x.system) * 1000 }));
  }
  const walls = commands.map(() => []);
  for (let i = 0; i < runs + 3; i++)
    for (const [k, [, argv]] of commands.entries()) {
      const t0 = performance.now();
      const r = spawnSync(argv[0], argv.slice(1), { stdio: "ignore" });
      if (r.status !== 0) throw new Error(`${quote(argv)} exited ${r.status}`);
      if (i >= 3) walls[k].push(performance.now() - t0);
    }
  return walls.map((w) => ({ wall: median(w), cpu: Number.NaN }));
}

const results = measure();
const [base] = results;
const ms = (v) => (Number.isNaN(v) ? "–" : `${v.toFixed(1)} ms`);
process.stdout.write(
  `Start-up, ${runs} runs each, load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores (wall: median; CPU: mean user + system)\n`,
);
for (const [k, [name]] of commands.entries()) {
  const r = results[k];
  const ratio =
    k === 0 ? "" : `  ratio ${(r.wall / base.wall).toFixed(2)} wall, ${(r.cpu / base.cpu).toFixed(2)} CPU`;
  process.stdout.write(
    `  ${name.padEnd(28)} ${ms(r.wall).padStart(9)} wall  ${ms(r.cpu).padStart(9)} CPU${ratio}\n`,
  );
}
