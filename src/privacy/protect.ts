// Protection by audit: a new report is audited alone and together with every earlier release of
// the same responses, and hides more (cheapest first: box shares, then answer counts, then a mean)
// until the set passes. Mutates only the candidate Report; pure otherwise.
import type { Highs } from "highs";
import type { Report } from "../analysis/report.js";
import { type AtomModel, atomsOf } from "./atoms.js";
import { auditFacts, type Finding, liveAtoms } from "./audit.js";
import { extractFacts, type Fact } from "./facts.js";
import { findingKey, inheritedFindings } from "./inherited.js";

export interface ProtectResult {
  /** Counts and statistics hidden by this protection, and exact means it rounded to one decimal. */
  cells: number;
  statistics: number;
  rounded: number;
  /** Findings that need an earlier release and that hiding more in the new report did not fix. */
  remaining: Finding[];
}

const key = findingKey;
const rootOf = (slot: string) => slot.split("#")[0]!;

/**
 * Cheaper is hidden first: a box share, then an answer's count, a mean; a valid n last (its shares
 * go with it). Sizes of groups, bases and non-answer counts are never hidden here.
 */
function cost(f: Fact): number {
  if (f.role === "stat") return /mean$|sd$/.test(f.id) ? 4 : 0;
  // Non-answers are published exactly: hiding one hides nothing (base − valid n gives it).
  if (f.role === "status") return 9;
  // A question's own valid n is base − the non-answers, all shown: only a group's can be hidden.
  if (f.role === "valid") return f.scope.attr || f.by ? 6 : 9;
  if (f.role === "size" || f.role === "base") return 9;
  return 1;
}

/**
 * What changing a fact costs: a "< 5" that tells too much becomes "–" (no number is lost), then an
 * exact mean is published to one decimal, before anything more is hidden.
 */
const costOf = (f: Fact) => (f.vague ? -1 : f.coarsen ? 0.5 : cost(f));

function pick(candidates: Fact[]): Fact | undefined {
  return [...candidates].sort(
    (a, b) =>
      costOf(a) - costOf(b) ||
      Number((a.value ?? 0) === 0) - Number((b.value ?? 0) === 0) ||
      (a.value ?? 0) - (b.value ?? 0),
  )[0];
}

export function protectReport(highs: Highs, candidate: Report, earlier: readonly Report[]): ProtectResult {
  const before = earlier.map((r, i) => extractFacts(r, i));
  const idx = earlier.length;
  // What the earlier releases tell among themselves cannot be mended now. What the new report
  // tells, alone or with them, is: the suppression of one report (src/analysis) checks each table
  // line by line and each scale's statistics against its own counts, but not a group's exact mean
  // beside the pooled counts, nor a bound that needs several tables at once; the audit sees those.
  // The earlier releases' own findings are worked out only where this audit meets one not its own.
  const inheritedOf = inheritedFindings(highs, before, candidate.options.minCell);
  const tally: Tally = { cells: 0, statistics: 0, rounded: 0 };
  // Linked tables first: a count an earlier release hid is hidden here too wherever this report
  // shows the very same count (same people, same answer), as statistics offices do.
  const first = extractFacts(candidate, idx);
  // The people are the same in every round (sizes are never hidden here): worked out once.
  const atoms = liveAtoms(highs, [...before, first], candidate.options.minCell);
  const sig = signature(atoms.model, new Set(atoms.alive ?? []));
  const hiddenBefore = new Set(before.flatMap((r) => r.facts.filter((f) => f.value === null).map(sig)));
  // A figure an earlier release shows for the very same people is public already: hiding it here
  // would withhold it from this report's readers and from no one else.
  const shownBefore = new Set(before.flatMap((r) => r.facts.filter((f) => f.value !== null).map(sig)));
  // Fact ids are stable from round to round: the signatures are worked out once, not per round.
  const public_ = new Set(first.facts.filter((f) => shownBefore.has(sig(f))).map((f) => f.id));
  for (const f of first.facts)
    if (f.value !== null && f.hide && cost(f) < 9 && hiddenBefore.has(sig(f))) {
      f.hide();
      if (f.kind === "stat") tally.statistics++;
      else tally.cells++;
    }
  // After the first round only the questions with findings (and the respondent counts, while
  // one of them is a finding) are audited again: hiding a fact only widens what a reader can
  // tell, so a question without findings gains none.
  let dirty: Set<string> | undefined;
  let findings: Finding[] = [];
  // A finding that survives a few figures hidden for it is one hiding cannot mend (a size beside
  // the stored total): stop hiding for it, rather than withhold figure after figure around it.
  const tries = new Map<string, number>();
  // A --by question's own counts are checked in every table split by it: all again then.
  const bySlots = new Set(
    [...before, first].flatMap((r) => r.facts.flatMap((f) => (f.by ? [f.by.slot] : []))),
  );
  for (let round = 0; round < 200; round++) {
    const mine = extractFacts(candidate, idx);
    const met = auditFacts(highs, [...before, mine], {
      minCell: candidate.options.minCell,
      only: dirty,
      atoms,
    }).findings;
    // Findings of the earlier releases alone: the new report is not to blame for them.
    const known = inheritedOf(met.filter((f) => f.report !== idx));
    const fresh = met.filter((f) => !known.has(key(f)));
    const again = dirty;
    findings = again ? [...findings.filter((f) => !again.has(rootOf(f.slot))), ...fresh] : fresh;
    if (findings.length === 0) return { ...tally, remaining: [] };
    const hideable = mine.facts.filter((f) =>
      f.value === null ? f.vague !== undefined : (f.hide || f.coarsen) && cost(f) < 9 && !public_.has(f.id),
    );
    const { chosen, withheld } = chooseFixes(findings, hideable, mine.facts, idx, tries);
    if (chosen.size === 0 && withheld.size === 0) {
      // Nothing more to hide. What the new report tells on its own and nothing hideable can mend
      // (its size beside the responses stored) is what one report tells: `kuulo audit` lists
      // it, and it is no reason to refuse. What it tells only together with earlier ones is.
      const alone = new Set(
        auditFacts(highs, [extractFacts(candidate, 0)], { minCell: candidate.options.minCell }).findings.map(
          (f) => f.fact,
        ),
      );
      const remaining = findings.filter((f) => !(f.report === idx && alone.has(f.fact)));
      return { ...tally, remaining };
    }
    dirty = findings.some((f) => bySlots.has(rootOf(f.slot)))
      ? undefined
      : new Set<string>(findings.map((f) => rootOf(f.slot)));
    applyFixes(withheld, chosen, tally);
  }
  return { ...tally, remaining: [] };
}

