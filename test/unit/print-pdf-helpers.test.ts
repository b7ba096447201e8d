// The shared PDF helpers: byte-identical output with fixed dates, embedded bundled fonts,
// measure-before-draw placement that keeps groups on one page, and footers on every page.

import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FONT_BOLD, FONT_LICENSE, FONT_REGULAR } from "../../src/render/fonts.js";
import {
  type Block,
  createPdf,
  FIXED_DATE,
  FONT,
  measureBlock,
  Pen,
  pageArea,
  placeGroup,
  stampPages,
  textBlock,
} from "../../src/render/pdf/index.js";
import { pageTexts, pdfFonts, pdfPages } from "../helpers/print-pdf-tools.js";

const body = { font: FONT.regular, size: 12 } as const;

/** A block of a fixed height that writes its name, so the page it landed on can be read back. */
function tagged(name: string, height: number): Block {
  return (pen, x, y, width) => {
    pen.text(name, x, y, width, body);
    return height;
  };
}

async function build(draw: (doc: PDFKit.PDFDocument) => void, date?: Date): Promise<Buffer> {
  const pdf = createPdf({ title: "Testi åäö", lang: "fi", ...(date ? { date } : {}) });
  draw(pdf.doc);
  return pdf.finish();
}

describe("fonts", () => {
  it("bundles the regular and bold fonts inside the package", () => {
    expect(existsSync(FONT_REGULAR)).toBe(true);
    expect(existsSync(FONT_BOLD)).toBe(true);
    expect(readFileSync(FONT_LICENSE, "utf8")).toContain("SIL OPEN FONT LICENSE Version 1.1");
  });
});

describe("createPdf", () => {
  it("gives the same bytes for the same content (fixed dates and file id)", async () => {
    const draw = (doc: PDFKit.PDFDocument) => void doc.font(FONT.bold).text("Hei, Åsa ja Šárka!");
    const a = await build(draw);
    const b = await build(draw);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.equals(b)).toBe(true);
    const other = await build(draw, new Date(FIXED_DATE.getTime() + 1000));
    expect(other.equals(a)).toBe(false);
  });

  it("embeds the bundled fonts and no others", async () => {
    const pdf = await build((doc) => {
      doc.font(FONT.regular).text("åäö ÅÄÖ šž");
      doc.font(FONT.bold).text("Lihavoitu");
    });
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "NotoSans-Bold",
      "NotoSans-Regular",
    ]);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(pageTexts(pdf)[0]).toContain("åäö ÅÄÖ šž");
  });
});

describe("Pen", () => {
  it("measures exactly what it draws", async () => {
    const pdf = createPdf({ title: "t", lang: "fi" });
    const text = "Kirjasto on kaikkia varten. ".repeat(12);
    const measured = new Pen(pdf.doc, false).measure(text, 200, body);
    const before = pdf.doc.y;
    const drawn = new Pen(pdf.doc, true).text(text, 60, before, 200, body);
    expect(drawn).toBe(measured);
    expect(pdf.doc.y - before).toBeCloseTo(measured, 3);
    expect(measured).toBeGreaterThan(3 * new Pen(pdf.doc, false).lineHeight(body));
    await pdf.finish();
  });

  it("draws nothing while measuring", async () => {
    const empty = await build(() => {});
    const measuredOnly = await build((doc) => {
      const pen = new Pen(doc, false);
      pen.text("näkymätön", 50, 50, 200, body);
      pen.rect(10, 10, 50, 50);
    });
    expect(measuredOnly.equals(empty)).toBe(true);
  });

  it("wraps a text once per document, width and style, however often a block is measured", async () => {
    const pdf = createPdf({ title: "t", lang: "fi" });
    const wraps: string[] = [];
    const heightOfString = pdf.doc.heightOfString.bind(pdf.doc);
    pdf.doc.heightOfString = (text: string, options?: PDFKit.Mixins.TextOptions) => {
      wraps.push(text);
      return heightOfString(text, options);
    };
    const text = "Kirjasto on kaikkia varten. ".repeat(6);
    const heights = [1, 2, 3].map(() => new Pen(pdf.doc, false).measure(text, 200, body));
    expect(new Set(heights).size).toBe(1);
    expect(wraps).toEqual([text]);
    // Another width or style is another wrap, with its own height.
    expect(new Pen(pdf.doc, false).measure(text, 120, body)).toBeGreaterThan(heights[0]!);
    new Pen(pdf.doc, false).measure(text, 200, { ...body, font: FONT.bold });
    expect(wraps).toHaveLength(3);
    // Drawing takes the height measured before.
    expect(new Pen(pdf.doc, true).text(text, 60, pdf.doc.y, 200, body)).toBe(heights[0]);
    expect(wraps).toHaveLength(3);
    await pdf.finish();
  });
});

