// The reader's program keeps one unknown per cell for atoms that a question's counts never tell
// apart. That must change nothing a reader can tell: every hidden count's interval is the same
// as with one unknown per atom. And a class inside such a group whose size is pinned is still
// caught when the whole group chose the same answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { analyze } from "../../src/analysis/index.js";
import { auditFacts, liveAtoms } from "../../src/privacy/audit.js";
import type { Fact } from "../../src/privacy/facts.js";
import { boundTargets } from "../../src/privacy/lp.js";
import { buildFamilies, families } from "../../src/privacy/program.js";
import { factsOf, sessionsReport, sizeFact as size, workshops } from "../helpers/facts.js";
import { minimalSurvey } from "../helpers/report-fixtures.js";
import { useSolver } from "../helpers/solver.js";

const solver = useSolver();

const survey = minimalSurvey();
type Request = NonNullable<Parameters<typeof analyze>[2]>;
const request = fc.constantFrom<Request>(
  {},
  { by: "likes" },
  { compare: "wave" },
  { compare: "session" },
  { filters: { sessionIds: ["s1"] } },
);

describe("the reader's program", () => {
  it("gives every hidden count the same interval with atoms grouped as with one unknown per atom", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(request, { minLength: 1, maxLength: 2 }),
        (sizes, seed, requests) => {
          const all = factsOf(survey, workshops(survey, sizes, seed), requests);
          const { model, alive } = liveAtoms(solver(), all);
          if (!alive) return;
          for (const F of families(all)) {
            const hidden = F.facts.filter((f: Fact) => f.value === null);
            if (hidden.length === 0) continue;
            const bounds = (split: boolean) => {
              const p = buildFamilies(all, model, alive, [F], split);
              return boundTargets(solver(), { numVars: p.b.numVars, rows: p.b.rows }, hidden.map(p.termsOf));
            };
            expect(bounds(false)).toEqual(bounds(true));
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it("still finds the one person of a session whose whole group gave the same answer", () => {
    const cell = (id: string, cat: string, value: number): Fact => ({
      id,
      report: 0,
      scope: {},
      slot: "likes",
      cats: [cat],
      value,
      kind: "count",
      role: "cell",
    });
    // Ten people in one session, one in another; all eleven said yes.
    const report = sessionsReport(
      11,
      [
        size("n", 11),
        size("s1", 10, "s1"),
        size("s2", 1, "s2"),
        cell("yes", "c:yes", 11),
        cell("no", "c:no", 0),
      ],
      new Map([["likes", { cats: ["c:yes", "c:no"] }]]),
    );
    const found = auditFacts(solver(), [report]).findings.filter((f) => f.report === null);
    expect(found.map((f) => [f.kind, f.min, f.max])).toContainEqual(["disclosed", 1, 1]);
    expect(found.some((f) => /likes yes among .*session s2/.test(f.fact))).toBe(true);
  });
});