const MAX_TRIES = 12;

/** What makes two facts the very same figure: the same live people, answer, split and weights. */
function signature(model: AtomModel, live: Set<number>): (f: Fact) => string {
  // atomsOf gives one list per report and group: each is written out once.
  const people = new Map<number[], string>();
  const peopleOf = (f: Fact) => {
    const list = atomsOf(model, f);
    let s = people.get(list);
    if (s === undefined) {
      s = list.filter((a) => live.has(a)).join(",");
      people.set(list, s);
    }
    return s;
  };
  return (f) =>
    JSON.stringify([
      peopleOf(f),
      f.slot,
      [...f.cats].sort(),
      f.by ? [f.by.slot, [...f.by.cats].sort()] : null,
      f.weights ?? null,
    ]);
}

/**
 * The figures to change for this round's findings: one per finding (its mark made "–", rounded or
 * hidden), and every figure of a finding's arithmetic at once when a dozen single changes have not
 * mended it (`withheld`).
 */
function chooseFixes(
  findings: Finding[],
  hideable: Fact[],
  facts: Fact[],
  idx: number,
  tries: Map<string, number>,
): { chosen: Set<Fact>; withheld: Set<Fact> } {
  const chosen = new Set<Fact>();
  /** Hidden outright (not marked "–" or rounded): the last resort for a stubborn finding. */
  const withheld = new Set<Fact>();
  for (const f of findings) {
    const tried = tries.get(key(f)) ?? 0;
    if (tried > MAX_TRIES) continue;
    tries.set(key(f), tried + 1);
    const named = new Set(f.because.filter((t) => t.report === idx).map((t) => t.fact));
    if (tried === MAX_TRIES) {
      // A dozen figures changed one by one have not mended it: hide every figure of this
      // report in its arithmetic at once (the whole question when it names none), once.
      const all = hideable.filter(
        (h) => h.hide && (named.size ? named.has(h.id) : rootOf(h.slot) === rootOf(f.slot)),
      );
      for (const h of all) withheld.add(h);
      continue;
    }
    const own = f.report === idx && f.because.every((t) => t.report === idx);
    // A status count pinned by its own line (base − valid − the rest): only the valid n can
    // open it, since every answer's count adds up to it.
    const line = own && factRole(facts, f.fact) === "status";
    let c = line
      ? pick(hideable.filter((h) => h.role === "valid" && h.slot === f.slot && sameScope(h, facts, f.fact)))
      : undefined;
    c ??= pick(hideable.filter((h) => named.has(h.id) && !chosen.has(h)));
    // No certificate: the cheapest shown fact of the same question.
    c ??= pick(hideable.filter((h) => rootOf(h.slot) === rootOf(f.slot) && !chosen.has(h)));
    if (c) chosen.add(c);
    // Nothing in the arithmetic can be hidden here: withhold the question in this report.
    else for (const h of hideable) if (rootOf(h.slot) === rootOf(f.slot)) chosen.add(h);
  }
  return { chosen, withheld };
}

/** Figures changed so far: counts hidden, statistics withheld, means rounded. */
interface Tally {
  cells: number;
  statistics: number;
  rounded: number;
}

/** Makes the changes chosen: the withheld figures hidden, the others marked "–", rounded or hidden. */
function applyFixes(withheld: Set<Fact>, chosen: Set<Fact>, tally: Tally): void {
  for (const c of withheld) {
    c.hide!();
    chosen.delete(c);
    if (c.kind === "stat") tally.statistics++;
    else tally.cells++;
  }
  for (const c of chosen) {
    if (c.vague) {
      c.vague();
      continue;
    }
    if (c.coarsen) {
      c.coarsen();
      tally.rounded++;
      continue;
    }
    c.hide!();
    if (c.kind === "stat") tally.statistics++;
    else tally.cells++;
  }
}

function factRole(facts: Fact[], id: string): Fact["role"] {
  return facts.find((f) => f.id === id)?.role;
}

function sameScope(h: Fact, facts: Fact[], id: string): boolean {
  const f = facts.find((x) => x.id === id);
  if (!f) return false;
  return JSON.stringify([h.scope, h.by ?? null]) === JSON.stringify([f.scope, f.by ?? null]);
}
