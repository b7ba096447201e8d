// The reader's linear program over published facts: one unknown per (class of respondents,
// answer slot, category), rows for what the reports show and for how answers partition people.
// Pure; audit.ts asks the solver for the bounds.
import { type AtomModel, atomsOf } from "./atoms.js";
import type { Fact, ReportFacts } from "./facts.js";
import type { Row, Target } from "./lp.js";

export interface Family {
  root: string;
  slots: Set<string>;
  facts: Fact[];
}

/** Slots whose variables one program holds: a slot, its sub-slots and the by-slots it is split by. */
export function families(all: ReportFacts[]): Family[] {
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

const sizeFacts = new WeakMap<Fact[], Fact[]>();

/** A report's respondent counts ("@size"), picked out once per list of facts (programs share them). */
function sizeFactsOf(r: ReportFacts): Fact[] {
  let list = sizeFacts.get(r.facts);
  if (!list) {
    list = r.facts.filter((f) => f.slot === "@size");
    sizeFacts.set(r.facts, list);
  }
  return list;
}

export class Builder {
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

export const slotCats = (all: ReportFacts[], slot: string): string[] => {
  const out: string[] = [];
  for (const r of all) for (const c of r.slots.get(slot)?.cats ?? []) if (!out.includes(c)) out.push(c);
  return out;
};

/**
 * The live atoms that no answer fact among `facts` tells apart, grouped. A group's answers are one
 * unknown per cell: exact for every published count, since a group's cells can be split among its
 * atoms in proportion to their sizes whatever those are. A `--by` report names each session's and
 * wave's size but shows no answer per session: all of them are one group, not fourteen.
 */
function groupAtoms(model: AtomModel, atomIds: number[], facts: Iterable<Fact>): number[][] {
  const lists = new Set<number[]>();
  for (const f of facts) if (f.slot !== "@size") lists.add(atomsOf(model, f));
  const sig = new Map<number, string>(atomIds.map((a) => [a, ""]));
  for (const list of lists) {
    const inside = new Set(list);
    for (const a of atomIds) sig.set(a, sig.get(a)! + (inside.has(a) ? "1" : "0"));
  }
  const groups = new Map<string, number[]>();
  for (const a of atomIds) {
    const k = sig.get(a)!;
    const g = groups.get(k);
    if (g) g.push(a);
    else groups.set(k, [a]);
  }
  return [...groups.values()];
}

export interface FamilyProgram {
  b: Builder;
  /** A fact's terms over the program's unknowns. */
  termsOf: (f: Fact) => Target;
  /** The classes the program's unknowns are kept per (groups of atoms), and each class's size. */
  groups: number[][];
  sizeOf: (group: number) => Target;
  /** The unknown counting class `group`'s people in category `cat` of `slot`. */
  cell: (slot: string, group: number, cat: string) => number;
}

/**
 * One program for several families (their unknowns are apart, the sizes shared): every solve then
 * spreads the targets of all of them, so far fewer targets need solves of their own. With no
 * families: the respondent counts alone.
 */
export function buildFamilies(
  all: ReportFacts[],
  model: AtomModel,
  atomIds: number[],
  Fs: Family[],
  /** Every atom a class of its own: the plain model the grouping is tested against. */
  perAtom = false,
): FamilyProgram {
  const b = new Builder();
  const N = (a: number) => b.v(`N${a}`);
  for (const a of atomIds) N(a);
  const alive = new Set(atomIds);
  const facts = new Set(Fs.flatMap((F) => F.facts));
  const groups = Fs.length === 0 || perAtom ? atomIds.map((a) => [a]) : groupAtoms(model, atomIds, facts);
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => {
    for (const a of g) groupOf.set(a, k);
  });
  const cell = (slot: string, g: number, cat: string) => b.v(`x|${slot}|${g}|${cat}`);
  const split = (slot: string, by: string, g: number, v: string, cat: string) =>
    b.v(`y|${slot}|${by}|${g}|${v}|${cat}`);
  const sizeOf = (g: number): Target => ({ idx: groups[g]!.map(N), coef: groups[g]!.map(() => 1) });
  const termsOf = (f: Fact): Target => {
    const idx: number[] = [];
    const coef: number[] = [];
    const live = atomsOf(model, f).filter((a) => alive.has(a));
    if (f.slot === "@size") return { idx: live.map(N), coef: live.map(() => 1) };
    for (const g of new Set(live.map((a) => groupOf.get(a)!)))
      f.cats.forEach((c, k) => {
        const w = f.weights ? f.weights[k]! : 1;
        if (f.by)
          for (const v of f.by.cats) {
            idx.push(split(f.slot, f.by.slot, g, v, c));
            coef.push(w);
          }
        else {
          idx.push(cell(f.slot, g, c));
          coef.push(w);
        }
      });
    return { idx, coef };
  };
  const minCellOf = new Map(all.map((r) => [r.report, r.minCell]));
  /**
   * A hidden count's mark as a range: "< minCell" is 1 to minCell − 1, since a hidden zero is
   * "–" and a shown one "0". A group's size, and a count in a group printed as "too few", keep 0
   * to minCell − 1 (the valid n of a group of too few may be a zero under its "< 5").
   */
  const markRow = (f: Fact) => {
    const m = minCellOf.get(f.report) ?? 1;
    const t = termsOf(f);
    // "–" (a zero, or minCell or more) adds nothing a range can hold beyond ≥ 0.
    if (f.mark === "small") b.range(t.idx, t.coef, f.few || f.slot === "@size" ? 0 : 1, m - 1, f);
  };
  for (const f of all.flatMap(sizeFactsOf))
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
  const program = { b, termsOf, groups, sizeOf, cell };
  if (Fs.length === 0) return program;
  addPartitions(b, all, Fs, facts, groups, { cell, split, sizeOf });
  for (const f of facts)
    if (f.value !== null) {
      const t = termsOf(f);
      b.eq(t.idx, t.coef, f.value, f, f.slack ?? 0);
    } else markRow(f);
  return program;
}

/** The unknowns of a program: a class's count in a category, and that count split by a --by answer. */
interface Unknowns {
  cell: (slot: string, g: number, cat: string) => number;
  split: (slot: string, by: string, g: number, v: string, cat: string) => number;
  sizeOf: (g: number) => Target;
}

/**
 * Partitions: a root slot's categories add up to the class's size; a sub-slot's to its parent's
 * cell; and a count split by a --by question's answers adds up to the count.
 */
function addPartitions(
  b: Builder,
  all: ReportFacts[],
  Fs: Family[],
  facts: Set<Fact>,
  groups: number[][],
  { cell, split, sizeOf }: Unknowns,
): void {
  const parentOf = new Map<string, { slot: string; cat: string }>();
  for (const r of all) for (const [s, d] of r.slots) if (d.parent) parentOf.set(s, d.parent);
  const slots = new Set(Fs.flatMap((F) => [...F.slots]));
  const pairs = new Set<string>();
  for (const f of facts) if (f.by) pairs.add(`${f.slot}\u0000${f.by.slot}`);
  // A split sub-slot needs its parent split too.
  for (const p of [...pairs]) {
    const [s, by] = p.split("\u0000") as [string, string];
    for (let q = parentOf.get(s); q; q = parentOf.get(q.slot)) pairs.add(`${q.slot}\u0000${by}`);
  }
  const gs = groups.map((_, k) => k);
  for (const s of slots) {
    const cats = slotCats(all, s);
    const parent = parentOf.get(s);
    for (const g of gs) {
      const whole = parent ? { idx: [cell(parent.slot, g, parent.cat)], coef: [1] } : sizeOf(g);
      b.eq(
        [...cats.map((c) => cell(s, g, c)), ...whole.idx],
        [...cats.map(() => 1), ...whole.coef.map((c) => -c)],
        0,
        null,
      );
    }
  }
  for (const p of pairs) {
    const [s, by] = p.split("\u0000") as [string, string];
    const cats = slotCats(all, s);
    const byCats = slotCats(all, by);
    const parent = parentOf.get(s);
    for (const g of gs) {
      for (const c of cats)
        b.eq(
          [...byCats.map((v) => split(s, by, g, v, c)), cell(s, g, c)],
          [...byCats.map(() => 1), -1],
          0,
          null,
        );
      for (const v of byCats) {
        const idx = cats.map((c) => split(s, by, g, v, c));
        const coef = cats.map(() => 1);
        idx.push(parent ? split(parent.slot, by, g, v, parent.cat) : cell(by, g, v));
        coef.push(-1);
        b.eq(idx, coef, 0, null);
      }
    }
  }
}

/**
 * Families solved together in one program (more: fewer solves, each one slower). A family split
 * by a --by question is a program of its own: its unknowns are many times a plain one's, and a
 * simplex solve's cost grows faster than its size.
 */
export function* programChunks(list: Family[]): Generator<Family[]> {
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
