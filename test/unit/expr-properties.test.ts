// Properties of show_if parsing over random trees and random text: the printer is the parser's
// inverse, and the parser never throws (it returns an error with a position instead).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Expr, parseExpression, printExpr } from "../../src/definition/expr/index.js";
import { parsed, shape } from "../helpers/expr-tree.js";

const KEYWORDS = new Set(["and", "or", "not", "in", "contains", "answered", "true", "false"]);
const at = { start: 0, end: 0 };
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/).filter((w) => !KEYWORDS.has(w));
const refArb = fc
  .tuple(word, fc.option(word, { nil: undefined }))
  .map(([q, item]): Expr => ({ kind: "ref", id: item ? `${q}.${item}` : q, ...at }));
const strArb = fc
  .oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("'", '"', "\\", "a\\'b"))
  .map((value) => ({ kind: "string" as const, value, ...at }));
const numArb = fc
  .oneof(
    fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
    fc.constant(-0),
    fc.maxSafeInteger(),
  )
  .map((value) => ({ kind: "number" as const, value, ...at }));
const listArb = fc
  .array(fc.oneof(strArb, numArb), { minLength: 1, maxLength: 4 })
  .map((items): Expr => ({ kind: "list", items, ...at }));
const leafArb: fc.Arbitrary<Expr> = fc.oneof(
  refArb,
  strArb,
  numArb,
  listArb,
  fc.boolean().map((value): Expr => ({ kind: "bool", value, ...at })),
  refArb.map((ref): Expr => ({ kind: "answered", ref: ref as Extract<Expr, { kind: "ref" }>, ...at })),
);
const { tree } = fc.letrec<{ tree: Expr }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 5, depthSize: "small" },
    leafArb,
    fc
      .tuple(fc.constantFrom("and" as const, "or" as const), tie("tree"), tie("tree"))
      .map(([kind, left, right]): Expr => ({ kind, left, right, ...at })),
    tie("tree").map((operand): Expr => ({ kind: "not", operand, ...at })),
    fc
      .tuple(fc.constantFrom("==", "!=", "<", "<=", ">", ">=" as const), tie("tree"), tie("tree"))
      .map(([op, left, right]): Expr => ({ kind: "compare", op, left, right, ...at })),
    fc
      .tuple(fc.boolean(), tie("tree"), listArb)
      .map(([negated, left, list]): Expr => ({ kind: "in", negated, left, list: list as never, ...at })),
    fc
      .tuple(tie("tree"), tie("tree"))
      .map(([left, right]): Expr => ({ kind: "contains", left, right, ...at })),
  ),
}));

describe("printExpr and parseExpression are inverses", () => {
  it("prints any tree to source that parses back to the same tree", () => {
    fc.assert(
      fc.property(tree, (e) => {
        const src = printExpr(e);
        const back = parseExpression(src);
        if (!back.ok) throw new Error(`${src}\n${back.error.message} at ${back.error.start}`);
        expect(shape(back.expr)).toEqual(shape(e));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    "a == 1 or b == 2 and not c == 3",
    "(a or b) and c",
    "a and (b and c)",
    "not (a == 1 or b == 2)",
    "x not in ['a', 1]",
    "visit_freq in ['monthly', 'never']",
    "answered(visit_freq) and not visit_freq == 'never'",
  ])("%s survives a round trip", (src) => {
    expect(shape(parsed(printExpr(parsed(src))))).toEqual(shape(parsed(src)));
  });
});

describe("parseExpression never throws", () => {
  const pieces = fc.constantFrom(
    ...[
      "a",
      "b.c",
      "and",
      "or",
      "not",
      "in",
      "contains",
      "answered",
      "true",
      "false",
      "(",
      ")",
      "[",
      "]",
      ",",
    ],
    ...[
      "==",
      "=",
      "!=",
      "<",
      "<=",
      ">",
      ">=",
      "&&",
      "||",
      "!",
      "'x'",
      '"y',
      "\\",
      "-",
      "1",
      "2.5",
      "-3",
      " ",
    ],
  );
  it.each([
    ["arbitrary strings", fc.string({ unit: "binary", maxLength: 80 })],
    ["token soup", fc.array(pieces, { maxLength: 30 }).map((p) => p.join(" "))],
    ["token soup without spaces", fc.array(pieces, { maxLength: 30 }).map((p) => p.join(""))],
  ])("on %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (src) => {
        const r = parseExpression(src);
        if (r.ok) return;
        expect(r.error.start).toBeGreaterThanOrEqual(0);
        expect(r.error.end).toBeGreaterThanOrEqual(r.error.start);
        expect(r.error.end).toBeLessThanOrEqual(src.length);
        expect(r.error.hint).toBeTruthy();
      }),
      { numRuns: 1000 },
    );
  });
});
