// The words of the paper form's skip logic: "Answer if you answered 2 or 3 to question 4",
// quoted answers, question numbers with a matrix statement's letter. Pure; words come from
// print.* keys.
import type { Expr } from "../definition/expr/index.js";
import { compileShowIf } from "../definition/expr/index.js";
import { findQuestion, hasItems, type Question, type Survey } from "../definition/model.js";
import { pickText, translator } from "../i18n/index.js";
import { describeShowIf } from "./show-if-words.js";

export interface RoutingOptions {
  lang: string;
  plain: boolean;
}

/** Letters for the items of a matrix printed as single questions: 7a, 7b, … */
export function itemLetter(i: number): string {
  return i < 26
    ? String.fromCharCode(97 + i)
    : `${String.fromCharCode(97 + Math.floor(i / 26) - 1)}${String.fromCharCode(97 + (i % 26))}`;
}

/** Typographic quotes as each language prints them. */
export function quote(text: string, lang: string): string {
  return lang === "en" ? `“${text}”` : `”${text}”`;
}

/** "A, B or C" in the language. */
export function listWords(items: string[], conj: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conj} ${items.at(-1)}`;
}

/** The labels of these answers, quoted and joined with "or". */
export function answerList(
  q: Question | undefined,
  codes: string[],
  survey: Survey,
  opts: RoutingOptions,
): string {
  const t = translator(opts.lang);
  const def = survey.languages[0] ?? opts.lang;
  const labels = codes.map((code) => {
    const c = q && "choices" in q ? q.choices.find((x) => x.value === code) : undefined;
    return quote(c ? pickText(c.label, opts.lang, def, opts.plain ? c.plain : undefined) : code, opts.lang);
  });
  return listWords(labels, t("print.or"));
}

/** `q == v`, `q != v`, `q in [...]`, `q not in [...]`: which answers, and whether negated. */
export function choiceAtom(e: Expr): { ref: string; codes: string[]; negated: boolean } | null {
  if (e.kind === "compare" && (e.op === "==" || e.op === "!=")) {
    const [ref, lit] = e.left.kind === "ref" ? [e.left, e.right] : [e.right, e.left];
    if (ref.kind === "ref" && (lit.kind === "string" || lit.kind === "number"))
      return { ref: ref.id, codes: [String(lit.value)], negated: e.op === "!=" };
  }
  if (e.kind === "in" && e.left.kind === "ref")
    return { ref: e.left.id, codes: e.list.items.map((i) => String(i.value)), negated: e.negated };
  return null;
}

/** "Answer only if you answered ”Never” to question 8." for any show_if. */
export function onlyIfSentence(
  src: string,
  survey: Survey,
  numbers: Map<string, number>,
  opts: RoutingOptions,
): string {
  const t = translator(opts.lang);
  const said = sayCondition(compileShowIf(src), survey, numbers, opts);
  if (said !== null) return t("print.onlyIf", { cond: said });
  return t("print.onlyIfExpr", { cond: describeShowIf(src, survey, opts.lang, numbers, opts.plain) });
}

const FLIP = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;
const RELATION = {
  "<": "print.cond.lt",
  "<=": "print.cond.le",
  ">": "print.cond.gt",
  ">=": "print.cond.ge",
} as const;

/** The condition from the respondent's side, or null when only the generic wording is safe. */
function sayCondition(
  e: Expr,
  survey: Survey,
  numbers: Map<string, number>,
  opts: RoutingOptions,
  negate = false,
): string | null {
  const t = translator(opts.lang);
  const ref = (id: string) => refInfo(id, survey, numbers, opts);
  if (e.kind === "not") return sayCondition(e.operand, survey, numbers, opts, !negate);
  if (e.kind === "and" || e.kind === "or") {
    // Mixed and/or needs brackets to read right; leave those to the generic wording.
    const kind = negate ? (e.kind === "and" ? "or" : "and") : e.kind;
    const parts = [e.left, e.right].map((x) =>
      (x.kind === "and" || x.kind === "or") && x.kind !== e.kind
        ? null
        : sayCondition(x, survey, numbers, opts, negate),
    );
    if (parts.some((p) => p === null)) return null;
    return parts.join(t(kind === "and" ? "print.andJoin" : "print.orJoin"));
  }
  const atom = choiceAtom(e);
  if (atom) {
    const r = ref(atom.ref);
    const key = atom.negated === negate ? "print.cond.answered" : "print.cond.notAnswered";
    return t(key, { n: r.n, answers: answerList(r.q, atom.codes, survey, opts) });
  }
  if (
    e.kind === "contains" &&
    e.left.kind === "ref" &&
    (e.right.kind === "string" || e.right.kind === "number")
  ) {
    const r = ref(e.left.id);
    return t(negate ? "print.cond.notTicked" : "print.cond.ticked", {
      n: r.n,
      answer: answerList(r.q, [String(e.right.value)], survey, opts),
    });
  }
  if (e.kind === "answered")
    return t(negate ? "print.cond.noAnswer" : "print.cond.anyAnswer", { n: ref(e.ref.id).n });
  if (e.kind === "compare" && e.op in FLIP && e.left.kind === "ref" && e.right.kind === "number") {
    const written = e.op as keyof typeof FLIP;
    const op = negate ? FLIP[written] : written;
    return t("print.cond.compare", {
      n: ref(e.left.id).n,
      rel: t(RELATION[op], { v: formatNumber(e.right.value, opts.lang) }),
    });
  }
  return null;
}

function formatNumber(v: number, lang: string): string {
  return lang === "en" ? String(v) : String(v).replace(".", ",");
}

/** How a slot is named in a sentence: "8", or for a matrix item "7b" (plain) / "7 (”Item”)". */
function refInfo(
  id: string,
  survey: Survey,
  numbers: Map<string, number>,
  opts: RoutingOptions,
): { n: string; q: Question | undefined } {
  const [qid = id, item] = id.split(".");
  const q = findQuestion(survey, qid);
  const n = numbers.get(qid);
  if (n === undefined || !q) return { n: quote(qid, opts.lang), q };
  if (item && hasItems(q)) {
    const idx = q.items.findIndex((it) => it.id === item);
    const it = q.items[idx];
    if (!it) return { n: String(n), q };
    if (opts.plain) return { n: `${n}${itemLetter(idx)}`, q };
    const def = survey.languages[0] ?? opts.lang;
    return { n: `${n} (${quote(pickText(it.text, opts.lang, def), opts.lang)})`, q };
  }
  return { n: String(n), q };
}
