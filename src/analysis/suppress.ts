// Small-cell suppression over every count a Report publishes, with complementary suppression so
// that no hidden count below minCell can be worked out from the published ones. Pure; knows
// nothing about questions: callers register counts ("cells") and the sums that tie them ("lines").
//
// The guarantee, for counts v with 1 ≤ v < minCell ("sensitive"):
//  1. every sensitive count is hidden;
//  2. no line has exactly one hidden member that is sensitive (the classic complement rule);
//  3. no hidden sensitive count is determined by the published counts through any combination of
//     lines (checked exactly with linear algebra over all lines at once, across tables), counting
//     as known every hidden count that a line forces to zero (counts are never negative).
// A reader may still learn bounds, but never fewer than minCell possible values for a small count
// (two hidden cells that add up to 3 get a third hidden beside them).
// Hidden counts carry an honest mark: "< 5" for a count from 1 to minCell − 1, "–" for one hidden
// as a complement (a zero, or minCell or more). "–" claims no size, so it also serves a small
// count whose "< 5" would itself tell too much (two sides of a comparison, both "< 5", adding up
// to 6 are each 2 to 4; no third count in the row can widen that). A reader learns the ranges
// the marks give, so the solver propagates them through the lines (interval bounds) and hides
// more where a range would pin a sensitive count or leave it fewer than minCell possible values
// (two "< 5" adding up to 2 are each 0, 1 or 2); when no single count hidden beside it widens
// the range enough, the small count's mark becomes "–".
//  4. no hidden count is one the published counts already determine (over-suppression): after
//     solving, such counts are published again, which tells a reader nothing new.
// Zero counts are published: a zero identifies no one. Cells marked `exempt` are never sensitive
// themselves but still take part in the sums (a pooled count that base − valid already tells).
//
// An answer status line (src/analysis/status.ts) is the one exception: its base and valid n stay
// shown (the valid n is every share's denominator), so the total of its other counts is known;
// those counts are registered `exempt` and published exactly.

import { determinedColumns } from "./linear.js";

export interface CellOptions {
  /** False for counts that are never printed but take part in sums (e.g. "did not choose"). */
  publish?: boolean;
  /** Hide whatever the value (a group shown only as "too few"). */
  hide?: boolean;
  /** Higher cost = hidden as a complement only when nothing cheaper helps (totals, group sizes). */
  cost?: number;
  /** Never sensitive, whatever the value: a count base − valid tells anyway, or one with its own rule. */
  exempt?: boolean;
  /** Always published, never hidden as a complement (non-answers: base − valid n tells them). */
  shown?: boolean;
}

interface Cell {
  id: string;
  order: number;
  value: number;
  publish: boolean;
  hidden: boolean;
  cost: number;
  exempt: boolean;
  /** Hidden on request (`hide`), so never published again by the release pass. */
  forced: boolean;
  /** Never hidden (see CellOptions.shown). */
  shown: boolean;
  /** Hidden with no size claimed ("–"), although below minCell: "< 5" would tell too much. */
  vague: boolean;
}

export interface Ledger {
  /** Register a count; registering the same id again must give the same value. */
  cell(id: string, value: number, options?: CellOptions): string;
  /** total = Σ parts, all registered cells. */
  line(total: string, parts: readonly string[]): void;
  /**
   * Hide what must be hidden; afterwards `isHidden` answers for every cell. May be called again
   * after more cells are registered: what was hidden stays hidden.
   */
  solve(minCell: number): void;
  isHidden(id: string): boolean;
  /** A hidden count that is not below minCell: hidden only so that another cannot be worked out. */
  isComplement(id: string): boolean;
  /**
   * Of these hidden cells, the ones a reader can still work out (their value follows from the
   * published counts, e.g. a complement that was hidden although it is not small). After solve.
   */
  determined(ids: readonly string[]): Set<string>;
  /** Make a registered cell dearer to hide as a complement (group sizes, totals). */
  protect(id: string, cost: number): void;
  /**
   * After solve: hide one more count (a "–") if the published counts do not give it away (with a
   * partner in a line that would, if one helps), and say whether it was hidden. Hiding more never uncovers another count, since "–" claims no
   * size; used to keep a statistic that the counts shown beside it would otherwise pin.
   */
  hideMore(id: string): boolean;
  /** Number of published counts that ended hidden. */
  suppressedCount(): number;
}

