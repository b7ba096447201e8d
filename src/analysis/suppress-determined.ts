// Which hidden counts the published ones give away exactly: forced zeros, and linear algebra over
// the lines of each connected group of unknown cells (guarantee 3 of suppress.ts). Pure.
import { determinedColumns } from "./linear.js";
import { type Cell, componentOf, indexLines, type Line, sensitive } from "./suppress-cells.js";

/** Every hidden cell whose value the published cells fix (forced zeros included). */
export function determinedHidden(cells: Cell[], lines: Line[]): Set<Cell> {
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

/** Cells whose value the lines fix, among the unknown cells of one component. */
export function determinedCells(cells: Cell[], lines: Iterable<Line>, zero: Set<Cell>): Set<Cell> {
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
export function determinedIn(leak: Cell, linesOf: Map<Cell, Line[]>, zero: Set<Cell>): boolean {
  const comp = componentOf(leak, linesOf, zero);
  return determinedCells(comp.cells, comp.lines, zero).has(leak);
}

/**
 * Hidden sensitive cells whose values follow from the published cells, at most one per connected
 * component of unknown cells. Gaussian elimination per component: a cell is determined exactly
 * when its unit vector lies in the row space, i.e. some reduced row has a single non-zero entry.
 */
export function findLeaks(
  cells: Cell[],
  linesOf: Map<Cell, Line[]>,
  zero: Set<Cell>,
  minCell: number,
): Cell[] {
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
export function forcedZeros(lines: { total: Cell; parts: Cell[] }[]): Set<Cell> {
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
