// `kuulo report <survey>`: analyse the stored responses and show a terminal summary, or write the
// report files (Markdown, HTML, JSON, CSV, PNG charts, PDF, Excel) into a folder. Privacy rules
// are the analysis's: counts under --min-cell are hidden everywhere. The report's date is the
// newest response's time, so the same data always gives the same files.
import { join, resolve } from "node:path";
import { Command, Option } from "commander";
import type { AnalysisFilters, CompareBy } from "../../analysis/index.js";
import type { ResponseSource } from "../../definition/answers.js";
import { ExitCode, KuuloError } from "../../errors.js";
import { chooseFormats } from "../../reporting/formats.js";
import type { ReportRequest } from "../../reporting/make-report.js";
import { colorsFor, err, type Io, out } from "../../terminal/io.js";
import { progressBar } from "../../terminal/progress.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";
import { parsePositiveInt } from "../options.js";

interface ReportCliOptions {
  db?: string;
  format?: string;
  out?: string;
  force?: boolean;
  lang?: string;
  by?: string;
  compare?: CompareBy;
  session?: string[];
  wave?: string[];
  source?: string[];
  since?: string;
  until?: string;
  includePartial?: boolean;
  minCell?: string;
  allowSmallCells?: boolean;
  raw?: boolean;
}

/** Repeatable options also take comma-separated lists: --wave baseline,followup. */
const collect = (value: string, previous: string[] | undefined) => [
  ...(previous ?? []),
  ...value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
];

const SOURCES: readonly ResponseSource[] = ["interactive", "paper", "import"];

export function reportCommand(ctx: CommandContext): Command {
  return new Command("report")
    .description("report on a survey's responses: a summary here, or files (PDF, HTML, Excel …) with --out")
    .argument("<survey>", "survey id, version hash (first 8+ characters) or survey file (.yaml)")
    .option("--out <dir>", "write the report files into this folder (created if missing)")
    .option("--force", "replace report files already in the --out folder")
    .option("--format <list>", "terminal, md, html, pdf, png, csv, json, xlsx (comma-separated)")
    .option("--lang <code>", "report language: fi, sv or en (default: the survey's first language)")
    .option("--by <question>", "cross-tabulate every question by this one (e.g. age_group)")
    .addOption(
      new Option("--compare <what>", "set groups side by side").choices(["wave", "session", "source"]),
    )
    .option("--session <id>", "only these sessions (repeatable)", collect)
    .option("--wave <name>", "only these waves (repeatable)", collect)
    .option("--source <source>", "only answers collected this way: interactive, paper, import", collect)
    .option("--since <date>", "only responses from this date on (YYYY-MM-DD)")
    .option("--until <date>", "only responses up to this date (YYYY-MM-DD, the whole day)")
    .option("--include-partial", "include unfinished responses")
    .option("--min-cell <n>", "smallest number shown; smaller ones are hidden (default 5)")
    .option("--allow-small-cells", "allow --min-cell below 3 (keep such a report within the project team)")
    .option("--raw", "xlsx: add a sheet of the responses themselves (free text masked)")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      `
Without --out, a summary is printed here: each question as a small table with bars.
With --out DIR, the files are written into DIR and listed: by default report.md,
report.html (one file, charts inside), report.json, report.csv, charts/*.png and
report.pdf. Choose others with --format, e.g. --format pdf,xlsx. A single md, csv
or json format without --out is printed to standard output.

Privacy: numbers smaller than --min-cell (5) are shown as "< 5", statistics that
would reveal them as "–", and groups that small as "too few". E-mail addresses, phone
numbers and personal identity codes in free text are masked; read the free texts
before sharing a report all the same.

Every report is recorded in the publication ledger (kuulo releases) and protected together
with the earlier ones on the same responses; one that differs from an earlier report by
fewer than --min-cell responses is refused.

Exit status: 0 done, 2 bad option, 65 bad survey file or a report refused for privacy,
66 no database, unknown survey or no matching responses, 73 cannot write the --out
folder, 74 database problem.

Examples:
  npx kuulo report welcome-baseline
  npx kuulo report welcome-baseline --out raportti/ --lang fi
  npx kuulo report welcome-baseline --compare wave --format pdf,xlsx --out vertailu/
  npx kuulo report surveys/welcome-baseline.yaml --by age_group --format md > raportti.md`,
    )
    .action(async (ref: string, opts: ReportCliOptions) => {
      const { io } = ctx;
      const req = reportRequest(ref, opts, io);
      // The chart workers start loading on the other cores while this thread loads the report code.
      const { startReportCharts } = await import("../../reporting/renderers.js");
      const charts = startReportCharts(req.formats, req.out);
      // Awaited (and any failure reported) by makeReport.
      charts.catch(() => {});
      const { makeReport } = await import("../../reporting/make-report.js");
      const e = colorsFor(io, io.stderr);
      // Cleared before anything is printed: the report's own lines start clean.
      const progress = progressBar(io);
      const { written } = await makeReport(
        req,
        {
          write: (data) => {
            progress.clear();
            io.stdout.write(data);
          },
          line: (text) => {
            progress.clear();
            out(io, text);
          },
          note: (text, warning) => {
            progress.clear();
            err(io, warning ? e.yellow(text) : text);
          },
          progress: progress.update,
        },
        charts,
      ).finally(() => progress.clear());
      if (opts.out) listWritten(io, opts.out, written);
    });
}

