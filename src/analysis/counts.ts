// The counts section: responses matched and analysed, by status, source, session, wave and
// survey version, each list a line in the suppression ledger; and the period they cover.
import { type DictColumn, dictValue, type ResponseColumns } from "./columns.js";
import { BASE_CELL, COST_BASE, COST_TOTAL, type Ctx, compareText, complementOf, countOf } from "./context.js";
import type { KeyCount, Report, ReportCounts } from "./report.js";

export type CountDimension = "source" | "session" | "wave" | "version";
const SOURCES = ["interactive", "paper", "import"];

/** The meta column a dimension's keys are in. */
export function dimColumn(cols: ResponseColumns, dim: CountDimension): DictColumn {
  const m = cols.meta;
  if (dim === "source") return m.source;
  if (dim === "session") return m.sessionId;
  if (dim === "wave") return m.wave;
  return m.surveyHash;
}

/** Ledger id of the count of analysed responses with this key. */
export function keyCellId(dim: CountDimension, key: string | null): string {
  return `counts/${dim}/${key === null ? "~none" : `=${key}`}`;
}

export function prepareCounts(
  ctx: Ctx,
  matched: Int32Array,
  includePartial: boolean,
  sessionNames: Record<string, string> = {},
): () => ReportCounts {
  const { ledger } = ctx;
  const status = ctx.cols.meta.status;
  const isComplete = status.values.map((v) => v === "complete");
  let complete = 0;
  for (let k = 0; k < matched.length; k++) if (isComplete[status.codes[matched[k]!]!]) complete++;
  const partial = matched.length - complete;
  ledger.cell("counts/matched", matched.length, { cost: COST_BASE });
  ledger.cell("counts/complete", complete, { cost: COST_TOTAL });
  ledger.cell("counts/partial", partial);
  ledger.line("counts/matched", ["counts/complete", "counts/partial"]);
  ledger.cell(BASE_CELL, ctx.rows.length, { cost: COST_BASE });
  ledger.line(BASE_CELL, includePartial ? ["counts/complete", "counts/partial"] : ["counts/complete"]);
  const lists = new Map<CountDimension, Map<string | null, number>>();
  for (const dim of ["source", "session", "wave", "version"] as const) {
    const m = new Map<string | null, number>(dim === "source" ? SOURCES.map((s) => [s, 0]) : []);
    const { values, codes } = dimColumn(ctx.cols, dim);
    const byCode = new Float64Array(values.length);
    const rows = ctx.rows;
    for (let k = 0; k < rows.length; k++) byCode[codes[rows[k]!]!]!++;
    byCode.forEach((n, c) => {
      if (n > 0) m.set(values[c]!, (m.get(values[c]!) ?? 0) + n);
    });
    const keys = [...m.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : compareText(a, b)));
    const sorted = new Map(keys.map((k) => [k, m.get(k)!]));
    lists.set(dim, sorted);
    ledger.line(
      BASE_CELL,
      keys.map((k) => ledger.cell(keyCellId(dim, k), sorted.get(k)!)),
    );
  }
  const list = (dim: CountDimension): KeyCount[] =>
    [...lists.get(dim)!].map(([key, n]) => {
      const c = countOf(ctx, keyCellId(dim, key), n);
      const name = dim === "session" && key !== null ? sessionNames[key] : undefined;
      const label = name !== undefined && name !== key ? { label: name } : {};
      return { key, ...label, count: c.value, suppressed: c.suppressed, ...complementOf(c) };
    });
  return () => ({
    matched: countOf(ctx, "counts/matched", matched.length),
    complete: countOf(ctx, "counts/complete", complete),
    partial: countOf(ctx, "counts/partial", partial),
    analysed: countOf(ctx, BASE_CELL, ctx.rows.length),
    bySource: list("source"),
    bySession: list("session"),
    byWave: list("wave"),
    byVersion: list("version"),
  });
}

/**
 * First and last submission dates (UTC days) of the analysed responses that carry a date, and the
 * days on which complete forms without any date (paper forms with no date column and no dated
 * session) were imported: a report says "imported on" those rather than pass them off as the data's.
 */
export function periodOf(cols: ResponseColumns, rows: Int32Array): Report["period"] {
  // The earliest and latest instant give the first and last day, without a day string per response.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let importLo = Number.POSITIVE_INFINITY;
  let importHi = Number.NEGATIVE_INFINITY;
  const { time, submitted, status } = cols.meta;
  for (const i of rows) {
    // Without a submission time, `time` is the start (for a complete paper form, its import).
    const t = time[i]!;
    if (submitted[i] === 0) {
      if (dictValue(status, i) !== "complete") continue;
      if (Number.isNaN(t)) continue;
      if (t < importLo) importLo = t;
      if (t > importHi) importHi = t;
      continue;
    }
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const dated =
    lo > hi
      ? { firstSubmitted: null, lastSubmitted: null }
      : { firstSubmitted: isoDay(lo), lastSubmitted: isoDay(hi) };
  if (importLo > importHi) return dated;
  return { ...dated, undatedImported: { first: isoDay(importLo), last: isoDay(importHi) } };
}

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