describe("placeGroup", () => {
  it("moves a group that does not fit to the next page instead of splitting it", async () => {
    const pdf = await build((doc) => {
      const room = pageArea(doc).bottom - pageArea(doc).top;
      placeGroup(doc, [tagged("first", room - 100)]);
      const start = placeGroup(doc, [tagged("second-a", 60), tagged("second-b", 60)]);
      expect(start).toBe(1);
      placeGroup(doc, [tagged("third", 50)], { spaceBefore: 20 });
    });
    const pages = pageTexts(pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toBe("first");
    expect(pages[1]).toBe("second-a second-b third");
  });

  it("splits a group taller than a page only between parts, repeating the header", async () => {
    const pdf = await build((doc) => {
      const parts = Array.from({ length: 12 }, (_, i) => tagged(`row${i + 1}`, 100));
      placeGroup(doc, parts, { repeat: tagged("header", 30) });
    });
    const pages = pageTexts(pdf);
    expect(pages.length).toBe(2);
    expect(pages[0]).not.toContain("header");
    expect(pages[1]?.startsWith("header row")).toBe(true);
    expect(pages.join(" ").match(/row\d+/g)).toHaveLength(12);
  });

  it("moves a part that no longer fits to the next page when a group too tall for one is split", async () => {
    // A report question: its chart, then a table that cannot share the chart's page. The table
    // must start on the next page rather than run off the foot of this one, cell by cell.
    const pdf = await build((doc) => {
      const room = pageArea(doc).bottom - pageArea(doc).top;
      placeGroup(doc, [tagged("chart", room * 0.7), tagged("table", room * 0.5), tagged("note", 10)]);
    });
    expect(pageTexts(pdf)).toEqual(["chart", "table note"]);
  });

  it("leaves out the space before a group at the top of a page", async () => {
    await build((doc) => {
      const top = pageArea(doc).top;
      placeGroup(doc, [tagged("a", 10)], { spaceBefore: 40 });
      expect(doc.y).toBe(top + 10);
      placeGroup(doc, [tagged("b", 10)], { spaceBefore: 40 });
      expect(doc.y).toBe(top + 60);
    });
  });

  it("measures a block with the same code that draws it", () => {
    const pdf = createPdf({ title: "t", lang: "fi" });
    const block = textBlock("Yksi kaksi kolme neljä viisi kuusi seitsemän", body, { spaceAfter: 7 });
    const h = measureBlock(pdf.doc, block, 120);
    expect(h).toBeCloseTo(
      new Pen(pdf.doc, false).measure("Yksi kaksi kolme neljä viisi kuusi seitsemän", 120, body) + 7,
      5,
    );
  });
});

describe("stampPages", () => {
  it("writes a footer in the bottom margin of every page without adding pages", async () => {
    const pdf = await build((doc) => {
      placeGroup(doc, [tagged("one", 10)]);
      doc.addPage();
      placeGroup(doc, [tagged("two", 10)]);
      stampPages(doc, (pen, page) => {
        pen.label(`page ${page.index + 1} of ${page.count}`, page.margins.left, page.height - 30, body);
      });
    });
    expect(pdfPages(pdf)).toBe(2);
    expect(pageTexts(pdf)).toEqual(["one page 1 of 2", "two page 2 of 2"]);
  });
});