export function createLedger(): Ledger {
  const cells = new Map<string, Cell>();
  const lines: { total: Cell; parts: Cell[] }[] = [];
  let mc = 1;
  const get = (id: string): Cell => {
    const c = cells.get(id);
    if (!c) throw new Error(`suppression: unknown cell ${id}`);
    return c;
  };
  return {
    cell(id, value, options = {}) {
      const old = cells.get(id);
      if (old) {
        if (old.value !== value)
          throw new Error(`suppression: cell ${id} registered as ${old.value} and ${value}`);
        if (options.hide) {
          old.hidden = true;
          old.forced = true;
        }
        return id;
      }
      const publish = options.publish !== false;
      cells.set(id, {
        id,
        order: cells.size,
        value,
        publish,
        hidden: !publish || options.hide === true,
        cost: options.cost ?? 0,
        exempt: options.exempt === true,
        forced: options.hide === true,
        shown: options.shown === true,
        vague: false,
      });
      return id;
    },
    line(total, parts) {
      const t = get(total);
      const ps = parts.map(get);
      const s = ps.reduce((a, c) => a + c.value, 0);
      if (s !== t.value) throw new Error(`suppression: ${total} = ${t.value} but its parts sum to ${s}`);
      lines.push({ total: t, parts: ps });
    },
    solve(minCell) {
      const all = [...cells.values()];
      solveCells(all, lines, minCell);
      releaseDetermined(all, lines, minCell);
      mc = minCell;
    },
    isHidden(id) {
      return get(id).hidden;
    },
    isComplement(id) {
      return isComplementCell(get(id), mc);
    },
    determined(ids) {
      const out = new Set<string>();
      const asked = ids.map(get).filter((c) => c.hidden);
      if (asked.length === 0) return out;
      const linesOf = indexLines(lines);
      const zero = forcedZeros(lines);
      for (const c of asked) {
        if (zero.has(c)) out.add(c.id);
        else if (determinedIn(c, linesOf, zero)) out.add(c.id);
      }
      return out;
    },
    protect(id, cost) {
      const c = get(id);
      c.cost = Math.max(c.cost, cost);
    },
    hideMore(id) {
      const c = get(id);
      if (c.hidden) return true;
      if (c.shown || c.value < mc) return false;
      const linesOf = indexLines(lines);
      const hideAll = (group: Cell[]): boolean => {
        for (const x of group) x.hidden = true;
        const zero = forcedZeros(lines);
        if (group.some((x) => zero.has(x) || determinedIn(x, linesOf, zero))) {
          for (const x of group) x.hidden = false;
          return false;
        }
        for (const x of group) x.forced = true;
        return true;
      };
      if (hideAll([c])) return true;
      // Alone it is given away by a line (in a comparison: the pooled count beside the other
      // group's): hide a partner in such a line with it, the nearest of those no dearer to hide
      // (never a total or a group's size for an answer's count).
      const partners = [...new Set((linesOf.get(c) ?? []).flatMap((l) => [l.total, ...l.parts]))]
        .filter((p) => p !== c && !p.hidden && !p.shown && p.publish && p.value >= mc && p.cost <= c.cost)
        .sort((a, b) => Math.abs(a.order - c.order) - Math.abs(b.order - c.order));
      return partners.slice(0, MAX_PARTNERS).some((p) => hideAll([c, p]));
    },
    suppressedCount() {
      let n = 0;
      for (const c of cells.values()) if (c.publish && c.hidden) n++;
      return n;
    },
  };
}

/** Cost of a cell that must stay as it is (settled in an earlier solve). */
export const LOCKED = Number.POSITIVE_INFINITY;

/** Partners tried beside a count that `hideMore` cannot hide alone. */
const MAX_PARTNERS = 6;

const sensitive = (c: Cell, minCell: number): boolean => !c.exempt && c.value >= 1 && c.value < minCell;

