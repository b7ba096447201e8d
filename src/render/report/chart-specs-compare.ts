// Chart specs for a two-group comparison: paired bars of shares per question, and of means per
// statement for a matrix, with the n of each group from its table.
import type { Comparison, GroupTable, Report } from "../../analysis/report.js";
import type { Estimate, PairedBarsSpec } from "../charts/types.js";
import { cellsFor } from "./cells.js";
import { type ChartEntry, nRange, scaleRange } from "./chart-specs-common.js";
import { type ReportFormats, WITHHELD_MARK } from "./format.js";
import { statementText } from "./view-common.js";
import { groupName, slotTitle } from "./view-groups.js";

/** A comparison cell's share; a count hidden as a complement is marked "–", not "< 5". */
function shareOf(cell: GroupTable["rows"][number]["cells"][number] | undefined): Estimate {
  if (!cell?.suppressed) return { value: cell?.share ?? null };
  return cell.complement ? { value: null, mark: WITHHELD_MARK } : { value: null };
}

export function comparisonCharts(
  report: Report,
  fmt: ReportFormats,
  mark: string,
  cmp: Comparison,
): ChartEntry[] {
  const usable = cmp.groups.flatMap((g, i) => (g.code !== null && !g.tooFew && !g.withheld ? [i] : []));
  if (usable.length !== 2) return [];
  const [a, b] = usable as [number, number];
  const c = cellsFor(fmt, report.privacy.minCell);
  const names = [groupName(c, cmp.groups[a]!, cmp.by), groupName(c, cmp.groups[b]!, cmp.by)];
  // Each chart's n is its table's valid n per group (one source), not the group's size.
  const seriesOf = (tables: GroupTable[]): PairedBarsSpec["series"] => [
    { label: names[0], ...nRange(tables.map((gt) => gt.valid[a]!)) },
    { label: names[1], ...nRange(tables.map((gt) => gt.valid[b]!)) },
  ];
  const out: ChartEntry[] = [];
  const matrices = new Map<string, GroupTable[]>();
  for (const gt of cmp.tables) {
    const parent = gt.slot.includes(".") ? gt.slot.split(".")[0]! : null;
    if (parent && gt.kind === "scale") {
      matrices.set(parent, [...(matrices.get(parent) ?? []), gt]);
      continue;
    }
    if (gt.kind === "number") continue;
    const spec: PairedBarsSpec = {
      type: "paired-bars",
      title: slotTitle(report, c, gt.slot),
      suppressedLabel: mark,
      scale: { kind: "share" },
      series: seriesOf([gt]),
      items: gt.rows.map((r) => ({
        label: fmt.text(r.label),
        values: [shareOf(r.cells[a]), shareOf(r.cells[b])],
      })),
    };
    out.push({ id: `compare.${gt.slot}`, spec, alt: fmt.t("report.alt.paired-bars", { title: spec.title }) });
  }
  for (const [parent, tables] of matrices) {
    const q = report.questions.find((x) => x.id === parent);
    // A mean hidden where the n is shown (or itself withheld as a complement) was withheld for
    // privacy, not too few: "–", as in the table beside the chart.
    const est = (gt: GroupTable, i: number): Estimate => {
      const s = gt.stats?.[i];
      const value = s?.mean ?? null;
      const n = gt.valid[i];
      const withheld =
        value === null && (n?.complement === true || (n?.suppressed === false && (n.value ?? 0) > 0));
      return {
        value,
        low: s?.ci?.low ?? null,
        high: s?.ci?.high ?? null,
        ...(withheld ? { mark: WITHHELD_MARK } : {}),
      };
    };
    const items = tables.map((gt) =>
      q?.kind === "matrix" ? q.items.find((it) => it.id === gt.slot) : undefined,
    );
    const spec: PairedBarsSpec = {
      type: "paired-bars",
      title: q ? fmt.text(q.text) : parent,
      subtitle: fmt.t("report.chart.means"),
      suppressedLabel: mark,
      scale: { kind: "mean", ...scaleRange(report, tables[0]!.slot) },
      series: seriesOf(tables),
      items: tables.map((gt, i) => {
        const item = items[i];
        return { label: item ? statementText(fmt.text, item) : gt.slot, values: [est(gt, a), est(gt, b)] };
      }),
      ...(items.some((it) => it?.reverse) ? { notes: [fmt.t("report.note.reverse")] } : {}),
      decimals: 1,
    };
    out.push({ id: `compare.${parent}`, spec, alt: fmt.t("report.alt.paired-bars", { title: spec.title }) });
  }
  return out;
}
