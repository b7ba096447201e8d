// Blocks for a cross-tabulation (`--by`) and a comparison (`--compare`): one table per question,
// groups as columns, too-small groups shown as "too few" and never as numbers. The differences
// against the reference group come from the Report; nothing is recomputed here.
import type { Comparison, CrossTabs, Group, GroupTable, Report } from "../../analysis/report.js";
import type { Text } from "../../definition/model.js";
import type { Cells } from "./cells.js";
import { blockNotes } from "./notes.js";
import type { Block, Cell, Column, Row, SectionView, Table } from "./view.js";
import { statementOf, statementText } from "./view-common.js";

/** The question (or matrix statement, marked when negative) a slot id names, in the report's language. */
export function slotTitle(report: Report, c: Cells, slot: string): string {
  const statement = statementOf(report, slot);
  if (statement)
    return `${c.fmt.text(statement.question.text)} – ${statementText(c.fmt.text, statement.item)}`;
  const q = report.questions.find((x) => x.id === slot);
  return q ? c.fmt.text(q.text) : slot;
}

/** The group's name: a choice label, a wave/session/source code, or "no answer" for the null group. */
export function groupName(c: Cells, g: Group, by: "by" | "wave" | "session" | "source"): string {
  if (g.label) return c.fmt.text(g.label);
  if (g.code !== null)
    return by === "source" ? sourceName(c, g.code) : by === "wave" ? waveName(c, g.code) : g.code;
  return c.fmt.t(by === "by" ? "report.group.noAnswer" : "report.group.none");
}

/** A wave's name: the survey's own (`waves:`), else the usual codes in the report's words, else the code. */
export function waveName(c: Cells, code: string, waves?: Record<string, Text>): string {
  const own = waves?.[code];
  if (own) return c.fmt.text(own);
  if (/^(baseline|alku|alkukysely)$/i.test(code)) return c.fmt.t("chart.baseline");
  if (/^(follow-?up|loppu|loppukysely|seuranta)$/i.test(code)) return c.fmt.t("chart.followUp");
  return code;
}

export function sourceName(c: Cells, code: string): string {
  const known = {
    interactive: "report.source.interactive",
    paper: "report.source.paper",
    import: "report.source.import",
  } as const;
  return code in known ? c.fmt.t(known[code as keyof typeof known]) : code;
}

/** Groups worth a column: an empty "no answer" group says nothing. */
function shownGroups(groups: Group[]): number[] {
  return groups.flatMap((g, i) => (g.code === null && !g.size.suppressed && g.size.value === 0 ? [] : [i]));
}

function groupTable(
  report: Report,
  c: Cells,
  gt: GroupTable,
  groups: Group[],
  names: string[],
  ref: number | null,
): Table {
  const { t } = c.fmt;
  const cols = shownGroups(groups);
  const diffCols =
    gt.rows.some((r) => r.differences) || gt.meanDifferences ? cols.filter((i) => i !== ref) : [];
  const refName = ref === null ? "" : (names[ref] ?? "");
  const columns: Column[] = [
    { title: gt.kind === "number" ? t("report.col.statistic") : t("report.col.answer"), kind: "label" },
    ...cols.map((i) => ({ title: names[i] ?? "", kind: "share" as const })),
    ...diffCols.map((i) => ({
      title: t("report.col.difference", { group: names[i] ?? "", reference: refName }),
      kind: "diff" as const,
    })),
  ];
  // A pooled group: "too few" (below minCell) or "–" (hidden so that a smaller one is protected).
  const few = (i: number) => groups[i]?.tooFew === true || groups[i]?.withheld === true;
  const pooled = (i: number): Cell => (groups[i]?.tooFew ? c.tooFew() : c.withheldGroup());
  const rows: Row[] = [
    {
      cells: [
        c.label(t("report.col.n")),
        ...cols.map((i) =>
          few(i) ? pooled(i) : c.countOf(gt.valid[i] ?? { value: null, suppressed: true }),
        ),
        ...diffCols.map(() => c.empty()),
      ],
      muted: true,
    },
  ];
  for (const r of gt.rows)
    rows.push({
      cells: [
        c.label(c.fmt.text(r.label)),
        ...cols.map((i): Cell => {
          const cell = r.cells[i];
          if (few(i)) return pooled(i);
          if (!cell || cell.suppressed) return c.count(null, true, cell?.complement);
          return c.share(cell.share, true);
        }),
        ...diffCols.map((i) => {
          const d = r.differences?.[i];
          return d ? c.diff(d.diff, d.ci, "pp") : c.empty();
        }),
      ],
    });
  if (gt.stats) {
    const mean = (i: number): Cell => {
      const s = gt.stats?.[i];
      if (few(i)) return pooled(i);
      return c.number(s?.mean ?? null, s?.withheld.includes("mean") ?? false, s?.meanDecimals ?? 2);
    };
    rows.push({
      cells: [
        c.label(t("report.stat.mean")),
        ...cols.map(mean),
        ...diffCols.map((i) => {
          const d = gt.meanDifferences?.[i];
          return d ? c.diff(d.diff, d.ci, "number") : c.empty();
        }),
      ],
    });
    if (gt.kind === "number")
      rows.push({
        cells: [
          c.label(t("report.stat.median")),
          ...cols.map((i) =>
            few(i)
              ? pooled(i)
              : c.number(gt.stats?.[i]?.median ?? null, gt.stats?.[i]?.withheld.includes("median") ?? false),
          ),
          ...diffCols.map(() => c.empty()),
        ],
      });
  }
  return { caption: t("report.caption.groups", { question: slotTitle(report, c, gt.slot) }), columns, rows };
}

