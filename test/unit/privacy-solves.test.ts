// The protection asks the solver only what a finding could rest on: a target that the points seen
// already settle needs no solve of its own once every target after it is settled too, and atoms
// that a report's counts leave no room for are known without one. Neither may change a finding.

import fc from "fast-check";
import type { Highs } from "highs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import { buildAtoms } from "../../src/privacy/atoms.js";
import { auditFacts, liveAtoms } from "../../src/privacy/audit.js";
import { leftOutAtoms } from "../../src/privacy/empty-atoms.js";
import { extractFacts, type Fact, type ReportFacts } from "../../src/privacy/facts.js";
import { findingKey, inheritedFindings } from "../../src/privacy/inherited.js";
import { boundTargets, type Settles } from "../../src/privacy/lp.js";
import { buildFamilies, families } from "../../src/privacy/program.js";
import { protectReport } from "../../src/privacy/protect.js";
import { factsOf, sessionsReport, sizeFact as size, workshops } from "../helpers/facts.js";
import { minimalSurvey } from "../helpers/report-fixtures.js";
import { useSolver } from "../helpers/solver.js";

const solver = useSolver();
const survey = minimalSurvey();

const responsesOf = (sizes: number[], seed: number) => workshops(survey, sizes, seed);

/** The solver, counting the solves made with it. */
function counting(highs: Highs): { highs: Highs; runs: () => number } {
  let runs = 0;
  const wrapped = Object.create(highs) as Highs;
  wrapped.createModel = ((...args: Parameters<Highs["createModel"]>) => {
    const model = highs.createModel(...args);
    const run = model.run.bind(model);
    model.run = ((...a: Parameters<typeof run>) => {
      runs++;
      return run(...a);
    }) as typeof model.run;
    return model;
  }) as Highs["createModel"];
  return { highs: wrapped, runs: () => runs };
}

type Request = NonNullable<Parameters<typeof analyze>[2]>;
const request = fc.constantFrom<Request>({}, { by: "likes" }, { compare: "wave" }, { compare: "session" });

describe("solves the protection makes", () => {
  it("settling targets changes no bound, certificate or contradiction of a target left unsettled", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(request, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (sizes, seed, requests, threshold) => {
          const all = factsOf(survey, responsesOf(sizes, seed), requests);
          const { model, alive } = liveAtoms(solver(), all);
          if (!alive) return;
          for (const F of families(all)) {
            const p = buildFamilies(all, model, alive, [F]);
            const targets = F.facts.filter((f: Fact) => f.value === null).map(p.termsOf);
            targets.push(...p.groups.map((_, g) => p.sizeOf(g)));
            if (targets.length === 0) continue;
            const wideAt = targets.map((_, i) => (i % 2 === 0 ? 5 : 2));
            const settles: Settles = (seen) => seen.max >= threshold + 1;
            const program = { numVars: p.b.numVars, rows: p.b.rows };
            const plain = boundTargets(solver(), program, targets, true, wideAt);
            const quick = boundTargets(
              solver(),
              program,
              targets,
              true,
              wideAt,
              targets.map((_, i) => (i % 3 === 0 ? undefined : settles)),
            );
            if (plain === null) {
              expect(quick).toBeNull();
              continue;
            }
            expect(quick).not.toBeNull();
            quick!.forEach((q, i) => {
              // Wide as before (by fewer points seen), settled as the caller asked, or just as before.
              if (plain[i]!.wide) expect(q.wide).toBe(true);
              else if (q.wide) expect(i % 3 !== 0 && settles(q)).toBe(true);
              else expect(q).toEqual(plain[i]);
            });
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it("protects a report with no earlier release in about one solve per program", () => {
    const responses = responsesOf([60, 60], 7);
    const report = analyze(survey, responses, {});
    report.population = { surveys: [{ id: survey.id, responses: responses.length }] };
    const facts = extractFacts(report, 0);
    const { highs, runs } = counting(solver());
    const res = protectReport(highs, report, []);
    expect(res).toMatchObject({ cells: 0, statistics: 0, rounded: 0, remaining: [] });
    // One solve per program (four questions each), a few for the respondent counts, and for each
    // of the two hidden bins up to four of its own: a "< 5" is 1 to 4, and a solution found for
    // another count seldom shows one at both ends. Each class's count was solved twice before
    // (over a hundred solves).
    const hidden = facts.facts.filter((f) => f.value === null);
    expect(hidden).toHaveLength(2);
    const programs = Math.ceil(families([facts]).length / 4);
    expect(runs()).toBeLessThanOrEqual(2 * programs + 6 + 4 * hidden.length);
  });

  it("finds the earlier releases' own findings, where asked, exactly as a whole audit of them does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(request, { minLength: 1, maxLength: 3 }),
        (sizes, seed, requests) => {
          const before = factsOf(survey, responsesOf(sizes, seed), requests);
          const whole = auditFacts(solver(), before, { minCell: 5 }).findings;
          const keys = new Set(whole.map(findingKey));
          const asked = inheritedFindings(solver(), before, 5);
          // Asked about each finding in turn: it is found, and nothing the whole audit lacks.
          for (const f of whole) {
            const found = asked([f]);
            expect(found.has(findingKey(f))).toBe(true);
            for (const k of found.keys()) expect(keys.has(k)).toBe(true);
          }
          // Asked about every slot at once: all of them.
          const everySlot = before.flatMap((r) => r.facts).map((f) => ({ ...whole[0]!, slot: f.slot }));
          if (whole.length > 0) expect([...asked(everySlot).keys()].sort()).toEqual([...keys].sort());
        },
      ),
      { numRuns: 10 },
    );
  }, 120_000);

  it("audits the earlier releases again only where the new report's audit needs it", () => {
    const before = factsOf(survey, responsesOf([9, 7, 3], 11), [{}, { compare: "wave" }]);
    const whole = counting(solver());
    auditFacts(whole.highs, before, { minCell: 5 });
    const lazy = counting(solver());
    const asked = inheritedFindings(lazy.highs, before, 5);
    // Whether the facts fit together (a solve per program) and the respondent counts: a fraction
    // of the solves of a whole audit.
    expect(asked([]).size).toBe(0);
    expect(lazy.runs()).toBeLessThan(whole.runs() / 2);
    // Asked about a question, that question's programs are solved as a whole audit solves them.
    const slot = before[0]!.facts.find((f) => f.slot !== "@size")!.slot;
    asked([{ kind: "weak", report: 0, fact: "x", slot, min: 0, max: 1, because: [] }]);
    expect(lazy.runs()).toBeLessThan(whole.runs());
  });

  it("knows the people outside every named session hold nobody, counting each session once", () => {
    const reportOf = (facts: Fact[]) => sessionsReport(20, facts);
    const other = (r: ReportFacts) => {
      const model = buildAtoms([r]);
      const empty = leftOutAtoms([r], model);
      return model.atoms.map((a, i) => [a.session, empty.has(i)]);
    };
    // 12 + 8 = 20: nobody is in another session.
    const named = reportOf([size("n", 20), size("s1", 12, "s1"), size("s2", 8, "s2")]);
    expect(other(named)).toEqual([
      ["s1", false],
      ["s2", false],
      ["\u0000other", true],
    ]);
    // s1's size shown twice (a count by session and a compared group's n), s2's hidden: 12 is not
    // 20, and another session may hold people.
    const twice = reportOf([
      size("n", 20),
      size("s1", 12, "s1"),
      size("g1", 12, "s1"),
      size("s2", null, "s2"),
    ]);
    expect(other(twice).every(([, empty]) => !empty)).toBe(true);
  });
});
