// What each column of a data file holds, decided from its header: a meta field (form_no,
// session…), a whole answer slot, or one choice of a multi-select, ranking or allocation.
// Header problems (duplicate, unknown, missing required, conflicting) are found here. Pure.
import { OTHER_CODE, type Slot, slotsOf, surveySlots } from "../definition/answers.js";
import { META_COLUMNS, REASON_COLUMN } from "../definition/meta-columns.js";
import { allQuestions, hasItems, hasOther, type Question, type Survey } from "../definition/model.js";
import { closest } from "../definition/suggest.js";
import { asks, choiceColumnsOf } from "../definition/types/traits.js";
import type { ImportDiagnostic } from "./diagnostics.js";

export { META_COLUMNS, REASON_COLUMN };
export type MetaName = (typeof META_COLUMNS)[number];

export type ColumnRole =
  | { kind: "meta"; meta: MetaName }
  | { kind: "slot"; slot: Slot }
  | { kind: "flag"; slot: Slot; code: string }
  | { kind: "rank"; slot: Slot; code: string }
  | { kind: "points"; slot: Slot; code: string }
  /** reject_reason or --ignore-column: read and dropped. */
  | { kind: "ignore" }
  /** A column with an empty header: fine while its cells are empty (Excel leaves such columns). */
  | { kind: "unnamed" };

export interface PlannedColumn {
  index: number;
  header: string;
  role: ColumnRole;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Columns that carry answers. */
  answerColumns: number;
  /** Header problems; any error here stops the import before a row is read. */
  problems: ImportDiagnostic[];
  /** Index of the form_no column, for naming forms in diagnostics. */
  formColumn: number;
}

function headerKey(h: string): string {
  return h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();
}

/** Every column name the survey understands, lower-cased, with its role. */
export function columnCatalog(survey: Pick<Survey, "sections">): Map<string, ColumnRole> {
  const cat = new Map<string, ColumnRole>();
  for (const m of META_COLUMNS) cat.set(m, { kind: "meta", meta: m });
  for (const slot of surveySlots(survey)) {
    cat.set(slot.id.toLowerCase(), { kind: "slot", slot });
    const q = slot.question;
    if (slot.other || !("choices" in q)) continue;
    const perChoice = choiceColumnsOf(q);
    if (!perChoice) continue;
    for (const c of q.choices) {
      const key = `${q.id}.${c.value}`.toLowerCase();
      // `barriers.other` is the "other" text slot; in one-hot files its text also ticks "other".
      if (c.value === OTHER_CODE && perChoice === "flag" && hasOther(q)) continue;
      if (!cat.has(key)) cat.set(key, { kind: perChoice, slot, code: c.value });
    }
  }
  return cat;
}

export function planColumns(
  survey: Pick<Survey, "sections">,
  header: readonly string[],
  opts: { file: string; ignore?: readonly string[]; catalog?: Map<string, ColumnRole> },
): ColumnPlan {
  const catalog = opts.catalog ?? columnCatalog(survey);
  const ignore = new Set((opts.ignore ?? []).map(headerKey));
  const problems: ImportDiagnostic[] = [];
  const columns: PlannedColumn[] = [];
  const seen = new Map<string, number>();
  const at = { file: opts.file, line: 1 };
  let formColumn = -1;

  for (let index = 0; index < header.length; index++) {
    const raw = header[index]!;
    const key = headerKey(raw);
    const name = raw.trim();
    if (key === "") {
      columns.push({ index, header: "", role: { kind: "unnamed" } });
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        ...at,
        severity: "error",
        code: "CSV_DUPLICATE_HEADER",
        column: name,
        message: `appears twice in the header (columns ${first + 1} and ${index + 1}); which one holds the answer is unclear`,
        hint: "Delete or rename one of the two columns.",
      });
      columns.push({ index, header: name, role: { kind: "ignore" } });
      continue;
    }
    seen.set(key, index);
    if (key === REASON_COLUMN || ignore.has(key)) {
      columns.push({ index, header: name, role: { kind: "ignore" } });
      continue;
    }
    const role = catalog.get(key);
    if (!role) {
      const near = closest(key, catalog.keys());
      problems.push({
        ...at,
        severity: "error",
        code: "CSV_UNKNOWN_COLUMN",
        column: name,
        message: `is not a question of this survey${near ? `; did you mean "${near}"?` : ""}`,
        hint: `Rename it to a question id, delete it, or pass --ignore-column "${name}" to leave it out.`,
      });
      columns.push({ index, header: name, role: { kind: "ignore" } });
      continue;
    }
    if (role.kind === "meta" && role.meta === "form_no") formColumn = index;
    columns.push({ index, header: name, role });
  }

  checkCoverage(survey, columns, problems, at);
  const answerColumns = columns.filter(
    (c) => c.role.kind !== "meta" && c.role.kind !== "ignore" && c.role.kind !== "unnamed",
  ).length;
  return { columns, answerColumns, problems, formColumn };
}

/** Conflicting shapes for one question, required questions with no column, and absent ones. */
function checkCoverage(
  survey: Pick<Survey, "sections">,
  columns: PlannedColumn[],
  problems: ImportDiagnostic[],
  at: { file: string; line: number },
): void {
  const whole = new Set<string>();
  const perChoice = new Map<string, string[]>();
  const covered = new Set<string>();
  for (const c of columns) {
    const r = c.role;
    if (r.kind === "slot") {
      covered.add(r.slot.question.id);
      if (!r.slot.other && !hasItems(r.slot.question)) whole.add(r.slot.question.id);
    } else if (r.kind === "flag" || r.kind === "rank" || r.kind === "points") {
      covered.add(r.slot.question.id);
      perChoice.set(r.slot.question.id, [...(perChoice.get(r.slot.question.id) ?? []), c.header]);
    }
  }
  for (const [qid, cols] of perChoice)
    if (whole.has(qid))
      problems.push({
        ...at,
        severity: "error",
        code: "CSV_CONFLICTING_COLUMNS",
        column: qid,
        message: `is given both as one column and as one column per choice (${cols.join(", ")})`,
        hint: `Keep either the column ${qid} or the per-choice columns, not both.`,
      });
  const absent: string[] = [];
  for (const q of allQuestions(survey)) {
    if (!asks(q) || covered.has(q.id)) continue;
    if (q.required)
      problems.push({
        ...at,
        severity: "error",
        code: "CSV_MISSING_COLUMN",
        column: q.id,
        message: `is a required question but the file has no column for it`,
        hint: `Add a column headed ${expectedHeaders(q)} (npx kuulo template prints a sheet with every column).`,
      });
    else absent.push(q.id);
  }
  if (absent.length > 0)
    problems.push({
      ...at,
      severity: "warning",
      code: "CSV_ABSENT_COLUMNS",
      message: `no column for ${absent.length} question(s): ${absent.join(", ")}; they are stored as not answered`,
    });
}

function expectedHeaders(q: Question): string {
  return slotsOf(q)
    .filter((s) => !s.other)
    .map((s) => s.id)
    .join(", ");
}
