// The PDF report: structure (signature, pages, embedded fonts, contents), the same key findings as
// the other formats, "< 5" instead of a hidden count, Finnish letters intact, identical bytes twice.
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { ChoiceResult, Report } from "../../src/analysis/report.js";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { renderChart } from "../../src/render/charts/index.js";
import { chartSpecs, keyFindings, sectionTitles } from "../../src/render/report/index.js";
import { renderReportPdf } from "../../src/render/report/pdf.js";
import { pdfImage } from "../../src/render/report/pdf-image.js";
import { ROOT } from "../helpers/cli.js";
import { pageTexts, pdfFonts, pdfPages, pdfText } from "../helpers/print-pdf-tools.js";

const survey = loadSurvey(`${ROOT}/surveys/welcome-baseline.yaml`);
const sections = sectionTitles(survey);
// Few enough people that some answers are given by fewer than five of them.
const responses = generateResponses(survey, { count: 40, seed: 7, wave: "baseline", partialRate: 0 });
const report: Report = analyze(survey, responses, { generatedAt: "2025-04-09T12:00:00.000Z" });
const charts = new Map(chartSpecs(report, "fi").map((e) => [e.id, renderChart(e.spec, { locale: "fi" })]));

let pdf: Buffer;
let text: string;
beforeAll(async () => {
  pdf = await renderReportPdf(report, { lang: "fi", sections, charts });
  text = pdfText(pdf);
}, 120_000);

describe("renderReportPdf", () => {
  it("is a PDF of many pages with the bundled fonts embedded", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    expect(pdfPages(pdf)).toBeGreaterThan(15);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.map((f) => f.name).join(" ")).toMatch(/NotoSans/);
  });

  it("opens with the cover, then the contents, then the key findings", () => {
    const pages = pageTexts(pdf);
    expect(pages[0]).toContain("Tervetuloa kirjastoon – alkukysely");
    expect(pages[0]).toContain("40 vastausta");
    expect(pages[0]).toContain("Tietosuoja");
    expect(pages[1]).toContain("Sisältö");
    expect(pages[1]).toContain("Kirjaston käyttö");
    expect(pages.find((p) => p.startsWith("Keskeiset tulokset"))).toBeDefined();
  });

  it("gives the contents' page numbers right", () => {
    const pages = pageTexts(pdf);
    const line = /Taustatiedot \.*\s*(\d+)/.exec(pages[1] ?? "") ?? /Taustatiedot (\d+)/.exec(pages[1] ?? "");
    expect(line).not.toBeNull();
    const page = Number(line![1]);
    expect(pages[page - 1]).toMatch(/^Taustatiedot/);
  });

  it("states the same key findings as the other formats", () => {
    const findings = keyFindings(report, "fi");
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) expect(text).toContain(f.text.slice(0, 40).replace(/\s+/g, " "));
  });

  it("shows '< 5' for a hidden count and never the count itself", () => {
    const hidden = report.questions
      .filter((q): q is ChoiceResult => q.kind === "choice")
      .flatMap((q) => q.choices.filter((c) => c.suppressed).map((c) => ({ q, c })));
    const truths = hidden.map(({ q, c }) => responses.filter((r) => r.answers[q.id] === c.code).length);
    // At least one is a small count itself (others may be hidden so that it cannot be worked out).
    expect(truths.some((n) => n < 5)).toBe(true);
    for (const [i, { c }] of hidden.entries()) {
      const label = c.label.fi!;
      const truth = truths[i]!;
      // "< 5" for a small count, "–" for one hidden so that a small one cannot be worked out.
      expect(text.includes(`${label} < 5`) || text.includes(`${label} –`), label).toBe(true);
      expect(text).not.toContain(`${label} ${truth} `);
    }
  });

  it("keeps Finnish letters and page numbers in the text", () => {
    expect(text).toMatch(/[äö]/);
    expect(text).toContain("Sivu 2/");
  });

  it("gives the same bytes for the same report", async () => {
    const again = await renderReportPdf(report, { lang: "fi", sections, charts });
    expect(again.equals(pdf)).toBe(true);
  }, 120_000);

  it("gives the same bytes when the charts come one by one, late and out of order", async () => {
    // As from the chart workers: each chart a promise, kept after the layout has begun.
    const ids = [...charts.keys()];
    const coming = new Map(
      ids.map((id, i) => [
        id,
        new Promise<Buffer>((resolve) => setTimeout(() => resolve(charts.get(id)!), 5 * (ids.length - i))),
      ]),
    );
    const streamed = await renderReportPdf(report, { lang: "fi", sections, charts: coming });
    expect(streamed.equals(pdf)).toBe(true);
  }, 120_000);

  it("speaks the report's language", async () => {
    const en = await renderReportPdf(report, { lang: "en", sections, charts });
    const pages = pageTexts(en);
    expect(pages[0]).toContain("Welcome to the library – baseline survey");
    expect(pages[1]).toContain("Using the library");
    expect(pdfText(en)).toContain("Page 2 of");
  }, 120_000);
});

describe("renderReportPdf on a comparison", () => {
  it("prints no mark the bundled font lacks (minus signs, arrows, the reverse mark)", async () => {
    const both = [
      ...generateResponses(survey, { count: 30, seed: 1, wave: "baseline", partialRate: 0 }),
      ...generateResponses(survey, {
        count: 30,
        seed: 2,
        wave: "follow-up",
        start: "2025-10-01T09:00:00Z",
        partialRate: 0,
      }),
    ];
    const compared = analyze(survey, both, { compare: "wave" });
    const bytes = await renderReportPdf(compared, { lang: "fi", sections, charts });
    const all = pdfText(bytes);
    expect(all).toContain("Kierrosten vertailu");
    expect(all).toMatch(/\d %-yks\./);
    expect(all).not.toMatch(/[−→↺≈≤≥]/);
  }, 120_000);
});

describe("pdfImage", () => {
  const png = charts.values().next().value as Buffer;

  it("takes an 8-bit RGB chart as it is, with its size", () => {
    const image = pdfImage(png, "Chart-x");
    expect(Buffer.isBuffer(image)).toBe(false);
    expect(image).toMatchObject({
      width: png.readUInt32BE(16),
      height: png.readUInt32BE(20),
      label: "Chart-x",
    });
  });

  it("leaves other kinds of PNG to pdfkit", () => {
    const rgba = Buffer.from(png);
    rgba[25] = 6;
    expect(pdfImage(rgba, "a")).toBe(rgba);
    const notPng = Buffer.from("not a png at all, but long enough to read");
    expect(pdfImage(notPng, "b")).toBe(notPng);
  });
});
