// Key findings as short sentences, written from the Report's numbers only: what was ranked or
// voted highest, the most common answers to multi-select questions, the statements most and least
// often in the top box (by their direction), and the clear changes against the reference group
// (findings-compare.ts). Hidden values never appear.
import type { MatrixItemResult, MatrixResult, Report } from "../../analysis/report.js";
import { OTHER_CODE } from "../../definition/answers.js";
import { shownDifferences } from "./differences.js";
import { comparisonFindings, type Finding } from "./findings-compare.js";
import { type ReportFormats, reportFormats } from "./format.js";

export type { Finding } from "./findings-compare.js";

/** Multi-select questions summed up at most; the rest are in their sections. */
const MAX_COMMON = 4;

function list(fmt: ReportFormats, items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${fmt.t("report.finding.and")} ${items.at(-1)}`;
}

function top<T>(rows: T[], value: (r: T) => number | null, n: number): T[] {
  return rows
    .filter((r) => value(r) !== null && (value(r) ?? 0) > 0)
    .sort((a, b) => (value(b) ?? 0) - (value(a) ?? 0))
    .slice(0, n);
}

/** "in the two top boxes": what the shares count (the same box as the tables' column). */
function boxPhrase(fmt: ReportFormats, box: number): string {
  if (box <= 1) return fmt.t("report.finding.box1");
  return box === 2 ? fmt.t("report.finding.box2") : fmt.t("report.finding.boxN", { k: box });
}

/**
 * The statements most and least often in the top box, by direction: agreeing with a negative
 * (reverse-worded) statement is never reported as a high rating, so negative statements get a
 * sentence of their own. Expectation levels (LibQUAL minimum and desired) are left out.
 */
function matrixFindings(
  fmt: ReportFormats,
  q: MatrixResult,
  expectations: Set<string>,
  question: string,
): Finding[] {
  const rated = q.items.filter((it) => it.stats.topBox !== null && !expectations.has(it.id));
  if (rated.length === 0) return [];
  const box = boxPhrase(fmt, rated[0]!.stats.box);
  const share = (it: MatrixItemResult) => fmt.share(it.stats.topBox ?? 0, 0);
  const out: Finding[] = [];
  const positive = rated.filter((it) => !it.reverse);
  const negative = rated.filter((it) => it.reverse);
  const directed = q.items.some((it) => it.reverse);
  if (positive.length >= 2) {
    const sorted = [...positive].sort((a, b) => (b.stats.topBox ?? 0) - (a.stats.topBox ?? 0));
    const hi = sorted[0]!;
    const lo = sorted.at(-1)!;
    out.push({
      kind: "rating",
      id: q.id,
      text: fmt.t(directed ? "report.finding.ratingPositive" : "report.finding.rating", {
        question,
        box,
        high: fmt.text(hi.text),
        highShare: share(hi),
        low: fmt.text(lo.text),
        lowShare: share(lo),
      }),
    });
  }
  if (negative.length > 0) {
    const items = [...negative]
      .sort((a, b) => (b.stats.topBox ?? 0) - (a.stats.topBox ?? 0))
      .map((it) => `${fmt.t("report.finding.quoted", { text: fmt.text(it.text) })} (${share(it)})`);
    out.push({
      kind: "rating",
      id: q.id,
      text: fmt.t("report.finding.ratingNegative", { question, box, items: list(fmt, items) }),
    });
  }
  return out;
}

export function keyFindings(full: Report, lang: string): Finding[] {
  const report = shownDifferences(full);
  const fmt = reportFormats(lang, report.survey.languages[0] ?? lang);
  const out: Finding[] = [];
  // LibQUAL minimum and desired levels are expectations, not ratings of the library.
  const expectations = new Set((report.gaps ?? []).flatMap((g) => [g.minimum, g.desired]));
  let common = 0;
  for (const q of report.questions) {
    const question = fmt.text(q.text);
    if (q.kind === "ranking") {
      const best = top(q.choices, (r) => r.borda, 3).map((r) => fmt.text(r.label));
      if (best.length > 0)
        out.push({
          kind: "priority",
          id: q.id,
          text: fmt.t("report.finding.ranking", { question, items: list(fmt, best) }),
        });
    } else if (q.kind === "allocate") {
      const best = top(q.choices, (r) => r.shareOfPoints, 3).map(
        (r) => `${fmt.text(r.label)} (${fmt.share(r.shareOfPoints ?? 0, 0)})`,
      );
      if (best.length > 0)
        out.push({
          kind: "priority",
          id: q.id,
          text: fmt.t("report.finding.points", { question, items: list(fmt, best) }),
        });
    } else if (q.kind === "multi" && common < MAX_COMMON) {
      // "Other" says little on its own; its texts are in the appendix.
      const best = top(q.choices, (r) => (r.suppressed || r.code === OTHER_CODE ? null : r.share), 2).map(
        (r) => `${fmt.text(r.label)} (${fmt.share(r.share ?? 0, 0)})`,
      );
      if (best.length > 0) {
        common++;
        out.push({
          kind: "common",
          id: q.id,
          text: fmt.t("report.finding.common", { question, items: list(fmt, best) }),
        });
      }
    } else if (q.kind === "matrix" && q.items.length >= 2) {
      out.push(...matrixFindings(fmt, q, expectations, question));
    }
  }
  if (report.comparison) out.push(...comparisonFindings(report, fmt, report.comparison));
  return out;
}
