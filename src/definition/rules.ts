// Cross-field rules that a schema cannot express: unique ids, references to choice lists and
// earlier questions, show_if expressions, ranges, translations. Pure: returns every problem
// found, each pointing at a data path that parse.ts maps back to line:col.
import { checkExpression, parseExpression, type RefInfo } from "./expr/index.js";
import { RESERVED_COLUMNS } from "./meta-columns.js";
import { isNumericScale, numericScalePoints } from "./numeric-scale.js";
import type { RuleIssue } from "./rule-issue.js";
import { checkLanguages } from "./rules-languages.js";
import { checkChoiceList, listResolver } from "./rules-lists.js";
import type { ChoiceFile, NumericScaleFile, QuestionFile, SurveyFile } from "./schema.js";
import type { Path } from "./source.js";
import { closest, didYouMean } from "./suggest.js";
import { rowOf } from "./types/index.js";
import { asks } from "./types/traits.js";

export type { RuleIssue } from "./rule-issue.js";

interface Slot {
  kind: RefInfo["kind"];
  codes?: string[];
  order: number;
  ordinal: boolean;
}

export function checkRules(file: SurveyFile): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (i: RuleIssue) => issues.push(i);
  const lists = file.choices ?? {};
  const [defaultLang] = file.languages;

  checkLanguages(file, add);
  for (const [name, list] of Object.entries(lists)) checkChoiceList(list, ["choices", name], add);

  const resolve = listResolver(file, add);

  const slots = new Map<string, Slot>();
  const seenIds = new Map<string, { section: string; path: Path }>();
  const seenSections = new Map<string, Path>();
  let order = 0;
  file.sections.forEach((section, si) => {
    if (seenSections.has(section.id))
      add({
        severity: "error",
        code: "SURVEY_DUPLICATE_ID",
        message: `Section id "${section.id}" is used twice.`,
        path: ["sections", si, "id"],
        first: seenSections.get(section.id)!,
      });
    else seenSections.set(section.id, ["sections", si, "id"]);
    section.questions.forEach((q, qi) => {
      const qp: Path = ["sections", si, "questions", qi];
      order++;
      checkQuestionId(q, qp, section.id, seenIds, add);
      if (asks(q) && !q.plain && defaultLang)
        add({
          severity: "warning",
          code: "SURVEY_NO_PLAIN",
          message: `Question "${q.id}" has no plain-language wording.`,
          hint: "Add `plain: { fi: … }` with short, common words; it is used with --plain.",
          path: [...qp, "id"],
        });
      checkQuestion(q, qp, resolve, add);
      registerSlots(q, order, lists, slots);
    });
  });
  // Expressions are checked once every slot is known, so a reference to a later question is
  // reported as such rather than as unknown.
  order = 0;
  file.sections.forEach((section, si) => {
    section.questions.forEach((q, qi) => {
      order++;
      if (q.show_if) checkShowIf(q.show_if, ["sections", si, "questions", qi, "show_if"], order, slots, add);
    });
  });
  checkAnalysis(file, slots, add);
  return issues;
}

/** A question id is unique, not a word of show_if and not a column every data file has. */
function checkQuestionId(
  q: QuestionFile,
  qp: Path,
  section: string,
  seenIds: Map<string, { section: string; path: Path }>,
  add: Add,
): void {
  if (seenIds.has(q.id))
    add({
      severity: "error",
      code: "SURVEY_DUPLICATE_ID",
      message: `Question id "${q.id}" is used twice (first in section "${seenIds.get(q.id)!.section}").`,
      hint: "Ids name data columns, so each must be unique in the survey.",
      path: [...qp, "id"],
      first: seenIds.get(q.id)!.path,
    });
  else seenIds.set(q.id, { section, path: [...qp, "id"] });
  if (RESERVED_IDS.has(q.id))
    add({
      severity: "error",
      code: "SURVEY_RESERVED_ID",
      message: `"${q.id}" is a word of the show_if language and cannot be a question id.`,
      hint: `Rename it, e.g. "${q.id}_q".`,
      path: [...qp, "id"],
    });
  if (RESERVED_COLUMNS.has(q.id))
    add({
      severity: "error",
      code: "SURVEY_RESERVED_ID",
      message: `"${q.id}" cannot be a question id: exports, templates and imports already have a column "${q.id}" (${RESERVED_COLUMNS.get(q.id)}), and the two would clash.`,
      hint: `Rename the question, e.g. "${q.id}_q" or a word that says what it asks (and change show_if references to it).`,
      path: [...qp, "id"],
    });
}

