// `kuulo export <survey>`: the raw responses of one survey version as CSV, XLSX or JSON, one row
// per response, with a codebook beside it. Formula-like text is neutralised; files appear whole.
import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { ResponseStatus } from "../../definition/answers.js";
import { ExitCode, KuuloError } from "../../errors.js";
import { colorsFor, err } from "../../terminal/io.js";
import { progressBar, responsesProgress } from "../../terminal/progress.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";

interface ExportCliOptions {
  db?: string;
  format?: "csv" | "xlsx" | "json";
  out?: string;
  labels?: boolean;
  lang?: string;
  delimiter?: string;
  bom?: boolean;
  decimalComma?: boolean;
  force?: boolean;
  status?: ResponseStatus;
  session?: string;
  wave?: string;
}

export function exportCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("export")
    .description("export the raw responses of a survey (CSV, Excel or JSON) with a codebook")
    .argument("<survey>", "survey id, version hash (first 8+ characters) or survey file (.yaml)")
    .addOption(
      new Option("--format <format>", "csv, xlsx or json (default: from --out, else csv)").choices([
        "csv",
        "xlsx",
        "json",
      ]),
    )
    .option("--out <file>", "write here (and the codebook beside it); default: standard output")
    .option("--force", "replace existing export and codebook files (never the database or the survey file)")
    .option("--labels", "choice labels instead of codes")
    .option("--lang <code>", "language of the labels and the codebook")
    .option("--delimiter <char>", 'CSV delimiter: ",", ";" or "tab" (Finnish Excel: ";")')
    .option("--bom", "start the CSV with a byte-order mark, so that Excel reads UTF-8")
    .option("--decimal-comma", "write decimals with a comma (Finnish Excel)")
    .addOption(
      new Option("--status <status>", "only partial or complete responses").choices(["partial", "complete"]),
    )
    .option("--session <id>", "only this session")
    .option("--wave <name>", "only this wave")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      `
One row per response; columns: response_id, session, wave, source, language, plain, status,
started_at, submitted_at, then the questions in order. Multi-select: one column per choice
(1 picked, 0 not picked); ranking: one column per choice holding its rank; dot voting: one
column per choice holding its points; matrix statements: one column each (image.welcoming).
An empty cell: not shown or skipped. Text that begins with = + - @ gets a leading ' so that
Excel shows it instead of running it. With --out, FILE.codebook.csv and FILE.codebook.md
are written beside the export.

Exit status: 0 written, 2 bad option, 65 bad survey file, 66 no database, unknown survey or
no matching responses, 73 cannot write --out, 74 database problem.

Examples:
  npx kuulo export welcome-baseline --out vastaukset.csv --delimiter ";" --bom --decimal-comma
  npx kuulo export welcome-baseline --out taulukko.xlsx --labels --lang fi
  npx kuulo export surveys/welcome-baseline.yaml --format json > responses.json`,
    )
    .action(async (ref: string, opts: ExportCliOptions) => {
      const format = opts.format ?? formatFromPath(opts.out) ?? "csv";
      if (format === "xlsx" && !opts.out)
        throw new KuuloError(
          "USAGE_XLSX_NEEDS_OUT",
          "An Excel export needs a file: add --out FILE.xlsx.",
          ExitCode.usage,
        );
      const delimiter = parseDelimiter(opts.delimiter);
      const { exportSurvey } = await import("../../store/files.js");
      // Not over rows printed on the same terminal: only beside a file or a pipe.
      const progress = opts.out || !io.stdout.isTTY ? progressBar(io) : undefined;
      const result = await exportSurvey({
        dbPath: resolveDbPath(opts, io),
        ref,
        cwd: io.cwd,
        format,
        ...(opts.out !== undefined ? { out: resolve(io.cwd, opts.out) } : {}),
        stdout: io.stdout as { write(s: string): unknown },
        labels: opts.labels === true,
        ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
        ...(delimiter ? { delimiter } : {}),
        bom: opts.bom === true,
        decimalComma: opts.decimalComma === true,
        force: opts.force === true,
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.session ? { sessionId: opts.session } : {}),
        ...(opts.wave ? { wave: opts.wave } : {}),
        ...(progress
          ? { onProgress: (done: number, total: number) => progress.update(responsesProgress(done, total)) }
          : {}),
      }).finally(() => progress?.clear());
      const c = colorsFor(io, io.stderr);
      const { survey } = result;
      if (opts.out)
        err(
          io,
          `${c.green("✓")} ${result.rows} response(s) of ${survey.id} (version ${survey.hash.slice(0, 12)}) → ${result.files.join(", ")}`,
        );
      if (result.neutralized > 0)
        err(
          io,
          `  ${result.neutralized} text cell(s) began like a formula and got a leading ' so that Excel shows them as text.`,
        );
    });
}

function formatFromPath(out: string | undefined): "csv" | "xlsx" | "json" | undefined {
  const m = out?.toLowerCase().match(/\.(csv|txt|tsv|xlsx|json)$/);
  if (!m) return undefined;
  return m[1] === "xlsx" ? "xlsx" : m[1] === "json" ? "json" : "csv";
}

function parseDelimiter(d: string | undefined): string | undefined {
  if (d === undefined) return undefined;
  if (d === "tab" || d === "\\t" || d === "\t") return "\t";
  if (d === ";" || d === "," || d === "|") return d;
  throw new KuuloError("USAGE_BAD_DELIMITER", `"${d}" cannot be a delimiter.`, ExitCode.usage, {
    hint: 'Use ",", ";", "|" or "tab".',
  });
}