// Cheapest first, then a non-zero count (hiding a zero protects nothing), then the smallest.
function pickComplement(candidates: Cell[]): Cell | undefined {
  let best: Cell | undefined;
  for (const c of candidates) {
    if (c.hidden || c.shown || c.cost === LOCKED) continue;
    if (!best) {
      best = c;
      continue;
    }
    const key = (x: Cell) => [x.cost, x.value > 0 ? 0 : 1, x.value, x.order] as const;
    const a = key(c);
    const b = key(best);
    for (let i = 0; i < 4; i++) {
      if (a[i]! !== b[i]!) {
        if (a[i]! < b[i]!) best = c;
        break;
      }
    }
  }
  return best;
}

type Line = { total: Cell; parts: Cell[] };

function indexLines(lines: Line[]): Map<Cell, Line[]> {
  const linesOf = new Map<Cell, Line[]>();
  for (const l of lines)
    for (const m of [l.total, ...l.parts]) {
      const list = linesOf.get(m);
      if (list) list.push(l);
      else linesOf.set(m, [l]);
    }
  return linesOf;
}

function solveCells(cells: Cell[], lines: Line[], minCell: number): void {
  for (const c of cells) if (sensitive(c, minCell)) c.hidden = true;
  const linesOf = indexLines(lines);
  const tolerated = new Set<Cell>();
  for (let guard = 0; guard <= cells.length + 1; guard++) {
    if (applyLineRules(lines, minCell)) continue;
    const zero = forcedZeros(lines);
    const leaks = findLeaks(cells, linesOf, zero, minCell);
    if (leaks.length === 0) {
      // Exact linear leaks are gone; now the ranges the marks give away.
      // One at a time: hiding one cell often frees several pinned ones.
      const leak = boundLeaks(cells, lines, minCell).find((l) => l.pinned || !tolerated.has(l.cell));
      if (!leak) return;
      const { cells: near, dist } = candidatesFor(leak.cell, linesOf, false);
      if (leak.pinned) {
        const next = near[0] ?? candidatesFor(leak.cell, linesOf, true).cells[0];
        if (!next) return;
        next.hidden = true;
        continue;
      }
      // Too narrow a range: hide the nearest count that widens it enough, if one does. Nearest
      // first, whatever the cost: the bound usually comes from the leak's own lines (a group's
      // valid n beside the other groups' n), and cheap counts further away never widen it.
      const nearest = [...near].sort((a, b) => dist.get(a)! - dist.get(b)!);
      const best = widening(leak.cell, nearest, lines, minCell);
      if (best) best.hidden = true;
      // None does: the mark itself tells too much (two sides of a comparison, both "< 5", that
      // add up to 6 are each 2 to 4). Then it claims no size ("–"), which loses no count.
      else if (!leak.cell.vague) leak.cell.vague = true;
      else tolerated.add(leak.cell);
      continue;
    }
    for (const leak of leaks) {
      if (!determinedIn(leak, linesOf, zero)) continue;
      // Hide the first candidate (cheapest, nearest, smallest) that makes the leaking cell
      // undetermined; if none does alone, the cheapest, and let the next round continue.
      // A large component means little data and much already hidden; trying candidates one by
      // one costs an elimination each there, so hide every neighbour of the leak at once.
      const { cells: candidates, dist } = candidatesFor(leak, linesOf, false);
      if (candidates.length === 0) {
        // Only settled cells are left to hide: privacy comes first, unsettle the nearest.
        const last = candidatesFor(leak, linesOf, true).cells[0];
        if (last) last.hidden = true;
        continue;
      }
      if (componentOf(leak, linesOf, zero).cells.length > 200) {
        const nearest = dist.get(candidates[0]!);
        for (const c of candidates) if (dist.get(c) === nearest) c.hidden = true;
        continue;
      }
      let pick = candidates[0];
      for (const c of candidates.slice(0, 12)) {
        c.hidden = true;
        const still = determinedIn(leak, linesOf, zero);
        c.hidden = false;
        if (!still) {
          pick = c;
          break;
        }
      }
      pick ??= pickComplement(cells);
      if (pick) pick.hidden = true;
    }
  }
}

/**
 * Over-suppression undone: every hidden count that the published counts determine (exactly, or as
 * a forced zero) is published again, unless it was hidden on request or is sensitive. Publishing a
 * determined value adds nothing a reader could not compute, so it never uncovers another count.
 */
