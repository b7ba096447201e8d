// The audit: for every hidden count in a set of published reports, the interval that everything
// they show together confines it to (linear programming over the reader's model, atoms.ts), and
// for every small class of respondents (e.g. the one person added between two reports) whether
// their answers are pinned. Pure apart from the solver; reads only the facts (facts.ts).
import type { Highs } from "highs";
import { buildAtoms, describeAtom } from "./atoms.js";
import { type ClassTarget, classTargets, isTarget, printedClasses } from "./audit-targets.js";
import { leftOutAtoms, zeroAtoms } from "./empty-atoms.js";
import type { Fact, ReportFacts } from "./facts.js";
import { type Bounds, boundTargets, type Program, type Settles, type Target } from "./lp.js";
import { type Builder, buildFamilies, families, programChunks } from "./program.js";

export type FindingKind = "disclosed" | "weak";

/** One published fact with the weight it carries in a finding's arithmetic. */
export interface Term {
  report: number;
  fact: string;
  value: number | null;
  coef: number;
}

export interface Finding {
  kind: FindingKind;
  /** The report and hidden fact, or null for a class of respondents (`atom`). */
  report: number | null;
  fact: string;
  /** The answer slot it concerns ("@size" for counts of people). */
  slot: string;
  /** What the reader can tell: the count lies in [min, max]. */
  min: number;
  max: number;
  /** The shown facts that pin it (from the solver's certificate), when known. */
  because: Term[];
}

export interface AuditResult {
  findings: Finding[];
  /** Hidden counts checked, and respondent classes checked. */
  checked: number;
  atoms: number;
}

const sensitive = (min: number, max: number, minCell: number) => max >= 1 && min < minCell;

function classify(bd: Bounds, minCell: number): FindingKind | null {
  if (!sensitive(bd.min, bd.max, minCell)) return null;
  if (bd.min === bd.max) return "disclosed";
  // Weak: fewer possible values than a "< minCell" mark leaves by itself (1 to minCell − 1).
  if (bd.max - bd.min + 1 < minCell - 1) return "weak";
  return null;
}

/** The reader's atoms, without those no report's counts leave room for (they hold nobody). */
export function liveAtoms(
  highs: Highs,
  all: ReportFacts[],
  minCell = Math.max(...all.map((r) => r.minCell)),
) {
  const model = buildAtoms(all);
  const everyAtom = model.atoms.map((_, i) => i);
  const sizes = buildFamilies(all, model, everyAtom, []);
  // Atoms inside a count of 0 (no paper forms) or left out of a report's groups that add up to
  // its total (every session named) hold nobody: no need to solve. One atom at least is solved,
  // which tells whether the counts fit together at all.
  const zero = zeroAtoms(all, model);
  const leftOut = leftOutAtoms(all, model);
  let open = everyAtom.filter((a) => !zero.has(a) && !leftOut.has(a));
  if (open.length === 0) open = everyAtom.filter((a) => !zero.has(a));
  // Only "can it hold anyone" and "is it pinned to fewer than minCell" matter here: two values
  // seen (wide at 2), or minCell or more, settle it, so its bounds may be inner ones; an atom not
  // settled so is solved exactly.
  const solved = boundTargets(
    highs,
    { numVars: sizes.b.numVars, rows: sizes.b.rows },
    open.map((a) => ({ idx: [sizes.b.v(`N${a}`)], coef: [1] })),
    false,
    2,
    open.map(() => (seen) => seen.max >= minCell),
  );
  if (!solved) return { model, bounds: null, alive: null };
  const bounds: Bounds[] = everyAtom.map(() => ({ min: 0, max: 0 }));
  open.forEach((a, i) => {
    bounds[a] = solved[i]!;
  });
  const alive = everyAtom.filter((a) => bounds[a]!.max > 0);
  return { model, bounds, alive };
}

