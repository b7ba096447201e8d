// Before a report leaves Kuulo: mark which responses it covers, refuse one that differs from an
// earlier release by a few people, protect it together with every earlier release (src/privacy),
// and record it in the publication ledger. The renderers then show only what is left.
import type { MetaColumns } from "../analysis/columns.js";
import type { Report } from "../analysis/report.js";
import type { ResponseStatus, SurveyResponse } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import { translator } from "../i18n/index.js";
import type { ReleaseSummary } from "../store/index.js";

export interface PublishRequest {
  report: Report;
  /** Every stored response the report could draw on, counted per stored survey id and status (before filters). */
  pool: PoolCount[];
  /** The ids of the responses the report analysed. */
  analysed: readonly string[];
  lang: string;
  options: Record<string, unknown>;
  now: Date;
}

export interface Publication {
  /** The report to show: the candidate as protected, or an identical earlier release's own. */
  report: Report;
  /**
   * The report as report.json (UTF-8), rendered once: standard output and the ledger share the
   * bytes (at a million responses ~150 MB; as a string twice that, and a second or two to render).
   */
  json(): Buffer;
  /**
   * Records it in the ledger once it has left Kuulo: the files written, or "-" for standard
   * output. Returns a warning when the database cannot be written (a write-protected copy).
   */
  done(outputs: string[]): string | null;
}

/** How many stored responses of a survey id have a status. */
export interface PoolCount {
  surveyId: string;
  status: ResponseStatus;
  count: number;
}

/** The pool of responses as objects, counted. */
export function poolOfResponses(responses: readonly SurveyResponse[]): PoolCount[] {
  const counts = new Map<string, PoolCount>();
  for (const r of responses) {
    const key = `${r.status}\u0000${r.surveyId}`;
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { surveyId: r.surveyId, status: r.status, count: 1 });
  }
  return [...counts.values()];
}

/** The pool of responses as columns, counted. */
export function poolOfColumns(meta: MetaColumns): PoolCount[] {
  const { surveyId, status } = meta;
  const counts = new Map<number, PoolCount>();
  const ids = surveyId.values.length;
  for (let i = 0; i < meta.id.length; i++) {
    const key = status.codes[i]! * ids + surveyId.codes[i]!;
    const c = counts.get(key);
    if (c) c.count++;
    else
      counts.set(key, {
        surveyId: surveyId.values[surveyId.codes[i]!]!,
        status: status.values[status.codes[i]!] as ResponseStatus,
        count: 1,
      });
  }
  return [...counts.values()];
}

/** The population marker a reader can compare between reports (no response ids). */
export function markPopulation(report: Report, pool: readonly PoolCount[]): string[] {
  const partial = report.options.filters.includePartial;
  const counts = new Map<string, number>();
  for (const p of pool)
    if (partial || p.status === "complete") counts.set(p.surveyId, (counts.get(p.surveyId) ?? 0) + p.count);
  report.population = { surveys: [...counts].sort().map(([id, responses]) => ({ id, responses })) };
  return [...counts.keys()].sort();
}

export async function publish(dbPath: string, req: PublishRequest): Promise<Publication> {
  const st = await import("../store/index.js");
  const { openStore, listReleases, releaseReport, releaseResponseIds, recordRelease, hasLedger } = st;
  const { report } = req;
  const origins = markPopulation(report, req.pool);
  if (origins.length === 0) origins.push(report.survey.id);
  const t = translator(req.lang);
  const mine = st.inIdOrder(req.analysed);
  const store = openStore(dbPath, { readonly: true });
  try {
    const earlier = hasLedger(store) ? listReleases(store, origins) : [];
    // How many people each earlier release and this one do not share, by walking both sorted
    // lists of ids: no set of a million ids per release.
    const reports = earlier.map((e) => JSON.parse(releaseReport(store, e.id)) as Report);
    // People erased since a release are gone from its list but still in its numbers: they count
    // as people it does not share with this report.
    const diffs = earlier.map(
      (e, i) => differenceCount(mine, () => releaseResponseIds(store, e.id)) + erasedSince(e, reports[i]!),
    );
    refuseDifferencing(earlier, diffs, report.options.minCell, t);
    // The same responses asked for the same way as an earlier release: publish that release again,
    // so that the same data and options give the same numbers (and nothing new is learnt).
    const same = earlier.findIndex(
      (e, i) => diffs[i] === 0 && e.surveyHash === report.survey.hash && sameAnalysis(reports[i]!, report),
    );
    if (same >= 0) return record(reports[same]!);
    await protectAgainst(report, reports, t);
    return record(report);
  } finally {
    store.close();
  }

  async function record(published: Report): Promise<Publication> {
    const { renderJsonBytes } = await import("../render/report/json.js");
    // Rendered when first needed, not kept from here on: while the renderers work, the report's
    // text would be a second copy of it in memory. Nothing changes the Report after publication.
    let text: Buffer | undefined;
    const json = () => {
      text ??= renderJsonBytes(published);
      return text;
    };
    return {
      report: published,
      json,
      done: (outputs) => {
        let s: ReturnType<typeof openStore>;
        try {
          s = openStore(dbPath);
        } catch (e) {
          if (e instanceof KuuloError && e.exitCode === ExitCode.ioError)
            return t("report.ledger.readOnly", { db: dbPath });
          throw e;
        }
        try {
          recordRelease(s, {
            surveyId: published.survey.id,
            surveyHash: published.survey.hash,
            origins,
            createdAt: req.now.toISOString(),
            options: req.options,
            outputs,
            report: json(),
            responseIds: mine,
          });
        } finally {
          text = undefined;
          s.close();
        }
        return null;
      },
    };
  }
}