function releaseDetermined(cells: Cell[], lines: Line[], minCell: number): void {
  const linesOf = indexLines(lines);
  for (let round = 0; round < 4; round++) {
    const zero = forcedZeros(lines);
    const done = new Set<Cell>();
    const release: Cell[] = [];
    for (const c of cells) {
      if (!c.hidden || done.has(c) || !c.publish || c.forced || c.cost === LOCKED || sensitive(c, minCell))
        continue;
      if (zero.has(c)) {
        release.push(c);
        continue;
      }
      const comp = componentOf(c, linesOf, zero);
      for (const m of comp.cells) done.add(m);
      const fixed = determinedCells(comp.cells, comp.lines, zero);
      for (const m of comp.cells)
        if (fixed.has(m) && m.publish && !m.forced && m.cost !== LOCKED && !sensitive(m, minCell))
          release.push(m);
    }
    if (release.length === 0) return;
    for (const c of release) c.hidden = false;
  }
}

/** Every hidden cell whose value the published cells fix (forced zeros included). */
function determinedHidden(cells: Cell[], lines: Line[]): Set<Cell> {
  const linesOf = indexLines(lines);
  const zero = forcedZeros(lines);
  const out = new Set<Cell>(zero);
  const done = new Set<Cell>();
  for (const c of cells) {
    if (!c.hidden || done.has(c) || zero.has(c)) continue;
    const comp = componentOf(c, linesOf, zero);
    for (const m of comp.cells) done.add(m);
    for (const m of determinedCells(comp.cells, comp.lines, zero)) out.add(m);
  }
  return out;
}

/**
 * Marked "–" rather than "< minCell": hidden only so that another count cannot be worked out, a
 * zero as well as a count of minCell or more. So "–" tells no size: a pooled "–" of two parts that
 * other reports hide as "< 5" says nothing of them (were it "at least 5", each would be at least 1).
 * A count hidden on request (a group of too few) keeps "< minCell", like the counts beside it.
 */
function isComplementCell(c: Cell, minCell: number): boolean {
  return c.hidden && (c.vague || c.value >= minCell || (c.value === 0 && !c.forced));
}

/**
 * What a reader knows of a cell from its mark: shown exactly, "< minCell" (0 to minCell − 1), or
 * from "–" nothing at all: it may be a zero, a large count, or a small one whose "< 5" would have
 * told too much.
 */
function markBounds(c: Cell, minCell: number): [number, number] {
  if (!c.hidden) return [c.value, c.value];
  if (!c.publish || isComplementCell(c, minCell)) return [0, Number.POSITIVE_INFINITY];
  return [0, minCell - 1];
}

type Range = { lo: Map<Cell, number>; hi: Map<Cell, number> };

/**
 * The range a reader can give each cell of `active` lines: its mark (or its value when `known`),
 * narrowed by interval propagation one line at a time until the bounds settle. Not a full linear
 * programme (the audit is), but it catches every bound that one line at a time gives.
 */
function propagate(active: Iterable<Line>, minCell: number, known: Set<Cell>): Range {
  const lo = new Map<Cell, number>();
  const hi = new Map<Cell, number>();
  const list = [...active];
  for (const l of list)
    for (const c of [l.total, ...l.parts])
      if (!lo.has(c)) {
        const [a, b] = known.has(c) ? [c.value, c.value] : markBounds(c, minCell);
        lo.set(c, a);
        hi.set(c, b);
      }
  for (let sweep = 0, changed = true; changed && sweep < 50; sweep++) {
    changed = false;
    for (const { total, parts } of list) {
      let sumLo = 0;
      let sumHi = 0;
      let infinite = 0;
      for (const p of parts) {
        sumLo += lo.get(p)!;
        const h = hi.get(p)!;
        if (Number.isFinite(h)) sumHi += h;
        else infinite++;
      }
      const tighten = (c: Cell, a: number, b: number) => {
        const na = Math.max(lo.get(c)!, Math.ceil(a - 1e-9));
        const nb = Math.min(hi.get(c)!, Math.floor(b + 1e-9));
        if (na > lo.get(c)! || nb < hi.get(c)!) {
          lo.set(c, na);
          hi.set(c, nb);
          changed = true;
        }
      };
      tighten(total, sumLo, infinite > 0 ? Number.POSITIVE_INFINITY : sumHi);
      const tLo = lo.get(total)!;
      const tHi = hi.get(total)!;
      for (const p of parts) {
        if (!p.hidden) continue;
        const h = hi.get(p)!;
        // The others' upper bounds: unbounded when any other is.
        const othersInfinite = infinite - (Number.isFinite(h) ? 0 : 1);
        const othersHi = sumHi - (Number.isFinite(h) ? h : 0);
        const upper = tHi - (sumLo - lo.get(p)!);
        const lower = othersInfinite > 0 ? 0 : tLo - othersHi;
        tighten(p, lower, upper);
      }
    }
  }
  return { lo, hi };
}

