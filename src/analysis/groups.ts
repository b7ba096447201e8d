// The groups questions are split by: cross-tabulation by a grouping question (`by`, with a
// chi-square test) and waves, sessions or sources side by side (`compare`). Groups smaller than
// minCell are "too few" and pooled; each table itself is group-table.ts.
import type { Slot } from "../definition/answers.js";
import { surveySlots } from "../definition/answers.js";
import type { Text } from "../definition/model.js";
import type { Ctx } from "./context.js";
import { analysisRowOf } from "./question-types.js";
import type { GroupTable } from "./report.js";
import { LOCKED } from "./suppress.js";

export interface GroupSpec {
  code: string | null;
  label: Text | null;
  /** Per analysed response (aligned with ctx.rows): 1 when in this group. */
  members: Uint8Array;
  size: number;
  /** Ledger id of the group size (registered and settled before the tables). */
  sizeId: string;
  /** Smaller than minCell (but not empty): nothing about it is shown. */
  tooFew: boolean;
  /** At least minCell, but its size is hidden so that a smaller group's cannot be worked out. */
  withheld?: boolean;
}

/** A group shown as a column of its own. */
export function shownGroup(g: GroupSpec): boolean {
  return !g.tooFew && g.withheld !== true;
}

/**
 * Settle which groups are shown (size published, at least minCell) and lock their sizes, so the
 * tables cannot change them. Groups not shown are pooled into one never-printed "rest" column:
 * a reader can compute the pool from the question's own counts, so it is protected like any cell.
 */
export function settleGroups(ctx: Ctx, t: string, groups: GroupSpec[]): { restId: string | null } {
  for (const g of groups) {
    g.tooFew = g.size > 0 && g.size < ctx.minCell;
    // A larger group whose size is hidden as a complement is pooled too, but marked as withheld.
    g.withheld = !g.tooFew && ctx.ledger.isHidden(g.sizeId);
    // A small group's size is hidden whatever the ledger found (a "no answer" group of 3 too).
    if (g.tooFew) ctx.ledger.cell(g.sizeId, g.size, { hide: true });
    ctx.ledger.protect(g.sizeId, LOCKED);
  }
  ctx.tooFewGroups += groups.filter((g) => g.tooFew || g.withheld).length;
  const rest = groups.filter((g) => !shownGroup(g)).reduce((a, g) => a + g.size, 0);
  if (rest === 0) return { restId: null };
  // Known to a reader as the analysed total minus the shown groups; protected in the first solve.
  const restId = ctx.ledger.cell(`${t}/rest/size`, rest, { exempt: true, cost: LOCKED });
  return { restId };
}

type TableKind = GroupTable["kind"];

/** Slots that can be split by groups, with their table kind (their type's row says which). */
export function groupableSlots(ctx: Ctx, exclude: string | null): { slot: Slot; kind: TableKind }[] {
  const out: { slot: Slot; kind: TableKind }[] = [];
  for (const slot of surveySlots(ctx.survey)) {
    if (slot.other || slot.id === exclude) continue;
    const kind = analysisRowOf(slot.question).groupTable;
    if (kind) out.push({ slot, kind });
  }
  return out;
}

/** Cell counts of the groups that have a code and are not too few (for the chi-square test). */
export function testTable(table: GroupTable, groups: GroupSpec[]): { counts: number[][]; hidden: boolean } {
  const cols = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.code !== null && shownGroup(g));
  let hidden = false;
  const counts = table.rows.map((row) =>
    cols.map(({ i }) => {
      const c = row.cells[i]!;
      if (c.suppressed || c.count === null) hidden = true;
      return c.count ?? 0;
    }),
  );
  return { counts, hidden };
}
