// Footnotes of a block: the block's own remarks, then what each privacy mark used in its tables
// means. A mark is explained only where it appears, so a reader never sees an unexplained "–".
import { anyHidden, type Cells } from "./cells.js";
import { suppressedMark, WITHHELD_MARK } from "./format.js";
import type { Table } from "./view.js";

export function blockNotes(c: Cells, tables: Table[], extra: string[]): string[] {
  const rows = tables.flatMap((t) => t.rows);
  const notes = [...extra];
  if (anyHidden(rows, "suppressed"))
    notes.push(c.fmt.t("report.note.suppressed", { mark: suppressedMark(c.minCell), min: c.minCell }));
  if (anyHidden(rows, "withheld"))
    notes.push(c.fmt.t("report.note.withheld", { mark: WITHHELD_MARK, min: c.minCell }));
  if (anyHidden(rows, "too-few"))
    notes.push(c.fmt.t("report.note.tooFew", { mark: c.fmt.t("report.mark.tooFew"), min: c.minCell }));
  return notes;
}

/** The legend printed once near the top: every mark the report may use. */
export function legendLines(c: Cells): string[] {
  return [
    c.fmt.t("report.note.suppressed", { mark: suppressedMark(c.minCell), min: c.minCell }),
    c.fmt.t("report.note.withheld", { mark: WITHHELD_MARK, min: c.minCell }),
    c.fmt.t("report.note.tooFew", { mark: c.fmt.t("report.mark.tooFew"), min: c.minCell }),
  ];
}