/** Fewer than minCell values from the least to the most a reader can give it. */
const narrow = (r: Range, c: Cell, minCell: number) =>
  r.lo.has(c) && r.hi.get(c)! - r.lo.get(c)! + 1 < minCell;

interface BoundLeak {
  cell: Cell;
  pinned: boolean;
}

/**
 * Sensitive hidden cells that the marks and the lines pin to one value or confine to fewer than
 * minCell values (two hidden "< 5" counts adding up to 2), with what the check needs again.
 */
function boundLeaks(cells: Cell[], lines: Line[], minCell: number): BoundLeak[] {
  // Hidden cells that combinations of lines fix count as known: the propagation goes one line at
  // a time and would miss them (a column total that the grand total minus the others gives).
  const known = determinedHidden(cells, lines);
  const range = propagate(
    lines.filter((l) => l.total.hidden || l.parts.some((p) => p.hidden)),
    minCell,
    known,
  );
  const leaks: BoundLeak[] = [];
  for (const c of cells)
    if (c.hidden && sensitive(c, minCell) && narrow(range, c, minCell))
      leaks.push({ cell: c, pinned: range.lo.get(c) === range.hi.get(c) });
  return leaks;
}

/**
 * The first candidate (in the order given) that widens a narrow cell enough when hidden, checked
 * on the cell's own component only (with what its lines fix recomputed for each candidate); none
 * when no single one does (the cell's mark then claims no size, rather than hide a whole table's
 * worth of counts around it).
 */
function widening(leak: Cell, sorted: Cell[], lines: Line[], minCell: number) {
  const linesOf = indexLines(lines);
  const zero = new Set<Cell>();
  for (const c of sorted.slice(0, 12)) {
    c.hidden = true;
    const comp = componentOf(leak, linesOf, zero);
    // What the lines fix once `c` is hidden too: a count that `c` made computable (a "did not
    // choose" = valid − chosen) is unknown again, and taking it as known would undo the widening.
    const known = determinedCells(comp.cells, comp.lines, zero);
    const ok = !narrow(propagate(comp.lines, minCell, known), leak, minCell);
    c.hidden = false;
    if (ok) return c;
  }
  return undefined;
}

/** Published members of lines reached from `start` through unknown cells, best first. */
function candidatesFor(
  start: Cell,
  linesOf: Map<Cell, Line[]>,
  withLocked: boolean,
): { cells: Cell[]; dist: Map<Cell, number> } {
  const dist = new Map<Cell, number>();
  const seen = new Set<Cell>([start]);
  let frontier = [start];
  for (let d = 0; frontier.length > 0 && d < 6; d++) {
    const next: Cell[] = [];
    for (const c of frontier)
      for (const l of linesOf.get(c) ?? [])
        for (const m of [l.total, ...l.parts]) {
          if (!m.hidden) {
            if (!dist.has(m)) dist.set(m, d);
          } else if (!seen.has(m)) {
            seen.add(m);
            next.push(m);
          }
        }
    frontier = next;
  }
  const key = (x: Cell) => [x.cost, dist.get(x)!, x.value > 0 ? 0 : 1, x.value, x.order];
  const sorted = [...dist.keys()]
    .filter((c) => !c.shown && (withLocked || c.cost !== LOCKED))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return 0;
    });
  return { cells: sorted, dist };
}

