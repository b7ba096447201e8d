// Report → chart specs: which chart shows which result (bars for single choice and multi-select,
// diverging bars for likert scales and matrices, histograms for numbers, ordered bars for rankings
// and points, paired bars for a two-group comparison, the IPA scatter, the gap chart). Shared by
// HTML, PNG files and the PDF so that they show the same charts. Hidden values go in as null.
import type { Count, Report } from "../../analysis/report.js";
import type { ChartSpec } from "../charts/types.js";
import { type ChartEntry, nRange, scaleRange } from "./chart-specs-common.js";
import { comparisonCharts } from "./chart-specs-compare.js";
import { questionChart } from "./chart-specs-questions.js";
import { type ReportFormats, reportFormats, suppressedMark, WITHHELD_MARK } from "./format.js";

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
  const ipa = ipaChart(report, fmt, mark);
  if (ipa) out.push(ipa);
  const gaps = gapsChart(report, fmt, mark);
  if (gaps) out.push(gaps);
  return out;
}

/**
 * The n of the rows a chart plots; when it plots none, the n of them all, as the table beside it
 * shows it (means withheld beside "n = 8" must not read "n < 5").
 */
function plottedN<T extends { n: Count }>(rows: T[], plotted: (r: T) => boolean) {
  const drawn = rows.filter(plotted);
  return nRange((drawn.length > 0 ? drawn : rows).map((r) => r.n));
}

/**
 * The mark of a row whose means are hidden, as the table marks them: a mean withheld beside a
 * shown n (or one hidden as a complement) protects a count, "–"; beside an n of "< 5", "< 5".
 */
function withheldMark(n: Count): { mark?: string } {
  return n.suppressed && !n.complement ? {} : { mark: WITHHELD_MARK };
}

/** The importance–performance scatter, when the survey has IPA pairs. */
function ipaChart(report: Report, fmt: ReportFormats, mark: string): ChartEntry | undefined {
  if (!report.ipa || report.ipa.rows.length === 0) return undefined;
  const first = report.ipa.rows[0]!;
  const spec: ChartSpec = {
    type: "ipa",
    title: fmt.t("report.ipa.title"),
    ...plottedN(report.ipa.rows, (r) => r.importanceMean !== null && r.performanceMean !== null),
    suppressedLabel: mark,
    range: scaleRange(report, first.importance),
    points: report.ipa.rows.map((r) => ({
      label: fmt.text(r.label),
      importance: r.importanceMean,
      performance: r.performanceMean,
      ...(r.importanceMean === null || r.performanceMean === null ? withheldMark(r.n) : {}),
    })),
    ...(report.ipa.crosshair ? { cross: report.ipa.crosshair } : {}),
  };
  return { id: "ipa", spec, alt: fmt.t("report.alt.ipa", { title: spec.title }) };
}

/** The minimum–desired–perceived gap chart, when the survey has gap triples. */
function gapsChart(report: Report, fmt: ReportFormats, mark: string): ChartEntry | undefined {
  if (report.gaps.length === 0) return undefined;
  const spec: ChartSpec = {
    type: "gaps",
    title: fmt.t("report.gaps.title"),
    ...plottedN(report.gaps, (g) => g.perceivedMean !== null),
    suppressedLabel: mark,
    range: scaleRange(report, report.gaps[0]!.perceived),
    rows: report.gaps.map((g) => ({
      label: fmt.text(g.label),
      minimum: g.minimumMean,
      desired: g.desiredMean,
      perceived: g.perceivedMean,
      ...(g.minimumMean === null || g.desiredMean === null || g.perceivedMean === null
        ? withheldMark(g.n)
        : {}),
    })),
  };
  return { id: "gaps", spec, alt: fmt.t("report.alt.gaps", { title: spec.title }) };
}
