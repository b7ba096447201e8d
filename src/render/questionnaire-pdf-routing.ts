// Skip logic for the paper form, from the questions' show_if: "→ go to question 9" beside each
// answer that on its own skips questions, and one short "Answer if …" line before a question
// whose condition the arrows do not say in full (an OR of two questions). Pure; words come from print.* keys.
import { type Answers, slotsOf } from "../definition/answers.js";
import type { Expr } from "../definition/expr/index.js";
import { compileShowIf, evaluate, referencedSlots } from "../definition/expr/index.js";
import type { Question, Survey } from "../definition/model.js";
import { allQuestions, findQuestion, hasChoices, hasItems } from "../definition/model.js";
import { asks } from "../definition/types/traits.js";
import { translator } from "../i18n/index.js";
import {
  answerList,
  choiceAtom,
  listWords,
  onlyIfSentence,
  type RoutingOptions,
} from "./questionnaire-pdf-route-words.js";

export type Target = { kind: "question"; number: number } | { kind: "end" };

export interface Routing {
  /** Printed number of each question (info blocks have none). */
  numbers: Map<string, number>;
  /** Question id → answer code → where a person who ticks it goes next. */
  goTo: Map<string, Map<string, Target>>;
  /** Question id → the sentence printed before it. */
  onlyIf: Map<string, string>;
}

export function numberQuestions(survey: Pick<Survey, "sections">): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const q of allQuestions(survey)) if (asks(q)) numbers.set(q.id, numbers.size + 1);
  return numbers;
}

// Questions a person answers by ticking exactly one box: routing arrows can go beside those boxes.
function isSingleTick(
  q: Question,
): q is Extract<Question, { type: "single" | "yesno" | "likert" | "scale" }> {
  // One slot with one code, and not a statement of a matrix (whose boxes stand in a grid).
  return hasChoices(q) && !hasItems(q) && slotsOf(q)[0]?.kind === "choice";
}

export function planRouting(survey: Survey, opts: RoutingOptions): Routing {
  const qs = allQuestions(survey);
  const numbers = numberQuestions(survey);
  const goTo = new Map<string, Map<string, Target>>();
  const onlyIf = new Map<string, string>();
  const targetAfter = (end: number): Target => {
    const next = qs.slice(end + 1).find((q) => numbers.has(q.id));
    return next ? { kind: "question", number: numbers.get(next.id)! } : { kind: "end" };
  };
  // Arrows: beside every answer that on its own hides what follows it (whatever else was
  // answered), to the first question after the hidden run. Index of that run's last question.
  const runEnd = new Map<string, Map<string, number>>();
  qs.forEach((src, s) => {
    if (!isSingleTick(src)) return;
    const routes = new Map<string, Target>();
    const ends = new Map<string, number>();
    for (const c of src.choices) {
      let end = s;
      const hidden = new Set<string>();
      while (end + 1 < qs.length && hiddenBy(qs[end + 1]!, src.id, c.value, survey, hidden))
        hidden.add(qs[++end]!.id);
      if (end === s) continue;
      routes.set(c.value, targetAfter(end));
      ends.set(c.value, end);
    }
    if (routes.size) {
      goTo.set(src.id, routes);
      runEnd.set(src.id, ends);
    }
  });
  for (let i = 0; i < qs.length; i++) {
    const m = qs[i]!;
    if (!m.showIf) continue;
    if (coveredByArrows(m, i, qs, runEnd, onlyIf, survey)) continue;
    const prev = qs.slice(0, i).findLast(asks);
    const ticked = prev ? tickedSkips(compileShowIf(m.showIf), prev) : null;
    if (prev && ticked !== null && !goTo.has(prev.id)) {
      // "None of these" on a multi: ticking it skips the questions about the ones ticked.
      let end = i;
      while (end + 1 < qs.length && qs[end + 1]!.showIf === m.showIf) end++;
      goTo.set(prev.id, new Map([[ticked, targetAfter(end)]]));
      i = end;
      continue;
    }
    // Otherwise one short line at the question (any arrows above stay: each is true on its own).
    onlyIf.set(
      m.id,
      shortOnlyIf(m.showIf, survey, numbers, opts) ?? onlyIfSentence(m.showIf, survey, numbers, opts),
    );
  }
  return { numbers, goTo, onlyIf };
}