/** Rules 1 and 2 line by line; true when something was hidden. */
function applyLineRules(lines: Line[], minCell: number): boolean {
  let changed = false;
  for (const { total, parts } of lines) {
    const members = [total, ...parts];
    const hidden = members.filter((c) => c.hidden);
    if (!hidden.some((c) => sensitive(c, minCell))) continue;
    if (hidden.length !== 1) continue;
    const pick = pickComplement(parts) ?? pickComplement([total]);
    if (pick) {
      pick.hidden = true;
      changed = true;
    }
  }
  return changed;
}

/** Unknown cells (hidden, not forced to zero) connected to `start` through lines, and those lines. */
function componentOf(
  start: Cell,
  linesOf: Map<Cell, Line[]>,
  zero: Set<Cell>,
): { cells: Cell[]; lines: Set<Line> } {
  const seen = new Set<Cell>([start]);
  const used = new Set<Line>();
  const queue = [start];
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const l of linesOf.get(c) ?? []) {
      used.add(l);
      for (const m of [l.total, ...l.parts])
        if (m.hidden && !zero.has(m) && !seen.has(m)) {
          seen.add(m);
          queue.push(m);
        }
    }
  }
  return { cells: [...seen], lines: used };
}

/** Cells whose value the lines fix, among the unknown cells of one component. */
function determinedCells(cells: Cell[], lines: Iterable<Line>, zero: Set<Cell>): Set<Cell> {
  const index = new Map(cells.map((c, i) => [c, i]));
  const rows: Map<number, number>[] = [];
  for (const { total, parts } of lines) {
    const row = new Map<number, number>();
    const add = (c: Cell, k: number) => {
      if (zero.has(c)) return;
      const i = index.get(c);
      if (i !== undefined) row.set(i, (row.get(i) ?? 0) + k);
    };
    add(total, 1);
    for (const p of parts) add(p, -1);
    for (const [k, v] of row) if (v === 0) row.delete(k);
    if (row.size > 0) rows.push(row);
  }
  return new Set([...determinedColumns(rows)].map((i) => cells[i]!));
}

// `zero` may be stale (computed before more cells were hidden); that only makes this answer
// "determined" too often, which costs a candidate, never privacy: each round starts afresh.
function determinedIn(leak: Cell, linesOf: Map<Cell, Line[]>, zero: Set<Cell>): boolean {
  const comp = componentOf(leak, linesOf, zero);
  return determinedCells(comp.cells, comp.lines, zero).has(leak);
}

/**
 * Hidden sensitive cells whose values follow from the published cells, at most one per connected
 * component of unknown cells. Gaussian elimination per component: a cell is determined exactly
 * when its unit vector lies in the row space, i.e. some reduced row has a single non-zero entry.
 */
function findLeaks(cells: Cell[], linesOf: Map<Cell, Line[]>, zero: Set<Cell>, minCell: number): Cell[] {
  const done = new Set<Cell>();
  const leaks: Cell[] = [];
  for (const c of cells) {
    if (!c.hidden || zero.has(c) || done.has(c) || !sensitive(c, minCell)) continue;
    const comp = componentOf(c, linesOf, zero);
    for (const m of comp.cells) done.add(m);
    // With no known non-zero count in its lines the system is homogeneous: it can only pin cells
    // to 0, which a sensitive cell is not. Skipping it keeps "everything hidden" cheap.
    if (![...comp.lines].some((l) => [l.total, ...l.parts].some((m) => !m.hidden && m.value > 0))) continue;
    const fixed = determinedCells(comp.cells, comp.lines, zero);
    const leak = comp.cells.find((m) => fixed.has(m) && sensitive(m, minCell));
    if (leak) leaks.push(leak);
  }
  return leaks;
}

/**
 * Hidden cells a reader knows to be zero: in a line whose known members already add up, every
 * unknown part must be 0. Repeated until nothing changes, since a zero can complete another line.
 */
function forcedZeros(lines: { total: Cell; parts: Cell[] }[]): Set<Cell> {
  const zero = new Set<Cell>();
  const known = (c: Cell) => !c.hidden || zero.has(c);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of lines) {
      if (!known(total)) continue;
      const unknown = parts.filter((p) => !known(p));
      if (unknown.length === 0) continue;
      const rest = parts.reduce((a, p) => a + (known(p) ? p.value : 0), 0);
      if (rest === total.value) {
        for (const u of unknown) zero.add(u);
        changed = true;
      }
    }
  }
  return zero;
}