/**
 * Responses an earlier release covered that have been erased since: erasure takes them out of
 * the ledger's list, but the published report still counts them (and may quote them).
 */
function erasedSince(e: Pick<ReleaseSummary, "responses">, published: Report): number {
  const n = published.counts.analysed.value;
  return n === null ? 0 : Math.max(0, n - e.responses);
}

/**
 * A report whose responses differ from an earlier release's by fewer than minCell people would
 * tell those people's answers by subtraction: refused, saying how many more it would take.
 */
function refuseDifferencing(
  earlier: Pick<ReleaseSummary, "id" | "createdAt">[],
  diffs: readonly number[],
  minCell: number,
  t: ReturnType<typeof translator>,
): void {
  for (const [i, e] of earlier.entries()) {
    const diff = diffs[i]!;
    if (diff > 0 && diff < minCell)
      throw new KuuloError(
        "REPORT_DIFFERENCING",
        t("report.refuse.difference", { id: e.id, date: e.createdAt.slice(0, 10), n: diff }),
        ExitCode.dataError,
        { hint: t("report.refuse.differenceHint", { id: e.id, min: minCell - diff }) },
      );
  }
}

/**
 * The number of ids in one list and not the other. `mine` is sorted and without repeats; `theirs`
 * comes from the ledger in the database's order, which is the same for ids of plain ASCII (as
 * Kuulo's are); should it ever differ, the count is made with a set instead.
 */
export function differenceCount(mine: readonly string[], theirs: () => Iterable<string>): number {
  let diff = 0;
  let i = 0;
  let previous: string | undefined;
  for (const id of theirs()) {
    if (previous !== undefined && id <= previous) return differenceBySet(mine, theirs());
    previous = id;
    while (i < mine.length && mine[i]! < id) {
      diff++;
      i++;
    }
    if (i < mine.length && mine[i] === id) i++;
    else diff++;
  }
  return diff + (mine.length - i);
}

function differenceBySet(mine: readonly string[], theirs: Iterable<string>): number {
  const set = new Set(mine);
  let diff = mine.length;
  for (const id of theirs) {
    if (set.has(id)) diff--;
    else diff++;
  }
  return diff;
}

/** Hides what the earlier releases would let a reader work out (src/privacy), or refuses the report. */
async function protectAgainst(
  report: Report,
  earlier: Report[],
  t: ReturnType<typeof translator>,
): Promise<void> {
  const { loadSolver } = await import("../privacy/lp.js");
  const { protectReport } = await import("../privacy/protect.js");
  const res = protectReport(await loadSolver(), report, earlier);
  if (res.remaining.length > 0)
    throw new KuuloError(
      "REPORT_WOULD_DISCLOSE",
      t("report.refuse.audit", { n: res.remaining.length }),
      ExitCode.dataError,
      {
        hint: t("report.refuse.auditHint", { survey: report.survey.id }),
        details: res.remaining.slice(0, 10).map((f) => `${f.fact}: ${f.min}–${f.max}`),
      },
    );
  report.privacy.crossReport = { cells: res.cells, statistics: res.statistics, releases: earlier.length };
  report.privacy.suppressedCells += res.cells;
  report.privacy.withheldStatistics += res.statistics;
}

/** Same analysis options: the same report from the same responses. */
function sameAnalysis(a: Report, b: Report): boolean {
  const key = (r: Report) =>
    JSON.stringify([r.options.minCell, r.options.by, r.options.compare, r.options.filters, r.survey.hash]);
  return key(a) === key(b);
}
