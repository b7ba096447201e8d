// The report renderers keep the privacy rules: hidden numbers stay hidden in every text format,
// with their marks and footnotes. Escaping, determinism and each format: report-outputs.test.ts.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/index.js";
import {
  buildView,
  renderCsv,
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