/** Most combinations of other answers tried when asking whether one answer decides a skip. */
const MAX_COMBINATIONS = 4096;

/**
 * Whether `q` is hidden for everyone who gave `value` to `src`, whatever they answered (or left
 * blank) elsewhere: its show_if names `src` or a question already skipped (`hidden`, left
 * unanswered), and is false for every combination of the other questions it names. Only whole
 * single-tick questions can be tried out; anything else (a number, a multi, a matrix item) might
 * show it, so the answer does not decide.
 */
export function hiddenBy(
  q: Question,
  src: string,
  value: string,
  survey: Survey,
  hidden: ReadonlySet<string> = new Set(),
): boolean {
  if (!q.showIf) return false;
  const expr = compileShowIf(q.showIf);
  const refs = [...new Set(referencedSlots(expr))];
  if (!refs.some((id) => id === src || hidden.has(id))) return false;
  const free = refs.filter((id) => id !== src && !hidden.has(id));
  const others: string[][] = [];
  for (const id of free) {
    const other = id.includes(".") ? undefined : findQuestion(survey, id);
    if (!other || !isSingleTick(other)) return false;
    others.push(other.choices.map((c) => c.value));
  }
  const total = others.reduce((n, o) => n * (o.length + 1), 1);
  if (total > MAX_COMBINATIONS) return false;
  const others_ = free;
  for (let k = 0; k < total; k++) {
    const answers: Answers = { [src]: value };
    let rest = k;
    others_.forEach((id, j) => {
      const codes = others[j]!;
      const pick = rest % (codes.length + 1);
      rest = Math.floor(rest / (codes.length + 1));
      // The last pick stands for "not answered".
      if (pick < codes.length) answers[id] = codes[pick]!;
    });
    if (evaluate(expr, answers)) return false;
  }
  return true;
}

/**
 * Whether the arrows say all there is to say about `q`'s show_if: it names only single-tick
 * questions before it (none of them with a line of its own), and for every way of answering
 * them, a person who follows the arrows passes `q` by exactly when `q` is not for them.
 */
function coveredByArrows(
  q: Question,
  index: number,
  qs: Question[],
  runEnd: Map<string, Map<string, number>>,
  onlyIf: Map<string, string>,
  survey: Survey,
): boolean {
  if (!q.showIf) return true;
  const expr = compileShowIf(q.showIf);
  const refs = [...new Set(referencedSlots(expr))];
  const at = new Map(qs.map((x, i) => [x.id, i]));
  const srcs = refs.map((id) => findQuestion(survey, id));
  const lists: string[][] = [];
  for (const [j, src] of srcs.entries()) {
    if (!src || !isSingleTick(src) || onlyIf.has(src.id) || (at.get(refs[j]!) ?? index) >= index)
      return false;
    lists.push(src.choices.map((c) => c.value));
  }
  const total = lists.reduce((n, l) => n * l.length, 1);
  if (refs.length === 0 || total > MAX_COMBINATIONS) return false;
  for (let k = 0; k < total; k++) {
    const pick = new Map<string, string>();
    let rest = k;
    refs.forEach((id, j) => {
      const l = lists[j]!;
      pick.set(id, l[rest % l.length]!);
      rest = Math.floor(rest / l.length);
    });
    // Walk the form as the arrows lead, answering the named questions that are met.
    const answers: Answers = {};
    let p = 0;
    while (p < index) {
      const cur = qs[p]!;
      const v = pick.get(cur.id);
      const shown = !cur.showIf || evaluate(compileShowIf(cur.showIf), answers);
      if (v !== undefined && shown) {
        answers[cur.id] = v;
        const end = runEnd.get(cur.id)?.get(v);
        if (end !== undefined) {
          p = end + 1;
          continue;
        }
      }
      p++;
    }
    if (p === index && !evaluate(expr, answers)) return false;
  }
  return true;
}

