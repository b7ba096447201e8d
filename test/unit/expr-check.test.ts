// Type checking of show_if expressions against a survey's slots: one row per rule, written as
// "CODE@start-end" so that a failing row shows exactly which problem moved or disappeared.
import { describe, expect, it } from "vitest";
import {
  checkExpression,
  type ExprProblem,
  parseExpression,
  type RefInfo,
} from "../../src/definition/expr/index.js";
import { closest } from "../../src/definition/suggest.js";

const likert = ["1", "2", "3", "4", "5", "dk"];
const slots: Record<string, RefInfo> = {
  age: { kind: "choice", codes: ["1", "2", "3", "4", "5"], later: false },
  visit_freq: { kind: "choice", codes: ["weekly", "monthly", "rarely", "never"], later: false },
  member: { kind: "choice", codes: ["yes", "no"], later: false },
  barriers: { kind: "choices", codes: ["hours", "fines", "other"], later: false },
  "barriers.other": { kind: "text", later: false },
  "image.welcoming": { kind: "choice", codes: likert, later: false },
  visits: { kind: "number", later: false },
  wishes: { kind: "text", later: false },
  top3: { kind: "ranking", codes: ["books", "events", "space"], later: false },
  dots: { kind: "allocation", codes: ["books", "events", "space"], later: false },
  // A choice question whose list could not be resolved: no codes to check against.
  listless: { kind: "choice", later: false },
  self: { kind: "choice", codes: ["yes", "no"], later: true },
};

function check(src: string): ExprProblem[] {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
  return checkExpression(
    r.expr,
    (ref) => slots[ref],
    (ref) => closest(ref, Object.keys(slots)),
  );
}

const brief = (p: ExprProblem) => `${p.code}@${p.start}-${p.end}`;

describe("checkExpression accepts", () => {
  it.each([
    "visit_freq in ['rarely', 'never']",
    "age == 2",
    "age == '2'",
    "age = 2 and not member == 'no'",
    "age >= 3",
    "age < '3'",
    "image.welcoming <= 2 or image.welcoming == 'dk'",
    "visits > 2.5",
    "visits in [1, 2, 3]",
    "visits != 0",
    "barriers contains 'hours'",
    "barriers in ['hours', 'fines']",
    "barriers not in ['other']",
    "top3 contains 'books'",
    "dots contains 'space'",
    "wishes == 'more books'",
    "wishes in ['a', 'b']",
    "answered(barriers.other)",
    "not answered(age) or (age == 1) == true",
    "true",
    "listless == 'anything'",
    "age == visits",
    "age < visits",
  ])("%s", (src) => {
    expect(check(src)).toEqual([]);
  });
});

