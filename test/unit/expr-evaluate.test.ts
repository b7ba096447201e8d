// Evaluation of show_if expressions against one response's answers: the documented rules for
// unanswered slots, codes written as numbers, multi/ranking/allocation slots, and negation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answers, AnswerValue } from "../../src/definition/answers.js";
import { type Expr, evaluate, isAnswered, parseExpression } from "../../src/definition/expr/index.js";

function parsed(src: string): Expr {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
  return r.expr;
}

const answers: Answers = {
  visit_freq: "rarely",
  age: "2",
  likert: "4",
  scale: "-1",
  dk: "dk",
  visits: 12,
  share: 2.5,
  barriers: ["hours", "fines"],
  top3: ["events", "books"],
  dots: { books: 3, events: 0, space: 2 },
  wishes: "More books",
  blank: "   ",
  skipped: null,
  none_picked: [],
  no_points: { books: 0 },
  "image.welcoming": "5",
};

describe("evaluate", () => {
  it.each([
    // equality and codes written as numbers or strings
    ["visit_freq == 'rarely'", true],
    ["visit_freq = 'rarely'", true],
    ["visit_freq == 'never'", false],
    ["visit_freq != 'never'", true],
    ["age == 2", true],
    ["age == '2'", true],
    ["2 == age", true],
    ["age != 2", false],
    ["visits == 12", true],
    ["visits == '12'", true],
    ["wishes == 'More books'", true],
    ["image.welcoming == 5", true],
    // ordered comparisons: numeric only
    ["likert >= 4", true],
    ["likert > 4", false],
    ["likert < '5'", true],
    ["scale < 0", true],
    ["scale <= -1", true],
    ["visits > 10 and visits < 13", true],
    ["share > 2.4", true],
    ["dk < 3", false],
    ["dk > 3", false],
    ["visit_freq > 'a'", false],
    ["age < visits", true],
    // in / not in
    ["visit_freq in ['rarely', 'never']", true],
    ["visit_freq in ['weekly']", false],
    ["visit_freq not in ['weekly']", true],
    ["visit_freq not in ['rarely']", false],
    ["age in [1, 2]", true],
    ["visits in [11, 12]", true],
    ["barriers in ['fines', 'parking']", true],
    ["barriers in ['parking']", false],
    ["barriers not in ['parking']", true],
    ["barriers not in ['hours']", false],
    ["top3 in ['books']", true],
    ["dots in ['space']", true],
    ["dots in ['events']", false],
    // contains
    ["barriers contains 'hours'", true],
    ["barriers contains 'other'", false],
    ["top3 contains 'events'", true],
    ["dots contains 'books'", true],
    ["dots contains 'events'", false],
    ["dots contains 'nothing'", false],
    ["visit_freq contains 'rarely'", false],
    ["wishes contains 'books'", false],
    // answered()
    ["answered(visit_freq)", true],
    ["answered(visits)", true],
    ["answered(barriers)", true],
    ["answered(dots)", true],
    ["answered(skipped)", false],
    ["answered(missing)", false],
    ["answered(blank)", false],
    ["answered(none_picked)", false],
    ["answered(no_points)", false],
    ["answered(constructor)", false],
    // any comparison with an unanswered slot is false, even a negative one
    ["skipped == 'a'", false],
    ["skipped != 'a'", false],
    ["missing != 'a'", false],
    ["missing < 3", false],
    ["missing > 3", false],
    ["skipped in ['a']", false],
    ["skipped not in ['a']", false],
    ["missing not in ['a']", false],
    ["none_picked not in ['hours']", false],
    ["no_points not in ['books']", false],
    ["missing contains 'a'", false],
    ["blank == '   '", false],
    ["constructor == 'x'", false],
    ["not skipped == 'a'", true],
    ["not missing in ['a']", true],
    // logic
    ["true", true],
    ["false", false],
    ["not false", true],
    ["visit_freq == 'rarely' and age == 3", false],
    ["visit_freq == 'rarely' or age == 3", true],
    ["age == 1 or visits == 12 and not likert == 4", false],
    ["(age == 1 or visits == 12) and not likert == 3", true],
    ["(age == 2) == true", true],
    ["(age == 3) != true", true],
    // values of different shapes never compare
    ["barriers == 'hours'", false],
    ["barriers != 'hours'", false],
    ["dots == 'books'", false],
    ["(age == 2) == 'true'", false],
    ["(age == 2) != 1", false],
    // bare values are not conditions
    ["visit_freq", false],
    ["'x'", false],
    ["['x']", false],
  ])("%s → %s", (src, expected) => {
    expect(evaluate(parsed(src), answers)).toBe(expected);
  });

  it("treats an empty answer set as nothing answered", () => {
    expect(evaluate(parsed("answered(a) or a == 1 or a != 1 or a in [1] or a contains 1"), {})).toBe(false);
  });
});

