// The ranges a reader can give hidden counts from their marks ("< 5", "–") and the lines, and the
// counts to hide beside a small one whose range is too narrow (interval bounds; suppress.ts). Pure.
import {
  type Cell,
  componentOf,
  indexLines,
  isComplementCell,
  type Line,
  LOCKED,
  sensitive,
} from "./suppress-cells.js";
import { determinedCells, determinedHidden } from "./suppress-determined.js";

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
export function boundLeaks(cells: Cell[], lines: Line[], minCell: number): BoundLeak[] {
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
export function widening(leak: Cell, sorted: Cell[], lines: Line[], minCell: number) {
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
export function candidatesFor(
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
