// One block per question result: the tables a reader needs beside the chart, worded in the
// report's language, in the survey's choice order (numbers, rankings, points and free text are in
// view-other-types.ts). No statistics are computed here, only picked and formatted.
import type {
  AnswerStatus,
  ChoiceResult,
  MatrixResult,
  MultiResult,
  QuestionResult,
  ScaleResult,
  ScaleStats,
} from "../../analysis/report.js";
import type { Cells } from "./cells.js";
import { blockNotes } from "./notes.js";
import type { Block, Row, Table } from "./view.js";
import { meta, statementText } from "./view-common.js";
import { allocateBlock, numberBlock, rankingBlock, textBlock } from "./view-other-types.js";

/** "Can't say" rows and the skipped count, muted, after the answers proper. */
function statusRows(c: Cells, status: AnswerStatus, columns: number): Row[] {
  const pad = (n: number) => Array.from({ length: n }, () => c.empty());
  const rows: Row[] = status.missing.map((m) => ({
    cells: [c.label(c.fmt.text(m.label)), c.count(m.count, m.suppressed, m.complement), ...pad(columns - 2)],
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
          c.count(ch.count, ch.suppressed, ch.complement),
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
} as const;

/** "Top box", "Two top boxes", "Top 3 boxes": what the box share counts (ScaleStats.box). */
export function boxLabel(t: Cells["fmt"]["t"], end: "top" | "bottom", points: number): string {
  const k = Math.max(1, points);
  if (end === "top")
    return k === 1
      ? t("report.stat.topBox1")
      : k === 2
        ? t("report.stat.topBox2")
        : t("report.stat.topBoxN", { k });
  return k === 1
    ? t("report.stat.bottomBox1")
    : k === 2
      ? t("report.stat.bottomBox2")
      : t("report.stat.bottomBoxN", { k });
}

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
      { cells: [c.label(t(STAT_WORDS.mean)), c.number(s.mean, w("mean"), s.meanDecimals ?? 2)] },
      { cells: [c.label(t(STAT_WORDS.median)), c.number(s.median, w("median"))] },
      { cells: [c.label(t(STAT_WORDS.sd)), c.number(s.sd, w("sd"), 2)] },
      { cells: [c.label(t(STAT_WORDS.ci)), c.interval(s.ci, w("ci"), 2)] },
      { cells: [c.label(boxLabel(t, "top", s.box)), c.share(s.topBox, w("topBox"))] },
      { cells: [c.label(boxLabel(t, "bottom", s.box)), c.share(s.bottomBox, w("bottomBox"))] },
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
      // One hidden "don't know" below minCell makes the sum's mark "< 5" only if all are below.
      const dkComplement = dkCount === null && dk.every((m) => !m.suppressed || m.complement === true);
      return {
        cells: [
          c.label(statementText(text, it)),
          ...it.choices.map((ch) => c.share(ch.share, ch.suppressed || it.status.valid.suppressed)),
          ...(hasDk ? [c.count(dkCount, dkCount === null, dkComplement)] : []),
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
      { title: boxLabel(t, "top", q.items[0]?.stats.box ?? 0), kind: "share" },
      { title: boxLabel(t, "bottom", q.items[0]?.stats.box ?? 0), kind: "share" },
      { title: t("report.stat.mean"), kind: "number" },
      { title: t("report.stat.ci"), kind: "text" },
    ],
    rows: q.items.map((it) => {
      const w = (name: ScaleStats["withheld"][number]) => it.stats.withheld.includes(name);
      return {
        cells: [
          c.label(statementText(text, it)),
          c.countOf(it.stats.n),
          c.share(it.stats.topBox, w("topBox")),
          c.share(it.stats.bottomBox, w("bottomBox")),
          c.number(it.stats.mean, w("mean"), it.stats.meanDecimals ?? 2),
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
