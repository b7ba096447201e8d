// The Report's aggregate tables in long form, one number per row: (section, question, item, group,
// code, label, measure, value, status). Hidden numbers have an empty value and a status that
// says why ("suppressed", "withheld", "too-few"), so a spreadsheet cannot mistake them for zero.
// Each part of the Report has its own function; a question's rows are its result kind's row in
// long-rows-questions.ts.
import type { Report } from "../../analysis/report.js";
import { cellsFor } from "./cells.js";
import { shownDifferences } from "./differences.js";
import { type ReportFormats, reportFormats } from "./format.js";
import { groupRows, questionRows } from "./long-rows-questions.js";
import { type LongRow, type LongSink, longSink } from "./long-sink.js";
import type { ReportRenderOptions } from "./options.js";
import { sourceName, waveName } from "./view-groups.js";

export type { LongRow } from "./long-sink.js";

export const LONG_COLUMNS: (keyof LongRow)[] = [
  "section",
  "question",
  "item",
  "group",
  "code",
  "label",
  "measure",
  "value",
  "status",
];

export function longRows(full: Report, opts: ReportRenderOptions): LongRow[] {
  const report = shownDifferences(full);
  const fmt = reportFormats(opts.lang, report.survey.languages[0] ?? opts.lang);
  const s = longSink(fmt);
  responseRows(s, report, fmt);
  for (const q of report.questions) questionRows(s, q);
  const { crossTabs: by, comparison: compare } = report;
  if (by) for (const gt of by.tables) groupRows(s, `by:${by.by}`, gt, by.groups);
  if (compare) for (const gt of compare.tables) groupRows(s, `compare:${compare.by}`, gt, compare.groups);
  analysisBlockRows(s, report);
  return s.out;
}

/** How many responses were matched, analysed and so on, and by source, session, wave and version. */
function responseRows(s: LongSink, report: Report, fmt: ReportFormats): void {
  const { base, count, put, hiddenAs } = s;
  const k = report.counts;
  for (const [m, c] of [
    ["matched", k.matched],
    ["complete", k.complete],
    ["partial", k.partial],
    ["analysed", k.analysed],
  ] as const)
    count(base("responses", ""), m, c);
  // Below the output floor there are no answer rows at all; this row says why.
  if (report.privacy.belowMinCell) put(base("responses", ""), "answers", null, "too-few");
  // The dimension is a code (item); the label is what the overview table calls the group.
  const c = cellsFor(fmt, report.privacy.minCell);
  const t = fmt.t;
  const names = new Map(k.bySession.map((x) => [x.key, x.label]));
  for (const [dim, list, name, none] of [
    ["source", k.bySource, (s: string) => t("report.overview.source", { source: sourceName(c, s) }), ""],
    [
      "session",
      k.bySession,
      (s: string) => t("report.overview.session", { session: names.get(s) ?? s }),
      t("report.overview.noSession"),
    ],
    [
      "wave",
      k.byWave,
      (s: string) => t("report.overview.wave", { wave: waveName(c, s, report.survey.waves) }),
      t("report.overview.noWave"),
    ],
    ["version", k.byVersion, (s: string) => t("report.overview.version", { version: s.slice(0, 12) }), ""],
  ] as const)
    for (const x of list)
      put(
        base("responses", "", dim, "", x.key ?? "", x.key === null ? none : name(x.key)),
        "count",
        x.count,
        hiddenAs(x),
      );
}

/** Indices, the importance–performance matrix and the service gaps. */
function analysisBlockRows(s: LongSink, report: Report): void {
  const { base, count, stat, fmt } = s;
  for (const x of report.indices) {
    const b = base("indices", x.id, "", "", "", fmt.text(x.title));
    count(b, "n", x.n);
    for (const [m, v] of [
      ["mean", x.mean],
      ["median", x.median],
      ["sd", x.sd],
      ["ci_low", x.ci?.low ?? null],
      ["ci_high", x.ci?.high ?? null],
      ["alpha", x.alpha],
    ] as const)
      stat(b, m, v, x.n.suppressed);
  }
  for (const r of report.ipa?.rows ?? []) {
    const b = base("ipa", r.id, "", "", r.quadrant ?? "", fmt.text(r.label));
    count(b, "n", r.n);
    stat(b, "importance_mean", r.importanceMean, r.n.suppressed);
    stat(b, "performance_mean", r.performanceMean, r.n.suppressed);
  }
  for (const g of report.gaps) {
    const b = base("gaps", g.id, "", "", "", fmt.text(g.label));
    count(b, "n", g.n);
    for (const [m, v] of [
      ["minimum_mean", g.minimumMean],
      ["desired_mean", g.desiredMean],
      ["perceived_mean", g.perceivedMean],
      ["adequacy", g.adequacy.mean],
      ["adequacy_ci_low", g.adequacy.ci?.low ?? null],
      ["adequacy_ci_high", g.adequacy.ci?.high ?? null],
      ["superiority", g.superiority.mean],
      ["superiority_ci_low", g.superiority.ci?.low ?? null],
      ["superiority_ci_high", g.superiority.ci?.high ?? null],
    ] as const)
      stat(b, m, v, g.n.suppressed);
  }
}
