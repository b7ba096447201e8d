// Skip logic on paper: arrows beside each answer that on its own skips the question(s) after it
// (any show_if, OR and AND included); one short "Answer if …" line at a question whose condition
// the arrows do not say in full (an OR of two questions), in the form's language.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { planRouting } from "../../src/render/questionnaire-pdf-routing.js";
import { ROOT } from "../helpers/cli.js";

const minimal = parseSurvey(
  readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"),
  "minimal.yaml",
).survey as Survey;

/** A survey from a list of questions (YAML flow maps), all in one section. */
function survey(questions: string[]): Survey {
  const yaml = `kuulo: 1
id: routing
title: { fi: Reititys, sv: Rutter, en: Routing }
languages: [fi, sv, en]
choices:
  freq:
    - { value: often, label: { fi: Usein, sv: Ofta, en: Often } }
    - { value: rarely, label: { fi: Harvoin, sv: Sällan, en: Rarely }, plain: { fi: Aika harvoin } }
    - { value: never, label: { fi: En koskaan, sv: Aldrig, en: Never } }
sections:
  - id: s
    title: { fi: Osa, sv: Del, en: Part }
    questions:
${questions.map((q) => `      - ${q}`).join("\n")}
`;
  const r = parseSurvey(yaml, "routing.yaml");
  if (!r.survey) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.survey;
}

const q = (id: string, extra = "", type = "single") =>
  `{ id: ${id}, type: ${type}, text: { fi: Kysymys ${id}, sv: Fråga ${id}, en: Question ${id} }${type === "single" || type === "multi" ? ", choices: freq" : ""}${extra} }`;

const opts = { lang: "en", plain: false };

