// The report's charts on worker threads (the built dist/: npm run build first): the same PNG bytes
// as drawn on the main thread, an error in a worker arrives as the same error, idle workers never
// keep the process alive, and Ctrl+C stops a report while its charts are being drawn.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import type { ChartSpec } from "../../src/render/charts/index.js";
import type { ChartPool } from "../../src/render/charts/pool.js";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { ALL_SPECS } from "../helpers/charts-specs.js";
import { BIN, ROOT, tempDir } from "../helpers/cli.js";

const DIST = join(ROOT, "dist/render/charts");
const url = (file: string) => pathToFileURL(join(DIST, file)).href;
type PoolModule = typeof import("../../src/render/charts/pool.js");
type ChartsModule = typeof import("../../src/render/charts/index.js");

const tmp = tempDir("kuulo-chart-pool-");
afterAll(() => tmp.cleanup());

describe("charts on worker threads", () => {
  let pool: ChartPool;
  let charts: ChartsModule;
  beforeAll(async () => {
    const { startChartPool } = (await import(url("pool.js"))) as PoolModule;
    charts = (await import(url("index.js"))) as ChartsModule;
    pool = startChartPool(2);
  });
  afterAll(() => pool.close());

  it("are the same bytes, in the same order, as drawn on this thread", async () => {
    const specs = [...ALL_SPECS, ...ALL_SPECS.slice().reverse()];
    const pngs = await pool.render(specs, { locale: "sv" });
    expect(pngs).toHaveLength(specs.length);
    specs.forEach((spec, i) => {
      expect(pngs[i]!.equals(charts.renderChart(spec, { locale: "sv" })), `chart ${i}`).toBe(true);
    });
  });

  it("come one by one, the same bytes as all at once", async () => {
    const each = pool.renderEach(ALL_SPECS, { locale: "fi" });
    const all = await pool.render(ALL_SPECS, { locale: "fi" });
    for (const [i, png] of each.entries()) expect((await png).equals(all[i]!), `chart ${i}`).toBe(true);
  });

  it("fail with the error the main thread would give, and the pool goes on", async () => {
    const bad = { type: "bars", title: "x", n: 1 } as unknown as ChartSpec;
    let here: Error | undefined;
    try {
      charts.renderChart(bad, { locale: "fi" });
    } catch (e) {
      here = e as Error;
    }
    expect(here).toBeInstanceOf(Error);
    const there = await pool.render([ALL_SPECS[0]!, bad], { locale: "fi" }).catch((e: Error) => e);
    expect(there).toBeInstanceOf(Error);
    expect([(there as Error).name, (there as Error).message]).toEqual([here!.name, here!.message]);
    expect((await pool.render([ALL_SPECS[1]!], { locale: "fi" }))[0]!.length).toBeGreaterThan(1000);
  });
});

/** Node running a module's text, with its exit status, output and how long it took. */
function runScript(text: string, timeout = 60_000) {
  const file = join(tmp.dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, text);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", timeout });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

describe("the process with chart workers", () => {
  const spec = JSON.stringify(ALL_SPECS[0]);

  it("ends by itself when the workers are idle, closed or not", () => {
    const r = runScript(
      `import { startChartPool } from ${JSON.stringify(url("pool.js"))};
       const idle = startChartPool(2);
       const used = startChartPool(2);
       const [png] = await used.render([${spec}], { locale: "fi" });
       console.log("drawn", png.length > 1000);`,
    );
    expect(r.stderr).toBe("");
    expect([r.status, r.stdout.trim()]).toEqual([0, "drawn true"]);
  });

  it("fails the charts with the worker's own error when a worker cannot start, and ends", () => {
    const r = runScript(
      `import { startChartPool } from ${JSON.stringify(url("pool.js"))};
       const pool = startChartPool(2, new URL("./no-such-worker.js", import.meta.url));
       await pool.render([${spec}], { locale: "fi" }).catch((e) => console.log("failed:", e.code ?? e.message));`,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^failed: (ERR_)?MODULE_NOT_FOUND$/);
  });

  it("leaves no unhandled rejection when a chart fails and the caller stops at the first", () => {
    const r = runScript(
      `import { startChartPool } from ${JSON.stringify(url("pool.js"))};
       const pool = startChartPool(2);
       const bad = { type: "bars", title: "x", n: 1 };
       const each = pool.renderEach([bad, ${spec}, bad, ${spec}], { locale: "fi" });
       await each[0].catch((e) => console.log("failed:", e.name));`,
    );
    expect(r.stderr).toBe("");
    expect([r.status, r.stdout.trim()]).toEqual([0, "failed: TypeError"]);
  });

  it("ends with the error when the caller fails while workers are loading", () => {
    const r = runScript(
      `import { startChartPool } from ${JSON.stringify(url("pool.js"))};
       startChartPool(2);
       throw new Error("the analysis failed");`,
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the analysis failed");
  });
});

describe("Ctrl+C during a report's charts", () => {
  const db = join(tmp.dir, "kuulo.db");
  beforeAll(() => {
    const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
    const store = openStore(db, { create: true });
    registerSurvey(store, survey, new Date("2025-01-01T00:00:00Z"));
    saveResponses(store, generateResponses(survey, { count: 300, seed: 1, wave: "baseline" }));
    store.close();
  });

  it("stops the process at once, leaving no report files", async () => {
    const out = join(tmp.dir, "out");
    const child = spawn(
      process.execPath,
      [BIN, "report", "welcome-baseline", "--db", db, "--out", out, "--format", "png,pdf,html"],
      {
        cwd: tmp.dir,
        stdio: "ignore",
      },
    );
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    // Long enough for the workers to have started; the report itself takes longer.
    await new Promise((r) => setTimeout(r, 1200));
    const sent = Date.now();
    child.kill("SIGINT");
    const { code, signal, at } = await ended;
    expect(signal === "SIGINT" || code === 130, `code ${code}, signal ${signal}`).toBe(true);
    expect(at - sent).toBeLessThan(3000);
    expect(existsSync(out) ? readdirSync(out).filter((f) => f.startsWith("report.")) : []).toEqual([]);
  }, 30_000);
});
