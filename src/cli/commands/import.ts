// `kuulo import <survey> <file>`: typed-in paper forms (CSV or XLSX), or Kuulo's own JSON export, into the store, all rows
// in one transaction or none (unless --skip-invalid), each problem named by line and column,
// the same file never imported twice.
import { Command, Option } from "commander";
import type { ResponseSource } from "../../definition/answers.js";
import type {
  ImportOutcome,
  ImportRequest,
  summaryLines as SummaryLines,
} from "../../import/import-forms.js";
import { storeLabel } from "../../store/errors.js";
import { colorsFor, err, type Io, out } from "../../terminal/io.js";
import { progressBar } from "../../terminal/progress.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";
import { parsePositiveInt } from "../options.js";

interface ImportCliOptions {
  db?: string;
  session?: string;
  wave?: string;
  source?: ResponseSource;
  dryRun?: boolean;
  skipInvalid?: boolean;
  rejects?: string;
  force?: boolean;
  newSession?: boolean;
  encoding?: string;
  delimiter?: string;
  ignoreColumn: string[];
  maxErrors: string;
  json?: boolean;
}

export function importCommand(ctx: CommandContext): Command {
  return new Command("import")
    .description("import typed-in paper forms (CSV or Excel) or a Kuulo JSON export — all rows or none")
    .argument("<survey>", "survey file (.yaml)")
    .argument("<file>", "the forms: .csv/.txt (any Excel CSV flavour) or .xlsx, or a .json export")
    .addOption(dbOption())
    .addOption(schemaOption())
    .option("--session <id>", "workshop session the forms belong to")
    .option("--new-session", "create the --session even though its id looks like a slip for an existing one")
    .option("--wave <name>", "wave, e.g. baseline or followup")
    .addOption(
      new Option("--source <source>", "how the answers were collected").choices([
        "paper",
        "import",
        "interactive",
      ]),
    )
    .option("--dry-run", "check everything and report, store nothing")
    .option("--skip-invalid", "store the valid rows; write the others to a rejects file")
    .option("--rejects <file>", "where rejected rows go (default with --skip-invalid: FILE.rejects.csv)")
    .option("--force", "replace an existing rejects file (never the input, the survey or a database)")
    .option("--encoding <name>", "utf-8, windows-1252 (latin1), utf-16le … (default: detected)")
    .option("--delimiter <char>", '";", ",", tab … (default: detected)')
    .addOption(
      new Option("--ignore-column <name>", "leave out a column that is not a question (repeatable)")
        .argParser(collect)
        .default([], "none"),
    )
    .option("--max-errors <n>", "how many errors, and how many warnings, to list", "50")
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
Values may be codes or labels in any of the survey's languages, numbers may use a
decimal comma, multi-select may be one column of joined codes (1;3) or one column per
choice ticked with x. An empty cell is an unanswered question. A JSON file written by
kuulo export --format json imports back with its response ids, sessions and waves;
each of its values is checked as a cell of a CSV would be.

Nothing partial: any row with an error and nothing is stored. With --skip-invalid the
valid rows are stored and the rejected ones are written unchanged, with a reject_reason
column, to a file you can correct and import again. Importing the same file twice adds
nothing; a corrected rejects file adds only its rows.

Exit status: 0 imported (or nothing new), 2 bad option, 65 problems in the file or the
survey (nothing stored), 66 file not found, 74 database problem.

Examples:
  npx kuulo import surveys/welcome-baseline.yaml lomakkeet.csv --session kirjasto-1
  npx kuulo import surveys/welcome-baseline.yaml lomakkeet.xlsx --dry-run
  npx kuulo import surveys/welcome-baseline.yaml lomakkeet.csv --skip-invalid --rejects korjattavat.csv`,
    )
    .action(async (surveyPath: string, file: string, opts: ImportCliOptions) => {
      const { io } = ctx;
      const req = importRequest(surveyPath, file, opts, io);
      const { importForms, outcomeJson, summaryLines } = await import("../../import/import-forms.js");
      const progress = progressBar(io);
      let outcome: Awaited<ReturnType<typeof importForms>>;
      try {
        outcome = await importForms({
          ...req,
          onProgress: (p) => progress.update({ done: p.bytes, total: p.total, note: `${p.rows} rows` }),
        });
      } finally {
        progress.clear();
      }
      if (opts.json) out(io, JSON.stringify(outcomeJson(outcome), null, 2));
      else for (const line of outcomeLines(io, outcome, req, summaryLines)) out(io, line);
      if (io.env.KUULO_REPORT_RSS) err(io, `maxRSS ${process.resourceUsage().maxRSS} kB`);
      if (outcome.kind === "done" && outcome.failure) throw outcome.failure;
      if (!opts.json) showStored(io, outcome, req);
    });
}

/** The options as an import request; refuses a wrong one before any file is read. */
function importRequest(surveyPath: string, file: string, opts: ImportCliOptions, io: Io): ImportRequest {
  return {
    surveyPath,
    file,
    dbPath: resolveDbPath(opts, io),
    ...(opts.session ? { session: opts.session } : {}),
    newSession: opts.newSession === true,
    ...(opts.wave ? { wave: opts.wave } : {}),
    ...(opts.source ? { source: opts.source } : {}),
    dryRun: opts.dryRun === true,
    skipInvalid: opts.skipInvalid === true,
    ...(opts.rejects ? { rejectsPath: opts.rejects } : {}),
    force: opts.force === true,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
    ignoreColumns: opts.ignoreColumn,
    maxDiagnostics: parsePositiveInt(opts.maxErrors, "--max-errors"),
  };
}

/** The summary of what was read: the file, its rows, and every problem found. */
function outcomeLines(io: Io, o: ImportOutcome, req: ImportRequest, lines: typeof SummaryLines): string[] {
  if (o.kind === "done")
    return lines(o.summary, { ...(req.dryRun ? { dryRun: true } : {}), c: colorsFor(io) });
  const p = o.previous;
  return [
    `Nothing new: ${o.file} was imported before into survey ${p.surveyId} (${p.importedAt.slice(0, 16).replace("T", " ")}, ${p.stored} row(s) stored${p.rejected ? `, ${p.rejected} rejected` : ""}). Nothing was added.`,
  ];
}

/** The closing line: what was stored, or would be. */
function showStored(io: Io, o: ImportOutcome, req: ImportRequest): void {
  if (o.kind !== "done") return;
  const c = colorsFor(io);
  const s = o.summary;
  if (req.dryRun) out(io, c.green(`✓ Dry run: ${s.imported} row(s) would be imported. Nothing was stored.`));
  else if (s.imported === 0)
    out(io, `Nothing new: all ${s.duplicates} row(s) were imported before. Nothing was added.`);
  else {
    if (o.newSession)
      out(io, `Session "${req.session}" was new: it was created (kuulo sessions list shows it).`);
    out(
      io,
      c.green(
        `✓ Imported ${s.imported} response(s) into ${storeLabel(req.dbPath)} (survey ${o.survey.id}, version ${o.survey.hash.slice(0, 12)})` +
          (s.duplicates ? `; ${s.duplicates} duplicate(s) skipped.` : "."),
      ),
    );
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