/** For `not (q contains v)` on the multi question `prev`: the answer v whose tick skips. */
function tickedSkips(e: Expr, prev: Question): string | null {
  if (!hasChoices(prev) || slotsOf(prev)[0]?.kind !== "choices") return null;
  if (e.kind !== "not" || e.operand.kind !== "contains") return null;
  const { left, right } = e.operand;
  if (left.kind !== "ref" || left.id !== prev.id) return null;
  if (right.kind !== "string" && right.kind !== "number") return null;
  const v = String(right.value);
  return prev.choices.some((c) => c.value === v) ? v : null;
}

/** About as many characters as one line of a route note holds at the plain form's 14 pt. */
const ONE_LINE = 60;

/**
 * One short line at the target for the usual conditions: "Answer if you answered 2: “Yes”", or
 * its mirror "Skip this if you answered 1: “Never” and 2: “Never”", whichever is shorter. Works for
 * `or`s of `q in [...]` on whole single-tick questions, and for `not (q contains v)`; null otherwise.
 */
export function shortOnlyIf(
  src: string,
  survey: Survey,
  numbers: Map<string, number>,
  opts: RoutingOptions,
): string | null {
  const t = translator(opts.lang);
  const e = compileShowIf(src);
  if (
    e.kind === "not" &&
    e.operand.kind === "contains" &&
    e.operand.left.kind === "ref" &&
    !e.operand.left.id.includes(".") &&
    (e.operand.right.kind === "string" || e.operand.right.kind === "number")
  ) {
    const id = e.operand.left.id;
    const n = numbers.get(id);
    if (n === undefined) return null;
    const answers = answerList(findQuestion(survey, id), [String(e.operand.right.value)], survey, opts);
    return t("print.skipIfTicked", { cond: t("print.refAnswers", { n, answers }) });
  }
  const atoms: {
    q: Extract<Question, { type: "single" | "yesno" | "likert" | "scale" }>;
    n: number;
    codes: string[];
  }[] = [];
  const collect = (x: Expr): boolean => {
    if (x.kind === "or") return collect(x.left) && collect(x.right);
    const atom = choiceAtom(x);
    if (!atom || atom.negated || atom.ref.includes(".")) return false;
    const q = findQuestion(survey, atom.ref);
    const n = numbers.get(atom.ref);
    if (!q || n === undefined || !isSingleTick(q) || atoms.some((a) => a.q.id === q.id)) return false;
    atoms.push({ q, n, codes: atom.codes });
    return true;
  };
  if (!collect(e) || atoms.length === 0) return null;
  atoms.sort((a, b) => a.n - b.n);
  const part = (a: (typeof atoms)[number], codes: string[]) =>
    t("print.refAnswers", { n: a.n, answers: answerList(a.q, codes, survey, opts) });
  const answerIf = t("print.answerIf", {
    cond: atoms.map((a) => part(a, a.codes)).join(t("print.refOr")),
  });
  // "Don't know" answers are left out of the mirror: one line matters more to a weak reader than
  // sparing the rare person who ticked one a question they may answer anyway (imports keep it).
  const skipped = atoms.map((a) =>
    a.q.choices.filter((c) => !c.missing && !a.codes.includes(c.value)).map((c) => c.value),
  );
  if (skipped.some((codes) => codes.length === 0)) return answerIf;
  const skipIf = t("print.skipIf", {
    cond: listWords(
      atoms.map((a, i) => part(a, skipped[i]!)),
      t("print.and"),
    ),
  });
  // The positive form reads more easily; the mirror only when it is what keeps the line short.
  return answerIf.length <= Math.max(skipIf.length, ONE_LINE) ? answerIf : skipIf;
}
