// Whole-row checks of one mapped response against the survey: required answers (only where the
// question would be shown), answers to questions that would not have been shown (a warning;
// the answer is kept), exclusive choices, multi-select min/max, ranking length, point totals.
// Pure; never changes the answers.
import { type Answers, type AnswerValue, slotsOf } from "../definition/answers.js";
import { compileShowIf, type Expr, evaluate, isAnswered, referencedSlots } from "../definition/expr/index.js";
import { allQuestions, hasItems, type Question, type Survey } from "../definition/model.js";
import { asks } from "../definition/types/traits.js";
import type { CellProblem } from "./map-row.js";
import { importRowOf } from "./question-types.js";

/** `unreadable`: questions with a cell that could not be read; they are neither required nor judged. */
export type RowChecker = (answers: Answers, unreadable?: ReadonlySet<string>) => CellProblem[];

interface Plan {
  q: Question;
  slots: string[];
  expr?: Expr;
  /** Questions the show_if looks at. */
  refs: string[];
}

export function makeRowChecker(survey: Pick<Survey, "sections">): RowChecker {
  const plans: Plan[] = allQuestions(survey)
    .filter(asks)
    .map((q) => {
      const expr = q.showIf ? compileShowIf(q.showIf) : undefined;
      const refs = expr ? referencedSlots(expr).map((r) => r.split(".")[0]!) : [];
      return { q, slots: slotsOf(q).map((s) => s.id), refs, ...(expr ? { expr } : {}) };
    });
  const none: ReadonlySet<string> = new Set();
  return (answers, unreadable = none) => {
    const problems: CellProblem[] = [];
    // Visibility follows the answers a person could have given: those to hidden questions do
    // not open further branches, as in an interactive session. The row itself serves as that
    // view until a hidden question turns out to be answered (rare), then a copy without it.
    let shown: Answers = answers;
    for (const { q, slots, expr, refs } of plans) {
      if (unreadable.size > 0 && unreadable.has(q.id)) continue;
      const visible = expr === undefined || evaluate(expr, shown);
      let first: string | undefined;
      for (const s of slots)
        if (isAnswered(answers[s])) {
          first = s;
          break;
        }
      if (!visible) {
        if (first === undefined) continue;
        if (shown === answers) shown = { ...answers };
        for (const s of slots) delete shown[s];
        // Whether it was shown is unknown when a question it depends on could not be read.
        if (!refs.some((r) => unreadable.has(r)))
          problems.push({
            severity: "warning",
            code: "CSV_HIDDEN_ANSWERED",
            column: first,
            value: show(answers[first]),
            message: `is answered, although the question is shown only when ${q.showIf}; the answer was kept`,
          });
        continue;
      }
      if (q.required) requiredProblems(q, answers, problems);
      if (first !== undefined) valueProblems(q, answers[q.id], problems);
    }
    return problems;
  };
}

function requiredProblems(q: Question, answers: Answers, problems: CellProblem[]): void {
  const why = q.showIf ? ` (it is shown because ${q.showIf})` : "";
  if (hasItems(q)) {
    const missing = q.items.filter((it) => !isAnswered(answers[`${q.id}.${it.id}`]));
    for (const it of missing)
      problems.push({
        severity: "error",
        code: "CSV_REQUIRED_MISSING",
        column: `${q.id}.${it.id}`,
        value: "",
        message: `is blank, but every statement of ${q.id} must be answered${why}`,
      });
    return;
  }
  if (!isAnswered(answers[q.id]))
    problems.push({
      severity: "error",
      code: "CSV_REQUIRED_MISSING",
      column: q.id,
      value: "",
      message: `is blank, but the question is required${why}`,
    });
}

function valueProblems(q: Question, v: AnswerValue | undefined, problems: CellProblem[]): void {
  if (v === undefined) return;
  importRowOf(q).answerProblems(q, v, (code, message, severity = "error") =>
    problems.push({ severity, code, column: q.id, value: show(v), message }),
  );
}

function show(v: AnswerValue | undefined): string {
  if (v === undefined || v === null) return "";
  if (Array.isArray(v)) return v.join(";");
  if (typeof v === "object")
    return Object.entries(v)
      .map(([k, n]) => `${k}:${n}`)
      .join(";");
  return String(v);
}
