// Decides whether a question is shown, given the answers so far. Pure and total: never throws,
// never looks outside `answers`, and treats anything it cannot make sense of as false.
//
// Rules (a person who skipped a question must not be sent down a branch meant for one answer):
// - A slot is unanswered when its key is missing (not shown / not reached), null (skipped), "",
//   whitespace only, an empty list, or an allocation with no code above 0 points.
// - answered(x) is true exactly when x is not unanswered.
// - Any comparison (==, !=, <, <=, >, >=, in, not in, contains) that involves an unanswered slot is
//   false, so `x != 'a'` and `x not in [...]` are false for a skipped x; `not x == 'a'` is true.
// - Codes are strings; a number literal stands for the code it spells (`age == 2` is `age == '2'`).
// - Ordered comparisons use numbers: numbers, and codes that spell a number ("3", "-1"); when
//   either side is not numeric the comparison is false.
// - For a multi or ranking slot (a list of codes) and an allocation (codes with points above 0),
//   `in [...]` is true when any picked code is in the list, `not in` when none is, and
//   `contains c` when c is picked. == and ordered comparisons on them are false.
// - Comparing values of different shapes is false, for != as well as ==.
import type { Answers, AnswerValue } from "../answers.js";
import type { Expr } from "./ast.js";

type Value = AnswerValue | boolean | undefined;
type Scalar = string | number | boolean;

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** True when the value counts as an answer (see the rules above). */
export function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "number") return Number.isFinite(v);
  if (Array.isArray(v)) return v.length > 0;
  return Object.values(v).some((p) => p > 0);
}

export function evaluate(expr: Expr, answers: Answers): boolean {
  // Own keys only: ids such as "constructor" must not find Object.prototype members.
  return condition(expr, (id) => (Object.hasOwn(answers, id) ? answers[id] : undefined));
}

/** A slot's stored answer by id (undefined: no stored answer); a view over any form of answers. */
export type AnswerLookup = (id: string) => AnswerValue | undefined;

/** The same as evaluate, over answers held in another form (the analysis reads columns). */
export function evaluateWith(expr: Expr, lookup: AnswerLookup): boolean {
  return condition(expr, lookup);
}

function condition(e: Expr, answers: AnswerLookup): boolean {
  switch (e.kind) {
    case "and":
      return condition(e.left, answers) && condition(e.right, answers);
    case "or":
      return condition(e.left, answers) || condition(e.right, answers);
    case "not":
      return !condition(e.operand, answers);
    case "bool":
      return e.value;
    case "answered":
      return isAnswered(answers(e.ref.id));
    case "compare": {
      const l = value(e.left, answers);
      const r = value(e.right, answers);
      if (l === undefined || r === undefined || !isScalar(l) || !isScalar(r)) return false;
      switch (e.op) {
        case "==":
          return equal(l, r);
        case "!=":
          return sameShape(l, r) && !equal(l, r);
        default:
          return ordered(e.op, l, r);
      }
    }
    case "in": {
      const picked = codes(value(e.left, answers));
      if (picked === undefined) return false;
      const hit = picked.some((p) => e.list.items.some((i) => equal(p, i.value)));
      return e.negated ? !hit : hit;
    }
    case "contains": {
      const l = value(e.left, answers);
      const r = value(e.right, answers);
      if (l === undefined || r === undefined || isScalar(l) || !isScalar(r)) return false;
      return (codes(l) ?? []).some((p) => equal(p, r));
    }
    default:
      // A bare value is not a condition; validation rejects it, and here it hides the question.
      return false;
  }
}

/** The operand's value; undefined for an unanswered slot. */
function value(e: Expr, answers: AnswerLookup): Value {
  switch (e.kind) {
    case "ref": {
      const v = answers(e.id);
      return isAnswered(v) ? v : undefined;
    }
    case "string":
    case "number":
      return e.value;
    case "list":
      return undefined;
    default:
      return condition(e, answers);
  }
}

function isScalar(v: Value): v is Scalar {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

/** Codes held by a value: a single code, the picked codes, or the codes given points. */
function codes(v: Value): Scalar[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (isScalar(v)) return [v];
  if (Array.isArray(v)) return v;
  return Object.entries(v)
    .filter(([, p]) => p > 0)
    .map(([c]) => c);
}

function sameShape(a: Scalar, b: Scalar): boolean {
  return typeof a === "boolean" ? typeof b === "boolean" : typeof b !== "boolean";
}

function equal(a: Scalar, b: Scalar): boolean {
  if (typeof a === typeof b) return a === b;
  if (typeof a === "number" && typeof b === "string") return String(a) === b;
  if (typeof a === "string" && typeof b === "number") return a === String(b);
  return false;
}

function toNumber(v: Scalar): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "string" && NUMERIC.test(v)) return Number(v);
  return undefined;
}

function ordered(op: "<" | "<=" | ">" | ">=", a: Scalar, b: Scalar): boolean {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return false;
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}
