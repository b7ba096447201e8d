import { describe, expect, it } from "vitest";
import { createPdf, FONT, Pen } from "../../src/render/pdf/index.js";
import { layoutTable } from "../../src/render/report/pdf-table.js";
import type { Table } from "../../src/render/report/view.js";

const PAD = 4;

function table(titles: string[]): Table {
  return {
    caption: "Vastaukset",
    columns: [
      { title: "Väittämä", kind: "label" },
      ...titles.map((title) => ({ title, kind: "share" as const })),
    ],
    rows: [
      {
        cells: [
          { text: "Kirjastoon on helppo tulla", value: null, kind: "label" },
          ...titles.map(() => ({ text: "13,8 %", value: 0.138, kind: "share" as const })),
        ],
      },
    ],
  };
}

describe("PDF report tables", () => {
  it("never breaks a header word letter by letter, even a word followed by a space", () => {
    const pdf = createPdf({ title: "t", lang: "fi" });
    const pen = new Pen(pdf.doc, false);
    const titles = [
      "Täysin eri mieltä",
      "Jokseenkin eri mieltä",
      "Ei samaa eikä eri mieltä",
      "En osaa sanoa",
    ];
    const layout = layoutTable(pen, table(titles), 470);
    const head = { font: FONT.bold, size: layout.size, lineGap: 0.5 };
    titles.forEach((title, i) => {
      const inner = (layout.widths[i + 1] ?? 0) - 2 * PAD;
      // A word followed by another takes exactly one line each: none is broken into pieces.
      for (const word of title.split(" ")) {
        const lines = pen.measure(`${word} ${word}`, inner, head) / pen.lineHeight(head);
        expect(Math.round(lines), `${word} in ${inner.toFixed(1)} pt`).toBeLessThanOrEqual(2);
      }
    });
  });
});
