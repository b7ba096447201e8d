// What mapping one data row gives: its answers, its meta fields and a problem per unreadable cell.
// Shared by the row mapper (map-row.ts) and the choice cell handlers (map-choices.ts).
import type { Answers } from "../definition/answers.js";
import type { MetaName } from "./columns.js";
import type { ImportCode } from "./diagnostics.js";

export interface CellProblem {
  severity: "error" | "warning";
  code: ImportCode;
  /** The question whose cell this is: row checks leave a question with an unreadable cell alone. */
  question?: string;
  column?: string;
  value?: string;
  message: string;
}

export interface MappedRow {
  answers: Answers;
  meta: Partial<Record<MetaName, string>>;
  problems: CellProblem[];
}

export type RowMapper = (cells: readonly string[]) => MappedRow;