function testLine(c: Cells, gt: GroupTable): string | null {
  const { t, number } = c.fmt;
  if (gt.test)
    return t("report.note.chi2", {
      chi2: number(gt.test.chi2, 2),
      df: gt.test.df,
      p: gt.test.p < 0.001 ? `< ${number(0.001, 3)}` : number(gt.test.p, 3),
      v: number(gt.test.cramersV, 2),
    });
  if (gt.testNote && gt.testNote !== "ok" && gt.testNote !== "not-applicable")
    return t(
      gt.testNote === "expected-counts-too-small"
        ? "report.note.testSmall"
        : gt.testNote === "suppressed-cells"
          ? "report.note.testSuppressed"
          : "report.note.testGroups",
    );
  return null;
}

function groupBlocks(
  report: Report,
  c: Cells,
  g: CrossTabs | Comparison,
  kind: "by" | "wave" | "session" | "source",
): Block[] {
  const names = g.groups.map((x) => groupName(c, x, kind));
  const ref =
    "reference" in g && g.reference !== null ? g.groups.findIndex((x) => x.code === g.reference) : null;
  return g.tables.map((gt) => {
    const table = groupTable(report, c, gt, g.groups, names, ref !== null && ref >= 0 ? ref : null);
    const extra: string[] = [];
    const test = testLine(c, gt);
    if (test) extra.push(test);
    if (gt.kind === "multi") extra.push(c.fmt.t("report.note.multi"));
    if (statementOf(report, gt.slot)?.item.reverse) extra.push(c.fmt.t("report.note.reverse"));
    if (ref !== null && gt.rows.some((r) => r.differences)) extra.push(c.fmt.t("report.note.difference"));
    // The header line's group sizes carry marks too, so they are explained with the table's.
    const metaGroups = g.groups.filter((x) => !(x.code === null && x.size.value === 0 && !x.size.suppressed));
    const metaCells = metaGroups.map((x) =>
      x.tooFew ? c.tooFew() : x.withheld ? c.withheldGroup() : c.countOf(x.size),
    );
    return {
      id: `${kind === "by" ? "by" : "compare"}.${gt.slot}`,
      title: slotTitle(report, c, gt.slot),
      meta: metaGroups.map((x, i) => `${names[g.groups.indexOf(x)] ?? i}: ${metaCells[i]!.text}`).join(" · "),
      tables: [table],
      notes: blockNotes(c, [table, { caption: "", columns: [], rows: [{ cells: metaCells }] }], extra),
    };
  });
}

export function crossTabSection(report: Report, c: Cells, x: CrossTabs): SectionView {
  return {
    id: "by",
    title: c.fmt.t("report.section.by", { question: slotTitle(report, c, x.by) }),
    blocks: groupBlocks(report, c, x, "by"),
  };
}

export function comparisonSection(report: Report, c: Cells, x: Comparison): SectionView {
  return {
    id: "compare",
    title: c.fmt.t(`report.section.compare.${x.by}`),
    blocks: groupBlocks(report, c, x, x.by),
  };
}
