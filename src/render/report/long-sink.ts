// The row writer behind the long tables: one number per row, hidden numbers with an empty value
// and the reason in status, and the blocks several parts share (answer status, choices, scale
// statistics). Pure.
import type { AnswerStatus, Count, ScaleStats } from "../../analysis/report.js";
import type { ReportFormats } from "./format.js";

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

export type Base = Omit<LongRow, "measure" | "value" | "status">;

interface ChoiceCount {
  code: string;
  label: Record<string, string>;
  count: number | null;
  share: number | null;
  suppressed: boolean;
}

export interface LongSink {
  out: LongRow[];
  fmt: ReportFormats;
  base(section: string, question: string, item?: string, group?: string, code?: string, label?: string): Base;
  put(b: Base, measure: string, value: number | null, status?: LongRow["status"]): void;
  /** A count hidden only as a complement (not below minCell) is "withheld", like its "–" mark. */
  hiddenAs(c: { suppressed: boolean; complement?: true }): LongRow["status"];
  count(b: Base, measure: string, c: Count): void;
  stat(b: Base, measure: string, value: number | null, withheld: boolean): void;
  status(b: Base, s: AnswerStatus): void;
  scaleStats(b: Base, s: ScaleStats): void;
  choices(b: Base, rows: ChoiceCount[], valid: Count): void;
}

export function longSink(fmt: ReportFormats): LongSink {
  const out: LongRow[] = [];
  const put: LongSink["put"] = (b, measure, value, status = "") =>
    out.push({ ...b, measure, value: status === "" ? value : null, status });
  const hiddenAs: LongSink["hiddenAs"] = (c) =>
    c.suppressed ? (c.complement ? "withheld" : "suppressed") : "";
  const count: LongSink["count"] = (b, measure, c) => put(b, measure, c.value, hiddenAs(c));
  const stat: LongSink["stat"] = (b, measure, value, withheld) =>
    put(b, measure, value, value === null && withheld ? "withheld" : "");
  return {
    out,
    fmt,
    base: (section, question, item = "", group = "", code = "", label = "") => ({
      section,
      question,
      item,
      group,
      code,
      label,
    }),
    put,
    hiddenAs,
    count,
    stat,
    status(b, s) {
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
    },
    scaleStats(b, s) {
      const w = (n: ScaleStats["withheld"][number]) => s.withheld.includes(n);
      count(b, "n", s.n);
      stat(b, "mean", s.mean, w("mean"));
      stat(b, "median", s.median, w("median"));
      stat(b, "sd", s.sd, w("sd"));
      stat(b, "ci_low", s.ci?.low ?? null, w("ci"));
      stat(b, "ci_high", s.ci?.high ?? null, w("ci"));
      stat(b, "top_box", s.topBox, w("topBox"));
      stat(b, "bottom_box", s.bottomBox, w("bottomBox"));
    },
    choices(b, rows, valid) {
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
    },
  };
}
