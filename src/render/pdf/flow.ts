// Placing blocks down the page: a block is measured before it is drawn, so a group that fits
// on a page is never split, and page numbers and footers are stamped once the count is known.
import { Pen } from "./pen.js";

/** Layout code that draws (or measures) itself at x, y within width and returns its height. */
export type Block = (pen: Pen, x: number, y: number, width: number) => number;

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
}

/** The writable area of the current page (inside the margins). */
export function pageArea(doc: PDFKit.PDFDocument): Area {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    top: margins.top,
    right: width - margins.right,
    bottom: height - margins.bottom,
    width: width - margins.left - margins.right,
  };
}

export function measureBlock(doc: PDFKit.PDFDocument, block: Block, width: number): number {
  return block(new Pen(doc, false), 0, 0, width);
}

/** Index (0-based) of the page being written. */
export function currentPage(doc: PDFKit.PDFDocument): number {
  const r = doc.bufferedPageRange();
  return r.start + r.count - 1;
}

function atTop(doc: PDFKit.PDFDocument): boolean {
  return doc.y <= pageArea(doc).top + 0.5;
}

function newPage(doc: PDFKit.PDFDocument): void {
  doc.addPage();
  doc.x = pageArea(doc).left;
  doc.y = pageArea(doc).top;
}

function draw(doc: PDFKit.PDFDocument, block: Block): void {
  const a = pageArea(doc);
  // pdfkit moves doc.y as it writes text; the block's own height is what counts.
  const y = doc.y;
  const h = block(new Pen(doc, true), a.left, y, a.width);
  doc.x = a.left;
  doc.y = y + h;
}

export interface GroupOptions {
  /** Space above the group, left out at the top of a page. */
  spaceBefore?: number;
  /** Drawn again at the top of each new page when a group too tall for one page must be split
   *  (a table header). */
  repeat?: Block;
  /**
   * A group of independent rows (a grid) may go on over a page break whenever it does not fit
   * where it is, not only when it is taller than a page: its first `keepFirst` parts (question,
   * header and a couple of rows) stay together, and the last `keepLast` parts go on together.
   */
  split?: { keepFirst: number; keepLast: number };
}

/** How full a page is: the height used, and what did not fit after it (for the half-full rule). */
export interface PageUse {
  /** Height of the writable area. */
  height: number;
  /** Height used from the top of the area to the bottom of the last block. */
  used: number;
  /** When the page ended because the next group did not fit: that group's height and the room
   *  it would have had (after the space above it). */
  refused?: { height: number; room: number };
}

const USE = new WeakMap<PDFKit.PDFDocument, PageUse[]>();

/** Per page, how much of it is used (for any document laid out with placeGroup). */
export function pageUse(doc: PDFKit.PDFDocument): PageUse[] {
  return USE.get(doc) ?? [];
}

function noteUse(doc: PDFKit.PDFDocument): void {
  const a = pageArea(doc);
  const list = USE.get(doc) ?? [];
  USE.set(doc, list);
  const i = currentPage(doc);
  while (list.length <= i) list.push({ height: a.bottom - a.top, used: 0 });
  const page = list[i]!;
  page.used = Math.max(page.used, doc.y - a.top);
}

function refuse(doc: PDFKit.PDFDocument, height: number, room: number): void {
  noteUse(doc);
  const page = pageUse(doc)[currentPage(doc)];
  if (page) page.refused = { height, room };
}

/**
 * Draws the parts one under another, all on one page when they fit on one: on the current
 * page if there is room, else on a new one. Only a group taller than a whole page is split,
 * and then only between parts. Returns the page index where the group starts.
 */
export function placeGroup(doc: PDFKit.PDFDocument, parts: Block[], opts: GroupOptions = {}): number {
  const a = pageArea(doc);
  const heights = parts.map((p) => measureBlock(doc, p, a.width));
  const total = heights.reduce((s, h) => s + h, 0);
  const gap = atTop(doc) ? 0 : (opts.spaceBefore ?? 0);
  const room = a.bottom - doc.y - gap;
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((s, h) => s + h, 0);
  const split = opts.split;
  const splitHere =
    split !== undefined &&
    total > room &&
    parts.length >= split.keepFirst + split.keepLast &&
    sum(0, split.keepFirst) <= room;
  if (!splitHere && (total <= room || total <= a.bottom - a.top)) {
    if (total > room) {
      refuse(doc, total, room);
      newPage(doc);
    } else doc.y += gap;
    const start = currentPage(doc);
    for (const p of parts) draw(doc, p);
    noteUse(doc);
    return start;
  }
  // Taller than a page, or rows that may go on: split between parts (starting here if the first
  // ones fit), repeating the header part on each new page if there is one.
  const first = splitHere ? (split?.keepFirst ?? 2) : 2;
  // A grid keeps its first parts together; any other group may break before any part after its
  // first, so that a part that does not fit (a table under a large chart) starts the next page
  // rather than run off the foot of this one.
  const bound = split ? first : 1;
  if (sum(0, first) > room && !atTop(doc)) {
    refuse(doc, sum(0, first), room);
    newPage(doc);
  } else doc.y += gap;
  const start = currentPage(doc);
  // Parts that must stay with the first ones, or go on together at the end.
  const lastFrom = split ? parts.length - split.keepLast : parts.length;
  parts.forEach((p, i) => {
    const need = i === lastFrom ? sum(i, parts.length) : (heights[i] ?? 0);
    if (i >= bound && doc.y + need > pageArea(doc).bottom && !atTop(doc) && (i <= lastFrom || !split)) {
      noteUse(doc);
      newPage(doc);
      if (opts.repeat) draw(doc, opts.repeat);
    }
    draw(doc, p);
  });
  noteUse(doc);
  return start;
}

/** One block kept on one page (see placeGroup). */
export function placeBlock(doc: PDFKit.PDFDocument, block: Block, opts: GroupOptions = {}): number {
  return placeGroup(doc, [block], opts);
}

export interface PageInfo {
  /** 0-based. */
  index: number;
  count: number;
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
}

/**
 * Calls `stamp` on every page once the content is done (page numbers, footers). The bottom
 * margin is lifted while stamping so that pdfkit does not start a new page for text drawn in it.
 */
export function stampPages(doc: PDFKit.PDFDocument, stamp: (pen: Pen, page: PageInfo) => void): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = { ...doc.page.margins };
    doc.page.margins.bottom = 0;
    stamp(new Pen(doc, true), {
      index: i,
      count: range.count,
      width: doc.page.width,
      height: doc.page.height,
      margins,
    });
    doc.page.margins.bottom = margins.bottom;
  }
}
