// One block per question result: the tables a reader needs beside the chart, worded in the
// report's language. Display order: the survey's choice order, except rankings and point totals,
// which read best largest first. No statistics are computed here, only picked and formatted.
import type {
  AllocateResult,
  AnswerStatus,
  ChoiceResult,
  Count,
  MatrixResult,
  MultiResult,
  NumberResult,
  QuestionResult,
  RankingResult,
  ScaleResult,
  ScaleStats,
  TextResult,
} from "../../analysis/report.js";
import type { Cells } from "./cells.js";
import { blockNotes } from "./notes.js";
import type { Block, Row, Table } from "./view.js";

/** "n = 55", or "n < 5" when the count is hidden. */
export function nText(c: Cells, n: Count): string {
  return c.countOf(n).hidden ? `n ${c.countOf(n).text}` : `n = ${c.countOf(n).text}`;
}

function meta(c: Cells, n: Count, extra?: string): string {
  return extra ? `${nText(c, n)} · ${extra}` : nText(c, n);
}

/** "Can't say" rows and the skipped count, muted, after the answers proper. */
function statusRows(c: Cells, status: AnswerStatus, columns: number): Row[] {
  const pad = (n: number) => Array.from({ length: n }, () => c.empty());
  const rows: Row[] = status.missing.map((m) => ({
    cells: [c.label(c.fmt.text(m.label)), c.count(m.count, m.suppressed), ...pad(columns - 2)],
    muted: true,
  }));
  if (status.skipped.suppressed || (status.skipped.value ?? 0) > 0)
    rows.push({
      cells: [c.label(c.fmt.t("report.row.skipped")), c.countOf(status.skipped), ...pad(columns - 2)],
      muted: true,
    });
  return rows;
}

function choiceTable(c: Cells, q: ChoiceResult | MultiResult | ScaleResult, shareTitle: string): Table {
  const { t } = c.fmt;
  return {
    caption: t("report.caption.answers", { question: c.fmt.text(q.text) }),
    columns: [
      { title: t("report.col.answer"), kind: "label" },
      { title: t("report.col.count"), kind: "count" },
      { title: shareTitle, kind: "share" },
    ],
    rows: [
      ...q.choices.map((ch) => ({
        cells: [
          c.label(c.fmt.text(ch.label)),
          c.count(ch.count, ch.suppressed),
          c.share(ch.share, ch.suppressed || q.status.valid.suppressed),
        ],
      })),
      ...statusRows(c, q.status, 3),
    ],
    barColumn: 2,
  };
}

function choiceBlock(c: Cells, q: ChoiceResult | MultiResult): Block {
  const { t } = c.fmt;
  const multi = q.kind === "multi";
  const table = choiceTable(c, q, multi ? t("report.col.shareOfRespondents") : t("report.col.share"));
  return {
    id: q.id,
    title: c.fmt.text(q.text),
    meta: meta(c, q.status.valid, multi ? t("report.meta.several") : undefined),
    tables: [table],
    notes: blockNotes(c, [table], multi ? [t("report.note.multi")] : []),
  };
}

const STAT_WORDS = {
  n: "report.stat.n",
  mean: "report.stat.mean",
  median: "report.stat.median",
  sd: "report.stat.sd",
  ci: "report.stat.ci",
  topBox: "report.stat.topBox",
  bottomBox: "report.stat.bottomBox",
} as const;

/** The summary of a scale as a two-column table. */
function statsTable(c: Cells, caption: string, s: ScaleStats): Table {
  const { t } = c.fmt;
  const w = (name: ScaleStats["withheld"][number]) => s.withheld.includes(name);
  return {
    caption,
    columns: [
      { title: t("report.col.statistic"), kind: "label" },
      { title: t("report.col.value"), kind: "number" },
    ],
    rows: [
      { cells: [c.label(t(STAT_WORDS.n)), c.countOf(s.n)] },
      { cells: [c.label(t(STAT_WORDS.mean)), c.number(s.mean, w("mean"), 2)] },
      { cells: [c.label(t(STAT_WORDS.median)), c.number(s.median, w("median"))] },
      { cells: [c.label(t(STAT_WORDS.sd)), c.number(s.sd, w("sd"), 2)] },
      { cells: [c.label(t(STAT_WORDS.ci)), c.interval(s.ci, w("ci"), 2)] },
      { cells: [c.label(t(STAT_WORDS.topBox)), c.share(s.topBox, w("topBox"))] },
      { cells: [c.label(t(STAT_WORDS.bottomBox)), c.share(s.bottomBox, w("bottomBox"))] },
    ],
  };
}

function scaleBlock(c: Cells, q: ScaleResult): Block {
  const { t } = c.fmt;
  const dist = choiceTable(c, q, t("report.col.share"));
  const stats = statsTable(c, t("report.caption.stats", { question: c.fmt.text(q.text) }), q.stats);
  return {
    id: q.id,
    title: c.fmt.text(q.text),
    meta: meta(c, q.status.valid),
    tables: [dist, stats],
    notes: blockNotes(c, [dist, stats], q.status.missing.length > 0 ? [t("report.note.dontKnowApart")] : []),
  };
}

