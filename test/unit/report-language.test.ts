// Everything a reader sees in a Finnish or Swedish report is in that language: no word of the
// English locale (that the other locale does not share) in the Markdown, terminal and CSV outputs,
// and no raw wave code where the report has a label for it.
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/locales/en.js";
import { fi } from "../../src/i18n/locales/fi.js";
import { sv } from "../../src/i18n/locales/sv.js";
import { renderCsv, renderMarkdown, renderTerminal } from "../../src/render/report/index.js";
import { csvLabels } from "../helpers/csv-labels.js";
import { frozenReport, minimalSurvey, sections } from "../helpers/report-fixtures.js";

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-zåäö]+/u)
    .filter((w) => w.length >= 5);

const SURVEY_TEXT = JSON.stringify(minimalSurvey()).toLowerCase();

describe("reports in the reader's language", () => {
  const report = frozenReport("minimal-compare-waves", { compare: "wave" });
  for (const [lang, own] of [
    ["fi", fi],
    ["sv", sv],
  ] as const) {
    const ownWords = new Set(Object.values(own).flatMap(words));
    // English words of the locale that the reader's locale and the survey's own texts never use.
    const english = new Set(
      Object.values(en)
        .flatMap((v) => words(v.replace(/\{\w+\}/g, " ")))
        .filter((w) => !ownWords.has(w) && !SURVEY_TEXT.includes(w)),
    );
    const outputs = {
      md: renderMarkdown(report, { lang, sections: sections() }),
      terminal: renderTerminal(report, { lang, sections: sections() }),
      csv: renderCsv(report, { lang, sections: sections() }),
    };
    for (const [format, text] of Object.entries(outputs))
      it(`${lang} ${format}: no English word and no raw wave code`, () => {
        // The appendix quotes what people wrote, in whatever language they wrote it.
        const body =
          format === "md"
            ? text
                .split(/\n## [^\n]*\n/)
                .slice(0, -1)
                .join("\n")
            : format === "csv"
              ? csvLabels(text)
              : text;
        const found = [...new Set(words(body))].filter((w) => english.has(w));
        expect(found).toEqual([]);
        if (format !== "csv") expect(body).not.toMatch(/\b(baseline|followup)\b/);
      });
  }
});