function registerSlots(
  q: QuestionFile,
  order: number,
  lists: Record<string, ChoiceFile[]>,
  slots: Map<string, Slot>,
): void {
  // Unknown list names were reported by checkQuestion; here they just give no codes.
  const codes = (
    ref: string | ChoiceFile[] | NumericScaleFile,
    extra: string[] = [],
  ): string[] | undefined => {
    const list = isNumericScale(ref)
      ? numericScalePoints(ref, [], {})
      : typeof ref === "string"
        ? lists[ref]
        : ref;
    return list ? [...list.map((c) => String(c.value)), ...extra] : undefined;
  };
  const put = (id: string, kind: RefInfo["kind"], ordinal: boolean, c?: string[]) =>
    slots.set(id, { kind, order, ordinal, ...(c ? { codes: c } : {}) });
  rowOf(q).refs(q, { put, codes });
}

function checkShowIf(
  src: string,
  path: Path,
  order: number,
  slots: Map<string, Slot>,
  add: (i: RuleIssue) => void,
) {
  const parsed = parseExpression(src);
  if (!parsed.ok) {
    const e = parsed.error;
    add({
      severity: "error",
      code: e.code ?? "SURVEY_EXPR_SYNTAX",
      message: `show_if: ${e.message}`,
      ...(e.hint ? { hint: e.hint } : {}),
      path,
      span: { start: e.start, end: e.end },
    });
    return;
  }
  const lookup = (ref: string): RefInfo | undefined => {
    const s = slots.get(ref);
    if (!s) return undefined;
    return { kind: s.kind, ...(s.codes ? { codes: s.codes } : {}), later: s.order >= order };
  };
  for (const p of checkExpression(parsed.expr, lookup, (ref) => closest(ref, slots.keys())))
    add({
      severity: "error",
      code: p.code,
      message: `show_if: ${p.message}`,
      ...(p.hint ? { hint: p.hint } : {}),
      path,
      span: { start: p.start, end: p.end },
    });
}

type Add = (i: RuleIssue) => void;

/** Words of the show_if language; a question with such an id could not be referred to. */
const RESERVED_IDS = new Set(["and", "or", "not", "in", "contains", "answered", "true", "false"]);
type Resolve = ReturnType<typeof listResolver>;

function checkQuestion(q: QuestionFile, qp: Path, resolve: Resolve, add: Add): void {
  const range = (min: number | undefined, max: number | undefined, what: string) => {
    if (min !== undefined && max !== undefined && min > max)
      add({
        severity: "error",
        code: "SURVEY_MIN_GT_MAX",
        message: `${what}: min (${min}) is greater than max (${max}).`,
        hint: "Swap the two values.",
        path: [...qp, "min"],
      });
  };
  rowOf(q).check(q, { path: qp, add, resolve, range });
}

function checkAnalysis(file: SurveyFile, slots: Map<string, Slot>, add: Add): void {
  const ref = (id: string, path: Path) => {
    const slot = slots.get(id);
    if (!slot)
      add({
        severity: "error",
        code: "SURVEY_UNKNOWN_REF",
        message: `"${id}" is not a question or matrix item of this survey.`,
        hint:
          didYouMean(id, slots.keys()) ??
          "Refer to a likert/scale question by id, or a matrix item as matrix.item.",
        path,
      });
    else if (!slot.ordinal)
      add({
        severity: "error",
        code: "SURVEY_NOT_ORDINAL",
        message: `"${id}" is not on a numeric scale, so it cannot be averaged.`,
        hint: "Indices, IPA pairs and gaps use likert, scale or matrix items.",
        path,
      });
  };
  const ids = new Map<string, Path>();
  const unique = (id: string, path: Path) => {
    if (ids.has(id))
      add({
        severity: "error",
        code: "SURVEY_DUPLICATE_ID",
        message: `Analysis id "${id}" is used twice.`,
        hint: "Indices, IPA pairs and gaps share one set of ids; rename one of them.",
        path,
        first: ids.get(id)!,
      });
    else ids.set(id, path);
  };
  (file.indices ?? []).forEach((ix, i) => {
    unique(ix.id, ["indices", i, "id"]);
    ix.items.forEach((it, j) => {
      ref(it, ["indices", i, "items", j]);
    });
    (ix.reverse ?? []).forEach((it, j) => {
      if (!ix.items.includes(it))
        add({
          severity: "error",
          code: "SURVEY_UNKNOWN_REF",
          message: `reverse: "${it}" is not one of this index's items.`,
          path: ["indices", i, "reverse", j],
        });
    });
  });
  (file.ipa ?? []).forEach((p, i) => {
    unique(p.id, ["ipa", i, "id"]);
    ref(p.importance, ["ipa", i, "importance"]);
    ref(p.performance, ["ipa", i, "performance"]);
  });
  (file.gaps ?? []).forEach((g, i) => {
    unique(g.id, ["gaps", i, "id"]);
    for (const k of ["minimum", "desired", "perceived"] as const) ref(g[k], ["gaps", i, k]);
  });
}
