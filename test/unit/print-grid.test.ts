// Grids on the paper form: no column header takes more than two lines; a scale whose words need
// more gets numbered columns and a legend line; a 1–9 grid shares its page with other questions.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import { allQuestions, type MatrixQuestion, type Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { createPdf } from "../../src/render/pdf/document.js";
import { Pen } from "../../src/render/pdf/pen.js";
import { renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { gridPlan, linesOf, MAX_HEADER_LINES } from "../../src/render/questionnaire-pdf-grid.js";
import { formContext } from "../../src/render/questionnaire-pdf-parts.js";
import { planRouting } from "../../src/render/questionnaire-pdf-routing.js";
import { formTheme } from "../../src/render/questionnaire-pdf-theme.js";
import { ROOT } from "../helpers/cli.js";
import { pageTexts } from "../helpers/print-pdf-tools.js";

const second = parseSurvey(
  readFileSync(join(ROOT, "test/fixtures/surveys/second-library.yaml"), "utf8"),
  "second-library.yaml",
).survey as Survey;
const surveys = [
  ...["welcome-baseline", "welcome-followup"].map((id) => loadSurvey(join(ROOT, "surveys", `${id}.yaml`))),
  second,
];
const WIDTH = 595.28 - 100;

describe("grid headers", () => {
  const cases = surveys.flatMap((survey) =>
    ["fi", "sv", "en"].flatMap((lang) =>
      [true, false].map((plain) => ({ survey, id: survey.id, lang, plain })),
    ),
  );
  it.each(cases)(
    "$id $lang plain=$plain: every header cell on at most two lines",
    ({ survey, lang, plain }) => {
      const ctx = formContext(survey, lang, plain, formTheme(plain), planRouting(survey, { lang, plain }));
      const pen = new Pen(createPdf({ title: "t", lang }).doc, false);
      const grids = allQuestions(survey).filter((q): q is MatrixQuestion => q.type === "matrix");
      expect(grids.length).toBeGreaterThan(0);
      for (const q of grids) {
        const g = gridPlan(pen, q, ctx, WIDTH);
        const lines = g.heads.map((h, i) => linesOf(pen, h, (g.cols[i]?.width ?? 0) - 4, g.label));
        expect(Math.max(...lines), `${q.id}: ${JSON.stringify(g.heads)}`).toBeLessThanOrEqual(
          MAX_HEADER_LINES,
        );
        // Never smaller than body type on the plain form.
        if (plain && !g.numbered) expect(g.label.size).toBeGreaterThanOrEqual(14);
        // The columns fit the width.
        const last = g.cols.at(-1);
        expect((last?.left ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(WIDTH + 0.01);
      }
    },
  );

  it("numbers the columns of a scale with a long 'don't use' label and explains them above the grid", async () => {
    for (const [lang, label] of [
      ["fi", "6 = En käytä tai en osaa sanoa"],
      ["sv", "6 = Använder inte eller kan inte säga"],
      ["en", "6 = I don't use it or can't say"],
    ] as const) {
      const text = pageTexts((await renderQuestionnairePdf(second, { lang, plain: true })).bytes).join(" ");
      expect(text).toContain(label);
    }
  });

  it("numbers a 1–9 grid by its own numbers and explains only the ends", async () => {
    const text = pageTexts((await renderQuestionnairePdf(second, { lang: "fi", plain: true })).bytes).join(
      " ",
    );
    expect(text).toContain("1 = Huonoin 9 = Paras 1 2 3 4 5 6 7 8 9");
    expect(text).not.toContain("2 = 2");
  });

  it("puts a 1–9 grid on a page with other questions", async () => {
    for (const plain of [true, false]) {
      const pages = pageTexts((await renderQuestionnairePdf(second, { lang: "fi", plain })).bytes);
      for (const text of ["Anna palveluille arvosana 1–9.", "Anna tiloille arvosana 1–9."]) {
        const page = pages.find((p) => p.includes(text)) ?? "";
        // Another numbered question on the same page.
        const numbers = page.match(/(?:^| )\d{1,2}\. [A-ZÅÄÖ]/g) ?? [];
        expect(numbers.length, `${text} plain=${plain}: ${page}`).toBeGreaterThan(1);
      }
    }
  });
});
