// Question blocks for numbers, rankings, point allocations and free text: their tables worded in
// the report's language. Rankings and points are listed largest first; nothing is computed here.
import type { AllocateResult, NumberResult, RankingResult, TextResult } from "../../analysis/report.js";
import type { Cells } from "./cells.js";
import { blockNotes } from "./notes.js";
import type { Block, Table } from "./view.js";
import { decimalsOf, meta, pair, sortedBy } from "./view-common.js";

export function numberBlock(c: Cells, q: NumberResult): Block {
  const { t, text } = c.fmt;
  const unit = q.unit ? ` (${text(q.unit)})` : "";
  // A number's statistics are hidden when its n is, or withheld beside it ("–").
  const hidden = q.n.suppressed || (q.withheld?.length ?? 0) > 0;
  const stats: Table = {
    caption: t("report.caption.stats", { question: text(q.text) }),
    columns: [
      { title: t("report.col.statistic"), kind: "label" },
      { title: t("report.col.value") + unit, kind: "number" },
    ],
    rows: [
      { cells: [c.label(t("report.stat.n")), c.countOf(q.n)] },
      { cells: [c.label(t("report.stat.mean")), c.number(q.mean, hidden)] },
      { cells: [c.label(t("report.stat.median")), c.number(q.median, hidden)] },
      { cells: [c.label(t("report.stat.sd")), c.number(q.sd, hidden)] },
      { cells: [c.label(t("report.stat.ci")), c.interval(q.ci, hidden)] },
      { cells: [c.label(t("report.stat.quartiles")), c.interval(pair(q.q1, q.q3), hidden)] },
      {
        cells: [
          c.label(t("report.stat.range")),
          c.interval(pair(q.min, q.max), hidden, Number.isInteger(q.min) && Number.isInteger(q.max) ? 0 : 1),
        ],
      },
    ],
  };
  const bins: Table = {
    caption: t("report.caption.distribution", { question: text(q.text) }),
    columns: [
      { title: t("report.col.range") + unit, kind: "label" },
      { title: t("report.col.count"), kind: "count" },
    ],
    rows: q.histogram.map((b, i) => ({
      cells: [
        c.label(
          `${c.fmt.number(b.low, decimalsOf(b.low))}${i === q.histogram.length - 1 ? "…" : "–<"}${c.fmt.number(b.high, decimalsOf(b.high))}`,
        ),
        c.count(b.count, b.suppressed, b.complement),
      ],
    })),
  };
  return {
    id: q.id,
    title: text(q.text),
    meta: meta(c, q.n),
    tables: [stats, bins],
    notes: blockNotes(c, [stats, bins], []),
  };
}

export function rankingBlock(c: Cells, q: RankingResult): Block {
  const { t, text } = c.fmt;
  const table: Table = {
    caption: t("report.caption.answers", { question: text(q.text) }),
    columns: [
      { title: t("report.col.answer"), kind: "label" },
      { title: t("report.col.inTopShare", { top: q.top }), kind: "share" },
      { title: t("report.col.inTop", { top: q.top }), kind: "count" },
      { title: t("report.col.first"), kind: "count" },
      { title: t("report.col.borda"), kind: "number" },
      { title: t("report.col.meanRank"), kind: "number" },
    ],
    rows: sortedBy(q.choices, (r) => (r.inTop.suppressed ? null : r.inTopShare)).map((r) => ({
      cells: [
        c.label(text(r.label)),
        c.share(r.inTopShare, r.inTop.suppressed || q.status.valid.suppressed),
        c.countOf(r.inTop),
        c.countOf(r.first),
        c.number(r.borda, r.withheld.includes("borda"), 0),
        c.number(r.meanRank, r.withheld.includes("meanRank"), 2),
      ],
    })),
    barColumn: 1,
  };
  return {
    id: q.id,
    title: text(q.text),
    meta: meta(c, q.status.valid, t("report.meta.ranking", { top: q.top })),
    tables: [table],
    notes: blockNotes(c, [table], [t("report.note.borda", { top: q.top })]),
  };
}

export function allocateBlock(c: Cells, q: AllocateResult): Block {
  const { t, text } = c.fmt;
  // Points withheld for privacy (their supporters hidden) take every share of points with them.
  const some = q.choices.some((r) => r.withheld?.includes("points"));
  const table: Table = {
    caption: t("report.caption.answers", { question: text(q.text) }),
    columns: [
      { title: t("report.col.answer"), kind: "label" },
      { title: t("report.col.points"), kind: "number" },
      { title: t("report.col.shareOfPoints"), kind: "share" },
      { title: t("report.col.meanPoints"), kind: "number" },
      { title: t("report.col.supporters"), kind: "count" },
    ],
    rows: sortedBy(q.choices, (r) => r.totalPoints).map((r) => {
      const off = r.withheld?.includes("points") ?? false;
      return {
        cells: [
          c.label(text(r.label)),
          c.number(r.totalPoints, off, 0),
          c.share(r.shareOfPoints, some),
          c.number(r.meanPoints, off, 2),
          c.countOf(r.supporters),
        ],
      };
    }),
    barColumn: 2,
  };
  return {
    id: q.id,
    title: text(q.text),
    meta: meta(c, q.status.valid, t("report.meta.points", { points: q.points })),
    tables: [table],
    notes: blockNotes(c, [table], []),
  };
}

export function textBlock(c: Cells, q: TextResult): Block {
  const { t, text } = c.fmt;
  // Words are counted per answer language; the table lists those of the report's language only
  // (terms of an older report without a language count as the report's).
  const own = q.terms.filter((x) => (x.lang ?? c.fmt.lang) === c.fmt.lang || x.lang === "");
  const terms: Table = {
    caption: t("report.caption.terms", { question: text(q.text) }),
    columns: [
      { title: t("report.col.term"), kind: "label" },
      { title: t("report.col.writers"), kind: "count" },
    ],
    rows: own.map((x) => ({ cells: [c.label(x.term), c.count(x.count, false)] })),
  };
  // The footnote of the words table goes with the table; without one, a sentence says why.
  const hasTerms = own.length > 0;
  const extra = [
    t(hasTerms ? "report.note.terms" : "report.note.noTerms", { min: c.minCell, language: t("lang.name") }),
  ];
  return {
    id: q.id,
    title: text(q.text),
    meta: meta(c, q.status.valid, t("report.meta.freeText")),
    tables: hasTerms ? [terms] : [],
    notes: blockNotes(c, hasTerms ? [terms] : [], extra),
  };
}
