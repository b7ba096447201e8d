// Analysis options: defaults, the minCell floor, and which responses a report covers. Pure;
// throws KuuloError (exit 2) for options a person typed wrong, saying how to fix them.
import type { ResponseSource, SurveyResponse } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import type { DictColumn, ResponseColumns } from "./columns.js";

export type CompareBy = "wave" | "session" | "source";

export interface AnalysisFilters {
  sessionIds?: string[];
  waves?: string[];
  sources?: ResponseSource[];
  /** ISO date (YYYY-MM-DD, whole UTC day) or date-time; compared with submittedAt (startedAt for partials). */
  since?: string;
  until?: string;
  /** Analyse partial responses too (default false: complete ones only). */
  includePartial?: boolean;
}

export interface AnalysisOptions {
  /** Smallest count shown (default 5). Below 3 only with allowSmallCells. */
  minCell?: number;
  allowSmallCells?: boolean;
  /** Slot id of a grouping question for cross-tabulations. */
  by?: string;
  compare?: CompareBy;
  filters?: AnalysisFilters;
  /** Time stamp to put in the report; analysis never reads the clock. */
  generatedAt?: string;
  /** Session names by id (from the store), printed instead of the ids. */
  sessionNames?: Record<string, string>;
}

export interface ResolvedOptions {
  minCell: number;
  allowSmallCells: boolean;
  by: string | null;
  compare: CompareBy | null;
  filters: Required<Pick<AnalysisFilters, "includePartial">> & Omit<AnalysisFilters, "includePartial">;
  generatedAt: string | null;
  sessionNames: Record<string, string>;
}

export const DEFAULT_MIN_CELL = 5;
export const MIN_CELL_FLOOR = 3;
const COMPARE_BY: readonly CompareBy[] = ["wave", "session", "source"];

export function resolveOptions(options: AnalysisOptions): ResolvedOptions {
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  if (!Number.isInteger(minCell) || minCell < 1)
    throw new KuuloError(
      "ANALYSIS_BAD_MIN_CELL",
      `The smallest shown count must be a whole number of 1 or more, not ${minCell}`,
      ExitCode.usage,
      {
        hint: `Use --min-cell ${DEFAULT_MIN_CELL} (the default) or another whole number.`,
      },
    );
  if (minCell < MIN_CELL_FLOOR && options.allowSmallCells !== true)
    throw new KuuloError(
      "ANALYSIS_MIN_CELL_TOO_SMALL",
      `A smallest shown count of ${minCell} could identify people; the floor is ${MIN_CELL_FLOOR}`,
      ExitCode.usage,
      {
        hint: `Use --min-cell ${MIN_CELL_FLOOR} or more, or add --allow-small-cells if the report stays with the project team.`,
      },
    );
  if (options.compare !== undefined && !COMPARE_BY.includes(options.compare))
    throw new KuuloError(
      "ANALYSIS_BAD_COMPARE",
      `Cannot compare by "${String(options.compare)}"`,
      ExitCode.usage,
      {
        hint: "Compare by wave, session or source.",
      },
    );
  const f = options.filters ?? {};
  for (const [name, v] of [
    ["since", f.since],
    ["until", f.until],
  ] as const)
    if (v !== undefined && Number.isNaN(Date.parse(v)))
      throw new KuuloError("ANALYSIS_BAD_DATE", `The ${name} date "${v}" is not a date`, ExitCode.usage, {
        hint: "Write dates as YYYY-MM-DD, e.g. 2025-03-31.",
      });
  return {
    minCell,
    allowSmallCells: options.allowSmallCells === true,
    by: options.by ?? null,
    compare: options.compare ?? null,
    filters: { ...f, includePartial: f.includePartial === true },
    generatedAt: options.generatedAt ?? null,
    sessionNames: options.sessionNames ?? {},
  };
}

