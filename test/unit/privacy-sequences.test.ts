// The guarantee across reports, as a property: random small datasets (tiny sessions, fewer
// responses than minCell) and random sequences of report requests (whole survey, --by, --compare,
// filters, new responses arriving between runs), each published as `kuulo report` publishes it
// (src/reporting/publish.ts: a near-duplicate refused, then protected against every earlier release).
// After every accepted report, the audit over all of them finds nothing disclosed or weak.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { Report } from "../../src/analysis/report.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { auditFacts } from "../../src/privacy/audit.js";
import { extractFacts } from "../../src/privacy/facts.js";
import { protectReport } from "../../src/privacy/protect.js";
import { minimalSurvey } from "../helpers/report-fixtures.js";
import { useSolver } from "../helpers/solver.js";

const solver = useSolver();

const survey = minimalSurvey();

type Request = NonNullable<Parameters<typeof analyze>[2]>;
const request = fc.constantFrom<Request>(
  {},
  { by: "likes" },
  { by: "visit_freq" },
  { compare: "wave" },
  { compare: "session" },
  { filters: { waves: ["baseline"] } },
  { filters: { sessionIds: ["s1"] } },
);

/** A step: a report request, or new responses arriving (a small workshop, one late form). */
const step = fc.oneof(
  { weight: 3, arbitrary: request.map((r) => ({ report: r })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 8 }).map((n) => ({ add: n })) },
);

const scenario = fc.record({
  sessions: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
  seed: fc.integer({ min: 1, max: 10_000 }),
  steps: fc.array(step, { minLength: 2, maxLength: 4 }),
});

function session(k: number, count: number, seed: number): SurveyResponse[] {
  return generateResponses(survey, {
    count,
    seed: seed + k * 7919,
    wave: k % 2 === 0 ? "baseline" : "followup",
    sessionId: `s${k + 1}`,
    start: new Date(Date.parse("2025-03-03T09:00:00Z") + k * 86_400_000).toISOString(),
    partialRate: 0,
  });
}

interface Published {
  report: Report;
  ids: Set<string>;
  /** What the report tells alone (the audit's findings on it by itself). */
  alone: string[];
}

/** Like publish(): null when refused (near-duplicate, or protection could not make it safe). */
function publish(req: Request, responses: SurveyResponse[], earlier: Published[]): Report | null {
  let report: Report;
  try {
    report = analyze(survey, responses, req);
  } catch {
    return null; // e.g. --by on a question nobody answered
  }
  report.population = { surveys: [{ id: survey.id, responses: responses.length }] };
  const analysed = new Set(
    responses
      .filter((r) => {
        const f = report.options.filters;
        return (
          (!f.waves || f.waves.includes(r.wave ?? "")) &&
          (!f.sessionIds || f.sessionIds.includes(r.sessionId ?? ""))
        );
      })
      .map((r) => r.id),
  );
  for (const e of earlier) {
    let diff = 0;
    for (const id of analysed) if (!e.ids.has(id)) diff++;
    for (const id of e.ids) if (!analysed.has(id)) diff++;
    if (diff > 0 && diff < report.options.minCell) return null;
  }
  const res = protectReport(
    solver(),
    report,
    earlier.map((e) => e.report),
  );
  if (res.remaining.length > 0) return null;
  const alone = auditFacts(solver(), [extractFacts(report, 0)]).findings.map((f) => f.fact);
  earlier.push({ report, ids: analysed, alone });
  return report;
}

describe("protection across a sequence of reports", () => {
  it("leaves nothing disclosed or weak after any accepted report", () => {
    let published = 0;
    let aloneFindings = 0;
    fc.assert(
      fc.property(scenario, ({ sessions, seed, steps }) => {
        let responses = sessions.flatMap((n, k) => session(k, n, seed));
        const earlier: Published[] = [];
        let next = sessions.length;
        for (const s of steps) {
          if ("add" in s) {
            responses = [...responses, ...session(next++ % 3, s.add, seed + next)];
            continue;
          }
          if (!publish(s.report, responses, earlier)) continue;
          published++;
          const audit = auditFacts(
            solver(),
            earlier.map((e, i) => extractFacts(e.report, i)),
          );
          // Nothing, together or alone. (Each report's own findings are also counted once, for
          // the figures: a report alone is audited when it is published.)
          const found = audit.findings.map((f) => `${f.kind} ${f.report}: ${f.fact} [${f.min}, ${f.max}]`);
          expect(found, JSON.stringify({ sessions, seed, steps })).toEqual([]);
          aloneFindings += earlier.at(-1)!.alone.length;
        }
      }),
      { numRuns: 8, seed: 20261203, endOnFailure: true },
    );
    expect(published).toBeGreaterThan(8);
    // For the closing figures: what single reports tell alone (mostly sizes of tiny stores).
    console.info(`${published} reports published; findings of single reports alone: ${aloneFindings}`);
  }, 300_000);
});
