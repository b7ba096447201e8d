// Type sizes, colours and spacing of the PDF report, in points. The colours are the HTML report's
// (contrast of at least 7:1 on white for text), so the two read as one family.

export const PDF_THEME = {
  text: "#1a1a1a",
  muted: "#4d4d4d",
  rule: "#c8c8c8",
  band: "#f3f6f9",
  accent: "#005a8c",
  panel: "#eef3f7",
  coverTitle: 26,
  h1: 18,
  h2: 12.5,
  body: 10,
  meta: 9,
  small: 8,
  tableSize: 8.5,
  tableMinSize: 7,
  /** Below a question's table, before its notes or the next question. */
  gapAfterTable: 6,
  gapBetweenBlocks: 18,
} as const;