describe("planRouting", () => {
  it("numbers the questions and leaves info blocks unnumbered", () => {
    const s = survey([q("a"), "{ id: i, type: info, text: { fi: Tietoa, sv: Info, en: Info } }", q("b")]);
    expect([...planRouting(s, opts).numbers]).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("puts 'go to' beside the answers that skip a question shown by the one before", () => {
    const s = survey([q("a"), q("b", ", show_if: \"a in ['rarely', 'never']\""), q("c")]);
    const r = planRouting(s, opts);
    expect([...(r.goTo.get("a") ?? [])]).toEqual([["often", { kind: "question", number: 3 }]]);
    expect(r.onlyIf.size).toBe(0);
  });

  it("puts 'go to' beside the tick that skips the questions after a multi (not … contains)", () => {
    const cond = ", show_if: \"not (m contains 'never')\"";
    const s = survey([q("m", "", "multi"), q("b", cond), q("c", cond), q("d")]);
    const r = planRouting(s, opts);
    expect([...(r.goTo.get("m") ?? [])]).toEqual([["never", { kind: "question", number: 4 }]]);
    expect(r.onlyIf.size).toBe(0);
  });

  it("skips a whole run of questions that share the condition", () => {
    const cond = ", show_if: \"a == 'often'\"";
    const s = survey([q("a"), q("b", cond), q("c", cond, "text"), q("d")]);
    const r = planRouting(s, opts);
    expect([...(r.goTo.get("a") ?? [])]).toEqual([
      ["rarely", { kind: "question", number: 4 }],
      ["never", { kind: "question", number: 4 }],
    ]);
  });

  it("sends people to the end of the form when nothing follows", () => {
    const s = survey([
      q("a"),
      q("b", ", show_if: \"a != 'never' and a != 'rarely'\""),
      q("c", ", show_if: \"b == 'often'\""),
    ]);
    const r = planRouting(s, opts);
    expect([...(r.goTo.get("b") ?? [])]).toEqual([
      ["rarely", { kind: "end" }],
      ["never", { kind: "end" }],
    ]);
  });

  it("writes 'answer only if' when the condition is on an earlier question", () => {
    const s = survey([q("a"), q("b"), q("c", ", show_if: \"a in ['rarely', 'never']\"")]);
    const r = planRouting(s, opts);
    expect(r.goTo.size).toBe(0);
    expect(r.onlyIf.get("c")).toBe("Answer if you answered 1: “Rarely” or “Never”.");
    expect(planRouting(s, { lang: "fi", plain: false }).onlyIf.get("c")).toBe(
      "Vastaa, jos vastasit 1: ”Harvoin” tai ”En koskaan”.",
    );
    expect(planRouting(s, { lang: "sv", plain: false }).onlyIf.get("c")).toBe(
      "Svara om du svarade 1: ”Sällan” eller ”Aldrig”.",
    );
  });

  it("uses the plain wording of answers on a plain-language form", () => {
    const s = survey([q("a"), q("b"), q("c", ", show_if: \"a == 'rarely'\"")]);
    expect(planRouting(s, { lang: "fi", plain: true }).onlyIf.get("c")).toContain("”Aika harvoin”");
  });

  it("says 'or' between conditions on two questions", () => {
    const s = survey([q("a"), q("b"), q("c", ", show_if: \"a == 'often' or b in ['often', 'rarely']\"")]);
    expect(planRouting(s, opts).onlyIf.get("c")).toBe(
      "Skip if you answered 1: “Rarely” or “Never” and 2: “Never”.",
    );
    expect(planRouting(s, { lang: "fi", plain: false }).onlyIf.get("c")).toBe(
      "Vastaa, jos vastasit 1: ”Usein”, tai 2: ”Usein” tai ”Harvoin”.",
    );
  });

  it("words negations, ticks and answered()", () => {
    const s = survey([
      q("m", "", "multi"),
      q("a"),
      q("b", ", show_if: \"not (m contains 'never')\""),
      q("c", ", show_if: \"answered(a) and a not in ['never']\""),
    ]);
    const r = planRouting(s, opts);
    expect(r.onlyIf.get("b")).toBe("Skip if you ticked 1: “Never”.");
    expect(r.onlyIf.get("c")).toBe(
      "Answer only if you answered question 2 and you did not answer “Never” to question 2.",
    );
  });

  it("words number comparisons with the language's decimal comma", () => {
    const s = survey([q("n", "", "number"), q("x"), q("b", ', show_if: "n >= 2.5"')]);
    expect(planRouting(s, { lang: "fi", plain: false }).onlyIf.get("b")).toBe(
      "Vastaa vain, jos vastauksesi kysymykseen 1 on 2,5 tai suurempi.",
    );
    expect(planRouting(s, opts).onlyIf.get("b")).toBe(
      "Answer only if your answer to question 1 is 2.5 or more.",
    );
  });

  it("falls back to the generic wording when and/or are mixed", () => {
    const s = survey([
      q("a"),
      q("b"),
      q("c", ", show_if: \"(a == 'often' and b == 'often') or b == 'never'\""),
    ]);
    const sentence = planRouting(s, opts).onlyIf.get("c") ?? "";
    expect(sentence.startsWith("Answer only if this is true: ")).toBe(true);
    expect(sentence).toContain("question 1");
    expect(sentence).toContain("question 2");
  });

  it("puts arrows at the source for an OR on one question, and no line at the target", () => {
    const s = survey([q("a"), q("b", ", show_if: \"a == 'often' or a == 'rarely'\""), q("c")]);
    for (const lang of ["fi", "sv", "en"]) {
      const r = planRouting(s, { lang, plain: true });
      expect([...(r.goTo.get("a") ?? [])]).toEqual([["never", { kind: "question", number: 3 }]]);
      expect(r.onlyIf.size).toBe(0);
    }
  });

  it("sends an answer that hides several questions past all of them, and covers an AND in full", () => {
    const s = survey([
      q("a"),
      q("b", ", show_if: \"a == 'often'\""),
      q("c", ", show_if: \"a == 'often' and b != 'never'\""),
      q("d"),
    ]);
    const r = planRouting(s, opts);
    // "Rarely" or "Never" at 1 hides 2 and 3: straight on to 4, not to 3.
    expect([...(r.goTo.get("a") ?? [])]).toEqual([
      ["rarely", { kind: "question", number: 4 }],
      ["never", { kind: "question", number: 4 }],
    ]);
    expect([...(r.goTo.get("b") ?? [])]).toEqual([["never", { kind: "question", number: 4 }]]);
    expect(r.onlyIf.size).toBe(0);
  });

  it("gives an OR of two questions no arrow (no one answer decides) but one short line, in fi/sv/en", () => {
    const s = survey([q("a"), q("b"), q("c", ", show_if: \"a == 'never' or b == 'never'\""), q("d")]);
    const words = {
      fi: "Vastaa, jos vastasit 1: ”En koskaan”, tai 2: ”En koskaan”.",
      sv: "Svara om du svarade 1: ”Aldrig”, eller 2: ”Aldrig”.",
      en: "Answer if you answered 1: “Never”, or 2: “Never”.",
    };
    for (const [lang, line] of Object.entries(words)) {
      const r = planRouting(s, { lang, plain: false });
      expect(r.goTo.size).toBe(0);
      expect(r.onlyIf.get("c")).toBe(line);
    }
  });

  it("keeps the line where arrows say only part: an AND whose other half is an earlier question", () => {
    const s = survey([q("a"), q("x"), q("b"), q("c", ", show_if: \"a == 'often' and b == 'often'\"")]);
    const r = planRouting(s, opts);
    // "Rarely"/"Never" at 3 hide 4 whatever 1 was: arrows there. 1 is not just before 4: no arrow.
    expect([...(r.goTo.get("b") ?? [])].map(([code]) => code)).toEqual(["rarely", "never"]);
    expect(r.goTo.has("a")).toBe(false);
    expect(r.onlyIf.get("c")).toContain("question 1");
  });

  it("routes the bundled fixture: 'barriers' follows 'visit_freq' directly", () => {
    const r = planRouting(minimal, opts);
    expect([...(r.goTo.get("visit_freq") ?? [])]).toEqual([["weekly", { kind: "question", number: 3 }]]);
    expect(r.onlyIf.get("wishes")).toBe(
      "Answer only if you answered question 1 and you did not answer “Never” to question 1.",
    );
  });
});
