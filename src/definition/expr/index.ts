// The show_if expression language: parse once, check against the survey, evaluate per response,
// and describe in words for previews. Callers import from here, not from the parts; nothing in
// this folder may eval source text.
import type { Expr } from "./ast.js";
import { childrenOf } from "./ast.js";
import { parseExpression } from "./parse.js";
import { printExpr } from "./print.js";

export type {
  AnsweredExpr,
  BoolLit,
  CompareExpr,
  CompareOp,
  ContainsExpr,
  Expr,
  ExprCode,
  ExprProblem,
  InExpr,
  ListLit,
  LogicalExpr,
  NotExpr,
  NumberLit,
  RefExpr,
  Span,
  StringLit,
} from "./ast.js";
export { childrenOf, isCondition } from "./ast.js";
export { checkExpression, type RefInfo } from "./check.js";
export { type AnswerLookup, evaluate, evaluateWith, isAnswered } from "./evaluate.js";
export { parseExpression } from "./parse.js";
export { printExpr } from "./print.js";

/** Slot ids the expression mentions, unique, in the order they appear in the source. */
export function referencedSlots(expr: Expr): string[] {
  const seen = new Set<string>();
  const walk = (e: Expr): void => {
    if (e.kind === "ref") seen.add(e.id);
    for (const c of childrenOf(e)) walk(c);
  };
  walk(expr);
  return [...seen];
}

// A session evaluates the same few show_if sources on every step; parse each only once.
const cache = new Map<string, Expr>();

/** The tree for a show_if of a validated survey. Throws if the source does not parse. */
export function compileShowIf(src: string): Expr {
  const hit = cache.get(src);
  if (hit) return hit;
  const parsed = parseExpression(src);
  if (!parsed.ok)
    throw new Error(
      `show_if "${src}" does not parse: ${parsed.error.message} (at offset ${parsed.error.start})`,
    );
  cache.set(src, parsed.expr);
  return parsed.expr;
}

export interface ExprWords {
  and: string;
  or: string;
  not: string;
  /** Receives the slot id; the caller names the question. */
  answered: (ref: string) => string;
  is: string;
  isNot: string;
  isOneOf: string;
  includes: string;
}

const SYMBOLS = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" } as const;

/**
 * The expression in words for a preview, e.g. "visit_freq is one of 'rarely', 'never'".
 * `label(ref)` names a question and `label(ref, code)` one of its answers; the caller localises
 * both and the words. Grouping survives as parentheses, since word order alone cannot show it.
 */
export function describeExpression(
  expr: Expr,
  label: (ref: string, code?: string) => string,
  words: ExprWords,
): string {
  const answerOf = (other: Expr, lit: Expr): string => {
    if (other.kind === "ref" && (lit.kind === "string" || lit.kind === "number"))
      return label(other.id, String(lit.value));
    return term(lit);
  };
  const term = (e: Expr): string => {
    switch (e.kind) {
      case "ref":
        return label(e.id);
      case "string":
      case "number":
      case "bool":
      case "list":
        return printExpr(e);
      default:
        return `(${say(e)})`;
    }
  };
  const say = (e: Expr): string => {
    switch (e.kind) {
      case "and":
      case "or": {
        const join = (x: Expr) =>
          (x.kind === "and" || x.kind === "or") && x.kind !== e.kind ? `(${say(x)})` : say(x);
        return `${join(e.left)} ${words[e.kind]} ${join(e.right)}`;
      }
      case "not":
        return `${words.not} ${e.operand.kind === "answered" ? say(e.operand) : term(e.operand)}`;
      case "answered":
        return words.answered(e.ref.id);
      case "compare": {
        const op = e.op === "==" ? words.is : e.op === "!=" ? words.isNot : SYMBOLS[e.op];
        return `${answerOf(e.right, e.left)} ${op} ${answerOf(e.left, e.right)}`;
      }
      case "in": {
        const items = e.list.items.map((i) => answerOf(e.left, i)).join(", ");
        const text = `${term(e.left)} ${words.isOneOf} ${items}`;
        return e.negated ? `${words.not} (${text})` : text;
      }
      case "contains":
        return `${term(e.left)} ${words.includes} ${answerOf(e.left, e.right)}`;
      default:
        return term(e);
    }
  };
  return say(expr);
}
