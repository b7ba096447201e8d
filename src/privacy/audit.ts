// The audit: for every hidden count in a set of published reports, the interval that everything
// they show together confines it to (linear programming over the reader's model, atoms.ts), and
// for every small class of respondents (e.g. the one person added between two reports) whether
// their answers are pinned. Pure apart from the solver; reads only the facts (facts.ts).
import type { Highs } from "highs";
import { type AtomModel, atomsOf, buildAtoms, describeAtom } from "./atoms.js";
import type { Fact, ReportFacts } from "./facts.js";
import { type Bounds, boundTargets, type Program, type Row, type Target } from "./lp.js";

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
}

interface Family {
  root: string;
  slots: Set<string>;
  facts: Fact[];
}

/** Slots whose variables one program holds: a slot, its sub-slots and the by-slots it is split by. */
function families(all: ReportFacts[]): Family[] {
  const parentOf = new Map<string, string>();
  for (const r of all) for (const [s, d] of r.slots) if (d.parent) parentOf.set(s, d.parent.slot);
  const rootOf = (s: string): string => {
    let cur = s;
    for (let p = parentOf.get(cur); p; p = parentOf.get(cur)) cur = p;
    return cur;
  };
  const byRoot = new Map<string, Family>();
  const fam = (root: string) => {
    let f = byRoot.get(root);
    if (!f) {
      f = { root, slots: new Set([root]), facts: [] };
      byRoot.set(root, f);
    }
    return f;
  };
  const facts = all.flatMap((r) => r.facts).filter((f) => f.slot !== "@size");
  for (const f of facts) {
    const F = fam(rootOf(f.slot));
    F.slots.add(f.slot);
    F.facts.push(f);
  }
  // A cross-tabulated family needs the by-slot's own facts too (its group sizes).
  for (const F of byRoot.values()) {
    const bys = new Set(F.facts.flatMap((f) => (f.by ? [f.by.slot] : [])));
    for (const b of bys) {
      F.slots.add(b);
      if (b !== F.root)
        for (const f of byRoot.get(b)?.facts ?? []) if (f.slot === b && !f.by) F.facts.push(f);
    }
  }
  return [...byRoot.values()];
}

class Builder {
  rows: Row[] = [];
  rowFacts: (Fact | null)[] = [];
  private vars = new Map<string, number>();
  get numVars() {
    return this.vars.size;
  }
  v(key: string): number {
    let i = this.vars.get(key);
    if (i === undefined) {
      i = this.vars.size;
      this.vars.set(key, i);
    }
    return i;
  }
  eq(idx: number[], coef: number[], value: number, fact: Fact | null, slack = 0) {
    this.range(idx, coef, value - slack, value + slack, fact);
  }
  range(idx: number[], coef: number[], lo: number, hi: number, fact: Fact | null) {
    this.rows.push({ idx, coef, lo, hi });
    this.rowFacts.push(fact);
  }
}

const slotCats = (all: ReportFacts[], slot: string): string[] => {
  const out: string[] = [];
  for (const r of all) for (const c of r.slots.get(slot)?.cats ?? []) if (!out.includes(c)) out.push(c);
  return out;
};

/** Builds the program of some families; returns the builder and a function giving a fact's terms. */
function buildFamily(all: ReportFacts[], model: AtomModel, atomIds: number[], F: Family | null) {
  return buildFamilies(all, model, atomIds, F ? [F] : []);
}

/**
 * One program for several families (their unknowns are apart, the sizes shared): every solve then
 * spreads the targets of all of them, so far fewer targets need solves of their own.
 */
