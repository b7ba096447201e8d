// What the earlier releases tell among themselves, which a new report is not to blame for (and
// cannot mend). Worked out only where the new report's audit meets a finding that is not its own,
// program by program as a whole audit of the earlier releases would (the same facts, the same
// programs, so the same findings), instead of auditing them all again for every new report.
import type { Highs } from "highs";
import { auditFacts, auditOnce, CONTRADICTION, type Finding, fallbacks, liveAtoms } from "./audit.js";
import type { ReportFacts } from "./facts.js";
import { families, programChunks } from "./program.js";

export const findingKey = (f: Pick<Finding, "report" | "fact">) => `${f.report}|${f.fact}`;

/**
 * The findings of the earlier releases alone that share a program with the findings given, each
 * time it is called (the programs solved so far are remembered). Exactly the ones a whole audit
 * (`auditFacts`) of them finds there.
 */
export function inheritedFindings(
  highs: Highs,
  before: ReportFacts[],
  minCell: number,
): (met: readonly Finding[]) => Map<string, Finding> {
  const found = new Map<string, Finding>();
  if (before.length === 0) return () => found;
  // The facts a whole audit settles on: the first of its variants that fits together (whether
  // it does takes one solve per program), or the last, with the contradiction it finds.
  const [counts, unmarked] = fallbacks(before);
  const firstAtoms = liveAtoms(highs, before, minCell);
  const variants = [
    { facts: before, atoms: () => firstAtoms },
    { facts: counts, atoms: () => firstAtoms },
    { facts: unmarked, atoms: () => liveAtoms(highs, unmarked, minCell) },
  ];
  let chosen = variants[2]!;
  let atoms = firstAtoms;
  for (const v of variants) {
    chosen = v;
    atoms = v.atoms();
    const fit = auditOnce(highs, v.facts, { minCell, atoms, fitOnly: true });
    const contradicts = fit.findings.find((f) => f.fact === CONTRADICTION);
    if (!contradicts) break;
    if (v === variants[2]) found.set(findingKey(contradicts), contradicts);
  }
  // Which programs of the whole audit hold a slot: its own question's, and every table split by it.
  const programsOf = new Map<string, number[]>();
  [...programChunks(families(chosen.facts))].forEach((chunk, i) => {
    for (const F of chunk)
      for (const s of F.slots) {
        const list = programsOf.get(s) ?? [];
        if (!list.includes(i)) list.push(i);
        programsOf.set(s, list);
      }
  });
  const done = new Set<number>();
  let sizesDone = false;
  let whole = false;
  return (met) => {
    const programs = new Set<number>();
    let sizes = false;
    for (const f of met) {
      if (f.slot === "@size" && !sizesDone) sizes = true;
      for (const i of programsOf.get(f.slot) ?? []) if (!done.has(i)) programs.add(i);
    }
    if (whole || (programs.size === 0 && !sizes)) return found;
    const res = auditOnce(highs, chosen.facts, { minCell, atoms, pick: { programs, sizes } });
    // A solve after the first that finds no point (rounding): the whole audit would have fallen
    // back to other facts. Then it is made, once, as it would be.
    if (chosen !== variants[2] && res.findings.some((f) => f.fact === CONTRADICTION)) {
      whole = true;
      found.clear();
      for (const f of auditFacts(highs, before, { minCell }).findings)
        if (!found.has(findingKey(f))) found.set(findingKey(f), f);
      return found;
    }
    for (const f of res.findings) if (!found.has(findingKey(f))) found.set(findingKey(f), f);
    for (const i of programs) done.add(i);
    if (sizes) sizesDone = true;
    return found;
  };
}
