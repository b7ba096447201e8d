// The parts of a report around the questions: the overview of responses, the privacy summary,
// composite indices, the importance–performance analysis, service-quality gaps and the free-text
// appendix. Picks and formats Report values only.
import type { Count, KeyCount, Report } from "../../analysis/report.js";
import type { Cells } from "./cells.js";
import { blockNotes } from "./notes.js";
import type { Block, Row, Table, TextGroup } from "./view.js";
import { sourceName, waveName } from "./view-groups.js";

/** "12.3.2025" for one day, "12.3.2025 – 14.3.2025" for several. */
function days(c: Cells, first: string, last: string): string {
  return first === last ? c.fmt.date(first) : `${c.fmt.date(first)} – ${c.fmt.date(last)}`;
}

/**
 * The data's dates and the number of responses, one line. Forms that carry no date at all are
 * said to be "imported on" their import's days, never given that day as the data's date.
 */
export function subtitleOf(report: Report, c: Cells): string {
  const { firstSubmitted: first, lastSubmitted: last, undatedImported: imported } = report.period;
  const dated = first && last ? days(c, first, last) : null;
  const importedOn = imported ? days(c, imported.first, imported.last) : null;
  const period =
    dated && importedOn
      ? c.fmt.t("report.meta.undatedImported", { period: dated, dates: importedOn })
      : importedOn
        ? c.fmt.t("report.meta.imported", { dates: importedOn })
        : dated;
  const n = c.countOf(report.counts.analysed);
  const responses = c.fmt.t("report.meta.responses", { n: n.text });
  return period ? `${period} · ${responses}` : responses;
}

export function overviewTable(report: Report, c: Cells): Table {
  const { t } = c.fmt;
  const k = report.counts;
  const rows: Row[] = [
    { cells: [c.label(t("report.overview.analysed")), c.countOf(k.analysed)] },
    { cells: [c.label(t("report.overview.complete")), c.countOf(k.complete)], muted: true },
    {
      cells: [
        c.label(
          t(
            report.options.filters.includePartial
              ? "report.overview.partial"
              : "report.overview.partialLeftOut",
          ),
        ),
        c.countOf(k.partial),
      ],
      muted: true,
    },
  ];
  const keyRows = (list: KeyCount[], name: (key: string) => string, none: string) => {
    for (const x of list)
      if (x.suppressed || (x.count ?? 0) > 0)
        rows.push({
          cells: [c.label(x.key === null ? none : name(x.key)), c.count(x.count, x.suppressed, x.complement)],
        });
  };
  keyRows(k.bySource, (s) => t("report.overview.source", { source: sourceName(c, s) }), "");
  const names = new Map(k.bySession.map((x) => [x.key, x.label]));
  keyRows(
    k.bySession,
    (s) => t("report.overview.session", { session: names.get(s) ?? s }),
    t("report.overview.noSession"),
  );
  keyRows(
    k.byWave,
    (s) => t("report.overview.wave", { wave: waveName(c, s, report.survey.waves) }),
    t("report.overview.noWave"),
  );
  if (k.byVersion.length > 1)
    keyRows(k.byVersion, (s) => t("report.overview.version", { version: s.slice(0, 12) }), "");
  return {
    caption: t("report.overview.caption"),
    columns: [
      { title: t("report.col.what"), kind: "label" },
      { title: t("report.col.responses"), kind: "count" },
    ],
    rows,
  };
}

export function privacyLines(report: Report, c: Cells): string[] {
  const { t } = c.fmt;
  const p = report.privacy;
  const lines = [
    ...(p.belowMinCell ? [t("report.privacy.belowMinCell", { min: p.minCell })] : []),
    t("report.privacy.rule", { min: p.minCell }),
    t("report.privacy.counts", {
      cells: p.suppressedCells,
      stats: p.withheldStatistics,
      groups: p.tooFewGroups,
    }),
  ];
  if (p.smallCellsAllowed) lines.push(t("report.privacy.smallCells", { min: p.minCell }));
  const x = p.crossReport;
  if (x && x.releases > 0)
    lines.push(
      x.cells + x.statistics > 0
        ? t("report.privacy.crossReport", { cells: x.cells, stats: x.statistics, releases: x.releases })
        : t("report.privacy.crossReportNone", { releases: x.releases }),
    );
  else if (x && x.cells + x.statistics > 0)
    lines.push(t("report.privacy.auditAlone", { cells: x.cells, stats: x.statistics }));
  lines.push(
    p.masked.total > 0
      ? t("report.privacy.masked", {
          total: p.masked.total,
          email: p.masked.email,
          phone: p.masked.phone,
          hetu: p.masked.hetu,
          address: p.masked.address,
          iban: p.masked.iban,
        })
      : t("report.privacy.maskedNone"),
  );
  lines.push(t("report.privacy.readFirst"));
  if (report.counts.byVersion.length > 1)
    lines.push(t("report.privacy.versions", { n: report.counts.byVersion.length }));
  return lines;
}

/**
 * An analysis block's mean is withheld ("–") when its n is hidden or, beside a shown n, when the
 * question table withholds the same answers' mean (src/analysis/published-means.ts).
 */
const withheldBeside = (n: Count) => n.suppressed || (n.value ?? 0) > 0;

/** Two decimals, or one for a mean published rounded to one (as the question table prints it). */
const places = (v: number | null) => (v !== null && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9 ? 1 : 2);