function buildFamilies(all: ReportFacts[], model: AtomModel, atomIds: number[], Fs: Family[]) {
  const b = new Builder();
  const N = (a: number) => b.v(`N${a}`);
  for (const a of atomIds) N(a);
  const alive = new Set(atomIds);
  const sizeFacts = all.flatMap((r) => r.facts).filter((f) => f.slot === "@size");
  const termsOf = (f: Fact): Target => {
    const idx: number[] = [];
    const coef: number[] = [];
    for (const a of atomsOf(model, f)) {
      if (!alive.has(a)) continue;
      if (f.slot === "@size") {
        idx.push(N(a));
        coef.push(1);
        continue;
      }
      f.cats.forEach((c, k) => {
        const w = f.weights ? f.weights[k]! : 1;
        if (f.by) for (const v of f.by.cats) idx.push(b.v(`y|${f.slot}|${f.by.slot}|${a}|${v}|${c}`));
        else idx.push(b.v(`x|${f.slot}|${a}|${c}`));
        const times = f.by ? f.by.cats.length : 1;
        for (let t = 0; t < times; t++) coef.push(w);
      });
    }
    return { idx, coef };
  };
  const minCellOf = new Map(all.map((r) => [r.report, r.minCell]));
  /** A hidden count's mark as a range: "< minCell" is 0 to minCell − 1. */
  const markRow = (f: Fact) => {
    const m = minCellOf.get(f.report) ?? 1;
    const t = termsOf(f);
    // "–" (a zero, or minCell or more) adds nothing a range can hold beyond ≥ 0.
    if (f.mark === "small") b.range(t.idx, t.coef, 0, m - 1, f);
  };
  for (const f of sizeFacts)
    if (f.value !== null) {
      const t = termsOf(f);
      b.eq(t.idx, t.coef, f.value, f);
    } else markRow(f);
  for (const e of model.epochSizes) {
    const ids = e.atoms.filter((a) => alive.has(a));
    b.eq(
      ids.map(N),
      ids.map(() => 1),
      e.size,
      null,
    );
  }
  if (Fs.length === 0) return { b, termsOf };
  // Partitions: a root slot's categories add up to the atom's size; a sub-slot's to its parent's cell.
  const parentOf = new Map<string, { slot: string; cat: string }>();
  for (const r of all) for (const [s, d] of r.slots) if (d.parent) parentOf.set(s, d.parent);
  const slots = new Set(Fs.flatMap((F) => [...F.slots]));
  const facts = new Set(Fs.flatMap((F) => F.facts));
  const pairs = new Set<string>();
  for (const f of facts) if (f.by) pairs.add(`${f.slot}\u0000${f.by.slot}`);
  // A split sub-slot needs its parent split too.
  for (const p of [...pairs]) {
    const [s, by] = p.split("\u0000") as [string, string];
    for (let q = parentOf.get(s); q; q = parentOf.get(q.slot)) pairs.add(`${q.slot}\u0000${by}`);
  }
  for (const s of slots) {
    const cats = slotCats(all, s);
    const parent = parentOf.get(s);
    for (const a of atomIds) {
      const idx = cats.map((c) => b.v(`x|${s}|${a}|${c}`));
      const coef = cats.map(() => 1);
      if (parent) {
        idx.push(b.v(`x|${parent.slot}|${a}|${parent.cat}`));
        coef.push(-1);
      } else {
        idx.push(N(a));
        coef.push(-1);
      }
      b.eq(idx, coef, 0, null);
    }
  }
  for (const p of pairs) {
    const [s, by] = p.split("\u0000") as [string, string];
    const cats = slotCats(all, s);
    const byCats = slotCats(all, by);
    const parent = parentOf.get(s);
    for (const a of atomIds) {
      for (const c of cats)
        b.eq(
          [...byCats.map((v) => b.v(`y|${s}|${by}|${a}|${v}|${c}`)), b.v(`x|${s}|${a}|${c}`)],
          [...byCats.map(() => 1), -1],
          0,
          null,
        );
      for (const v of byCats) {
        const idx = cats.map((c) => b.v(`y|${s}|${by}|${a}|${v}|${c}`));
        const coef = cats.map(() => 1);
        idx.push(parent ? b.v(`y|${parent.slot}|${by}|${a}|${v}|${parent.cat}`) : b.v(`x|${by}|${a}|${v}`));
        coef.push(-1);
        b.eq(idx, coef, 0, null);
      }
    }
  }
  for (const f of facts)
    if (f.value !== null) {
      const t = termsOf(f);
      b.eq(t.idx, t.coef, f.value, f, f.slack ?? 0);
    } else markRow(f);
  return { b, termsOf };
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
  const sizes = buildFamily(all, model, everyAtom, null);
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
  const bounds = everyAtom.map(() => ({ min: 0, max: 0 }));
  open.forEach((a, i) => {
    bounds[a] = solved[i]!;
  });
  const alive = everyAtom.filter((a) => bounds[a]!.max > 0);
  return { model, bounds, alive };
}

