// Report → chart specs: which chart shows which result (bars for single choice and multi-select,
// diverging bars for likert scales and matrices, histograms for numbers, ordered bars for rankings
// and points, paired bars for a two-group comparison, the IPA scatter, the gap chart). Shared by
// HTML, PNG files and the PDF so that they show the same charts. Hidden values go in as null.
import type {
  Comparison,
  GroupTable,
  MatrixResult,
  QuestionResult,
  Report,
  ScaleResult,
} from "../../analysis/report.js";
import type { ChartSpec, DivergingSpec, Estimate, PairedBarsSpec, ScaleSide } from "../charts/types.js";
import { cellsFor } from "./cells.js";
import { type ReportFormats, reportFormats, suppressedMark, WITHHELD_MARK } from "./format.js";
import { statementText } from "./view-common.js";
import { groupName, slotTitle } from "./view-groups.js";

export interface ChartEntry {
  /** The block it belongs to (question id, "compare.<slot>", "ipa", "gaps"); also its file name. */
  id: string;
  spec: ChartSpec;
  /** A short description for screen readers; the data table beside the chart has the numbers. */
  alt: string;
}

/** Scales longer than this are drawn as plain bars: eleven colours in one bar read badly. */
const MAX_DIVERGING_POINTS = 7;

export function sidesOf(points: number): ScaleSide[] {
  const half = Math.floor(points / 2);
  return Array.from({ length: points }, (_, i) =>
    i < half ? "negative" : points % 2 === 1 && i === half ? "neutral" : "positive",
  );
}

const nOf = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? null : c.value);

/**
 * The n a chart shows, from the counts of what it draws: the smallest, with the largest as `nMax`
 * when they differ; null when none is shown.
 */
function nRange(counts: { value: number | null; suppressed: boolean }[]): {
  n: number | null;
  nMax?: number;
} {
  const ns = counts.map(nOf).filter((v): v is number => v !== null);
  if (ns.length === 0) return { n: null };
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return hi > lo ? { n: lo, nMax: hi } : { n: lo };
}

/** Share of "don't know" among all answers to an item (valid + don't know), for the chart's side column. */
function dontKnowShare(
  valid: { value: number | null; suppressed: boolean },
  missing: { count: number | null; suppressed: boolean }[],
) {
  if (missing.length === 0) return undefined;
  if (valid.suppressed || valid.value === null || missing.some((m) => m.suppressed || m.count === null))
    return null;
  const dk = missing.reduce((s, m) => s + (m.count ?? 0), 0);
  return valid.value + dk === 0 ? 0 : dk / (valid.value + dk);
}

function divergingOf(fmt: ReportFormats, mark: string, q: ScaleResult | MatrixResult): DivergingSpec {
  const points = q.kind === "matrix" ? q.scale : q.choices;
  const sides = sidesOf(points.length);
  const rows =
    q.kind === "matrix"
      ? q.items.map((it) => ({
          label: statementText(fmt.text, it),
          n: nOf(it.status.valid),
          shares: it.choices.map((ch) => (ch.suppressed ? null : ch.share)),
          dontKnow: dontKnowShare(it.status.valid, it.status.missing),
        }))
      : [
          {
            label: fmt.t("report.chart.allAnswers"),
            n: nOf(q.status.valid),
            shares: q.choices.map((ch) => (ch.suppressed ? null : ch.share)),
            dontKnow: dontKnowShare(q.status.valid, q.status.missing),
          },
        ];
  const anyDk = rows.some((r) => r.dontKnow !== undefined);
  const firstDk = q.kind === "matrix" ? q.items[0]?.status.missing[0]?.label : q.status.missing[0]?.label;
  const ns = rows.map((r) => r.n);
  return {
    type: "diverging",
    title: fmt.text(q.text),
    n: ns.some((n) => n === null) ? null : Math.max(0, ...ns.map((n) => n ?? 0)),
    suppressedLabel: mark,
    categories: points.map((p, i) => ({ label: fmt.text(p.label), side: sides[i] ?? "neutral" })),
    ...(q.kind === "matrix" && q.items.some((it) => it.reverse)
      ? { notes: [fmt.t("report.note.reverse")] }
      : {}),
    ...(anyDk && firstDk ? { dontKnowLabel: fmt.text(firstDk) } : {}),
    rows: rows.map((r) =>
      anyDk ? { ...r, dontKnow: r.dontKnow ?? null } : { label: r.label, n: r.n, shares: r.shares },
    ),
  };
}

/** Largest first; hidden values last, in the survey's order. */
function largestFirst<T>(rows: T[], value: (r: T) => number | null): T[] {
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => (b.v ?? Number.NEGATIVE_INFINITY) - (a.v ?? Number.NEGATIVE_INFINITY) || a.i - b.i)
    .map((x) => x.r);
}

