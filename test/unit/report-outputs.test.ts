// The report renderers one by one: the terminal summary, escaping what respondents and authors
// wrote, the same bytes for the same Report, JSON, XLSX and the chart specs.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  buildView,
  chartSpecs,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
  renderXlsx,
} from "../../src/render/report/index.js";
import { minimalReport, sections } from "../helpers/report-fixtures.js";

const opts = (lang = "fi") => ({ lang, sections: sections() });

describe("terminal summary", () => {
  it.each([
    ["fi", 60],
    ["sv", 80],
    ["en", 100],
  ] as const)("fits %s text into %i columns", (lang, width) => {
    const text = renderTerminal(minimalReport({ compare: "wave" }), { ...opts(lang), width });
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(width);
  });

  it("colours only through the paint it is given", () => {
    const report = minimalReport();
    const plain = renderTerminal(report, opts());
    expect(plain).not.toContain("\u001b[");
    const tag = (s: string) => `<${s}>`;
    const painted = renderTerminal(report, { ...opts(), paint: { bold: tag, dim: tag, cyan: tag } });
    expect(painted).toContain("<█");
  });
});

describe("what respondents and survey authors wrote cannot become markup or formulas", () => {
  const evil = () => {
    const r = minimalReport();
    const text = r.questions.find((q) => q.kind === "text")!;
    if (text.kind !== "text" || !text.answers.texts) throw new Error("fixture has no free texts");
    text.answers.texts[0] = "<script>alert(1)</script> *bold* | [link](http://x) <img src=x>";
    const single = r.questions.find((q) => q.kind === "choice")!;
    if (single.kind !== "choice") throw new Error("fixture has no single choice");
    single.choices[0]!.label = { fi: '=HYPERLINK("http://x","klik")', en: "@SUM(A1)" };
    return r;
  };

  it("escapes HTML", () => {
    const html = renderHtml(evil(), opts());
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes Markdown", () => {
    const md = renderMarkdown(evil(), opts());
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\*bold\\* \\| \\[link\\](http://x)");
  });

  it("neutralises formula-like CSV cells but leaves negative numbers alone", () => {
    const rows = parse(renderCsv(evil(), opts()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.some((r) => r.label === `'=HYPERLINK("http://x","klik")`)).toBe(true);
    expect(rows.some((r) => r.label?.startsWith("="))).toBe(false);
    const negative = renderCsv(minimalReport({ compare: "wave" }), opts());
    expect(negative).toMatch(/,-0\.\d+,/);
  });
});

describe("determinism", () => {
  afterEach(() => vi.useRealTimers());
  const report = minimalReport({ compare: "wave" });

  it.each([
    ["md", () => renderMarkdown(report, opts())],
    ["terminal", () => renderTerminal(report, opts())],
    ["csv", () => renderCsv(report, opts())],
    ["json", () => renderJson(report)],
  ])("%s is the same text every time", (_, render) => {
    expect(render()).toBe(render());
  });

  it("html is the same bytes every time (charts included)", () => {
    const a = renderHtml(report, opts());
    expect(renderHtml(report, opts())).toBe(a);
  });

  it("xlsx is the same bytes at another time of day", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-02T03:04:05Z"));
    const a = await renderXlsx(report, opts());
    vi.setSystemTime(new Date("2027-06-07T08:09:11Z"));
    const b = await renderXlsx(report, opts());
    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
  });
});

describe("JSON", () => {
  it("is the Report itself, in the contract's key order, with a trailing newline", () => {
    const report = minimalReport();
    const json = renderJson(report);
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json)).toEqual(report);
    expect(Object.keys(JSON.parse(json))).toEqual([
      "format",
      "survey",
      "generatedAt",
      "options",
      "counts",
      "period",
      "privacy",
      "questions",
      "crossTabs",
      "comparison",
      "indices",
      "ipa",
      "gaps",
    ]);
    expect(json).toContain('\n  "format": 1,\n');
  });

  it("refuses a number that is not finite instead of writing null", () => {
    const report = minimalReport();
    report.privacy.suppressedCells = Number.NaN;
    expect(() => renderJson(report)).toThrow(/suppressedCells/);
  });
});

