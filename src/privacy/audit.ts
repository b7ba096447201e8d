// The audit: for every hidden count in a set of published reports, the interval that everything
// they show together confines it to (linear programming over the reader's model, atoms.ts), and
// for every small class of respondents (e.g. the one person added between two reports) whether
// their answers are pinned. Pure apart from the solver; reads only the facts (facts.ts).
import type { Highs } from "highs";
import { atomsOf, buildAtoms, describeAtom } from "./atoms.js";
import type { Fact, ReportFacts } from "./facts.js";
import { type Bounds, boundTargets, type Program, type Target } from "./lp.js";
import { type Builder, buildFamilies, type Family, families, slotCats } from "./program.js";

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

interface Extra {
  t: Target;
  label: string;
  slot: string;
  /**
   * For a class of several atoms: the count of its people outside the category. Pinned to 0, the
   * whole class chose it, and so did each of its atoms: `atoms` are then checked one by one.
   */
  all?: { atoms: number[]; what: string };
}

const sensitive = (min: number, max: number, minCell: number) => max >= 1 && min < minCell;

function classify(bd: Bounds, minCell: number): FindingKind | null {
  if (!sensitive(bd.min, bd.max, minCell)) return null;
  if (bd.min === bd.max) return "disclosed";
  if (bd.max - bd.min + 1 < minCell) return "weak";
  return null;
}

/**
 * Audits reports as a reader holds them. `minCell` is the strictest of the reports' unless given.
 */
