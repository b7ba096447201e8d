// Recursive-descent parser for show_if expressions: or > and > not > comparison, then operands.
// Must never eval or build functions from the source, and must never throw on any input:
// every mistake comes back as an ExprProblem with the offending token's offsets and a hint.
import type { CompareOp, Expr, ExprProblem, ListLit, NumberLit, RefExpr, StringLit } from "./ast.js";
import { Fail, fail, show, type Tok, tokenize } from "./tokenize.js";

export { printExpr } from "./print.js";

// Far beyond any real survey, low enough that no later walk over the tree can overflow the stack.
const MAX_DEPTH = 64;
const MAX_JOINS = 500;

class Parser {
  private pos = 0;
  private depth = 0;
  private joins = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(ahead = 0): Tok {
    return this.toks[Math.min(this.pos + ahead, this.toks.length - 1)]!;
  }
  private next(): Tok {
    const t = this.peek();
    if (t.t !== "eof") this.pos++;
    return t;
  }
  private is(tok: Tok, t: Tok["t"], v?: string): boolean {
    return tok.t === t && (v === undefined || tok.v === v);
  }
  private expect(v: string, what: string): Tok {
    const tok = this.next();
    if (!this.is(tok, "op", v))
      fail(tok.start, tok.end, `Expected ${what} but found ${show(tok)}.`, `Add ${v}.`);
    return tok;
  }
  private join(tok: Tok): void {
    if (++this.joins > MAX_JOINS)
      fail(tok.start, tok.end, "The expression is too long.", "Split it into simpler conditions.");
  }
  private nest(tok: Tok): void {
    if (++this.depth > MAX_DEPTH)
      fail(tok.start, tok.end, "The expression is nested too deeply.", "Split it into simpler conditions.");
  }

  whole(): Expr {
    const e = this.or();
    const tok = this.peek();
    if (tok.t === "eof") return e;
    if (this.is(tok, "op", ")"))
      fail(tok.start, tok.end, "This ) has no matching (.", "Remove it or add a ( before.");
    return fail(
      tok.start,
      tok.end,
      `Unexpected ${show(tok)} after a complete condition.`,
      "Join conditions with and / or.",
    );
  }

  private or(): Expr {
    let left = this.and();
    while (this.is(this.peek(), "kw", "or")) {
      this.join(this.next());
      const right = this.and();
      left = { kind: "or", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (this.is(this.peek(), "kw", "and")) {
      this.join(this.next());
      const right = this.unary();
      left = { kind: "and", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Expr {
    const tok = this.peek();
    if (!this.is(tok, "kw", "not")) return this.compare();
    this.next();
    this.nest(tok);
    const operand = this.unary();
    this.depth--;
    return { kind: "not", operand, start: tok.start, end: operand.end };
  }

  private compare(): Expr {
    const left = this.operand();
    const tok = this.peek();
    if (tok.t === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(tok.v)) {
      this.next();
      const right = this.operand();
      return { kind: "compare", op: tok.v as CompareOp, left, right, start: left.start, end: right.end };
    }
    if (this.is(tok, "kw", "in") || (this.is(tok, "kw", "not") && this.is(this.peek(1), "kw", "in"))) {
      const negated = this.next().v === "not";
      if (negated) this.next();
      const list = this.list();
      return { kind: "in", negated, left, list, start: left.start, end: list.end };
    }
    if (this.is(tok, "kw", "not"))
      fail(
        tok.start,
        tok.end,
        'Here "not" can only be followed by "in".',
        "To negate a comparison, put not in front: not x == 1.",
      );
    if (this.is(tok, "kw", "contains")) {
      this.next();
      const right = this.operand();
      return { kind: "contains", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private operand(): Expr {
    const tok = this.next();
    const { start, end } = tok;
    switch (tok.t) {
      case "ref":
        return { kind: "ref", id: tok.v, start, end };
      case "str":
        return { kind: "string", value: tok.v, start, end };
      case "num":
        return { kind: "number", value: tok.v, start, end };
      case "kw":
        if (tok.v === "true" || tok.v === "false")
          return { kind: "bool", value: tok.v === "true", start, end };
        if (tok.v === "answered") {
          this.expect("(", "( after answered");
          const r = this.next();
          if (r.t !== "ref")
            fail(
              r.start,
              r.end,
              `Expected a question id but found ${show(r)}.`,
              "Write answered(question_id).",
            );
          const close = this.expect(")", ")");
          const ref: RefExpr = { kind: "ref", id: r.v, start: r.start, end: r.end };
          return { kind: "answered", ref, start, end: close.end };
        }
        break;
      case "op":
        if (tok.v === "[") {
          this.pos--;
          return this.list();
        }
        if (tok.v === "(") {
          this.nest(tok);
          const inner = this.or();
          const close = this.expect(")", ") to close the (");
          this.depth--;
          return { ...inner, start, end: close.end };
        }
        break;
      case "eof":
        return fail(
          start,
          end,
          "The expression ends too early.",
          "Finish it with a value, e.g. visit_freq == 'weekly'.",
        );
    }
    return fail(
      start,
      end,
      `Expected a question or a value but found ${show(tok)}.`,
      "Write e.g. visit_freq == 'weekly'.",
    );
  }

  private list(): ListLit {
    const open = this.expect("[", "[");
    const items: (StringLit | NumberLit)[] = [];
    for (;;) {
      const tok = this.next();
      if (this.is(tok, "op", "]") && items.length > 0)
        return { kind: "list", items, start: open.start, end: tok.end };
      if (tok.t === "str") items.push({ kind: "string", value: tok.v, start: tok.start, end: tok.end });
      else if (tok.t === "num") items.push({ kind: "number", value: tok.v, start: tok.start, end: tok.end });
      else if (tok.t === "ref" || tok.t === "kw")
        fail(
          tok.start,
          tok.end,
          "A list holds answer codes, not names.",
          `Put quotes around a code: '${tok.v}'.`,
        );
      else
        fail(
          tok.start,
          tok.end,
          `Expected an answer code but found ${show(tok)}.`,
          "Write a list as ['a', 'b'] or [1, 2].",
        );
      const sep = this.next();
      if (this.is(sep, "op", "]")) return { kind: "list", items, start: open.start, end: sep.end };
      if (!this.is(sep, "op", ","))
        fail(
          sep.start,
          sep.end,
          `Expected , or ] but found ${show(sep)}.`,
          "Separate the codes with commas: ['a', 'b'].",
        );
    }
  }
}

export function parseExpression(src: string): { ok: true; expr: Expr } | { ok: false; error: ExprProblem } {
  try {
    return { ok: true, expr: new Parser(tokenize(src)).whole() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.problem };
    throw e;
  }
}
