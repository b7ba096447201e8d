// `kuulo report` as one library call: read the survey and its stored responses, analyse them,
// publish the result (protected against every earlier release, recorded in the ledger), and show
// it on the screen or write its files. What it prints goes through the sink; it never exits.
import { analyze } from "../analysis/index.js";
import { type AnalysisFilters, type CompareBy, filterRows, resolveOptions } from "../analysis/options.js";
import type { Report } from "../analysis/report.js";
import { checkLanguage } from "../definition/language.js";
import { ExitCode, KuuloError } from "../errors.js";
import type { OutputRules } from "../output-file.js";
import type { ChartPool } from "../render/charts/pool.js";
import { sectionTitles } from "../render/report/options.js";
import type { Paint } from "../render/report/terminal.js";
import type { ProgressUpdate } from "../terminal/progress.js";
import type { ReportFormat } from "./formats.js";
import { type Publication, poolOfColumns, publish } from "./publish.js";
import { rawSheet } from "./raw-sheet.js";
import { loadRenderers, type Renderer, startReportCharts } from "./renderers.js";
import { type ReportInput, readReportInput } from "./report-input.js";
import { renderForScreen, type WrittenFile, writeReportFiles } from "./report-output.js";

export interface ReportRequest {
  dbPath: string;
  /** Survey id, version hash (prefix) or survey file. */
  ref: string;
  formats: readonly ReportFormat[];
  /** The folder to write into; without it, the one format goes to standard output. */
  out?: string;
  lang?: string;
  by?: string;
  compare?: CompareBy;
  minCell?: number;
  allowSmallCells: boolean;
  filters: AnalysisFilters;
  raw: boolean;
  /** Files the command reads and --force, for the output rules. */
  rules: OutputRules;
  /** The terminal summary's width and colours. */
  screen: { width: number; paint?: Paint };
  now: Date;
}

/** Where a report's text and notes go: standard output and, for notes, standard error. */
export interface ReportSink {
  /** Text for standard output, as rendered. */
  write(data: string | Uint8Array): void;
  /** A line for standard output. */
  line(text: string): void;
  /** A note for standard error; `warning` ones are worth a colour. */
  note(text: string, warning?: boolean): void;
  /** What the report is doing now, for a progress line on a terminal. */
  progress?(p: ProgressUpdate): void;
}

/** A step of the report without a count: the progress line shows its words. */
const step = (note: string): ProgressUpdate => ({ done: 0, total: 0, note });

export interface ReportResult {
  survey: string;
  /** The files written with --out (none without it). */
  written: WrittenFile[];
}

/** The Report of the request's responses, before publication; refuses one with no responses. */
function analyseInput(input: ReportInput, req: ReportRequest): Report {
  const report = analyze(input.survey, input.columns, {
    ...(req.minCell !== undefined ? { minCell: req.minCell } : {}),
    allowSmallCells: req.allowSmallCells,
    ...(req.by ? { by: req.by } : {}),
    ...(req.compare ? { compare: req.compare } : {}),
    filters: req.filters,
    ...(input.newest ? { generatedAt: input.newest } : {}),
    sessionNames: input.sessionNames,
  });
  if ((report.counts.analysed.value ?? 0) === 0 && !report.counts.analysed.suppressed)
    throw new KuuloError(
      "REPORT_NO_RESPONSES",
      `No responses of ${input.survey.id} match.`,
      ExitCode.noInput,
      {
        hint: `The database holds ${input.columns.length} response(s) to this survey; check --session, --wave, --source, --since, --until (unfinished ones count only with --include-partial).`,
      },
    );
  return report;
}

/** Before anything is shown or written: protected against every earlier release, then recorded. */
function publishReport(
  input: ReportInput,
  report: Report,
  req: ReportRequest,
  lang: string,
): Promise<Publication> {
  return publish(req.dbPath, {
    report,
    pool: poolOfColumns(input.columns.meta),
    analysed: analysedIds(input, req),
    lang,
    options: {
      by: report.options.by,
      compare: report.options.compare,
      filters: report.options.filters,
      minCell: report.options.minCell,
      lang,
      formats: req.formats,
    },
    now: req.now,
  });
}

