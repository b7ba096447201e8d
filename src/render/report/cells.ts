// Table cells from Report values: counts, shares and statistics formatted for the report's
// language, hidden ones as "< 5" (suppressed: below minCell), "–" (withheld: a statistic, or a
// larger count hidden only as a complement, or a group hidden as one) or "too few" (a small group).
// Never prints a number the Report has hidden; "no data" is an empty cell.
import type { Count, Interval } from "../../analysis/report.js";
import { type ReportFormats, suppressedMark, WITHHELD_MARK } from "./format.js";
import type { Cell } from "./view.js";

export interface Cells {
  fmt: ReportFormats;
  minCell: number;
  label: (text: string) => Cell;
  /** A count of people: "< 5" when suppressed, "–" when hidden only as a complement. */
  count: (value: number | null, suppressed: boolean, complement?: boolean) => Cell;
  countOf: (c: Count) => Cell;
  /** A share 0…1: "–" when the count behind it is hidden or the share is withheld. */
  share: (value: number | null, hidden: boolean) => Cell;
  /** A statistic: "–" when withheld for privacy, empty when there is no data. */
  number: (value: number | null, withheld: boolean, decimals?: number) => Cell;
  /** "3,2–4,1" */
  interval: (ci: Interval | null, withheld: boolean, decimals?: number) => Cell;
  /** A difference with its interval: "+4,2 %-yks. (−3,1…+11,0)" or "+0,4 (−0,1…+0,9)". */
  diff: (value: number | null, ci: Interval | null, unit: "pp" | "number") => Cell;
  tooFew: () => Cell;
  /** A group of at least minCell hidden so that a smaller one cannot be worked out. */
  withheldGroup: () => Cell;
  empty: () => Cell;
}

export function cellsFor(fmt: ReportFormats, minCell: number): Cells {
  const mark = suppressedMark(minCell);
  const withheld = (kind: Cell["kind"]): Cell => ({
    text: WITHHELD_MARK,
    value: null,
    kind,
    hidden: "withheld",
  });
  const empty = (): Cell => ({ text: "", value: null, kind: "text" });
  return {
    fmt,
    minCell,
    label: (text) => ({ text, value: null, kind: "label" }),
    count: (value, suppressed, complement) =>
      suppressed || value === null
        ? complement
          ? withheld("count")
          : { text: mark, value: null, kind: "count", hidden: "suppressed" }
        : { text: fmt.count(value), value, kind: "count", decimals: 0 },
    countOf: (c) =>
      c.suppressed || c.value === null
        ? c.complement
          ? withheld("count")
          : { text: mark, value: null, kind: "count", hidden: "suppressed" }
        : { text: fmt.count(c.value), value: c.value, kind: "count", decimals: 0 },
    share: (value, hidden) =>
      value === null
        ? hidden
          ? withheld("share")
          : empty()
        : { text: fmt.share(value), value, kind: "share", decimals: 1 },
    number: (value, isWithheld, decimals = 1) =>
      value === null
        ? isWithheld
          ? withheld("number")
          : empty()
        : { text: fmt.number(value, decimals), value, kind: "number", decimals },
    interval: (ci, isWithheld, decimals = 1) =>
      ci === null
        ? isWithheld
          ? withheld("text")
          : empty()
        : {
            text: `${fmt.number(ci.low, decimals)}…${fmt.number(ci.high, decimals)}`,
            value: null,
            kind: "text",
          },
    diff: (value, ci, unit) => {
      if (value === null) return empty();
      const main = unit === "pp" ? fmt.points(value) : fmt.signed(value, 2);
      const range =
        ci === null
          ? ""
          : unit === "pp"
            ? ` (${fmt.signed(ci.low * 100)}…${fmt.signed(ci.high * 100)})`
            : ` (${fmt.signed(ci.low, 2)}…${fmt.signed(ci.high, 2)})`;
      return { text: `${main}${range}`, value, kind: "diff", decimals: unit === "pp" ? 1 : 2 };
    },
    tooFew: () => ({ text: fmt.t("report.mark.tooFew"), value: null, kind: "text", hidden: "too-few" }),
    withheldGroup: () => withheld("text"),
    empty,
  };
}

/** True when any cell of these rows is hidden in the given way (to decide which footnotes to add). */
export function anyHidden(rows: { cells: Cell[] }[], how: Cell["hidden"]): boolean {
  return rows.some((r) => r.cells.some((c) => c.hidden === how));
}