function matrixBlock(c: Cells, q: MatrixResult): Block {
  const { t, text } = c.fmt;
  const dkLabel = q.items[0]?.status.missing[0]?.label;
  const hasDk = q.items.some((it) => it.status.missing.length > 0);
  const dist: Table = {
    caption: t("report.caption.answers", { question: text(q.text) }),
    columns: [
      { title: t("report.col.statement"), kind: "label" },
      ...q.scale.map((p) => ({ title: text(p.label), kind: "share" as const })),
      ...(hasDk
        ? [{ title: dkLabel ? text(dkLabel) : t("report.col.dontKnow"), kind: "count" as const }]
        : []),
      { title: t("report.col.n"), kind: "count" },
    ],
    rows: q.items.map((it) => {
      const dk = it.status.missing;
      const dkCount = dk.some((m) => m.suppressed) ? null : dk.reduce((s, m) => s + (m.count ?? 0), 0);
      return {
        cells: [
          c.label(text(it.text) + (it.reverse ? " ↺" : "")),
          ...it.choices.map((ch) => c.share(ch.share, ch.suppressed || it.status.valid.suppressed)),
          ...(hasDk ? [c.count(dkCount, dkCount === null)] : []),
          c.countOf(it.status.valid),
        ],
      };
    }),
  };
  const key: Table = {
    caption: t("report.caption.stats", { question: text(q.text) }),
    columns: [
      { title: t("report.col.statement"), kind: "label" },
      { title: t("report.col.n"), kind: "count" },
      { title: t("report.stat.topBox"), kind: "share" },
      { title: t("report.stat.bottomBox"), kind: "share" },
      { title: t("report.stat.mean"), kind: "number" },
      { title: t("report.stat.ci"), kind: "text" },
    ],
    rows: q.items.map((it) => {
      const w = (name: ScaleStats["withheld"][number]) => it.stats.withheld.includes(name);
      return {
        cells: [
          c.label(text(it.text) + (it.reverse ? " ↺" : "")),
          c.countOf(it.stats.n),
          c.share(it.stats.topBox, w("topBox")),
          c.share(it.stats.bottomBox, w("bottomBox")),
          c.number(it.stats.mean, w("mean"), 2),
          c.interval(it.stats.ci, w("ci"), 2),
        ],
      };
    }),
    barColumn: 2,
  };
  const extra = [t("report.note.matrixShares")];
  if (q.items.some((it) => it.reverse)) extra.push(t("report.note.reverse"));
  const valid = q.items.map((it) => it.status.valid);
  const n = valid.every((v) => !v.suppressed)
    ? { value: Math.max(0, ...valid.map((v) => v.value ?? 0)), suppressed: false }
    : valid[0];
  return {
    id: q.id,
    title: text(q.text),
    meta: n ? meta(c, n, t("report.meta.statements", { n: q.items.length })) : "",
    tables: [dist, key],
    notes: blockNotes(c, [dist, key], extra),
  };
}

function numberBlock(c: Cells, q: NumberResult): Block {
  const { t, text } = c.fmt;
  const unit = q.unit ? ` (${text(q.unit)})` : "";
  // A number's statistics are hidden exactly when its n is.
  const hidden = q.n.suppressed;
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
      { cells: [c.label(t("report.stat.range")), c.interval(pair(q.min, q.max), hidden)] },
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
        c.count(b.count, b.suppressed),
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

const pair = (low: number | null, high: number | null) =>
  low === null || high === null ? null : { low, high };
const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : 1);

/** Largest first; hidden values last, in the survey's order. */
function sortedBy<T>(rows: T[], value: (r: T) => number | null): T[] {
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => (b.v ?? Number.NEGATIVE_INFINITY) - (a.v ?? Number.NEGATIVE_INFINITY) || a.i - b.i)
    .map((x) => x.r);
}

function rankingBlock(c: Cells, q: RankingResult): Block {
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

function allocateBlock(c: Cells, q: AllocateResult): Block {
  const { t, text } = c.fmt;
  const table: Table = {
    caption: t("report.caption.answers", { question: text(q.text) }),
    columns: [
      { title: t("report.col.answer"), kind: "label" },
      { title: t("report.col.points"), kind: "number" },
      { title: t("report.col.shareOfPoints"), kind: "share" },
      { title: t("report.col.meanPoints"), kind: "number" },
      { title: t("report.col.supporters"), kind: "count" },
    ],
    rows: sortedBy(q.choices, (r) => r.totalPoints).map((r) => ({
      cells: [
        c.label(text(r.label)),
        c.number(r.totalPoints, false, 0),
        c.share(r.shareOfPoints, false),
        c.number(r.meanPoints, false, 2),
        c.countOf(r.supporters),
      ],
    })),
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

function textBlock(c: Cells, q: TextResult): Block {
  const { t, text } = c.fmt;
  const terms: Table = {
    caption: t("report.caption.terms", { question: text(q.text) }),
    columns: [
      { title: t("report.col.term"), kind: "label" },
      { title: t("report.col.writers"), kind: "count" },
    ],
    rows: q.terms.map((x) => ({ cells: [c.label(x.term), c.count(x.count, false)] })),
  };
  const extra = [t("report.note.terms", { min: c.minCell })];
  return {
    id: q.id,
    title: text(q.text),
    meta: meta(c, q.status.valid, t("report.meta.freeText")),
    tables: q.terms.length > 0 ? [terms] : [],
    notes: blockNotes(c, [terms], extra),
  };
}

export function questionBlock(c: Cells, q: QuestionResult): Block {
  switch (q.kind) {
    case "choice":
    case "multi":
      return choiceBlock(c, q);
    case "scale":
      return scaleBlock(c, q);
    case "matrix":
      return matrixBlock(c, q);
    case "number":
      return numberBlock(c, q);
    case "ranking":
      return rankingBlock(c, q);
    case "allocate":
      return allocateBlock(c, q);
    case "text":
      return textBlock(c, q);
  }
}
