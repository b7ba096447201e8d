// The report renderers keep the privacy rules (hidden numbers stay hidden, with their marks and
// footnotes), escape what respondents wrote, and give the same bytes for the same Report.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Report } from "../../src/analysis/index.js";
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
import type { Cell } from "../../src/render/report/view.js";
import { minimalReport, sections } from "../helpers/report-fixtures.js";

const opts = (lang = "fi") => ({ lang, sections: sections() });
const allCells = (r: Report, lang = "fi"): Cell[] => {
  const v = buildView(r, opts(lang));
  return [...v.sections, ...v.analyses].flatMap((s) =>
    s.blocks.flatMap((b) => b.tables.flatMap((t) => t.rows.flatMap((row) => row.cells))),
  );
};

describe("privacy in every text format", () => {
  const report = minimalReport({ compare: "wave" });

  it("has hidden numbers to show (the fixture is small enough)", () => {
    expect(report.privacy.suppressedCells).toBeGreaterThan(0);
    expect(report.privacy.withheldStatistics).toBeGreaterThan(0);
  });

  it("shows a hidden count as '< 5' and never as a number", () => {
    const cells = allCells(report);
    const hidden = cells.filter((c) => c.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) {
      expect(c.value).toBeNull();
      expect(["< 5", "–", "liian vähän"]).toContain(c.text);
    }
    for (const c of cells) if (c.value !== null) expect(c.hidden).toBeUndefined();
  });

  it("puts '< 5' in the row of each suppressed choice", () => {
    const view = buildView(report, opts("en"));
    const blocks = view.sections.flatMap((s) => s.blocks);
    let checked = 0;
    for (const q of report.questions) {
      if (q.kind !== "choice" && q.kind !== "multi" && q.kind !== "scale") continue;
      const table = blocks.find((b) => b.id === q.id)!.tables[0]!;
      for (const ch of q.choices.filter((x) => x.suppressed)) {
        const row = table.rows.find((r) => r.cells[0]!.text === (ch.label.en ?? ""))!;
        // "< 5" below minCell; "–" for a larger count hidden only as a complement.
        expect(row.cells[1]!.text).toBe(ch.complement ? "–" : "< 5");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('prints "don\'t know" and skipped counts exactly, small ones too, in every format', async () => {
    // base − valid n gives their total anyway: hiding one would promise what it cannot keep.
    const likes = report.questions.find((q) => q.id === "likes")!;
    if (likes.kind !== "choice") throw new Error("likes is a single choice");
    const dk = likes.status.missing[0]!;
    expect(dk.suppressed).toBe(false);
    expect(likes.status.skipped.suppressed).toBe(false);
    expect(dk.count! + likes.status.skipped.value!).toBe(
      likes.status.base.value! - likes.status.valid.value!,
    );
    const view = buildView(report, opts("en"));
    const blocks = view.sections.flatMap((s) => s.blocks);
    const rowOf = (id: string, label: string) =>
      blocks.find((b) => b.id === id)!.tables[0]!.rows.find((r) => r.cells[0]!.text === label)!;
    expect(rowOf("likes", "Don't know").cells[1]!.text).toBe(String(dk.count));
    expect(rowOf("likes", "Left unanswered").cells[1]!.text).toBe(String(likes.status.skipped.value));
    const csv = parse(renderCsv(report, opts("en")), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const dkRows = csv.filter((r) => r.question === "likes" && r.measure === "missing");
    expect(dkRows).toEqual([expect.objectContaining({ value: String(dk.count) })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(report, opts("en"))) as unknown as ArrayBuffer);
    const dkCells: unknown[] = [];
    wb.getWorksheet("Questions")!.eachRow((r) => {
      const cells = (r.values as unknown[]).slice(1);
      if (cells[0] === "Don't know") dkCells.push(cells[1]);
    });
    expect(dkCells).toContain(dk.count);
  });

  it("explains each mark where it is used", () => {
    const md = renderMarkdown(report, opts("en"));
    expect(md).toContain("< 5: fewer than 5 people");
    expect(md).toContain(
      "–: number or figure withheld so that no hidden number smaller than 5 can be worked out",
    );
    const term = renderTerminal(report, opts("en"));
    expect(term).toContain("< 5: fewer than 5 people");
  });

  it("shows a group smaller than minCell as 'too few' in every cell", () => {
    const small = minimalReport({ by: "likes" }, 20);
    expect(small.privacy.tooFewGroups).toBeGreaterThan(0);
    const md = renderMarkdown(small, opts("en"));
    expect(md).toContain("too few");
    expect(md).toContain("too few: the group has fewer than 5 people");
    const csv = renderCsv(small, opts("en"));
    expect(csv).toMatch(/,too-few\r\n/);
  });

  it("never prints the contact details analysis masked", () => {
    const outputs = [
      renderMarkdown(report, opts()),
      renderTerminal(report, opts()),
      renderCsv(report, opts()),
      renderJson(report),
    ];
    for (const text of outputs)
      for (const secret of [
        "matti.virtanen@example.fi",
        "040 123 4567",
        "+358 50 765 4321",
        "anna.k@posti.example",
      ])
        expect(text).not.toContain(secret);
    // Masks are words of the report's language.
    expect(outputs[0]).toMatch(/\\\[(sähköpostiosoite|e-mail address)\\\]/);
    expect(renderMarkdown(report, opts("fi"))).toContain("\\[sähköpostiosoite\\]");
    expect(renderMarkdown(report, opts("sv"))).toContain("\\[e-postadress\\]");
    expect(renderMarkdown(report, opts("en"))).toContain("\\[e-mail address\\]");
    expect(renderMarkdown(report, opts("en"))).not.toContain("[email]");
  });

  it("writes a hidden value as an empty cell with its reason in the CSV", () => {
    const rows = parse(renderCsv(report, opts("en")), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    const hidden = rows.filter((r) => r.status !== "");
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) {
      expect(r.value).toBe("");
      expect(["suppressed", "withheld", "too-few"]).toContain(r.status);
    }
    expect(Object.keys(rows[0]!)).toEqual([
      "section",
      "question",
      "item",
      "group",
      "code",
      "label",
      "measure",
      "value",
      "status",
    ]);
  });
});

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
