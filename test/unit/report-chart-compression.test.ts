// A report's charts are drawn once for all its formats: compressed as PNG files are (zlib's default
// level) whenever a PNG file or the web page shows them, the fast way when only the PDF does; the
// pixels are the same either way, and so is the PDF of a report that also writes the PNG files.
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { renderChart } from "../../src/render/charts/index.js";
import { chartSpecs } from "../../src/render/report/index.js";
import type { ReportFormat } from "../../src/reporting/formats.js";
import { drawCharts } from "../../src/reporting/renderers.js";
import { ROOT } from "../helpers/cli.js";

const survey = loadSurvey(`${ROOT}/surveys/welcome-baseline.yaml`);
const responses = generateResponses(survey, { count: 60, seed: 3, wave: "baseline" });
const report = analyze(survey, responses, { generatedAt: "2025-04-09T12:00:00.000Z" });
const entries = chartSpecs(report, "fi").slice(0, 4);
const wanted = new Set(entries.map((e) => e.id));

/** The first few charts of the report as drawn for these formats. */
async function drawn(formats: ReportFormat[]): Promise<Map<string, Buffer>> {
  const charts = await drawCharts(report, "fi", formats);
  const out = new Map<string, Buffer>();
  for (const [id, png] of charts) if (wanted.has(id)) out.set(id, await png);
  return out;
}

/** The decompressed scanlines of a PNG (every IDAT chunk). */
function pixels(png: Buffer): Buffer {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(idat));
}

describe("a report's charts", () => {
  it("are the PNG files' bytes whenever PNG files or the web page show them", async () => {
    for (const formats of [["png"], ["pdf", "png"], ["html", "pdf"]] as ReportFormat[][]) {
      const charts = await drawn(formats);
      for (const e of entries)
        expect(charts.get(e.id)!.equals(renderChart(e.spec, { locale: "fi" })), `${formats} ${e.id}`).toBe(
          true,
        );
    }
  }, 60_000);

  it("are compressed the fast way, the same pixels, when only the PDF shows them", async () => {
    const fast = await drawn(["pdf", "json", "md"]);
    for (const e of entries) {
      const file = renderChart(e.spec, { locale: "fi" });
      const png = fast.get(e.id)!;
      expect(png.equals(file), e.id).toBe(false);
      expect(pixels(png).equals(pixels(file)), e.id).toBe(true);
    }
  }, 60_000);
});
