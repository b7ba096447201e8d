// Creating an A4 pdfkit document with the bundled fonts registered by name and fixed metadata
// dates, so the same input gives the same bytes. Collects the output into a Buffer; never writes files.
import PDFDocument from "pdfkit";
import { ExitCode, KuuloError } from "../../errors.js";
import { BUNDLED_FONTS, type FontRole } from "../fonts.js";

/** A4 in PDF points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export const DEFAULT_MARGINS: Margins = { top: 56, right: 56, bottom: 64, left: 56 };

/**
 * Used for CreationDate and ModDate unless the caller passes a date. pdfkit derives the file ID
 * from these metadata, so with a fixed date two runs on the same input are byte-identical.
 */
export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/** Names the bundled fonts are registered under; use them with `doc.font(name)`. */
export const FONT: Record<FontRole, string> = { regular: "Kuulo-Regular", bold: "Kuulo-Bold" };
export type FontName = (typeof FONT)[FontRole];

export interface PdfSetup {
  title: string;
  /** BCP 47 language of the content ("fi"), for screen readers and hyphenation in viewers. */
  lang: string;
  subject?: string;
  author?: string;
  keywords?: string;
  margins?: Margins;
  /** Metadata date; defaults to FIXED_DATE. Never pass the clock unless the caller wants it. */
  date?: Date;
}

export interface Pdf {
  doc: PDFKit.PDFDocument;
  margins: Margins;
  /** Ends the document and resolves with its bytes. Call once, after drawing everything. */
  finish(): Promise<Buffer>;
}

export function createPdf(setup: PdfSetup): Pdf {
  const date = setup.date ?? FIXED_DATE;
  const margins = setup.margins ?? DEFAULT_MARGINS;
  const info: PDFKit.DocumentInfo = {
    Title: setup.title,
    Creator: "Kuulo",
    Producer: "Kuulo (pdfkit)",
    CreationDate: date,
    ModDate: date,
  };
  if (setup.subject) info.Subject = setup.subject;
  if (setup.author) info.Author = setup.author;
  if (setup.keywords) info.Keywords = setup.keywords;
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margins,
    info,
    lang: setup.lang,
    displayTitle: true,
    // Footers with "page 2 / 7" are drawn after the content, when the page count is known.
    bufferPages: true,
    autoFirstPage: true,
    compress: true,
  });
  // Listen before anything is written, so that no chunk can be missed.
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  registerFonts(doc);
  doc.font(FONT.regular);
  return {
    doc,
    margins,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const role of Object.keys(BUNDLED_FONTS) as FontRole[]) {
    const path = BUNDLED_FONTS[role];
    try {
      doc.registerFont(FONT[role], path);
      // registerFont is lazy; loading now turns a missing file into a clear error here.
      doc.font(FONT[role]);
    } catch (e) {
      throw new KuuloError("PDF_FONT_MISSING", `Cannot load the bundled font ${path}`, ExitCode.internal, {
        hint: "Reinstall Kuulo (npm ci): the fonts/ folder ships with it, and Kuulo never uses system fonts.",
        cause: e,
      });
    }
  }
}
