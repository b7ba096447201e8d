// Cells that a spreadsheet would take for a formula (=, +, -, @, tab, CR, and their full-width
// forms) get a leading apostrophe, so an answer like =HYPERLINK(…) is shown, never run. Pure.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Whether a cell would be changed; for tests and for telling the user how many were. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
