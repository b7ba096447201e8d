// Parsing of show_if expressions: precedence, offsets, syntax errors with hints and limits. Also
// the helpers in expr/index.ts that work on the tree alone. Properties: expr-properties.test.ts.
import { describe, expect, it } from "vitest";
import {
  compileShowIf,
  describeExpression,
  type ExprWords,
  parseExpression,
  referencedSlots,
} from "../../src/definition/expr/index.js";
import { parsed, sx } from "../helpers/expr-tree.js";

describe("parseExpression: shape and precedence", () => {
  it.each([
    ["a == 1 or b == 2 and not c == 3", "(or (== a 1) (and (== b 2) (not (== c 3))))"],
    ["a or b or c", "(or (or a b) c)"],
    ["a and b and c", "(and (and a b) c)"],
    ["(a == 1 or b == 2) and c != 3", "(and (or (== a 1) (== b 2)) (!= c 3))"],
    ["not a == 1 and b == 2", "(and (not (== a 1)) (== b 2))"],
    ["not not answered(a)", "(not (not (answered a)))"],
    ["a = 'x'", '(== a "x")'],
    ["a < 1 and b <= 2 or c > 3 and d >= 4", "(or (and (< a 1) (<= b 2)) (and (> c 3) (>= d 4)))"],
    ["visit_freq in ['rarely', \"never\",]", '(in visit_freq ["rarely" "never"])'],
    ["x not in [1, 2.5, -3]", "(not-in x [1 2.5 -3])"],
    ["barriers contains 'hours'", '(contains barriers "hours")'],
    ["image.welcoming >= 4", "(>= image.welcoming 4)"],
    ["barriers.other == 'x'", '(== barriers.other "x")'],
    ["true or false", "(or true false)"],
    ["'it\\'s' == a", `(== "it's" a)`],
    ['"say \\"hi\\" \\\\o/" == a', '(== "say \\"hi\\" \\\\o/" a)'],
    ["x==-2", "(== x -2)"],
    ["(a == 1) == true", "(== (== a 1) true)"],
    ["  \n a\t==\n1  ", "(== a 1)"],
    ["answered(a)and(b)", "(and (answered a) b)"],
  ])("%s", (src, tree) => {
    expect(sx(parsed(src))).toBe(tree);
  });
});

describe("parseExpression: offsets", () => {
  it("gives every node its span in the source", () => {
    const src = "visit_freq in ['rarely', 'never']";
    const e = parsed(src);
    expect(e).toMatchObject({ kind: "in", start: 0, end: src.length });
    if (e.kind !== "in") throw new Error("in expected");
    expect(e.left).toMatchObject({ start: 0, end: 10 });
    expect(e.list).toMatchObject({ start: 14, end: src.length });
    expect(e.list.items.map((i) => src.slice(i.start, i.end))).toEqual(["'rarely'", "'never'"]);
  });

  it("widens a parenthesised node to include its parentheses", () => {
    const e = parsed("(a == 1) and not b == 22");
    if (e.kind !== "and") throw new Error("and expected");
    expect([e.start, e.end, e.left.start, e.left.end, e.right.start, e.right.end]).toEqual([
      0, 24, 0, 8, 13, 24,
    ]);
  });

  it("spans answered() from the keyword to the closing parenthesis", () => {
    const e = parsed("x and answered( y )");
    if (e.kind !== "and" || e.right.kind !== "answered") throw new Error("answered expected");
    expect([e.right.start, e.right.end, e.right.ref.start, e.right.ref.end]).toEqual([6, 19, 16, 17]);
  });
});

