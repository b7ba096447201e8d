// The label column of a report's CSV: its header and measure names are documented codes, so the
// words a reader meets in the CSV are its labels (for the language checks of every format).

/** The CSV's label column (its header and measure names are documented codes, not prose). */
export function csvLabels(csv: string): string {
  const [head, ...lines] = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const cells = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,;]*)(?:[,;]|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, ""));
  const at = cells(head!).indexOf("label");
  return lines.map((l) => cells(l)[at] ?? "").join("\n");
}
