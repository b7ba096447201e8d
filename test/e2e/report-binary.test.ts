// `kuulo report` through the built binary (npm run build first): the summary piped into head
// ends quietly with 0, files appear whole, and an unwritable folder is exit 73 with no leftovers.
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportFormat } from "../../src/reporting/formats.js";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { BIN, modulesLoaded, ROOT, runBin, tempDir } from "../helpers/cli.js";
import { minimalSurvey, twoWaves } from "../helpers/report-fixtures.js";

const tmp = tempDir("kuulo-report-e2e-");
const db = join(tmp.dir, "kuulo.db");
beforeAll(() => {
  const store = openStore(db, { create: true });
  registerSurvey(store, minimalSurvey(), new Date("2025-01-01T00:00:00Z"));
  saveResponses(store, twoWaves());
  store.close();
});
afterAll(() => tmp.cleanup());

describe("kuulo report (built binary)", () => {
  it("prints the summary and ends quietly when piped into head", () => {
    const r = spawnSync(
      "bash",
      ["-o", "pipefail", "-c", `"${process.execPath}" "${BIN}" report minimal --db "${db}" | head -3`],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("Pieni kysely");
  });

  it("writes Markdown, JSON and the charts with --out", () => {
    const out = join(tmp.dir, "out");
    const r = runBin([
      "report",
      "minimal",
      "--db",
      db,
      "--out",
      out,
      "--format",
      "md,json,png",
      "--lang",
      "en",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["charts", "report.json", "report.md"]);
    expect(readdirSync(join(out, "charts")).length).toBeGreaterThan(5);
  });

  it("exits 73 for a folder that cannot be made, leaving no temporary files", () => {
    const blocker = join(tmp.dir, "blocker");
    writeFileSync(blocker, "");
    const r = runBin(["report", "minimal", "--db", db, "--out", join(blocker, "x")]);
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/Cannot create the folder/);
    expect(readdirSync(tmp.dir).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("loads for each format only what it needs (no survey file code), and the chart code on worker threads only", () => {
    const loads = (name: string, args: string[]): string => {
      const r = modulesLoaded(["report", "minimal", "--db", db, ...args], {
        cwd: tmp.dir,
        log: join(tmp.dir, `loads-${name}.txt`),
      });
      expect(r.code, r.stderr).toBe(0);
      return r.loaded;
    };
    const heavy = ["chart.js", "@napi-rs/canvas", "pdfkit", "exceljs"];
    const charts = ["chart.js", "@napi-rs/canvas"];
    const needs: Record<ReportFormat, string[]> = {
      terminal: [],
      md: [],
      csv: [],
      json: [],
      xlsx: ["exceljs"],
      html: charts,
      png: charts,
      pdf: [...charts, "pdfkit"],
    };
    // Each format's own renderer module and no other's (json.js is also the ledger's, so not here).
    const renderers: Partial<Record<ReportFormat, string>> = {
      terminal: "terminal.js",
      md: "markdown.js",
      csv: "csv.js",
      xlsx: "xlsx.js",
      html: "html-page.js",
      pdf: "pdf.js",
    };
    const workers = availableParallelism() >= 2;
    for (const [format, needed] of Object.entries(needs) as [ReportFormat, string[]][]) {
      const out = format === "terminal" ? [] : ["--out", join(tmp.dir, `loads-out-${format}`)];
      const loaded = loads(format, ["--format", format, ...out]);
      for (const name of heavy)
        expect(loaded.includes(`node_modules/${name}/`), `${format} loads ${name}`).toBe(
          needed.includes(name),
        );
      for (const [other, file] of Object.entries(renderers))
        expect(loaded.includes(`dist/render/report/${file}`), `${format} loads ${file}`).toBe(
          other === format,
        );
      // A stored survey needs none of the survey file's code (zod, yaml), nor, but for csv, the
      // export's CSV writer: on no thread.
      for (const name of ["zod", "yaml", "csv-stringify"])
        if (!(format === "csv" && name === "csv-stringify"))
          expect(loaded.includes(`node_modules/${name}/`), `${format} loads ${name}`).toBe(false);
      // The charts are drawn on worker threads: this thread loads no chart code, not even the fallback.
      expect(loaded, format).not.toContain("dist/render/report/html.js");
      if (!workers) continue;
      const main = loaded.split("\n").filter((line) => !line.endsWith("(worker thread)"));
      for (const name of charts)
        expect(
          main.some((line) => line.includes(`node_modules/${name}/`)),
          `${format}: ${name} on this thread`,
        ).toBe(false);
    }
  }, 180_000);
});
