// A survey's `waves:` block names its waves once, in each language; reports show those names
// wherever a wave appears (overview, comparison columns and charts, CSV labels) and fall back to
// the locale's common words, then to the code. The validator checks the block like any text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { chartSpecs, renderCsv, renderMarkdown, sectionTitles } from "../../src/render/report/index.js";
import { ROOT } from "../helpers/cli.js";

const MINIMAL = readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8");
const withWaves = (block: string) => MINIMAL.replace(/^choices:/m, `${block}\nchoices:`);
const WAVES = `waves:
  kevat: { fi: Alkukartoitus, sv: Kartläggning, en: First survey }
  syksy: { fi: Seurantakartoitus, sv: Uppföljning, en: Follow-up survey }`;

describe("waves: names of waves defined once in the survey", () => {
  it("reports use the survey's names for its waves in every language", () => {
    const parsed = parseSurvey(withWaves(WAVES), "waves.yaml");
    const survey = parsed.survey!;
    expect(survey.waves?.kevat?.sv).toBe("Kartläggning");
    const responses = [
      ...generateResponses(survey, { count: 30, seed: 1, wave: "kevat" }),
      ...generateResponses(survey, { count: 30, seed: 2, wave: "syksy", start: "2025-09-01T09:00:00Z" }),
      ...generateResponses(survey, { count: 10, seed: 3, wave: "talvi", start: "2025-12-01T09:00:00Z" }),
    ];
    const report = analyze(survey, responses, { compare: "wave", generatedAt: "2025-12-31T00:00:00Z" });
    // Two waves: the comparison is drawn as paired bars.
    const pair = analyze(survey, responses.slice(0, 60), {
      compare: "wave",
      generatedAt: "2025-12-31T00:00:00Z",
    });
    for (const [lang, first, second] of [
      ["fi", "Alkukartoitus", "Seurantakartoitus"],
      ["sv", "Kartläggning", "Uppföljning"],
      ["en", "First survey", "Follow-up survey"],
    ] as const) {
      const opts = { lang, sections: sectionTitles(survey) };
      const md = renderMarkdown(report, opts);
      expect(md).toContain(first);
      expect(md).toContain(second);
      expect(md).not.toMatch(/\b(kevat|syksy)\b/);
      // A wave the survey does not name is shown by its code.
      expect(md).toContain("talvi");
      const labels = renderCsv(report, opts);
      expect(labels).toContain(first);
      const charts = JSON.stringify(chartSpecs(pair, lang));
      expect(charts).toContain(second);
      expect(charts).not.toMatch(/"(kevat|syksy)"/);
    }
    // report.json carries the names for every language.
    expect(report.survey.waves?.syksy?.en).toBe("Follow-up survey");
  });

  it("a survey without waves keeps its hash, and names fall back to the locale's words", () => {
    const plain = parseSurvey(MINIMAL, "m.yaml").survey!;
    expect(plain.waves).toBeUndefined();
    expect(parseSurvey(withWaves("waves: {}"), "m.yaml").survey!.hash).toBe(plain.hash);
  });

  it("the validator checks wave names like any text and wave codes like choice codes", () => {
    const missing = parseSurvey(withWaves("waves:\n  kevat: { sv: Kartläggning }"), "w.yaml");
    expect(missing.survey).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toContain("SURVEY_MISSING_TEXT");
    const badCode = parseSurvey(withWaves('waves:\n  "kevät 1": { fi: Kevät }'), "w.yaml");
    expect(badCode.survey).toBeUndefined();
    expect(badCode.diagnostics.map((d) => d.message).join("\n")).toMatch(/wave code/);
  });
});