/** The options as a report request; refuses a wrong one before the database is opened. */
function reportRequest(ref: string, opts: ReportCliOptions, io: Io): ReportRequest {
  const formats = chooseFormats(opts.format, opts.out);
  const session = opts.session ?? [];
  const wave = opts.wave ?? [];
  const source = opts.source ?? [];
  const bad = source.filter((s) => !(SOURCES as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new KuuloError("USAGE_BAD_SOURCE", `Unknown source: ${bad.join(", ")}`, ExitCode.usage, {
      hint: `Sources are ${SOURCES.join(", ")}.`,
    });
  if (opts.raw && !formats.includes("xlsx"))
    throw new KuuloError(
      "USAGE_RAW_NEEDS_XLSX",
      "--raw adds a sheet to the Excel report; it needs --format xlsx.",
      ExitCode.usage,
      {
        hint: "Add xlsx to --format, or use kuulo export for the raw data.",
      },
    );
  const filters: AnalysisFilters = {
    ...(session.length > 0 ? { sessionIds: session } : {}),
    ...(wave.length > 0 ? { waves: wave } : {}),
    ...(source.length > 0 ? { sources: source as ResponseSource[] } : {}),
    ...(opts.since ? { since: opts.since } : {}),
    ...(opts.until ? { until: opts.until } : {}),
    includePartial: opts.includePartial === true,
  };
  const dbPath = resolveDbPath(opts, io);
  return {
    dbPath,
    ref,
    formats,
    ...(opts.out ? { out: opts.out } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.by ? { by: opts.by } : {}),
    ...(opts.compare ? { compare: opts.compare } : {}),
    ...(opts.minCell !== undefined ? { minCell: parsePositiveInt(opts.minCell, "--min-cell") } : {}),
    allowSmallCells: opts.allowSmallCells === true,
    filters,
    raw: opts.raw === true,
    rules: { reads: [dbPath, resolve(io.cwd, ref)], force: opts.force === true },
    screen: { width: io.stdout.isTTY ? Math.min(100, io.stdout.columns ?? 80) : 80, paint: colorsFor(io) },
    now: new Date(),
  };
}

/** The files written, the charts folder as one line: a report has dozens of them. */
function listWritten(io: Io, dir: string, written: { path: string; bytes: number }[]): void {
  const c = colorsFor(io);
  const charts = written.filter((w) => w.path.endsWith(".png"));
  out(io, `${c.green("✓")} ${written.length} file(s) written to ${dir}:`);
  for (const w of written.filter((x) => !x.path.endsWith(".png")))
    out(io, `  ${w.path}  ${formatBytes(w.bytes)}`);
  const chartBytes = charts.reduce((sum, w) => sum + w.bytes, 0);
  if (charts.length > 0)
    out(io, `  ${join(dir, "charts")}/  ${charts.length} PNG chart(s), ${formatBytes(chartBytes)}`);
}

function formatBytes(n: number): string {
  return n < 1024
    ? `${n} B`
    : n < 1024 * 1024
      ? `${(n / 1024).toFixed(0)} kB`
      : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