function questionChart(fmt: ReportFormats, mark: string, q: QuestionResult): ChartSpec | null {
  const title = fmt.text(q.text);
  switch (q.kind) {
    case "choice":
    case "multi":
      return {
        type: "bars",
        title,
        n: nOf(q.status.valid),
        ...(q.kind === "multi" ? { subtitle: fmt.t("report.meta.several") } : {}),
        suppressedLabel: mark,
        measure: q.kind === "multi" ? "respondents" : "answers",
        items: q.choices.map((ch) => ({
          label: fmt.text(ch.label),
          share: ch.suppressed ? null : ch.share,
          count: ch.count,
          ...(ch.suppressed && ch.complement ? { mark: WITHHELD_MARK } : {}),
        })),
      };
    case "scale":
      // A numbered scale (a 4–10 school grade, 0–10) has no neutral middle to diverge from:
      // its distribution is drawn in scale order. Labelled agreement-type scales diverge.
      if (q.type === "likert" && q.choices.length <= MAX_DIVERGING_POINTS) return divergingOf(fmt, mark, q);
      return {
        type: "bars",
        title,
        n: nOf(q.status.valid),
        suppressedLabel: mark,
        measure: "answers",
        items: q.choices.map((ch) => ({
          label: fmt.text(ch.label),
          share: ch.suppressed ? null : ch.share,
          count: ch.count,
          ...(ch.suppressed && ch.complement ? { mark: WITHHELD_MARK } : {}),
        })),
      };
    case "matrix":
      return divergingOf(fmt, mark, q);
    case "number": {
      const markers: { kind: "mean" | "median"; value: number }[] = [];
      if (q.mean !== null) markers.push({ kind: "mean", value: q.mean });
      if (q.median !== null) markers.push({ kind: "median", value: q.median });
      return {
        type: "histogram",
        title,
        n: nOf(q.n),
        suppressedLabel: mark,
        bins: q.histogram.map((b) => ({ from: b.low, to: b.high, count: b.suppressed ? null : b.count })),
        ...(q.unit ? { axisTitle: fmt.text(q.unit) } : {}),
        markers,
      };
    }
    case "ranking":
      // Shares of respondents who put a choice in their top N, largest first: unlike Borda scores,
      // they are withheld only with their own small counts, and they read without explanation.
      return {
        type: "bars",
        title,
        n: nOf(q.status.valid),
        subtitle: fmt.t("report.chart.inTop", { top: q.top }),
        suppressedLabel: mark,
        measure: "respondents",
        items: largestFirst(q.choices, (r) => (r.inTop.suppressed ? null : r.inTopShare)).map((r) => ({
          label: fmt.text(r.label),
          share: r.inTop.suppressed ? null : r.inTopShare,
          count: r.inTop.value,
        })),
      };
    case "allocate":
      return {
        type: "ordered-bars",
        title,
        n: nOf(q.status.valid),
        subtitle: fmt.t("report.meta.points", { points: q.points }),
        suppressedLabel: mark,
        measure: "points",
        items: q.choices.map((r) => ({ label: fmt.text(r.label), value: r.totalPoints })),
        decimals: 0,
      };
    case "text":
      return null;
  }
}

/** The numeric range of the scale a slot is answered on (IPA and gap charts), 1–5 if unknown. */
function scaleRange(report: Report, slot: string): { min: number; max: number } {
  const q = report.questions.find(
    (x) => x.id === slot || (x.kind === "matrix" && x.items.some((it) => it.id === slot)),
  );
  const codes =
    q?.kind === "matrix"
      ? q.scale.map((p) => Number(p.code))
      : q?.kind === "scale"
        ? q.choices.map((p) => Number(p.code))
        : [];
  const nums = codes.filter((n) => Number.isFinite(n));
  return nums.length >= 2 ? { min: Math.min(...nums), max: Math.max(...nums) } : { min: 1, max: 5 };
}

/** A comparison cell's share; a count hidden as a complement is marked "–", not "< 5". */
function shareOf(cell: GroupTable["rows"][number]["cells"][number] | undefined): Estimate {
  if (!cell?.suppressed) return { value: cell?.share ?? null };
  return cell.complement ? { value: null, mark: WITHHELD_MARK } : { value: null };
}

function comparisonCharts(report: Report, fmt: ReportFormats, mark: string, cmp: Comparison): ChartEntry[] {
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

/** Every chart of the report, in reading order: questions, comparison, IPA, gaps. */
export function chartSpecs(report: Report, lang: string): ChartEntry[] {
  const fmt = reportFormats(lang, report.survey.languages[0] ?? lang);
  const mark = suppressedMark(report.privacy.minCell);
  const out: ChartEntry[] = [];
  for (const q of report.questions) {
    const spec = questionChart(fmt, mark, q);
    if (spec) out.push({ id: q.id, spec, alt: fmt.t(`report.alt.${spec.type}`, { title: spec.title }) });
  }
  if (report.comparison) out.push(...comparisonCharts(report, fmt, mark, report.comparison));
  if (report.ipa && report.ipa.rows.length > 0) {
    const first = report.ipa.rows[0]!;
    const spec: ChartSpec = {
      type: "ipa",
      title: fmt.t("report.ipa.title"),
      ...nRange(
        report.ipa.rows
          .filter((r) => r.importanceMean !== null && r.performanceMean !== null)
          .map((r) => r.n),
      ),
      suppressedLabel: mark,
      range: scaleRange(report, first.importance),
      points: report.ipa.rows.map((r) => ({
        label: fmt.text(r.label),
        importance: r.importanceMean,
        performance: r.performanceMean,
        // A mean withheld beside a shown n protects a count: "–", not "too few".
        ...(!r.n.suppressed && (r.importanceMean === null || r.performanceMean === null)
          ? { mark: WITHHELD_MARK }
          : {}),
      })),
      ...(report.ipa.crosshair ? { cross: report.ipa.crosshair } : {}),
    };
    out.push({ id: "ipa", spec, alt: fmt.t("report.alt.ipa", { title: spec.title }) });
  }
  if (report.gaps.length > 0) {
    const spec: ChartSpec = {
      type: "gaps",
      title: fmt.t("report.gaps.title"),
      ...nRange(report.gaps.filter((g) => g.perceivedMean !== null).map((g) => g.n)),
      suppressedLabel: mark,
      range: scaleRange(report, report.gaps[0]!.perceived),
      rows: report.gaps.map((g) => ({
        label: fmt.text(g.label),
        minimum: g.minimumMean,
        desired: g.desiredMean,
        perceived: g.perceivedMean,
      })),
    };
    out.push({ id: "gaps", spec, alt: fmt.t("report.alt.gaps", { title: spec.title }) });
  }
  return out;
}
