// The paper forms' length and skip logic: each bundled form within its page budget, a second
// library's OR condition, skip instructions beside scales, and every question type on paper.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { entryColumns } from "../../src/render/questionnaire-pdf-codes.js";
import { ROOT } from "../helpers/cli.js";
import { expectedOrder, minimal } from "../helpers/paper-form-order.js";
import { pageTexts, positionsInOrder } from "../helpers/print-pdf-tools.js";

const SURVEYS = ["welcome-baseline", "welcome-followup", "workshop-feedback"];

// Pages of each bundled form as last measured: a change that lengthens one fails here. The
// plain-language baseline must fit in 12 pages (at 14 pt, see the type test above).
const PAGE_BUDGET: Record<string, Record<string, number>> = {
  "welcome-baseline": { fi: 12, sv: 12, en: 12, "fi-std": 13, "sv-std": 12, "en-std": 12 },
  "welcome-followup": { fi: 10, sv: 10, en: 9, "fi-std": 10, "sv-std": 9, "en-std": 9 },
  "workshop-feedback": { fi: 2, sv: 2, en: 2, "fi-std": 3, "sv-std": 3, "en-std": 3 },
};

describe("page counts", () => {
  it.each(SURVEYS)(
    "%s stays within its page budget in each language, plain and ordinary",
    async (id) => {
      const survey = loadSurvey(join(ROOT, "surveys", `${id}.yaml`));
      const counts: Record<string, number> = {};
      for (const lang of ["fi", "sv", "en"]) {
        counts[lang] = (await renderQuestionnairePdf(survey, { lang, plain: true })).pages;
        counts[`${lang}-std`] = (await renderQuestionnairePdf(survey, { lang, plain: false })).pages;
      }
      const over = Object.entries(counts).filter(([k, n]) => n > (PAGE_BUDGET[id]?.[k] ?? 0));
      expect(over, JSON.stringify(counts)).toEqual([]);
    },
    60_000,
  );
});

describe("skip logic of a second library's survey (an OR of two questions)", () => {
  const second = parseSurvey(
    readFileSync(join(ROOT, "test/fixtures/surveys/second-library.yaml"), "utf8"),
    "second-library.yaml",
  ).survey as Survey;
  it.each([
    [
      "fi",
      "Ei no Siirry kysymykseen 4",
      "Vastaa, jos vastasit 2: ”Harvemmin”, tai 7: ”Erittäin huonosti” tai ”Melko huonosti”.",
    ],
    [
      "sv",
      "Nej no Gå till fråga 4",
      "Svara om du svarade 2: ”Mer sällan”, eller 7: ”Mycket dåligt” eller ”Ganska dåligt”.",
    ],
    [
      "en",
      "No no Go to question 4",
      "Answer if you answered 2: “Less often”, or 7: “Very poorly” or “Fairly poorly”.",
    ],
  ])("%s: an arrow where one answer decides, one short line where none does", async (lang, arrow, line) => {
    for (const plain of [true, false]) {
      const text = pageTexts((await renderQuestionnairePdf(second, { lang, plain })).bytes).join(" ");
      expect(text).toContain(arrow);
      expect(text.split(line).length - 1).toBe(1);
      // No arrow beside the answers of 7: none of them alone decides whether 8 is asked.
      expect(text.split(/Siirry kysymykseen 9|Gå till fråga 9|Go to question 9/).length - 1).toBe(0);
    }
  });
});

describe("skip logic beside scales", () => {
  const yaml = `kuulo: 1
id: faces
title: { fi: Kasvot, sv: Ansikten, en: Faces }
languages: [en, fi]
choices:
  mood: [{ value: 1, label: { en: Bad, fi: Huono } }, { value: 2, label: { en: Okay, fi: Ok } }, { value: 3, label: { en: Good, fi: Hyvä } }]
sections:
  - id: s
    title: { en: Part, fi: Osa }
    questions:
      - { id: mood, type: likert, scale: mood, smileys: true, text: { en: How was it?, fi: Millaista oli? } }
      - { id: why, type: text, show_if: "mood == '1'", text: { en: What went wrong?, fi: Mikä meni huonosti? } }
      - { id: again, type: yesno, text: { en: Would you come again?, fi: Tulisitko uudestaan? } }
`;
  const faces = parseSurvey(yaml, "faces.yaml").survey as Survey;

  it("says 'if you answered …, go to question N' under a row of faces", async () => {
    const text = pageTexts((await renderQuestionnairePdf(faces, { lang: "en", plain: false })).bytes).join(
      " ",
    );
    expect(text).toContain("If you answered “Okay” or “Good”, go to question 3.");
  });

  it("puts the arrow beside each answer when the faces are listed one per line", async () => {
    const text = pageTexts((await renderQuestionnairePdf(faces, { lang: "fi", plain: true })).bytes).join(
      " ",
    );
    expect(text).toContain("Ok 2 Siirry kysymykseen 3 Hyvä 3 Siirry kysymykseen 3");
    expect(text).not.toContain("Huono 1 Siirry");
  });
});

describe("every question type", () => {
  it.each([
    { lang: "fi", plain: false },
    { lang: "sv", plain: true },
  ])("prints the fixture that has them all ($lang, plain=$plain)", async (v) => {
    const { bytes, pages } = await renderQuestionnairePdf(minimal, v);
    const text = pageTexts(bytes).join(" ");
    const tokens = new Set(text.split(" "));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(entryColumns(minimal).filter((c) => !tokens.has(c))).toEqual([]);
    expect(positionsInOrder(text, expectedOrder(minimal, v.lang, v.plain)).filter((p) => p.at < 0)).toEqual(
      [],
    );
    expect(text).toContain(v.lang === "fi" ? "Yhteensä (pitää olla 5)" : "Sammanlagt (ska bli 5)");
    expect(text).toContain(
      v.lang === "fi" ? "Kirjoita ruutuihin numerot 1 ja 2." : "Skriv siffrorna 1 och 2 i rutorna.",
    );
  });
});
