// Writes a tree back as source text, the inverse of parseExpression up to offsets and spacing.
// Must only produce text that parses to the same tree, so it adds parentheses where needed.
import type { Expr } from "./ast.js";

// Binding strength of each node kind; a child weaker than its slot needs parentheses.
const PREC: Record<Expr["kind"], number> = {
  or: 1,
  and: 2,
  not: 3,
  compare: 4,
  in: 4,
  contains: 4,
  ref: 5,
  string: 5,
  number: 5,
  bool: 5,
  list: 5,
  answered: 5,
};

function printNumber(n: number): string {
  if (Object.is(n, -0)) return "-0";
  const s = String(n);
  if (!s.includes("e")) return s;
  return Number.isInteger(n) ? BigInt(n).toString() : n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** Source text that parses back to the same tree (modulo offsets); strings get single quotes. */
export function printExpr(e: Expr): string {
  return print(e, 0);
}

function print(e: Expr, min: number): string {
  const s = body(e);
  return PREC[e.kind] < min ? `(${s})` : s;
}

function body(e: Expr): string {
  switch (e.kind) {
    case "or":
    case "and":
      return `${print(e.left, PREC[e.kind])} ${e.kind} ${print(e.right, PREC[e.kind] + 1)}`;
    case "not":
      return `not ${print(e.operand, PREC.not)}`;
    case "compare":
      return `${print(e.left, 5)} ${e.op} ${print(e.right, 5)}`;
    case "in":
      return `${print(e.left, 5)} ${e.negated ? "not in" : "in"} ${print(e.list, 5)}`;
    case "contains":
      return `${print(e.left, 5)} contains ${print(e.right, 5)}`;
    case "ref":
      return e.id;
    case "string":
      return `'${e.value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case "number":
      return printNumber(e.value);
    case "bool":
      return String(e.value);
    case "list":
      return `[${e.items.map(body).join(", ")}]`;
    case "answered":
      return `answered(${e.ref.id})`;
  }
}