/** The reader's atoms, without those no report's counts leave room for (they hold nobody). */
export function liveAtoms(highs: Highs, all: ReportFacts[]) {
  const model = buildAtoms(all);
  const everyAtom = model.atoms.map((_, i) => i);
  const sizes = buildFamilies(all, model, everyAtom, []);
  // Atoms inside a count of 0 (no paper forms, no other session) hold nobody: no need to solve.
  const empty = new Set<number>();
  for (const r of all)
    for (const f of r.facts)
      if (f.slot === "@size" && f.value === 0) for (const a of atomsOf(model, f)) empty.add(a);
  const open = everyAtom.filter((a) => !empty.has(a));
  // Only "can it hold anyone" matters here: a point with the atom above 0 settles it (wide at 2),
  // so its upper bound may be an inner one; an atom never seen above 0 is solved exactly.
  const solved = boundTargets(
    highs,
    { numVars: sizes.b.numVars, rows: sizes.b.rows },
    open.map((a) => ({ idx: [sizes.b.v(`N${a}`)], coef: [1] })),
    false,
    2,
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
  const counts = all.map((r) => ({ ...r, facts: r.facts.filter((f) => f.kind !== "stat") }));
  const res2 = auditOnce(highs, counts, opts);
  if (!res2.findings.some((f) => f.fact === CONTRADICTION)) return res2;
  return auditOnce(
    highs,
    counts.map((r) => ({ ...r, facts: r.facts.map(({ mark: _, ...f }) => f) })),
    { ...opts, atoms: undefined },
  );
}

const CONTRADICTION = "the reports contradict each other";

function auditOnce(highs: Highs, all: ReportFacts[], opts: AuditOptions): AuditResult {
  const { only } = opts;
  const minCell = opts.minCell ?? Math.max(...all.map((r) => r.minCell));
  const { model, bounds: atomBounds, alive } = opts.atoms ?? liveAtoms(highs, all);
  const findings: Finding[] = [];
  if (!atomBounds || !alive) return { findings: [contradiction()], checked: 0, atoms: 0 };
  const atomIds = alive;
  const sizes = buildFamilies(all, model, atomIds, []);
  let checked = 0;

  const explain = (b: Builder, duals: number[] | undefined): Term[] => {
    if (!duals) return [];
    const out: Term[] = [];
    duals.forEach((d, i) => {
      const f = b.rowFacts[i];
      if (f && Math.abs(d) > 1e-7)
        out.push({ report: f.report, fact: f.id, value: f.value, coef: Math.round(d * 1e6) / 1e6 });
    });
    return out;
  };

  // Respondent counts (sessions, waves, groups) first: they need no family.
  const sizeTargets = all.flatMap((r) => r.facts).filter((f) => f.slot === "@size" && f.value === null);
  const run = (b: Builder, termsOf: (f: Fact) => Target, hidden: Fact[], extra: Extra[]) => {
    const targets = [...hidden.map(termsOf), ...extra.map((e) => e.t)];
    // A class's counts are reported only when exact: two values seen already settle one.
    const wideAt = [...hidden.map(() => minCell), ...extra.map(() => 2)];
    const res = boundTargets(highs, { numVars: b.numVars, rows: b.rows }, targets, true, wideAt);
    if (!res) {
      findings.push(contradiction());
      return;
    }
    checked += targets.length;
    res.forEach((bd, i) => {
      const whole = i >= hidden.length ? extra[i - hidden.length]!.all : undefined;
      if (whole) {
        if (bd.min === 0 && bd.max === 0) findings.push(...wholeClass(whole, extra[i - hidden.length]!.slot));
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
  };
  /** Everyone in a class chose the category: so did each atom, whose size may be pinned. */
  const wholeClass = (w: NonNullable<Extra["all"]>, slot: string): Finding[] =>
    w.atoms.flatMap((a) => {
      const n = atomBounds[a]!;
      if (n.wide || n.min !== n.max || !sensitive(n.min, n.max, minCell)) return [];
      return [
        {
          kind: "disclosed" as const,
          report: null,
          slot,
          fact: `${w.what} among ${describe([a])}`,
          min: n.min,
          max: n.max,
          because: [],
        },
      ];
    });
  if (!only || only.has("@size")) run(sizes.b, sizes.termsOf, sizeTargets, []);
  // A class that is exactly a report's (or a compared group's) population has its counts printed,
  // shown or hidden, and checked as those: no need to check them again as a class.
  const live = new Set(atomIds);
  const printed = new Set<string>();
  // atomsOf gives one list per report and group: each is keyed once.
  const lists = new Set<number[]>();
  for (const r of all) for (const f of r.facts) if (f.slot !== "@size" && !f.by) lists.add(atomsOf(model, f));
  for (const list of lists) printed.add(classKey(list.filter((a) => live.has(a))));
  const describe = (atoms: number[]) =>
    atoms.map((a) => describeAtom(model.atoms[a]!, model.boundaries.get(model.atoms[a]!.survey)!)).join("; ");
  const all_ = families(all).filter((F) => !only || only.has(F.root));
  for (const chunk of programChunks(all_)) {
    const { b, termsOf, groups, sizeOf, cell } = buildFamilies(all, model, atomIds, chunk);
    const hidden: Fact[] = [];
    const extra: Extra[] = [];
    for (const F of chunk) {
      // The --by question's own counts are checked in every table split by it too: each such
      // table (its groups' cells beside the question's counts) may narrow them, and a program
      // holds only a few tables.
      hidden.push(...F.facts.filter((f) => f.value === null && f.kind !== "stat" && isTarget(f)));
      // Every class of respondents the reports tell apart is a table of its own that nobody
      // printed (the people added since Monday; everyone but one session): a small count of it
      // that the reports pin to one value is disclosed. (Only exact ones: a class's counts are
      // narrow whenever a count that contains them is, which the hidden counts answer for.)
      // The classes are the program's groups: atoms this question's counts never tell apart
      // share their answers' unknowns, and one atom's count among them is pinned only when the
      // whole group chose the same (checked by `all`) or chose none of it (not sensitive).
      const own = [...F.slots].filter((s) => s === F.root || s.startsWith(`${F.root}#`));
      if (atomIds.length > 1)
        groups.forEach((g, k) => {
          // A printed class's own counts are checked as those; its atoms' are not.
          const shown = printed.has(classKey(g));
          if (shown && g.length === 1) return;
          for (const s of own)
            for (const c of slotCats(all, s)) {
              if (s !== F.root && c !== "yes") continue;
              // Non-answers are published exactly (base − valid n gives their total): not secrets.
              if (isNonAnswer(c)) continue;
              const what =
                s === F.root ? `${s} ${c.replace(/^c:|^m:/, "")}` : s.replace("#", " ").replace(":", " ");
              const x = cell(s, k, c);
              if (!shown)
                extra.push({ t: { idx: [x], coef: [1] }, slot: s, label: `${what} among ${describe(g)}` });
              if (g.length > 1) {
                const size = sizeOf(k);
                extra.push({
                  t: { idx: [...size.idx, x], coef: [...size.coef, -1] },
                  slot: s,
                  label: `${what}: everyone among ${describe(g)}`,
                  all: { atoms: g, what },
                });
              }
            }
        });
    }
    run(b, termsOf, hidden, extra);
  }
  return { findings: dedupe(findings), checked, atoms: atomIds.length };
}

const classKey = (atoms: number[]) => [...atoms].sort((a, b) => a - b).join(",");

/**
 * Families solved together in one program (more: fewer solves, each one slower). A family split
 * by a --by question is a program of its own: its unknowns are many times a plain one's, and a
 * simplex solve's cost grows faster than its size.
 */
function* programChunks(list: Family[]): Generator<Family[]> {
  let chunk: Family[] = [];
  for (const F of list) {
    if (F.facts.some((f) => f.by)) {
      yield [F];
      continue;
    }
    chunk.push(F);
    if (chunk.length === FAMILIES_PER_PROGRAM) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const FAMILIES_PER_PROGRAM = 4;

const NON_ANSWER = new Set(["skipped", "notShown", "notReached", "invalid"]);
const isNonAnswer = (cat: string) => cat.startsWith("m:") || NON_ANSWER.has(cat);

/**
 * Who answered is no secret, what they answered is: a valid n (base − the non-answers, which are
 * printed exactly; a group's is "< 5" only because it bounds its answers) and the size of the
 * group of people who did not answer the `--by` question (that question's non-answer count) are
 * not checked.
 */
function isTarget(f: Fact): boolean {
  if (f.role === "valid") return false;
  return !(f.role === "size" && f.slot !== "@size" && f.cats.length > 0 && f.cats.every(isNonAnswer));
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
