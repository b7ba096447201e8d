// Report → ReportView: the whole report laid out as worded sections, blocks and tables in one
// language, with chart ids attached where chart-specs.ts draws a chart. Pure and deterministic.
import type { Report } from "../../analysis/report.js";
import { cellsFor } from "./cells.js";
import { chartSpecs } from "./chart-specs.js";
import { shownDifferences } from "./differences.js";
import { keyFindings } from "./findings.js";
import { reportFormats } from "./format.js";
import { legendLines } from "./notes.js";
import type { ReportRenderOptions } from "./options.js";
import type { Block, ReportView, SectionView } from "./view.js";
import {
  appendixGroups,
  gapsBlock,
  indexBlock,
  ipaBlock,
  overviewTable,
  privacyLines,
  subtitleOf,
} from "./view-extras.js";
import { comparisonSection, crossTabSection } from "./view-groups.js";
import { questionBlock } from "./view-questions.js";

/**
 * "Data up to 12.3.2025": the newest response's day. When that day is the import of forms that
 * carry no date, it is said to be the import's, not the data's.
 */
function generatedLine(report: Report, fmt: ReturnType<typeof reportFormats>): string {
  const at = report.generatedAt;
  if (!at) return "";
  const imported = report.period.undatedImported;
  const key = imported && at.slice(0, 10) === imported.last ? "report.generatedImported" : "report.generated";
  return fmt.t(key, { date: fmt.date(at) });
}

export function buildView(full: Report, opts: ReportRenderOptions): ReportView {
  const report = shownDifferences(full);
  const fmt = reportFormats(opts.lang, report.survey.languages[0] ?? opts.lang);
  const c = cellsFor(fmt, report.privacy.minCell);
  const titles = new Map((opts.sections ?? []).map((s) => [s.id, fmt.text(s.title)]));

  const sections: SectionView[] = [];
  for (const q of report.questions) {
    let section = sections.at(-1);
    if (section?.id !== q.sectionId) {
      section = { id: q.sectionId, title: titles.get(q.sectionId) ?? q.sectionId, blocks: [] };
      sections.push(section);
    }
    section.blocks.push(questionBlock(c, q));
  }

  const analyses: SectionView[] = [];
  if (report.crossTabs) analyses.push(crossTabSection(report, c, report.crossTabs));
  if (report.comparison) analyses.push(comparisonSection(report, c, report.comparison));
  const extra = [indexBlock(report, c), ipaBlock(report, c), gapsBlock(report, c)].filter(
    (b): b is Block => b !== null,
  );
  if (extra.length > 0)
    analyses.push({ id: "analyses", title: fmt.t("report.section.analyses"), blocks: extra });

  attachCharts([...sections, ...analyses], new Set(chartSpecs(report, opts.lang).map((e) => e.id)));

  return {
    lang: opts.lang,
    title: fmt.text(report.survey.title),
    subtitle: subtitleOf(report, c),
    overview: overviewTable(report, c),
    privacy: privacyLines(report, c),
    findings: keyFindings(report, opts.lang).map((f) => f.text),
    sections,
    analyses,
    appendix: appendixGroups(report, c),
    legend: legendLines(c),
    words: {
      overview: fmt.t("report.heading.overview"),
      privacy: fmt.t("report.heading.privacy"),
      findings: fmt.t("report.heading.findings"),
      contents: fmt.t("report.heading.contents"),
      appendix: fmt.t("report.heading.appendix"),
      legend: fmt.t("report.heading.legend"),
      notes: fmt.t("report.heading.notes"),
      generated: generatedLine(report, fmt),
      moreColumns: fmt.t("report.terminal.moreColumns"),
    },
  };
}

/**
 * A block shows the chart with its own id; a matrix compared item by item shows the matrix's one
 * comparison chart on its first item.
 */
function attachCharts(sections: SectionView[], ids: Set<string>): void {
  const used = new Set<string>();
  for (const s of sections)
    for (const b of s.blocks) {
      const parent = b.id.startsWith("compare.") ? `compare.${b.id.split(".")[1]}` : null;
      const id = ids.has(b.id) ? b.id : parent && ids.has(parent) && !used.has(parent) ? parent : null;
      if (id) {
        b.chartId = id;
        used.add(id);
      }
    }
}
