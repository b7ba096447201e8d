// Key findings of a comparison: only changes a statistician would stand behind. A change is a
// difference whose 95 % interval from the Report (Newcombe for a share, Welch for a mean) excludes
// zero, between numbers the report itself shows; scales are compared by their means, not by one
// answer option. Nothing hidden ("< 5", "–") is quoted, and no sentence hints at it.
import type { Comparison, GroupTable, Interval, Report } from "../../analysis/report.js";
import { cellsFor } from "./cells.js";
import type { ReportFormats } from "./format.js";
import { statementOf } from "./view-common.js";
import { groupName, slotTitle } from "./view-groups.js";

/** A key finding: one short sentence about a question (or slot). */
export interface Finding {
  kind: "priority" | "common" | "rating" | "change";
  /** The question (or slot) it is about. */
  id: string;
  text: string;
}

const MAX_CHANGES = 3;

interface Change {
  slot: string;
  /** Standardised size (|Cohen's h| or |Cohen's d|), to put the largest changes first. */
  effect: number;
  text: string;
}

const excludesZero = (ci: Interval) => ci.low > 0 || ci.high < 0;

/** A group whose numbers in this table are shown: not pooled, its valid n printed and not zero. */
function shownIn(cmp: Comparison, gt: GroupTable, i: number): boolean {
  const g = cmp.groups[i];
  const n = gt.valid[i];
  return !!g && !g.tooFew && g.withheld !== true && !!n && !n.suppressed && (n.value ?? 0) > 0;
}

/** "+8…+43 %-yks." / "+0,21…+0,95": the interval in the units of the difference. */
function intervalText(fmt: ReportFormats, ci: Interval, unit: "pp" | "number"): string {
  return unit === "pp"
    ? `${fmt.signed(ci.low * 100, 0)}…${fmt.points(ci.high, 0)}`
    : `${fmt.signed(ci.low, 2)}…${fmt.signed(ci.high, 2)}`;
}

/**
 * The clearest changes against the reference group, largest first; one plain sentence when
 * differences could be assessed and none is clear; nothing when no difference is shown at all.
 */
export function comparisonFindings(report: Report, fmt: ReportFormats, cmp: Comparison): Finding[] {
  const c = cellsFor(fmt, report.privacy.minCell);
  const ref = cmp.groups.findIndex((g) => g.code === cmp.reference);
  if (ref < 0) return [];
  const found: Change[] = [];
  let assessed = 0;
  for (const gt of cmp.tables) {
    const question = slotTitle(report, c, gt.slot);
    for (let i = 0; i < cmp.groups.length; i++) {
      if (i === ref || !shownIn(cmp, gt, i) || !shownIn(cmp, gt, ref)) continue;
      const group = groupName(c, cmp.groups[i]!, cmp.by);
      if (gt.kind === "scale" || gt.kind === "number") {
        // A scale moves as a whole: its mean (Welch), never one answer option of it.
        const d = gt.meanDifferences?.[i];
        const [from, to] = [gt.stats?.[ref], gt.stats?.[i]];
        if (!d || !from || !to || from.mean === null || to.mean === null) continue;
        if (from.withheld.includes("mean") || to.withheld.includes("mean")) continue;
        assessed++;
        if (!excludesZero(d.ci)) continue;
        const negative = statementOf(report, gt.slot)?.item.reverse === true;
        const text = fmt.t("report.finding.changeMean", {
          question,
          group,
          from: fmt.number(from.mean, from.meanDecimals ?? 2),
          to: fmt.number(to.mean, to.meanDecimals ?? 2),
          diff: fmt.signed(d.diff, 2),
          ci: intervalText(fmt, d.ci, "number"),
        });
        found.push({
          slot: gt.slot,
          effect: Math.abs(d.cohenD ?? 0),
          text: negative ? `${text} ${fmt.t("report.finding.reverseHint")}` : text,
        });
        continue;
      }
      for (const r of gt.rows) {
        const d = r.differences?.[i];
        const [from, to] = [r.cells[ref], r.cells[i]];
        // Both shares rest on counts the table prints: a hidden count is never a headline.
        if (!d || !from || !to || from.suppressed || to.suppressed) continue;
        if (from.share === null || to.share === null || from.count === null || to.count === null) continue;
        assessed++;
        if (!excludesZero(d.ci)) continue;
        found.push({
          slot: gt.slot,
          effect: Math.abs(d.cohenH),
          text: fmt.t("report.finding.change", {
            question,
            answer: fmt.text(r.label),
            group,
            from: fmt.share(from.share, 0),
            to: fmt.share(to.share, 0),
            diff: fmt.points(d.diff, 0),
            ci: intervalText(fmt, d.ci, "pp"),
          }),
        });
      }
    }
  }
  if (assessed === 0) return [];
  const reference = groupName(c, cmp.groups[ref]!, cmp.by);
  if (found.length === 0)
    return [{ kind: "change", id: "compare", text: fmt.t("report.finding.noChange", { reference }) }];
  // Largest first; equal sizes keep the questionnaire's order (the sort is stable).
  return found
    .sort((a, b) => b.effect - a.effect)
    .slice(0, MAX_CHANGES)
    .map((f) => ({ kind: "change", id: f.slot, text: f.text }));
}
