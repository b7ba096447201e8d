// Cells that a spreadsheet would take for a formula (=, +, -, @, tab, CR, and their full-width
// forms) get a leading apostrophe, so an answer like =HYPERLINK(…) is shown, never run. Text
// that already starts with apostrophes before such a character gets one more, so that
// restoreNeutralized can undo exactly what was done. Pure.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PROTECTED = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutralizeCell(text: string): string {
  return PROTECTED.test(text) ? `'${text}` : text;
}

/** Characters a changed cell can begin with: most cells start otherwise and skip the patterns. */
const FIRST = new Set([..."=+-@\t\r'\uFF1D\uFF0B\uFF0D\uFF20"].map((c) => c.charCodeAt(0)));

/** False when neutralizeCell certainly leaves the text as it is (a quick test of its first character). */
export function mayNeedNeutralizing(text: string): boolean {
  return FIRST.has(text.charCodeAt(0));
}

/** Whether a cell begins like a formula (and so gets an apostrophe). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The inverse, for reading an export back: drops the one apostrophe neutralizeCell added. */
export function restoreNeutralized(text: string): string {
  return text.startsWith("'") && PROTECTED.test(text.slice(1)) ? text.slice(1) : text;
}