export interface AuditOptions {
  /** The strictest of the reports' unless given. */
  minCell?: number;
  /**
   * Audit just the families (questions) with these root slots, and the respondent counts only if
   * it holds "@size"; for a protection round after hiding more in them, since hiding a fact can
   * only widen what a reader can tell, and only in its own family.
   */
  only?: ReadonlySet<string>;
  /**
   * Audit just these programs (by their place in a whole audit, its families chunked as it chunks
   * them: the same programs give the same findings), and the respondent counts if `sizes`.
   */
  pick?: { programs: ReadonlySet<number>; sizes: boolean };
  /** Whether the facts fit together, and nothing more: one solve per program, no findings but a contradiction. */
  fitOnly?: boolean;
  /** `liveAtoms` of the same reports, when known: hiding answers leaves the people unchanged. */
  atoms?: LiveAtoms;
}

export type LiveAtoms = ReturnType<typeof liveAtoms>;

/** Audits reports as a reader holds them. */
export function auditFacts(highs: Highs, all: ReportFacts[], opts: AuditOptions = {}): AuditResult {
  const res = auditOnce(highs, all, opts);
  if (!res.findings.some((f) => f.fact === CONTRADICTION)) return res;
  // Statistics are read at the precision they are printed with; if they cannot be reconciled
  // with the counts (rounding beyond the model's tolerance), audit the counts alone. Reports made
  // before hidden counts had honest marks may say "< 5" of a larger count: then without marks
  // (which may change who can be in which class: the atoms are worked out again).
  const [counts, unmarked] = fallbacks(all);
  const res2 = auditOnce(highs, counts, opts);
  if (!res2.findings.some((f) => f.fact === CONTRADICTION)) return res2;
  return auditOnce(highs, unmarked, { ...opts, atoms: undefined });
}

export const CONTRADICTION = "the reports contradict each other";

/** The facts a whole audit falls back on when they do not fit together: counts alone, then without marks. */
export function fallbacks(all: ReportFacts[]): [ReportFacts[], ReportFacts[]] {
  const counts = all.map((r) => ({ ...r, facts: r.facts.filter((f) => f.kind !== "stat") }));
  return [counts, counts.map((r) => ({ ...r, facts: r.facts.map(({ mark: _, ...f }) => f) }))];
}

/** One audit of the facts as given (auditFacts falls back when they contradict each other). */
export function auditOnce(highs: Highs, all: ReportFacts[], opts: AuditOptions): AuditResult {
  const { only, pick } = opts;
  const minCell = opts.minCell ?? Math.max(...all.map((r) => r.minCell));
  const { model, bounds: atomBounds, alive } = opts.atoms ?? liveAtoms(highs, all, minCell);
  if (!atomBounds || !alive) return { findings: [contradiction()], checked: 0, atoms: 0 };
  const atomIds = alive;
  const describe = (atoms: number[]) =>
    atoms.map((a) => describeAtom(model.atoms[a]!, model.boundaries.get(model.atoms[a]!.survey)!)).join("; ");
  const check: Check = {
    highs,
    minCell,
    atomBounds,
    describe,
    findings: [],
    checked: 0,
    fitOnly: opts.fitOnly === true,
  };

  // Respondent counts (sessions, waves, groups) first: they need no family.
  const sizes = buildFamilies(all, model, atomIds, []);
  const sizeTargets = all.flatMap((r) => r.facts).filter((f) => f.slot === "@size" && f.value === null);
  if ((!only || only.has("@size")) && (!pick || pick.sizes))
    checkTargets(check, sizes.b, sizes.termsOf, sizeTargets, []);
  const printed = printedClasses(all, model, atomIds);
  const all_ = families(all).filter((F) => !only || only.has(F.root));
  let index = -1;
  for (const chunk of programChunks(all_)) {
    index++;
    if (pick && !pick.programs.has(index)) continue;
    const program = buildFamilies(all, model, atomIds, chunk);
    const hidden: Fact[] = [];
    const extra: ClassTarget[] = [];
    for (const F of chunk) {
      // The --by question's own counts are checked in every table split by it too: each such
      // table (its groups' cells beside the question's counts) may narrow them, and a program
      // holds only a few tables.
      hidden.push(...F.facts.filter((f) => f.value === null && f.kind !== "stat" && isTarget(f)));
      if (atomIds.length > 1) extra.push(...classTargets(all, F, program, printed, describe));
    }
    checkTargets(check, program.b, program.termsOf, hidden, extra);
  }
  return { findings: dedupe(check.findings), checked: check.checked, atoms: atomIds.length };
}

