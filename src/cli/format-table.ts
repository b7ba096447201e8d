// A plain text table for terminal listings: columns padded to their widest cell, empty for null.
// Rendering only; the command prints it.

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  const cells = [
    header.map(String),
    ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c)))),
  ];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? "")].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i]! - [...c].length)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