describe("XLSX", () => {
  it("has an overview, a sheet per section and analysis, the free texts, and real numbers", async () => {
    const report = minimalReport({ compare: "wave" });
    const raw = {
      name: "Data",
      columns: ["response_id", "wishes"],
      rows: [
        ["r1", "=1+1"],
        ["r2", null],
      ],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(report, { ...opts("en"), raw })) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Overview",
      "Questions",
      "Comparison of waves",
      "Indices and service ratings",
      "Appendix free-text answers",
      "Data",
    ]);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet("Questions")!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const share = cells.find((c) => typeof c.value === "number" && c.numFmt === "0.0%");
    expect(share).toBeDefined();
    expect(cells.some((c) => c.value === "< 5")).toBe(true);
    expect(wb.getWorksheet("Data")!.getCell("B2").value).toBe("=1+1");
    expect(wb.getWorksheet("Data")!.getCell("B2").formula).toBeUndefined();
    expect(wb.created.toISOString()).toBe(report.generatedAt);
  });
});

describe("chart specs", () => {
  const report = minimalReport({ compare: "wave" });
  const specs = chartSpecs(report, "fi");
  const byId = new Map(specs.map((s) => [s.id, s]));

  it("chooses the chart by the kind of result", () => {
    expect(byId.get("visit_freq")?.spec.type).toBe("bars");
    expect(byId.get("barriers")?.spec.type).toBe("bars");
    expect(byId.get("enjoy")?.spec.type).toBe("diverging");
    // A numbered 4–10 grade has no neutral middle: a distribution, not a diverging bar.
    expect(byId.get("grade")?.spec.type).toBe("bars");
    expect(byId.get("image")?.spec.type).toBe("diverging");
    expect(byId.get("books")?.spec.type).toBe("histogram");
    expect(byId.get("rank")?.spec.type).toBe("bars");
    expect(byId.get("dots")?.spec.type).toBe("ordered-bars");
    expect(byId.has("wishes")).toBe(false);
    expect(byId.get("compare.visit_freq")?.spec.type).toBe("paired-bars");
    expect(byId.get("compare.image")?.spec.type).toBe("paired-bars");
    expect(byId.get("ipa")?.spec.type).toBe("ipa");
  });

  it("passes a suppressed value as null with the '< 5' label", () => {
    const grade = report.questions.find((q) => q.id === "grade")!;
    if (grade.kind !== "scale") throw new Error("grade is a scale");
    const spec = byId.get("grade")!.spec;
    if (spec.type !== "bars") throw new Error("grade is drawn as bars");
    grade.choices.forEach((ch, i) => {
      if (ch.suppressed) expect(spec.items[i]!.share).toBeNull();
      else expect(spec.items[i]!.share).toBe(ch.share);
    });
    expect(spec.suppressedLabel).toBe("< 5");
  });

  it('draws the "don\'t know" share beside the diverging bars, as the table counts it', () => {
    const spec = byId.get("image")!.spec;
    if (spec.type !== "diverging") throw new Error("image is drawn diverging");
    expect(spec.dontKnowLabel).toBeDefined();
    for (const r of spec.rows) expect(r.dontKnow).not.toBeNull();
  });

  it("gives every chart alt text in the report's language", () => {
    for (const s of specs) expect(s.alt).toMatch(/Luvut ovat alla olevassa taulukossa/);
  });

  it("attaches each chart to exactly one block of the text view", () => {
    const v = buildView(report, opts());
    const attached = [...v.sections, ...v.analyses].flatMap((s) =>
      s.blocks.flatMap((b) => (b.chartId ? [b.chartId] : [])),
    );
    expect([...attached].sort()).toEqual(specs.map((s) => s.id).sort());
  });
});
