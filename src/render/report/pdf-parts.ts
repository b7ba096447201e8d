// The pieces of the PDF report as blocks (see ../pdf/flow.ts): headings that leave a named
// destination for the contents page, a question's heading, chart and notes, bullet lists, and the
// contents page itself. Pure layout: the words and numbers come from the view, already formatted.

import { CHART_SCALE, pngSize } from "../charts/png.js";
import type { Block } from "../pdf/flow.js";
import { FONT, type Pen, type TextStyle } from "../pdf/index.js";
import { pdfImage } from "./pdf-image.js";
import { PDF_THEME as T } from "./pdf-theme.js";

export const text = (
  size: number,
  opts: { bold?: boolean; color?: string; gap?: number } = {},
): TextStyle => ({
  font: opts.bold ? FONT.bold : FONT.regular,
  size,
  color: opts.color ?? T.text,
  lineGap: opts.gap ?? size * 0.25,
});

/** A section heading in the accent colour with a rule under it; `dest` names it for links. */
export function sectionHeading(title: string, dest: string): Block {
  return (pen, x, y, width) => {
    if (pen.drawing) pen.doc.addNamedDestination(dest, "XYZ", x, y, null);
    const h = pen.text(title, x, y, width, text(T.h1, { bold: true, color: T.accent }));
    pen.line(x, y + h + 3, x + width, y + h + 3, { stroke: T.accent, lineWidth: 1.5 });
    return h + 14;
  };
}

/** An invisible mark that names this spot for links from the contents. */
export function anchor(dest: string): Block {
  return (pen, x, y) => {
    if (pen.drawing) pen.doc.addNamedDestination(dest, "XYZ", x, y, null);
    return 0;
  };
}

/** A question's (or analysis's) title and its "n = 56 · …" line. */
export function blockHeading(title: string, meta: string): Block {
  return (pen, x, y, width) => {
    let h = pen.text(title, x, y, width, text(T.h2, { bold: true }));
    if (meta) h += 2 + pen.text(meta, x, y + h + 2, width, text(T.meta, { color: T.muted }));
    return h + 6;
  };
}

/**
 * A chart image across the width, no taller than `maxHeight` (narrower then, centred). The PNG's
 * compressed pixels go in as they are (pdf-image.ts), so the same bytes give the same PDF.
 * `label` names the image in the document and must be unique.
 */
export function chartImage(png: Buffer, label: string, maxHeight: number): Block {
  const size = pngSize(png);
  // Made once: pdfkit embeds an image object the first time it is drawn.
  const image = pdfImage(png, label);
  return (pen, x, y, width) => {
    // Layout pixels (size / CHART_SCALE) at 0.75 pt each, as a browser prints them.
    let w = Math.min(width, (size.width / CHART_SCALE) * 0.75);
    let h = (w * size.height) / size.width;
    if (h > maxHeight) {
      w = (w * maxHeight) / h;
      h = maxHeight;
    }
    // pdfkit's types know only bytes and paths, but it takes an opened image too.
    if (pen.drawing) pen.doc.image(image as Buffer, x + (width - w) / 2, y, { width: w, height: h });
    return h + 6;
  };
}

/** A bulleted list item: a small square in `mark` colour, the text wrapped beside it. */
export function bullet(item: string, style: TextStyle, mark: string = T.accent, after = 4): Block {
  return (pen, x, y, width) => {
    const indent = style.size * 1.2;
    const h = pen.text(item, x + indent, y, width - indent, style);
    const s = style.size * 0.38;
    pen.rect(x + 1, y + style.size * 0.45, s, s, { fill: mark });
    return h + after;
  };
}

/** Plain wrapped text, then some space. */
export function para(value: string, style: TextStyle, after = 4): Block {
  return (pen, x, y, width) => (value === "" ? 0 : pen.text(value, x, y, width, style) + after);
}

export interface TocEntry {
  title: string;
  dest: string;
  /** 0-based page index; shown 1-based like the footers. */
  page: number;
  level: 0 | 1;
}

/** One contents line: the title, a dotted leader, the page number, all of it a link. */
function tocLine(pen: Pen, e: TocEntry, x: number, y: number, width: number): number {
  const indent = e.level === 1 ? 14 : 0;
  const style = text(e.level === 0 ? T.body + 0.5 : T.body, { bold: e.level === 0 });
  const num = String(e.page + 1);
  const numWidth = pen.widthOf(num, style);
  const titleWidth = width - indent - numWidth - 24;
  const h = pen.text(e.title, x + indent, y, titleWidth, style);
  const lastLineY = y + h - pen.lineHeight(style);
  pen.labelRight(num, x + width, lastLineY, style);
  if (pen.drawing) {
    // A dotted leader to the number; a wrapped title ends where a leader could not be placed well.
    const oneLine = h < pen.lineHeight(style) * 1.5;
    const from = x + indent + pen.widthOf(e.title, style) + 4;
    const to = x + width - numWidth - 4;
    const baseline = lastLineY + style.size * 0.95;
    if (oneLine && to > from)
      pen.line(from, baseline, to, baseline, { stroke: T.rule, lineWidth: 0.8, dash: 1 });
    pen.doc.goTo(x, y, width, h, e.dest);
  }
  return h + (e.level === 0 ? 6 : 3);
}

/** The contents: its heading and one block per line, so that a long list can run over pages. */
export function tocLines(title: string, entries: TocEntry[]): Block[] {
  const head: Block = (pen, x, y, width) =>
    pen.text(title, x, y, width, text(T.h1, { bold: true, color: T.accent })) + 16;
  return [
    head,
    ...entries.map(
      (e): Block =>
        (pen, x, y, width) =>
          tocLine(pen, e, x, y, width),
    ),
  ];
}
