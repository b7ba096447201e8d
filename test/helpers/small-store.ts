// A small store of the every-type reference survey for privacy tests through the command: five
// workshops of 3 to 14 people in two waves, small enough that reports need complements.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { type CliResult, ROOT } from "./cli.js";

export const REFERENCE_SURVEY = join(ROOT, "test/fixtures/surveys/analysis-reference.yaml");

export const SMALL_SESSIONS = [
  ["s1", 3, "w1"],
  ["s2", 7, "w1"],
  ["s3", 9, "w2"],
  ["s4", 6, "w2"],
  ["s5", 14, "w2"],
] as const;

/**
 * Imports the sessions' responses (deterministic: seeds firstSeed… in order) through `cli` as Kuulo JSON exports;
 * returns every response imported.
 */
export async function fillSmallStore(
  dir: string,
  cli: (args: string[]) => Promise<CliResult> | CliResult,
  firstSeed = 1,
): Promise<SurveyResponse[]> {
  const survey = loadSurvey(REFERENCE_SURVEY);
  const all: SurveyResponse[] = [];
  for (const [i, [session, count, wave]] of SMALL_SESSIONS.entries()) {
    const responses = generateResponses(survey, {
      count,
      seed: i + firstSeed,
      sessionId: session,
      wave,
      partialRate: 0,
    });
    const file = join(dir, `${session}.json`);
    writeFileSync(file, JSON.stringify({ survey: { id: survey.id }, responses }));
    const res = await cli(["import", REFERENCE_SURVEY, file, "--session", session, "--new-session"]);
    if (res.code !== 0) throw new Error(`import ${session}: ${res.stderr}`);
    all.push(...responses);
  }
  return all;
}
