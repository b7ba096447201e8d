// The import layer's table of question types: the columns a data-entry template gives each
// type, the largest number typed in a column per choice (a rank, points), and the checks of a
// whole answer beyond its cells. `satisfies` makes a type without a row a build error.
import type { AnswerValue } from "../definition/answers.js";
import { OTHER_CODE, slotsOf } from "../definition/answers.js";
import type { Choice, Question, QuestionOf, QuestionType, Text } from "../definition/model.js";
import type { ImportCode } from "./diagnostics.js";

export type TemplateKind = "meta" | "choice" | "flag" | "other" | "rank" | "points" | "number" | "text";

export interface TemplateColumn {
  header: string;
  kind: TemplateKind;
  question?: Question;
  /** Question text (with the matrix statement or choice label), in the template's language. */
  title: string;
  /** For choice columns: the choices, whose labels fill the drop-down. */
  choices?: Choice[];
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
}

/** The template's texts: a text in its language, and the question's own. */
export interface TemplateText {
  text(t: Text | undefined): string;
  question: string;
}

type AddProblem = (code: ImportCode, message: string, severity?: "error" | "warning") => void;

export interface ImportRow<K extends QuestionType> {
  template(q: QuestionOf<K>, x: TemplateText): TemplateColumn[];
  /** The largest number in a column per choice (see the definition row's choiceColumns). */
  choiceMax(q: QuestionOf<K>): number;
  /** Problems with the whole answer that no single cell shows (too many picks, points left). */
  answerProblems(q: QuestionOf<K>, v: AnswerValue, add: AddProblem): void;
}

const OTHER_TEXT_MAX = 2000;

function otherColumn(q: Question & { choices: Choice[] }, x: TemplateText, header: string): TemplateColumn {
  const label = x.text(q.choices.find((c) => c.value === OTHER_CODE)?.label);
  return { header, kind: "other", question: q, title: `${x.question} – ${label}`, maxLength: OTHER_TEXT_MAX };
}

/** One drop-down column per slot (and the "other" text beside it). */
const choiceColumns = (q: Question & { choices: Choice[] }, x: TemplateText): TemplateColumn[] =>
  slotsOf(q).map((slot) =>
    slot.other
      ? otherColumn(q, x, slot.id)
      : { header: slot.id, kind: "choice", question: q, title: x.question, choices: q.choices },
  );

/** One column per choice of the given kind, numbers from `min` to `max`. */
function perChoiceColumns(
  q: Question & { choices: Choice[] },
  x: TemplateText,
  kind: "rank" | "points",
  min: number,
  max: number,
): TemplateColumn[] {
  return q.choices.map((c) => ({
    header: `${q.id}.${c.value}`,
    kind,
    question: q,
    title: `${x.question} – ${x.text(c.label)}`,
    min,
    max,
    integer: true,
  }));
}

const single = { template: choiceColumns, choiceMax: () => 0, answerProblems() {} };

export const IMPORT_TYPES = {
  single,
  yesno: single,
  likert: single,
  scale: single,
  matrix: {
    ...single,
    template: (q, x) =>
      q.items.map((it) => ({
        header: `${q.id}.${it.id}`,
        kind: "choice",
        question: q,
        title: `${x.question} – ${x.text(it.text)}`,
        choices: q.choices,
      })),
  },
  multi: {
    template(q, x) {
      const cols: TemplateColumn[] = q.choices
        .filter((c) => !(c.value === OTHER_CODE && q.other))
        .map((c) => ({
          header: `${q.id}.${c.value}`,
          kind: "flag",
          question: q,
          title: `${x.question} – ${x.text(c.label)}`,
        }));
      return q.other ? [...cols, otherColumn(q, x, `${q.id}.${OTHER_CODE}`)] : cols;
    },
    choiceMax: () => 1,
    answerProblems(q, v, add) {
      if (!Array.isArray(v)) return;
      const excl = v.filter((c) => q.exclusive.includes(c));
      if (excl.length > 0 && v.length > 1)
        add(
          "CSV_EXCLUSIVE_CHOICE",
          `picks "${excl[0]}" together with other choices; "${excl[0]}" must be picked alone`,
        );
      if (v.length > 0 && q.min !== undefined && v.length < q.min)
        add("CSV_TOO_FEW_CHOICES", `picks ${v.length} choice(s); at least ${q.min} are expected`);
      if (q.max !== undefined && v.length > q.max)
        add("CSV_TOO_MANY_CHOICES", `picks ${v.length} choices; at most ${q.max} are allowed`);
    },
  },
  ranking: {
    template: (q, x) => perChoiceColumns(q, x, "rank", 1, q.top),
    choiceMax: (q) => q.top,
    answerProblems(q, v, add) {
      if (Array.isArray(v) && v.length > q.top)
        add("CSV_RANKING", `ranks ${v.length} choices; only the top ${q.top} are asked for`);
    },
  },
  allocate: {
    template: (q, x) => perChoiceColumns(q, x, "points", 0, q.points),
    choiceMax: (q) => q.points,
    answerProblems(q, v, add) {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return;
      const total = Object.values(v).reduce((a, b) => a + b, 0);
      if (total > q.points)
        add("CSV_ALLOCATION", `gives ${total} points in all; there are only ${q.points} to spread`);
      else if (total < q.points)
        add(
          "CSV_ALLOCATION",
          `gives ${total} of the ${q.points} points; the rest were left unspent`,
          "warning",
        );
    },
  },
  number: {
    template: (q, x) => [
      {
        header: q.id,
        kind: "number",
        question: q,
        title: x.question,
        integer: q.integer,
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
      },
    ],
    choiceMax: () => 0,
    answerProblems() {},
  },
  text: {
    template: (q, x) => [
      { header: q.id, kind: "text", question: q, title: x.question, maxLength: q.maxLength },
    ],
    choiceMax: () => 0,
    answerProblems() {},
  },
  info: { template: () => [], choiceMax: () => 0, answerProblems() {} },
} satisfies { [K in QuestionType]: ImportRow<K> };

/** The row of a question's type (the one cast: TypeScript cannot tie the row to the question). */
export function importRowOf(q: Question): ImportRow<QuestionType> {
  return IMPORT_TYPES[q.type] as ImportRow<QuestionType>;
}