describe("parseExpression: errors", () => {
  it.each([
    ["a == 1 && b == 2", 7, 9, /"and"/, /and \/ or \/ not/],
    ["a == 1 || b == 2", 7, 9, /"or"/, /and \/ or \/ not/],
    ["a == 1 & b == 2", 7, 8, /"and"/, /and \/ or \/ not/],
    ["!answered(a)", 0, 1, /"not"/, /and \/ or \/ not/],
    ["q1 == 'yes' and", 15, 15, /ends too early/, /visit_freq/],
    ["", 0, 0, /ends too early/, /visit_freq/],
    ["a == 'x", 5, 7, /no closing quote/, /'/],
    ["a == 1 == 2", 7, 9, /after a complete condition/, /and \/ or/],
    ["a == 1 b == 2", 7, 8, /after a complete condition/, /and \/ or/],
    ["A == 1", 0, 1, /not a question id/, /lower-case/],
    ["a AND b", 2, 5, /not a keyword/, /lower case: and/],
    ["a in []", 6, 7, /answer code/, /\['a', 'b'\]/],
    ["a in [b]", 6, 7, /codes, not names/, /'b'/],
    ["a in ['x' 'y']", 10, 13, /Expected , or \]/, /commas/],
    ["a in 'x'", 5, 8, /Expected \[/, /\[/],
    ["(a == 1", 7, 7, /Expected \) to close/, /\)/],
    ["a == 1)", 6, 7, /no matching \(/, /\(/],
    ["a # 1", 2, 3, /Unexpected character "#"/, /==/],
    ["a == 1x", 5, 7, /"1x" is not a number/, /quotes/],
    ["a == 1.", 5, 7, /"1\." is not a number/, /2\.5/],
    ["a.b.c == 1", 0, 5, /not a question id/, /matrix\.item/],
    ["answered a", 9, 10, /Expected \( after answered/, /\(/],
    ["answered('a')", 9, 12, /question id/, /answered\(question_id\)/],
    ["a not == 1", 2, 5, /"not" can only be followed by "in"/, /not x == 1/],
    ["a == '\\n'", 6, 8, /escape/, /backslash/],
    ["x == - 1", 5, 6, /"-"/, /-2/],
    ["a == and", 5, 8, /Expected a question or a value/, /visit_freq/],
    ["a == ä", 5, 6, /Unexpected character "ä"/, /==/],
    ["a == 😀", 5, 7, /Unexpected character "😀"/, /==/],
  ])("%s", (src, start, end, message, hint) => {
    const r = parseExpression(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("SURVEY_EXPR_SYNTAX");
    expect([r.error.start, r.error.end]).toEqual([start, end]);
    expect(r.error.message).toMatch(message);
    expect(r.error.hint).toMatch(hint);
  });
});

describe("parseExpression: limits", () => {
  // Later walks over the tree recurse, so the parser stops depth and length well before the stack.
  const chain = Array.from({ length: 600 }, (_, i) => `a${i} == 1`).join(" or ");
  it.each([
    ["100 parentheses", `${"(".repeat(100)}a${")".repeat(100)}`, 64, 65, /nested too deeply/],
    ["100 nots", `${"not ".repeat(100)}a`, 256, 259, /nested too deeply/],
    ["600 alternatives", chain, chain.indexOf(" or a501 ") + 1, chain.indexOf(" or a501 ") + 3, /too long/],
  ])("%s", (_name, src, start, end, message) => {
    const r = parseExpression(src);
    expect(r.ok ? undefined : [r.error.start, r.error.end, r.error.message]).toEqual([
      start,
      end,
      expect.stringMatching(message),
    ]);
  });
  it("accepts nesting a real survey could use", () => {
    expect(parseExpression(`${"(".repeat(20)}not not a == 1${")".repeat(20)}`).ok).toBe(true);
  });
});

// Random trees in every shape the grammar allows; offsets are zero since only shapes are compared.
describe("referencedSlots", () => {
  it.each([
    ["a == 1 or b == 2 and a == 3", ["a", "b"]],
    ["answered(image.strict) and not x in [1] or y contains 'z'", ["image.strict", "x", "y"]],
    ["true", []],
  ])("%s", (src, refs) => {
    expect(referencedSlots(parsed(src))).toEqual(refs);
  });
});

describe("compileShowIf", () => {
  it("parses once per source and hands back the same tree", () => {
    const a = compileShowIf("visit_freq == 'never'");
    expect(compileShowIf("visit_freq == 'never'")).toBe(a);
    expect(sx(a)).toBe('(== visit_freq "never")');
  });
  it("throws on a source that does not parse", () => {
    expect(() => compileShowIf("a &&")).toThrow(/does not parse/);
  });
});

describe("describeExpression", () => {
  const words: ExprWords = {
    and: "and",
    or: "or",
    not: "not",
    answered: (ref) => `${ref} was answered`,
    is: "is",
    isNot: "is not",
    isOneOf: "is one of",
    includes: "includes",
  };
  const label = (ref: string, code?: string) => (code === undefined ? ref : `'${code}'`);
  it.each([
    ["visit_freq in ['rarely', 'never']", "visit_freq is one of 'rarely', 'never'"],
    ["visit_freq not in ['never']", "not (visit_freq is one of 'never')"],
    ["age == 2 and count >= 3", "age is '2' and count ≥ '3'"],
    ["'x' != a", "'x' is not a"],
    ["a == 1 or b == 2 and c == 3", "a is '1' or (b is '2' and c is '3')"],
    ["a == 1 or b == 2 or c == 3", "a is '1' or b is '2' or c is '3'"],
    ["not answered(a) and barriers contains 'hours'", "not a was answered and barriers includes 'hours'"],
    ["not (a == 1)", "not (a is '1')"],
    ["(a == 1) == true", "(a is '1') is true"],
  ])("%s", (src, text) => {
    expect(describeExpression(parsed(src), label, words)).toBe(text);
  });
});
