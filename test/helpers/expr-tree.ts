// show_if expression trees for the parser's tests: parsed or failing loudly, as a bracketed
// string that shows precedence at a glance, or as a shape without offsets.
import { type Expr, parseExpression } from "../../src/definition/expr/index.js";

/** Fully bracketed form, so that a table row shows the tree's shape at a glance. */
export function sx(e: Expr): string {
  switch (e.kind) {
    case "and":
    case "or":
      return `(${e.kind} ${sx(e.left)} ${sx(e.right)})`;
    case "not":
      return `(not ${sx(e.operand)})`;
    case "compare":
      return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case "in":
      return `(${e.negated ? "not-in" : "in"} ${sx(e.left)} ${sx(e.list)})`;
    case "contains":
      return `(contains ${sx(e.left)} ${sx(e.right)})`;
    case "answered":
      return `(answered ${e.ref.id})`;
    case "list":
      return `[${e.items.map(sx).join(" ")}]`;
    case "string":
      return JSON.stringify(e.value);
    default:
      return e.kind === "ref" ? e.id : String(e.value);
  }
}

export function parsed(src: string): Expr {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
  return r.expr;
}

/** The tree without offsets: parentheses widen spans, so round trips compare shapes only. */
export function shape(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(shape);
  if (e === null || typeof e !== "object") return e;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (k !== "start" && k !== "end") out[k] = shape(v);
  return out;
}
