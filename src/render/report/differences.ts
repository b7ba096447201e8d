// A difference is published only beside the two figures it compares: a share difference with a
// hidden share ("< 5", "–") and the other share shown would tell the hidden one, and a mean
// difference with a hidden mean likewise. Every renderer reads differences through this.
import type { Comparison, GroupTable, Report } from "../../analysis/report.js";

const hiddenShare = (c: { share: number | null; suppressed: boolean } | undefined) =>
  !c || c.suppressed || c.share === null;

function tableShown(gt: GroupTable, ref: number): GroupTable {
  const out: GroupTable = {
    ...gt,
    rows: gt.rows.map((r) =>
      r.differences
        ? {
            ...r,
            differences: r.differences.map((d, i) =>
              d && !hiddenShare(r.cells[i]) && !hiddenShare(r.cells[ref]) ? d : null,
            ),
          }
        : r,
    ),
  };
  if (gt.meanDifferences) {
    const shownMean = (i: number) => {
      const s = gt.stats?.[i];
      return !!s && s.mean !== null && !s.withheld.includes("mean");
    };
    out.meanDifferences = gt.meanDifferences.map((d, i) => (d && shownMean(i) && shownMean(ref) ? d : null));
  }
  return out;
}

/** The Report with every difference that rests on a hidden figure set to null; the rest as it is. */
export function shownDifferences(report: Report): Report {
  const cmp = report.comparison;
  if (!cmp) return report;
  const ref = cmp.groups.findIndex((g) => g.code === cmp.reference);
  const comparison: Comparison =
    ref < 0
      ? {
          ...cmp,
          tables: cmp.tables.map((gt) => ({
            ...gt,
            rows: gt.rows.map((r) =>
              r.differences ? { ...r, differences: r.differences.map(() => null) } : r,
            ),
            ...(gt.meanDifferences ? { meanDifferences: gt.meanDifferences.map(() => null) } : {}),
          })),
        }
      : { ...cmp, tables: cmp.tables.map((gt) => tableShown(gt, ref)) };
  return { ...report, comparison };
}