/**
 * Audits reports as a reader holds them. `minCell` is the strictest of the reports' unless given.
 * `only`: audit just the families (questions) with these root slots, and the respondent counts
 * only if it holds "@size"; for a protection round after hiding more in them, since hiding a
 * fact can only widen what a reader can tell, and only in its own family.
 */
export function auditFacts(
  highs: Highs,
  all: ReportFacts[],
  minCellArg?: number,
  only?: ReadonlySet<string>,
): AuditResult {
  const res = auditOnce(highs, all, minCellArg, only);
  if (!res.findings.some((f) => f.fact === CONTRADICTION)) return res;
  // Statistics are read at the precision they are printed with; if they cannot be reconciled
  // with the counts (rounding beyond the model's tolerance), audit the counts alone. Reports made
  // before hidden counts had honest marks may say "< 5" of a larger count: then without marks.
  const counts = all.map((r) => ({ ...r, facts: r.facts.filter((f) => f.kind !== "stat") }));
  const res2 = auditOnce(highs, counts, minCellArg, only);
  if (!res2.findings.some((f) => f.fact === CONTRADICTION)) return res2;
  return auditOnce(
    highs,
    counts.map((r) => ({ ...r, facts: r.facts.map(({ mark: _, ...f }) => f) })),
    minCellArg,
    only,
  );
}

const CONTRADICTION = "the reports contradict each other";

function auditOnce(
  highs: Highs,
  all: ReportFacts[],
  minCellArg?: number,
  only?: ReadonlySet<string>,
): AuditResult {
  const minCell = minCellArg ?? Math.max(...all.map((r) => r.minCell));
  const { model, bounds: atomBounds, alive } = liveAtoms(highs, all);
  const findings: Finding[] = [];
  if (!atomBounds || !alive) return { findings: [contradiction()], checked: 0, atoms: 0 };
  const atomIds = alive;
  const sizes = buildFamily(all, model, atomIds, null);
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
  if (!only || only.has("@size")) run(sizes.b, sizes.termsOf, sizeTargets, []);
  // A class that is exactly a report's (or a compared group's) population has its counts printed,
  // shown or hidden, and checked as those: no need to check them again as a class.
  const printed = new Set<number>();
  const live = new Set(atomIds);
  for (const r of all)
    for (const f of r.facts) {
      if (f.slot === "@size" || f.by) continue;
      const mine = atomsOf(model, f).filter((a) => live.has(a));
      if (mine.length === 1) printed.add(mine[0]!);
    }
  const all_ = families(all).filter((F) => !only || only.has(F.root));
  for (let i = 0; i < all_.length; i += FAMILIES_PER_PROGRAM) {
    const chunk = all_.slice(i, i + FAMILIES_PER_PROGRAM);
    const { b, termsOf } = buildFamilies(all, model, atomIds, chunk);
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
      const own = [...F.slots].filter((s) => s === F.root || s.startsWith(`${F.root}#`));
      if (atomIds.length > 1)
        for (const a of atomIds.filter((x) => !printed.has(x)))
          for (const s of own)
            for (const c of slotCats(all, s)) {
              if (s !== F.root && c !== "yes") continue;
              // Non-answers are published exactly (base − valid n gives their total): not secrets.
              if (isNonAnswer(c)) continue;
              const what =
                s === F.root ? `${s} ${c.replace(/^c:|^m:/, "")}` : s.replace("#", " ").replace(":", " ");
              extra.push({
                t: { idx: [b.v(`x|${s}|${a}|${c}`)], coef: [1] },
                slot: s,
                label: `${what} among ${describeAtom(model.atoms[a]!, model.boundaries.get(model.atoms[a]!.survey)!)}`,
              });
            }
    }
    run(b, termsOf, hidden, extra);
  }
  return { findings: dedupe(findings), checked, atoms: atomIds.length };
}

/** Families solved together in one program (more: fewer solves, each one slower). */
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
