// Facts for tests of the privacy audit: hand-made (a report's respondent counts, one report's facts
// without responses), or of reports on synthetic workshops.
import { analyze } from "../../src/analysis/index.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import type { Survey } from "../../src/definition/model.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { extractFacts, type Fact, type ReportFacts, type SlotDef } from "../../src/privacy/facts.js";

/** A shown (or, with null, hidden) count of a report's respondents, or of one session's. */
export const sizeFact = (id: string, value: number | null, session?: string): Fact => ({
  id,
  report: 0,
  scope: session ? { attr: { name: "session", value: session } } : {},
  slot: "@size",
  cats: [],
  value,
  kind: "count",
  role: "size",
});

/** Report 0 over `responses` stored responses, unfiltered, naming sessions s1 and s2. */
export const sessionsReport = (
  responses: number,
  facts: Fact[],
  slots = new Map<string, SlotDef>(),
): ReportFacts => ({
  report: 0,
  population: { surveys: [{ id: "s", responses }] },
  filters: { sessionIds: null, waves: null, sources: null, since: null, until: null, includePartial: false },
  minCell: 5,
  facts,
  slots,
  values: { session: new Set(["s1", "s2"]), wave: new Set(), source: new Set() },
});

/** Workshops of these sizes, alternately in the baseline and the follow-up wave, a day apart. */
export function workshops(survey: Survey, sizes: number[], seed: number): SurveyResponse[] {
  return sizes.flatMap((count, k) =>
    generateResponses(survey, {
      count,
      seed: seed + k,
      wave: k % 2 === 0 ? "baseline" : "followup",
      sessionId: `s${k + 1}`,
      start: new Date(Date.parse("2025-03-03T09:00:00Z") + k * 86_400_000).toISOString(),
      partialRate: 0,
    }),
  );
}

type Request = NonNullable<Parameters<typeof analyze>[2]>;

/** The facts of a report per request over all the responses (each over every stored response). */
export function factsOf(survey: Survey, responses: SurveyResponse[], requests: Request[]): ReportFacts[] {
  return requests.map((req, i) => {
    const report = analyze(survey, responses, req);
    report.population = { surveys: [{ id: survey.id, responses: responses.length }] };
    return extractFacts(report, i);
  });
}
