// Type sizes, spacing and colours of the paper form, in two strengths: the ordinary form
// (body 12 pt) and the plain-language form (body 14 pt, more space). Values only, no drawing.
import { FONT } from "./pdf/document.js";
import type { TextStyle } from "./pdf/pen.js";

export interface FormTheme {
  plain: boolean;
  title: TextStyle;
  heading: TextStyle;
  question: TextStyle;
  body: TextStyle;
  /** Help texts and how-to-answer lines: body size, a little lighter. */
  help: TextStyle;
  /** Skip instructions: body size, bold. */
  route: TextStyle;
  /** Column labels of a matrix grid and labels under scale boxes. */
  small: TextStyle;
  /** Data-entry codes: small and grey but legible when typing the form in. */
  code: TextStyle;
  footer: TextStyle;
  /** Side of a tick box. */
  box: number;
  /** Left gutter for question numbers. */
  indent: number;
  /** Space between the answer rows of one question. */
  rowGap: number;
  /** Space between questions. */
  questionGap: number;
  /** Distance between write-in lines. */
  writeLine: number;
  /** Radius of smiley faces. */
  face: number;
}

export const COLOR = {
  ink: "#000000",
  muted: "#262626",
  code: "#5f5f5f",
  rule: "#8c8c8c",
  shade: "#eeeeee",
  zebra: "#f4f4f4",
  panel: "#ececec",
} as const;

export function formTheme(plain: boolean): FormTheme {
  const body = plain ? 14 : 12;
  const gap = plain ? 1 : 1;
  const regular = FONT.regular;
  const bold = FONT.bold;
  return {
    plain,
    title: { font: bold, size: plain ? 22 : 20, lineGap: gap },
    heading: { font: bold, size: plain ? 18 : 15, lineGap: gap },
    question: { font: bold, size: body + 1, lineGap: gap },
    body: { font: regular, size: body, lineGap: gap },
    help: { font: regular, size: body, lineGap: gap, color: COLOR.muted },
    route: { font: bold, size: body, lineGap: gap },
    small: { font: regular, size: plain ? 12 : 10, lineGap: 0, align: "center" },
    code: { font: regular, size: plain ? 8.5 : 8, color: COLOR.code },
    // The respondent reads "turn the page" here too: body size on the plain form.
    footer: { font: regular, size: plain ? 14 : 10, color: COLOR.muted },
    box: plain ? 16 : 13,
    indent: plain ? 34 : 28,
    // Tighter on the plain form: its boxes and lines are taller, and pages count for a weak reader.
    rowGap: plain ? 2 : 5,
    questionGap: plain ? 13 : 20,
    writeLine: plain ? 28 : 27,
    face: plain ? 14 : 11,
  };
}