/** The date a response counts at: when it was submitted, or started for a partial one. */
export function responseTime(r: SurveyResponse): string {
  return r.submittedAt ?? r.startedAt;
}

function inRange(time: string, since?: string, until?: string): boolean {
  return inWindow(Date.parse(time), windowOf(since, until));
}

/** The instants a --since/--until window starts at and ends before (a bare `until` date: the whole day). */
function windowOf(since?: string, until?: string): { start: number; end: number } {
  const start = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const end =
    until === undefined
      ? Number.POSITIVE_INFINITY
      : /^\d{4}-\d{2}-\d{2}$/.test(until)
        ? Date.parse(until) + 86_400_000
        : Date.parse(until) + 1;
  return { start, end };
}

function inWindow(t: number, w: { start: number; end: number }): boolean {
  return !(t < w.start) && !(t >= w.end);
}

/** Responses that pass the filters (`matched`) and of them those analysed. */
export function filterResponses(
  responses: readonly SurveyResponse[],
  f: ResolvedOptions["filters"],
): { matched: SurveyResponse[]; analysed: SurveyResponse[] } {
  const matched = responses.filter(
    (r) =>
      (!f.sessionIds || (r.sessionId !== null && f.sessionIds.includes(r.sessionId))) &&
      (!f.waves || (r.wave !== null && f.waves.includes(r.wave))) &&
      (!f.sources || f.sources.includes(r.source)) &&
      inRange(responseTime(r), f.since, f.until),
  );
  const analysed = matched.filter((r) => f.includePartial || r.status === "complete");
  return { matched, analysed };
}

/** The same over columns: the rows that pass the filters and of them those analysed, in the columns' order. */
export function filterRows(
  cols: ResponseColumns,
  f: ResolvedOptions["filters"],
): { matched: Int32Array; analysed: Int32Array } {
  const { meta } = cols;
  // Each filter decided once per distinct value, then looked up per row.
  const passes = (d: DictColumn, keep: (v: string | null) => boolean) => d.values.map(keep);
  const session = passes(meta.sessionId, (v) => !f.sessionIds || (v !== null && f.sessionIds.includes(v)));
  const wave = passes(meta.wave, (v) => !f.waves || (v !== null && f.waves.includes(v)));
  const source = passes(meta.source, (v) => !f.sources || f.sources.includes(v as ResponseSource));
  const complete = passes(meta.status, (v) => f.includePartial || v === "complete");
  const window = windowOf(f.since, f.until);
  const matched: number[] = [];
  const analysed: number[] = [];
  for (let i = 0; i < cols.length; i++) {
    if (
      !session[meta.sessionId.codes[i]!] ||
      !wave[meta.wave.codes[i]!] ||
      !source[meta.source.codes[i]!] ||
      !inWindow(meta.time[i]!, window)
    )
      continue;
    matched.push(i);
    if (complete[meta.status.codes[i]!]) analysed.push(i);
  }
  return { matched: Int32Array.from(matched), analysed: Int32Array.from(analysed) };
}

/** Rows ordered by their response ids (a code-unit comparison; equal ids keep their order). */
export function byId(ids: readonly string[], rowsIn: Int32Array): Int32Array {
  let sorted = true;
  for (let k = 1; k < rowsIn.length && sorted; k++)
    if (ids[rowsIn[k - 1]!]! > ids[rowsIn[k]!]!) sorted = false;
  if (sorted) return Int32Array.from(rowsIn);
  // Strings sort fastest without a comparator (the default order is by code units too); each id
  // then finds its row. Ids are unique in a store; should two be equal, a stable sort keeps their order.
  const rowOf = new Map<string, number>();
  for (const r of rowsIn) rowOf.set(ids[r]!, r);
  if (rowOf.size === rowsIn.length) return Int32Array.from([...rowOf.keys()].sort(), (id) => rowOf.get(id)!);
  const rows = Array.from(rowsIn).sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return Int32Array.from(rows);
}
