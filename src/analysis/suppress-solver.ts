// The suppression solver: hides sensitive counts and their complements until no line, no
// combination of lines and no range gives one away, then publishes again what was hidden needlessly.
import { boundLeaks, candidatesFor, widening } from "./suppress-bounds.js";
import { type Cell, componentOf, indexLines, type Line, LOCKED, sensitive } from "./suppress-cells.js";
import { determinedCells, determinedIn, findLeaks, forcedZeros } from "./suppress-determined.js";

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

export function solveCells(cells: Cell[], lines: Line[], minCell: number): void {
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
export function releaseDetermined(cells: Cell[], lines: Line[], minCell: number): void {
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
