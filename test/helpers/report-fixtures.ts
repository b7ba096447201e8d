// Reports for the renderer tests: the small every-type survey with two waves of synthetic
// responses, analysed with fixed options and a fixed date, so outputs can be compared byte for byte.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type AnalysisOptions, analyze, type Report } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { sectionTitles } from "../../src/render/report/options.js";
import { ROOT } from "./cli.js";

export const GENERATED_AT = "2025-05-20T14:30:00.000Z";

let survey: Survey | undefined;
export function minimalSurvey(): Survey {
  survey ??= loadSurvey(join(ROOT, "fixtures/surveys/valid/minimal.yaml"));
  return survey;
}

export function twoWaves(s: Survey = minimalSurvey(), n = 40): SurveyResponse[] {
  return [
    ...generateResponses(s, { count: n, seed: 11, wave: "baseline", sessionId: "kirjasto-1" }),
    ...generateResponses(s, {
      count: n - 5,
      seed: 12,
      wave: "followup",
      sessionId: "kirjasto-2",
      source: "paper",
      start: "2025-05-12T09:00:00Z",
    }),
  ];
}

const cache = new Map<string, Report>();

/** The minimal survey's report; cached per options (analysis is pure). */
export function minimalReport(options: AnalysisOptions = {}, n = 40): Report {
  const key = JSON.stringify([options, n]);
  let r = cache.get(key);
  if (!r) {
    r = analyze(minimalSurvey(), twoWaves(minimalSurvey(), n), { generatedAt: GENERATED_AT, ...options });
    cache.set(key, r);
  }
  return structuredClone(r);
}

export const sections = () => sectionTitles(minimalSurvey());

/** Set to remake the frozen Reports from the current analysis, on purpose (read the diff). */
export const UPDATE_FIXTURES = process.env.UPDATE_FIXTURES === "1";

/**
 * A Report frozen in test/fixtures/report/NAME.json, so that the renderers' golden files change
 * only when a renderer does (analysis has tests of its own). A missing file is an error, never
 * made in silence: remade only with UPDATE_FIXTURES=1.
 */
export function frozenReport(name: string, options: AnalysisOptions, n = 40): Report {
  const dir = join(ROOT, "test/fixtures/report");
  const file = join(dir, `${name}.json`);
  if (UPDATE_FIXTURES) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(minimalReport(options, n), null, 2)}\n`);
  }
  if (!existsSync(file))
    throw new Error(
      `The frozen Report ${file} is missing. Make it on purpose with UPDATE_FIXTURES=1 ` +
        "(from the current analysis), check that it is right and commit it.",
    );
  return JSON.parse(readFileSync(file, "utf8")) as Report;
}