export function indexBlock(report: Report, c: Cells): Block | null {
  if (report.indices.length === 0) return null;
  const { t, text } = c.fmt;
  const table: Table = {
    caption: t("report.indices.title"),
    columns: [
      { title: t("report.col.index"), kind: "label" },
      { title: t("report.col.n"), kind: "count" },
      { title: t("report.stat.mean"), kind: "number" },
      { title: t("report.stat.sd"), kind: "number" },
      { title: t("report.stat.ci"), kind: "text" },
      { title: t("report.col.alpha"), kind: "number" },
    ],
    rows: report.indices.map((x) => ({
      cells: [
        c.label(text(x.title)),
        c.countOf(x.n),
        c.number(x.mean, withheldBeside(x.n), places(x.mean)),
        c.number(x.sd, x.n.suppressed, 2),
        c.interval(x.ci, withheldBeside(x.n), places(x.mean)),
        c.number(x.alpha, x.n.suppressed, 2),
      ],
    })),
  };
  return {
    id: "indices",
    title: t("report.indices.title"),
    meta: "",
    tables: [table],
    notes: blockNotes(c, [table], [t("report.note.indices")]),
  };
}

export function ipaBlock(report: Report, c: Cells): Block | null {
  if (!report.ipa || report.ipa.rows.length === 0) return null;
  const { t, text } = c.fmt;
  const quadrant = {
    "keep-up": "chart.ipa.keepUp",
    concentrate: "chart.ipa.concentrate",
    "low-priority": "chart.ipa.lowPriority",
    "possible-overkill": "chart.ipa.overkill",
  } as const;
  const table: Table = {
    caption: t("report.ipa.title"),
    columns: [
      { title: t("report.col.service"), kind: "label" },
      { title: t("report.col.n"), kind: "count" },
      { title: t("chart.importance"), kind: "number" },
      { title: t("chart.performance"), kind: "number" },
      { title: t("report.col.quadrant"), kind: "text" },
    ],
    rows: report.ipa.rows.map((r) => ({
      cells: [
        c.label(text(r.label)),
        c.countOf(r.n),
        c.number(r.importanceMean, withheldBeside(r.n), places(r.importanceMean)),
        c.number(r.performanceMean, withheldBeside(r.n), places(r.performanceMean)),
        r.quadrant ? { text: t(quadrant[r.quadrant]), value: null, kind: "text" } : c.empty(),
      ],
    })),
  };
  const cross = report.ipa.crosshair;
  const extra = cross
    ? [
        t("report.note.ipaCross", {
          importance: c.fmt.number(cross.importance, 2),
          performance: c.fmt.number(cross.performance, 2),
        }),
      ]
    : [];
  return {
    id: "ipa",
    title: t("report.ipa.title"),
    meta: "",
    tables: [table],
    notes: blockNotes(c, [table], extra),
  };
}

export function gapsBlock(report: Report, c: Cells): Block | null {
  if (report.gaps.length === 0) return null;
  const { t, text } = c.fmt;
  const table: Table = {
    caption: t("report.gaps.title"),
    columns: [
      { title: t("report.col.service"), kind: "label" },
      { title: t("report.col.n"), kind: "count" },
      { title: t("report.col.minimum"), kind: "number" },
      { title: t("report.col.desired"), kind: "number" },
      { title: t("report.col.perceived"), kind: "number" },
      { title: t("report.col.adequacy"), kind: "diff" },
      { title: t("report.col.superiority"), kind: "diff" },
    ],
    rows: report.gaps.map((g) => ({
      cells: [
        c.label(text(g.label)),
        c.countOf(g.n),
        c.number(g.minimumMean, withheldBeside(g.n), places(g.minimumMean)),
        c.number(g.desiredMean, withheldBeside(g.n), places(g.desiredMean)),
        c.number(g.perceivedMean, withheldBeside(g.n), places(g.perceivedMean)),
        c.diff(g.adequacy.mean, g.adequacy.ci, "number"),
        c.diff(g.superiority.mean, g.superiority.ci, "number"),
      ],
    })),
  };
  return {
    id: "gaps",
    title: t("report.gaps.title"),
    meta: "",
    tables: [table],
    notes: blockNotes(c, [table], [t("report.note.gaps")]),
  };
}

/** Free texts (answers to text questions and "other" lines), masked by analysis, for the appendix. */
export function appendixGroups(report: Report, c: Cells): TextGroup[] {
  const { t, text } = c.fmt;
  const groups: TextGroup[] = [];
  const hiddenNote = t("report.appendix.hidden", { min: c.minCell });
  for (const q of report.questions) {
    const list =
      q.kind === "text" ? q.answers : q.kind === "choice" || q.kind === "multi" ? q.otherTexts : null;
    if (!list) continue;
    if (!list.suppressed && (list.count ?? 0) === 0) continue;
    const title = q.kind === "text" ? text(q.text) : `${text(q.text)} – ${t("report.appendix.other")}`;
    groups.push({
      id: q.kind === "text" ? q.id : `${q.id}.other`,
      title,
      texts: list.suppressed || !list.texts ? null : list.texts.map((x) => localMasks(c, x)),
      note: list.suppressed
        ? hiddenNote
        : t("report.appendix.count", { n: c.countOf({ value: list.count, suppressed: false }).text }),
    });
  }
  return groups;
}

/** The language-neutral mask markers of analysis ("[phone]") as words of the report's language. */
export function localMasks(c: Cells, text: string): string {
  const words = {
    email: "mask.email",
    phone: "mask.phone",
    id: "mask.id",
    address: "mask.address",
    iban: "mask.iban",
  } as const;
  return text.replace(/\[(email|phone|id|address|iban)\]/g, (_, kind: keyof typeof words) =>
    c.fmt.t(words[kind]),
  );
}
