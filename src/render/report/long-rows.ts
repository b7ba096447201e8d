// The Report's aggregate tables in long form, one number per row: (section, question, item, group,
// code, label, measure, value, status). Hidden numbers have an empty value and a status that
// says why ("suppressed", "withheld", "too-few"), so a spreadsheet cannot mistake them for zero.
import type { AnswerStatus, Count, GroupTable, Report, ScaleStats } from "../../analysis/report.js";
import { cellsFor } from "./cells.js";
import { shownDifferences } from "./differences.js";
import { reportFormats } from "./format.js";
import type { ReportRenderOptions } from "./options.js";
import { sourceName, waveName } from "./view-groups.js";

export interface LongRow {
  section: string;
  question: string;
  item: string;
  group: string;
  code: string;
  label: string;
  measure: string;
  value: number | null;
  status: "" | "suppressed" | "withheld" | "too-few";
}

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

type Base = Omit<LongRow, "measure" | "value" | "status">;

export function longRows(full: Report, opts: ReportRenderOptions): LongRow[] {
  const report = shownDifferences(full);
  const fmt = reportFormats(opts.lang, report.survey.languages[0] ?? opts.lang);
  const out: LongRow[] = [];
  const put = (b: Base, measure: string, value: number | null, status: LongRow["status"] = "") =>
    out.push({ ...b, measure, value: status === "" ? value : null, status });
  // A count hidden only as a complement (not below minCell) is "withheld", like its "–" mark.
  const hiddenAs = (c: { suppressed: boolean; complement?: true }): LongRow["status"] =>
    c.suppressed ? (c.complement ? "withheld" : "suppressed") : "";
  const count = (b: Base, measure: string, c: Count) => put(b, measure, c.value, hiddenAs(c));
  const stat = (b: Base, measure: string, value: number | null, withheld: boolean) =>
    put(b, measure, value, value === null && withheld ? "withheld" : "");
  const base = (section: string, question: string, item = "", group = "", code = "", label = ""): Base => ({
    section,
    question,
    item,
    group,
    code,
    label,
  });

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

  const status = (b: Base, s: AnswerStatus) => {
    for (const [m, c] of [
      ["base", s.base],
      ["valid", s.valid],
      ["skipped", s.skipped],
      ["not_shown", s.notShown],
      ["not_reached", s.notReached],
      ["invalid", s.invalid],
    ] as const)
      count(b, m, c);
    for (const m of s.missing)
      put({ ...b, code: m.code, label: fmt.text(m.label) }, "missing", m.count, hiddenAs(m));
  };
  const scaleStats = (b: Base, s: ScaleStats) => {
    const w = (n: ScaleStats["withheld"][number]) => s.withheld.includes(n);
    count(b, "n", s.n);
    stat(b, "mean", s.mean, w("mean"));
    stat(b, "median", s.median, w("median"));
    stat(b, "sd", s.sd, w("sd"));
    stat(b, "ci_low", s.ci?.low ?? null, w("ci"));
    stat(b, "ci_high", s.ci?.high ?? null, w("ci"));
    stat(b, "top_box", s.topBox, w("topBox"));
    stat(b, "bottom_box", s.bottomBox, w("bottomBox"));
  };
  const choices = (
    b: Base,
    rows: {
      code: string;
      label: Record<string, string>;
      count: number | null;
      share: number | null;
      suppressed: boolean;
    }[],
    valid: Count,
  ) => {
    for (const ch of rows) {
      const cb = { ...b, code: ch.code, label: fmt.text(ch.label) };
      put(cb, "count", ch.count, hiddenAs(ch));
      put(
        cb,
        "share",
        ch.share,
        ch.suppressed ? hiddenAs(ch) : ch.share === null && valid.suppressed ? "withheld" : "",
      );
    }
  };

  for (const q of report.questions) {
    const b = base(q.sectionId, q.id);
    switch (q.kind) {
      case "choice":
      case "multi":
        status(b, q.status);
        choices(b, q.choices, q.status.valid);
        if (q.otherTexts)
          put(
            { ...b, code: "other" },
            "texts",
            q.otherTexts.count,
            q.otherTexts.suppressed ? "suppressed" : "",
          );
        break;
      case "scale":
        status(b, q.status);
        choices(b, q.choices, q.status.valid);
        scaleStats(b, q.stats);
        break;
      case "matrix":
        for (const it of q.items) {
          const ib = { ...b, item: it.itemId };
          status(ib, it.status);
          choices(ib, it.choices, it.status.valid);
          scaleStats(ib, it.stats);
        }
        break;
      case "number": {
        status(b, q.status);
        count(b, "n", q.n);
        const hidden = q.n.suppressed;
        for (const [m, v] of [
          ["mean", q.mean],
          ["median", q.median],
          ["sd", q.sd],
          ["ci_low", q.ci?.low ?? null],
          ["ci_high", q.ci?.high ?? null],
          ["q1", q.q1],
          ["q3", q.q3],
          ["min", q.min],
          ["max", q.max],
        ] as const)
          stat(b, m, v, hidden);
        for (const bin of q.histogram)
          put({ ...b, code: `${bin.low}..${bin.high}` }, "count", bin.count, hiddenAs(bin));
        break;
      }
      case "ranking":
        status(b, q.status);
        for (const r of q.choices) {
          const cb = { ...b, code: r.code, label: fmt.text(r.label) };
          count(cb, "first", r.first);
          put(cb, "first_share", r.firstShare, hiddenAs(r.first));
          count(cb, "in_top", r.inTop);
          put(cb, "in_top_share", r.inTopShare, hiddenAs(r.inTop));
          stat(cb, "mean_rank", r.meanRank, r.withheld.includes("meanRank"));
          stat(cb, "borda", r.borda, r.withheld.includes("borda"));
        }
        break;
      case "allocate":
        status(b, q.status);
        put(b, "total_points", q.totalPoints);
        for (const r of q.choices) {
          const cb = { ...b, code: r.code, label: fmt.text(r.label) };
          put(cb, "total_points", r.totalPoints);
          put(cb, "share_of_points", r.shareOfPoints);
          put(cb, "mean_points", r.meanPoints);
          count(cb, "supporters", r.supporters);
        }
        break;
      case "text":
        status(b, q.status);
        put(b, "texts", q.answers.count, q.answers.suppressed ? "suppressed" : "");
        for (const term of q.terms) put({ ...b, code: term.term, label: term.term }, "writers", term.count);
        break;
    }
  }

  const groupRows = (
    section: string,
    gt: GroupTable,
    groups: { code: string | null; tooFew: boolean; withheld: boolean }[],
  ) => {
    const [question, item = ""] = gt.slot.split(".") as [string, string?];
    groups.forEach((g, i) => {
      const gb = base(section, question, item, g.code ?? "(none)");
      if (g.tooFew || g.withheld) {
        put(gb, "valid", null, g.tooFew ? "too-few" : "withheld");
        return;
      }
      const v = gt.valid[i];
      if (v) count(gb, "valid", v);
      for (const r of gt.rows) {
        const cell = r.cells[i];
        const cb = { ...gb, code: r.code, label: fmt.text(r.label) };
        if (!cell) continue;
        put(cb, "count", cell.count, hiddenAs(cell));
        put(cb, "share", cell.share, hiddenAs(cell));
        const d = r.differences?.[i];
        if (d) {
          put(cb, "diff", d.diff);
          put(cb, "diff_ci_low", d.ci.low);
          put(cb, "diff_ci_high", d.ci.high);
          put(cb, "cohen_h", d.cohenH);
        }
      }
      const s = gt.stats?.[i];
      if (s) scaleStats(gb, s);
      const md = gt.meanDifferences?.[i];
      if (md) {
        put(gb, "mean_diff", md.diff);
        put(gb, "mean_diff_ci_low", md.ci.low);
        put(gb, "mean_diff_ci_high", md.ci.high);
        put(gb, "cohen_d", md.cohenD);
      }
    });
    if (gt.test) {
      const tb = base(section, question, item);
      put(tb, "chi2", gt.test.chi2);
      put(tb, "df", gt.test.df);
      put(tb, "p", gt.test.p);
      put(tb, "cramers_v", gt.test.cramersV);
    }
  };
  if (report.crossTabs)
    for (const gt of report.crossTabs.tables)
      groupRows(`by:${report.crossTabs.by}`, gt, report.crossTabs.groups);
  if (report.comparison)
    for (const gt of report.comparison.tables)
      groupRows(`compare:${report.comparison.by}`, gt, report.comparison.groups);

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
  return out;
}