/** The ids of the responses a report analyses (its filters, partial ones only when asked for). */
function analysedIds(input: ReportInput, req: ReportRequest): string[] {
  const filters = resolveOptions({ filters: req.filters }).filters;
  const { analysed } = filterRows(input.columns, filters);
  return Array.from(analysed, (i) => input.columns.meta.id[i]!);
}

/**
 * The report. `started`: the chart workers the caller started before loading this module
 * (startReportCharts), taken over and closed here; without it they are started here when the
 * formats draw charts.
 */
export async function makeReport(
  req: ReportRequest,
  sink: ReportSink,
  started?: Promise<ChartPool | undefined>,
): Promise<ReportResult> {
  // The chart workers load chart.js, the canvas and the fonts while the responses are read.
  const chartPool = await (started ?? startReportCharts(req.formats, req.out));
  // So are the renderers (pdfkit and its fonts for a PDF): their files are read while this thread
  // waits on the store and on HiGHS, not after. A failure to load is reported where they are used.
  const renderers = req.out ? loadRenderers(req.formats) : undefined;
  renderers?.catch(() => {});
  try {
    return await reportWith(req, sink, chartPool, renderers);
  } finally {
    await chartPool?.close();
  }
}

/**
 * Reads, analyses and publishes. The columns stay in here: once the report is published they are
 * garbage (at a million responses ~300 MB that the renderers and the ledger need not share).
 */
async function readAndPublish(
  req: ReportRequest,
  sink: ReportSink,
): Promise<{ input: Omit<ReportInput, "columns">; lang: string; publication: Publication }> {
  sink.progress?.(step("reading the responses"));
  const input = await readReportInput(req.dbPath, req.ref, {
    responses: req.raw,
    progress: (done, total) =>
      sink.progress?.({ done, total, note: `reading the responses: ${done} of ${total}` }),
  });
  const lang = checkLanguage(req.lang, input.survey.languages);
  sink.progress?.(step(`analysing ${input.columns.length} responses`));
  const analysed = analyseInput(input, req);
  sink.progress?.(step("checking the figures against earlier reports"));
  const publication = await publishReport(input, analysed, req, lang);
  const { columns: _, ...rest } = input;
  return { input: rest, lang, publication };
}

async function reportWith(
  req: ReportRequest,
  sink: ReportSink,
  chartPool?: ChartPool,
  renderers?: Promise<Map<ReportFormat, Renderer>>,
): Promise<ReportResult> {
  const { input, lang, publication } = await readAndPublish(req, sink);
  const report = publication.report;
  const sections = sectionTitles(input.survey);
  const result: ReportResult = { survey: input.survey.id, written: [] };
  if (req.formats.includes("terminal")) {
    const text = await renderForScreen(report, "terminal", { lang, sections, ...req.screen });
    sink.line(String(text).trimEnd());
  }
  if (!req.out) {
    const format = req.formats.find((f) => f !== "terminal");
    if (format === "md") sink.line(String(await renderForScreen(report, format, { lang, sections })));
    // The JSON renderer's own text, rendered once for standard output and the ledger.
    else if (format === "json") sink.write(publication.json());
    else if (format) sink.write(await renderForScreen(report, format, { lang, sections }));
    const note = publication.done(["-"]);
    if (note) sink.note(note);
    return result;
  }
  // The responses as objects were read only for this sheet of them.
  const raw = req.raw && input.responses ? rawSheet(input.survey, report, input.responses, lang) : undefined;
  if (raw)
    sink.note(
      `Note: the Excel file holds ${raw.rows.length} individual responses (--raw). Keep it within the project team.`,
      true,
    );
  // Recorded once written: a refused or failed write publishes nothing and changes no file.
  sink.progress?.(step(`writing ${req.formats.filter((f) => f !== "terminal").join(", ")}`));
  const { written } = await writeReportFiles(report, req.formats, req.out, {
    lang,
    sections,
    ...(raw ? { raw } : {}),
    rules: req.rules,
    ...(chartPool ? { chartPool } : {}),
    ...(renderers ? { renderers } : {}),
  });
  const note = publication.done(written.map((w) => w.path));
  if (note) sink.note(note);
  return { ...result, written };
}
