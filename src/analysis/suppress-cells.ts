// The cells and lines of the suppression ledger (suppress.ts), and the small facts about them that
// every pass shares: which counts are sensitive, which are marked "–", which lines join them. Pure.

export interface Cell {
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

export type Line = { total: Cell; parts: Cell[] };

/** Cost of a cell that must stay as it is (settled in an earlier solve). */
export const LOCKED = Number.POSITIVE_INFINITY;

export const sensitive = (c: Cell, minCell: number): boolean =>
  !c.exempt && c.value >= 1 && c.value < minCell;

export function indexLines(lines: Line[]): Map<Cell, Line[]> {
  const linesOf = new Map<Cell, Line[]>();
  for (const l of lines)
    for (const m of [l.total, ...l.parts]) {
      const list = linesOf.get(m);
      if (list) list.push(l);
      else linesOf.set(m, [l]);
    }
  return linesOf;
}

/**
 * Marked "–" rather than "< minCell": hidden only so that another count cannot be worked out, a
 * zero as well as a count of minCell or more. So "–" tells no size: a pooled "–" of two parts that
 * other reports hide as "< 5" says nothing of them (were it "at least 5", each would be at least 1).
 * A count hidden on request (a group of too few) keeps "< minCell", like the counts beside it.
 */
export function isComplementCell(c: Cell, minCell: number): boolean {
  return c.hidden && (c.vague || c.value >= minCell || (c.value === 0 && !c.forced));
}

/** Unknown cells (hidden, not forced to zero) connected to `start` through lines, and those lines. */
export function componentOf(
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
