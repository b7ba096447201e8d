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

import { type Cell, indexLines, isComplementCell, type Line, LOCKED } from "./suppress-cells.js";
import { determinedIn, forcedZeros } from "./suppress-determined.js";
import { releaseDetermined, solveCells } from "./suppress-solver.js";

export { LOCKED };

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
  const lines: Line[] = [];
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
      return determinedAmong(ids.map(get), lines);
    },
    protect(id, cost) {
      const c = get(id);
      c.cost = Math.max(c.cost, cost);
    },
    hideMore(id) {
      return hideBeside(get(id), lines, mc);
    },
    suppressedCount() {
      let n = 0;
      for (const c of cells.values()) if (c.publish && c.hidden) n++;
      return n;
    },
  };
}

/** Partners tried beside a count that `hideMore` cannot hide alone. */
const MAX_PARTNERS = 6;

/** The ids of those cells that are hidden and that the published counts determine (`determined`). */
function determinedAmong(cells: Cell[], lines: Line[]): Set<string> {
  const out = new Set<string>();
  const asked = cells.filter((c) => c.hidden);
  if (asked.length === 0) return out;
  const linesOf = indexLines(lines);
  const zero = forcedZeros(lines);
  for (const c of asked) {
    if (zero.has(c)) out.add(c.id);
    else if (determinedIn(c, linesOf, zero)) out.add(c.id);
  }
  return out;
}

/** `hideMore`: hides `c` ("–"), alone or with a partner, unless the published counts give it away. */
function hideBeside(c: Cell, lines: Line[], mc: number): boolean {
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
}