describe("checkExpression reports", () => {
  it.each([
    // SURVEY_UNKNOWN_REF
    ["visit_frq == 'weekly'", ["SURVEY_UNKNOWN_REF@0-9"], /Did you mean "visit_freq"\?/],
    ["answered(nothing_like_it)", ["SURVEY_UNKNOWN_REF@9-24"], /earlier question/],
    ["image.welcomin == 1", ["SURVEY_UNKNOWN_REF@0-14"], /"image.welcoming"/],
    // SURVEY_LATER_REF
    ["self == 'yes'", ["SURVEY_LATER_REF@0-4"], /look back/],
    ["age == 1 or answered(self)", ["SURVEY_LATER_REF@21-25"], /look back/],
    // SURVEY_NOT_A_CHOICE
    ["visit_freq == 'weekyl'", ["SURVEY_NOT_A_CHOICE@14-22"], /Did you mean "weekly"\?/],
    ["member != 'yess'", ["SURVEY_NOT_A_CHOICE@10-16"], /Did you mean "yes"\?/],
    ["visit_freq in ['rarely', 'nevr']", ["SURVEY_NOT_A_CHOICE@25-31"], /"never"/],
    ["barriers contains 'hour'", ["SURVEY_NOT_A_CHOICE@18-24"], /"hours"/],
    ["barriers in ['fines', 'parking']", ["SURVEY_NOT_A_CHOICE@22-31"], /hours, fines, other/],
    ["age == 7", ["SURVEY_NOT_A_CHOICE@7-8"], /The answer codes are: 1, 2, 3, 4, 5\./],
    ["age == '7'", ["SURVEY_NOT_A_CHOICE@7-10"], /1, 2, 3, 4, 5/],
    ["'weird' == visit_freq", ["SURVEY_NOT_A_CHOICE@0-7"], /weekly, monthly/],
    ["top3 contains 'book'", ["SURVEY_NOT_A_CHOICE@14-20"], /"books"/],
    ["dots contains 9", ["SURVEY_NOT_A_CHOICE@14-15"], /books, events, space/],
    // SURVEY_EXPR_TYPE: order on texts and multi slots
    ["wishes < 3", ["SURVEY_EXPR_TYPE@0-10"], /== or in/],
    ["barriers > 1", ["SURVEY_EXPR_TYPE@0-12"], /contains/],
    ["visit_freq < 2", ["SURVEY_EXPR_TYPE@0-14"], /== or in/],
    ["age < 'abc'", ["SURVEY_EXPR_TYPE@6-11"], /age < 3/],
    // contains on something that is not multi/ranking/allocation
    ["age contains '1'", ["SURVEY_EXPR_TYPE@0-16"], /one answer: use ==/],
    ["wishes contains 'x'", ["SURVEY_EXPR_TYPE@0-19"], undefined],
    ["barriers contains member", ["SURVEY_EXPR_TYPE@18-24"], undefined],
    // number slots take numbers only
    ["visits in [1, 'two']", ["SURVEY_EXPR_TYPE@14-19"], /quotes/],
    ["visits == 'old'", ["SURVEY_EXPR_TYPE@10-15"], /quotes/],
    ["visits > 'old'", ["SURVEY_EXPR_TYPE@9-14"], /quotes/],
    ["wishes == 5", ["SURVEY_EXPR_TYPE@10-11"], /'5'/],
    // comparing where one answer cannot be compared
    ["barriers == 'hours'", ["SURVEY_EXPR_TYPE@0-19"], /contains/],
    ["age == true", ["SURVEY_EXPR_TYPE@0-11"], /answered/],
    ["age == [1]", ["SURVEY_EXPR_TYPE@7-10"], /in \[/],
    ["wishes == visits", ["SURVEY_EXPR_TYPE@0-16"], undefined],
    ["answered(age) in ['1']", ["SURVEY_EXPR_TYPE@0-13"], /in \[/],
    ["answered(age) < 2", ["SURVEY_EXPR_TYPE@0-13"], undefined],
    // and / or / not need conditions; a bare ref or value is not one
    ["visit_freq and age == 1", ["SURVEY_EXPR_TYPE@0-10"], /answered\(visit_freq\)/],
    ["'x' or age == 1", ["SURVEY_EXPR_TYPE@0-3"], /Compare a question/],
    ["not age", ["SURVEY_EXPR_TYPE@4-7"], /answered\(age\)/],
    ["age", ["SURVEY_EXPR_TYPE@0-3"], /answered\(age\)/],
    ["3", ["SURVEY_EXPR_TYPE@0-1"], /Compare a question/],
    ["['a'] and true", ["SURVEY_EXPR_TYPE@0-5"], /Compare a question/],
    ["(age == 1) == (age and true)", ["SURVEY_EXPR_TYPE@15-18"], /answered\(age\)/],
    // several at once, in source order
    ["nope", ["SURVEY_UNKNOWN_REF@0-4", "SURVEY_EXPR_TYPE@0-4"], undefined],
    [
      "self == 'x' and visit_freq in ['never', 'nope']",
      ["SURVEY_LATER_REF@0-4", "SURVEY_NOT_A_CHOICE@8-11", "SURVEY_NOT_A_CHOICE@40-46"],
      undefined,
    ],
  ])("%s", (src, expected, hint) => {
    const problems = check(src);
    expect(problems.map(brief)).toEqual(expected);
    for (const p of problems) expect(p.message).toMatch(/\S/);
    if (hint) expect(problems[0]?.hint).toMatch(hint);
  });

  it("does not pile type errors on top of an unknown question", () => {
    expect(check("nope < 'x' or nope contains 3 or nope in ['a']").map((p) => p.code)).toEqual([
      "SURVEY_UNKNOWN_REF",
      "SURVEY_UNKNOWN_REF",
      "SURVEY_UNKNOWN_REF",
    ]);
  });

  it("lists at most a dozen codes in a hint", () => {
    const codes = Array.from({ length: 30 }, (_, i) => String(i));
    const r = parseExpression("wide == 99");
    if (!r.ok) throw new Error("parse");
    const [p] = checkExpression(
      r.expr,
      () => ({ kind: "choice", codes, later: false }),
      () => undefined,
    );
    expect(p?.hint).toBe("The answer codes are: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ….");
  });
});