/** What one audit needs across its solves, and what it has found so far. */
interface Check {
  highs: Highs;
  minCell: number;
  atomBounds: Bounds[];
  describe: (atoms: number[]) => string;
  findings: Finding[];
  checked: number;
  /** Only whether each program fits: every target counts as settled after the first solve. */
  fitOnly: boolean;
}

/** The shown facts a solver certificate (its duals) combines, with their weights. */
function explain(b: Builder, duals: number[] | undefined): Term[] {
  if (!duals) return [];
  const out: Term[] = [];
  duals.forEach((d, i) => {
    const f = b.rowFacts[i];
    if (f && Math.abs(d) > 1e-7)
      out.push({ report: f.report, fact: f.id, value: f.value, coef: Math.round(d * 1e6) / 1e6 });
  });
  return out;
}

/** Bounds the hidden facts and the class targets of one program, adding what they disclose. */
function checkTargets(
  check: Check,
  b: Builder,
  termsOf: (f: Fact) => Target,
  hidden: Fact[],
  extra: ClassTarget[],
): void {
  const { minCell, findings } = check;
  const targets = [...hidden.map(termsOf), ...extra.map((e) => e.t)];
  // A hidden count is wide at as many values as a "< minCell" mark leaves (see classify; at
  // least two, so that a pinned one is always told). A class's counts are reported only when
  // exact: two values seen already settle one.
  const wideAt = [...hidden.map(() => Math.max(2, minCell - 1)), ...extra.map(() => 2)];
  // What else settles a target: a count in a "too few" group is a finding only when pinned (two
  // values seen), and a class's count outside a category only when pinned to 0 (1 or more seen).
  const settles = check.fitOnly
    ? targets.map(() => anything)
    : [
        ...hidden.map((f) => (f.few ? twoValues : undefined)),
        ...extra.map((e) => (e.all ? someone : undefined)),
      ];
  const res = boundTargets(check.highs, { numVars: b.numVars, rows: b.rows }, targets, true, wideAt, settles);
  if (!res) {
    findings.push(contradiction());
    return;
  }
  if (check.fitOnly) return;
  check.checked += targets.length;
  res.forEach((bd, i) => {
    const whole = i >= hidden.length ? extra[i - hidden.length]!.all : undefined;
    if (whole) {
      if (bd.min === 0 && bd.max === 0)
        findings.push(...wholeClass(check, whole, extra[i - hidden.length]!.slot));
      return;
    }
    const kind = classify(bd, minCell);
    if (!kind) return;
    if (i < hidden.length) {
      const f = hidden[i]!;
      // Narrow by nature, so a finding only when pinned: a count in a group printed as "too
      // few" (that mark already says it is small).
      if (kind === "weak" && f.few) return;
      findings.push({
        kind,
        report: f.report,
        fact: f.id,
        slot: f.slot,
        min: bd.min,
        max: bd.max,
        because: explain(b, bd.duals),
      });
    } else if (kind === "disclosed")
      findings.push({
        kind,
        report: null,
        slot: extra[i - hidden.length]!.slot,
        fact: extra[i - hidden.length]!.label,
        min: bd.min,
        max: bd.max,
        because: explain(b, bd.duals),
      });
  });
}

const anything: Settles = () => true;
const twoValues: Settles = (seen) => seen.max > seen.min;
const someone: Settles = (seen) => seen.max >= 1;

/** Everyone in a class chose the category: so did each atom, whose size may be pinned. */
function wholeClass(check: Check, w: NonNullable<ClassTarget["all"]>, slot: string): Finding[] {
  const { atomBounds, minCell } = check;
  return w.atoms.flatMap((a) => {
    const n = atomBounds[a]!;
    if (n.wide || n.min !== n.max || !sensitive(n.min, n.max, minCell)) return [];
    return [
      {
        kind: "disclosed" as const,
        report: null,
        slot,
        fact: `${w.what} among ${check.describe([a])}`,
        min: n.min,
        max: n.max,
        because: [],
      },
    ];
  });
}

function contradiction(): Finding {
  return {
    kind: "disclosed",
    report: null,
    fact: CONTRADICTION,
    slot: "@size",
    min: 0,
    max: 0,
    because: [],
  };
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.report}|${f.fact}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { extractFacts } from "./facts.js";
export type { Bounds, Program };
