// A pen that either draws on a pdfkit page or only measures, with the same calls: a block of
// layout code runs once to learn its height and once to draw, so measure and drawing never disagree.
import type { FontName } from "./document.js";

export interface TextStyle {
  font: FontName;
  size: number;
  color?: string;
  /** Extra space between wrapped lines, in points. */
  lineGap?: number;
  align?: "left" | "center" | "right";
}

export interface Paint {
  stroke?: string;
  fill?: string;
  lineWidth?: number;
  dash?: number;
}

export const INK = "#000000";

/**
 * Heights of wrapped text already measured in a document, by text, width and style. A block is
 * measured several times before it is drawn (does it fit with its notes, with its chart, on this
 * page?), and each measure runs pdfkit's line wrapper over the whole text again; pdfkit keeps only
 * the shapes of single words.
 */
const HEIGHTS = new WeakMap<PDFKit.PDFDocument, Map<string, number>>();

export class Pen {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    /** False: nothing reaches the page; calls only report sizes. */
    readonly drawing: boolean,
  ) {}

  private use(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
  }

  /** Height of `text` wrapped to `width` (0 for empty text). */
  measure(text: string, width: number, style: TextStyle): number {
    if (text === "") return 0;
    this.use(style);
    const heights = HEIGHTS.get(this.doc) ?? new Map<string, number>();
    HEIGHTS.set(this.doc, heights);
    const key = `${style.font}\u0000${style.size}\u0000${style.lineGap ?? 0}\u0000${width}\u0000${text}`;
    let h = heights.get(key);
    if (h === undefined) {
      h = this.doc.heightOfString(text, { width, lineGap: style.lineGap ?? 0 });
      heights.set(key, h);
    }
    return h;
  }

  /** Width of `text` on one line. */
  widthOf(text: string, style: TextStyle): number {
    this.use(style);
    return this.doc.widthOfString(text);
  }

  /** Height of one line in this style, gap included. */
  lineHeight(style: TextStyle): number {
    this.use(style);
    return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
  }

  /** Wrapped text with its top at y; returns the height it takes. */
  text(text: string, x: number, y: number, width: number, style: TextStyle): number {
    const h = this.measure(text, width, style);
    if (this.drawing && text !== "") {
      this.doc.fillColor(style.color ?? INK);
      this.doc.text(text, x, y, { width, lineGap: style.lineGap ?? 0, align: style.align ?? "left" });
    }
    return h;
  }

  /** One line, never wrapped (codes, numbers); returns its width. */
  label(text: string, x: number, y: number, style: TextStyle): number {
    const w = this.widthOf(text, style);
    if (this.drawing && text !== "") {
      this.doc.fillColor(style.color ?? INK);
      this.doc.text(text, x, y, { lineBreak: false });
    }
    return w;
  }

  /** One line ending at `right`. */
  labelRight(text: string, right: number, y: number, style: TextStyle): number {
    const w = this.widthOf(text, style);
    return this.label(text, right - w, y, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, paint: Paint = {}): void {
    this.shape(paint, (d) => d.moveTo(x1, y1).lineTo(x2, y2));
  }

  rect(x: number, y: number, w: number, h: number, paint: Paint = {}): void {
    this.shape(paint, (d) => d.rect(x, y, w, h));
  }

  circle(cx: number, cy: number, r: number, paint: Paint = {}): void {
    this.shape(paint, (d) => d.circle(cx, cy, r));
  }

  /** Any path; `paint` says whether it is stroked, filled or both (default: stroked in ink). */
  shape(paint: Paint, path: (doc: PDFKit.PDFDocument) => void): void {
    if (!this.drawing) return;
    const d = this.doc;
    d.save();
    d.lineWidth(paint.lineWidth ?? 1);
    if (paint.dash) d.dash(paint.dash, { space: paint.dash });
    path(d);
    if (paint.fill && paint.stroke) d.fillAndStroke(paint.fill, paint.stroke);
    else if (paint.fill) d.fill(paint.fill);
    else d.stroke(paint.stroke ?? INK);
    d.restore();
  }
}