describe("isAnswered", () => {
  it.each<[AnswerValue | undefined, boolean]>([
    [undefined, false],
    [null, false],
    ["", false],
    [" \n", false],
    ["x", true],
    [0, true],
    [Number.NaN, false],
    [[], false],
    [["a"], true],
    [{}, false],
    [{ a: 0 }, false],
    [{ a: 0, b: 1 }, true],
  ])("%j → %s", (value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});

describe("evaluate: properties", () => {
  const code = fc.constantFrom("1", "2", "3", "a", "b");
  const value: fc.Arbitrary<AnswerValue | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    code,
    fc.integer({ min: -3, max: 3 }),
    fc.array(code, { maxLength: 3 }),
    fc.dictionary(code, fc.integer({ min: 0, max: 3 })),
  );
  const answersArb = fc.record({ x: value, y: value }).map((r) => {
    const a: Answers = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) a[k] = v;
    return a;
  });
  const literal = fc.oneof(
    code.map((c) => `'${c}'`),
    fc.integer({ min: -3, max: 3 }).map(String),
  );
  const comparison = fc.oneof(
    fc
      .tuple(fc.constantFrom("x", "y"), fc.constantFrom("==", "!=", "<", "<=", ">", ">="), literal)
      .map((p) => p.join(" ")),
    fc
      .tuple(
        fc.constantFrom("x", "y"),
        fc.constantFrom("in", "not in"),
        fc.array(literal, { minLength: 1, maxLength: 3 }),
      )
      .map(([r, op, items]) => `${r} ${op} [${items.join(", ")}]`),
    fc.tuple(fc.constantFrom("x", "y"), literal).map(([r, l]) => `${r} contains ${l}`),
  );
  const condition = fc.oneof(comparison, fc.constantFrom("answered(x)", "answered(y)", "true", "false"));
  const compound = fc
    .tuple(condition, fc.constantFrom("and", "or"), condition)
    .map(([a, op, b]) => `${a} ${op} ${b}`);

  it("negation flips the result", () => {
    fc.assert(
      fc.property(fc.oneof(condition, compound), answersArb, (src, a) => {
        expect(evaluate(parsed(`not (${src})`), a)).toBe(!evaluate(parsed(src), a));
      }),
    );
  });

  it("any comparison with an unanswered slot is false", () => {
    fc.assert(
      fc.property(comparison, answersArb, (src, a) => {
        const slot = src.startsWith("x") ? "x" : "y";
        fc.pre(!isAnswered(a[slot]));
        expect(evaluate(parsed(src), a)).toBe(false);
      }),
    );
  });

  it("and / or agree with their parts", () => {
    fc.assert(
      fc.property(condition, condition, answersArb, (p, q, a) => {
        const [vp, vq] = [evaluate(parsed(p), a), evaluate(parsed(q), a)];
        expect(evaluate(parsed(`${p} and ${q}`), a)).toBe(vp && vq);
        expect(evaluate(parsed(`${p} or ${q}`), a)).toBe(vp || vq);
      }),
    );
  });

  it("never throws, whatever the answers hold", () => {
    fc.assert(
      fc.property(fc.oneof(condition, compound), answersArb, (src, a) => {
        expect(typeof evaluate(parsed(src), a)).toBe("boolean");
      }),
    );
  });
});
