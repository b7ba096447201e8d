// `kuulo import <survey> <file>`: typed-in paper forms (CSV or XLSX), or Kuulo's own JSON export, into the store, all rows
// in one transaction or none (unless --skip-invalid), each problem named by line and column,
// the same file never imported twice.
import { Command, Option } from "commander";
import type { ResponseSource } from "../../definition/answers.js";
import { ExitCode, KuuloError } from "../../errors.js";
import { newResponseId } from "../../ids.js";
import { colorsFor, err, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption } from "../db-option.js";

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
      const { existsSync } = await import("node:fs");
      const { loadSurvey } = await import("../../definition/load.js");
      const { parseEncodingName } = await import("../../import/encoding.js");
      const { parseDelimiterOption } = await import("../../import/delimiter.js");
      const { defaultRejectsPath } = await import("../../import/rejects.js");
      const { importFile } = await import("../../import/import-file.js");
      const { summaryLines, failureOf } = await import("../../import/summary.js");
      const { MemoryTarget } = await import("../../import/target.js");
      const { parsePositiveInt } = await import("../options.js");
      const { io } = ctx;
      const c = colorsFor(io);
      const survey = loadSurvey(surveyPath);
      const encoding = opts.encoding ? parseEncodingName(opts.encoding) : undefined;
      const delimiter = opts.delimiter ? parseDelimiterOption(opts.delimiter) : undefined;
      const maxErrors = parsePositiveInt(opts.maxErrors, "--max-errors");
      const rejectsPath = opts.rejects ?? (opts.skipInvalid ? defaultRejectsPath(file) : undefined);
      const { resolveDbPath } = await import("../db-option.js");
      const dbPath = resolveDbPath(opts, io);
      if (rejectsPath) {
        // Before anything is imported: a refused rejects file must not leave a half-done import.
        const { checkOutput } = await import("../../output-file.js");
        checkOutput(rejectsPath, { reads: [dbPath, file, surveyPath], force: opts.force === true });
      }
      const newSession = opts.session
        ? await checkSession(opts.session, dbPath, opts.newSession === true)
        : false;
      let close: (() => void) | undefined;
      const openTarget = () => {
        // A dry run against a database that does not exist yet must not create one.
        if (opts.dryRun && !existsSync(dbPath)) return new MemoryTarget({ keepRows: false });
        const t = openStoreTarget!(dbPath, survey, opts.dryRun ? { readonly: true } : {});
        close = () => t.close();
        return t;
      };
      // SQLite is loaded only when there is a database to use.
      const { openStoreTarget } =
        opts.dryRun && !existsSync(dbPath)
          ? { openStoreTarget: undefined }
          : await import("../../import/store-target.js");
      const progress = progressBar(io);
      let result: Awaited<ReturnType<typeof importFile>>;
      try {
        result = await importFile({
          survey,
          file,
          openTarget,
          ...(encoding ? { encoding } : {}),
          ...(delimiter ? { delimiter } : {}),
          ...(opts.skipInvalid ? { skipInvalid: true } : {}),
          ...(rejectsPath ? { rejectsPath } : {}),
          ...(opts.dryRun ? { dryRun: true } : {}),
          ...(opts.ignoreColumn.length > 0 ? { ignoreColumns: opts.ignoreColumn } : {}),
          ...(opts.session ? { sessionId: opts.session } : {}),
          ...(opts.wave ? { wave: opts.wave } : {}),
          ...(opts.source ? { source: opts.source } : {}),
          maxDiagnostics: maxErrors,
          now: () => new Date(),
          newId: newResponseId,
          onProgress: progress.update,
        });
      } catch (e) {
        throw withCode(e);
      } finally {
        progress.clear();
        close?.();
      }
      if (result.kind === "imported-before") {
        const p = result.previous;
        const msg = `Nothing new: ${file} was imported before (${p.importedAt.slice(0, 16).replace("T", " ")}, ${p.stored} row(s) stored${p.rejected ? `, ${p.rejected} rejected` : ""}). Nothing was added.`;
        if (opts.json) out(io, JSON.stringify({ file, outcome: "imported-before", previous: p }, null, 2));
        else out(io, msg);
        return reportRss(ctx);
      }
      const s = result.summary;
      const failure = failureOf(s, {
        ...(opts.skipInvalid ? { skipInvalid: true } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
      });
      if (opts.json)
        out(
          io,
          JSON.stringify(
            {
              file,
              outcome: failure
                ? "failed"
                : s.imported === 0
                  ? "nothing-new"
                  : opts.dryRun
                    ? "dry-run"
                    : "imported",
              format: s.info.format,
              encoding: s.info.encoding?.encoding ?? null,
              delimiter: s.info.delimiter ?? null,
              rowsRead: s.rowsRead,
              imported: s.imported,
              rejected: s.rejected,
              duplicates: s.duplicates,
              blankRows: s.blankRows,
              rejectsFile: s.rejectsFile ?? null,
              errors: s.log.errors,
              warnings: s.log.warnings,
              errorCount: s.log.errorCount,
              warningCount: s.log.warningCount,
            },
            null,
            2,
          ),
        );
      else for (const line of summaryLines(s, { ...(opts.dryRun ? { dryRun: true } : {}), c })) out(io, line);
      reportRss(ctx);
      if (failure) throw withCode(failure);
      if (opts.json) return;
      if (opts.dryRun)
        out(io, c.green(`✓ Dry run: ${s.imported} row(s) would be imported. Nothing was stored.`));
      else if (s.imported === 0)
        out(io, `Nothing new: all ${s.duplicates} row(s) were imported before. Nothing was added.`);
      else {
        if (newSession)
          out(io, `Session "${opts.session}" was new: it was created (kuulo sessions list shows it).`);
        out(
          io,
          c.green(
            `✓ Imported ${s.imported} response(s) into ${dbPath} (survey ${survey.id}, version ${survey.hash.slice(0, 12)})` +
              (s.duplicates ? `; ${s.duplicates} duplicate(s) skipped.` : "."),
          ),
        );
      }
    });
}

/**
 * Whether --session names a session the store does not have yet (it is then created with a
 * notice). One that looks like a slip for an existing session is refused, as `kuulo run` refuses
 * any unknown one, unless --new-session says it is meant.
 */
async function checkSession(id: string, dbPath: string, allowNew: boolean): Promise<boolean> {
  const { existsSync } = await import("node:fs");
  if (!existsSync(dbPath)) return true;
  const { openStore, listSessions } = await import("../../store/index.js");
  const store = openStore(dbPath, { readonly: true });
  let ids: string[];
  try {
    ids = listSessions(store).map((x) => x.id);
  } finally {
    store.close();
  }
  if (ids.includes(id)) return false;
  const { sessionTypo } = await import("../../import/session-name.js");
  const meant = allowNew ? undefined : sessionTypo(id, ids);
  if (meant)
    throw new KuuloError(
      "STORE_UNKNOWN_SESSION",
      `There is no session "${id}" in ${dbPath}. Did you mean "${meant}"?`,
      ExitCode.noInput,
      {
        hint: `Use --session ${meant}. If "${id}" really is another workshop, add --new-session (or create it first: kuulo sessions create ${id}). Nothing was imported.`,
      },
    );
  return true;
}

/** Data-file errors carry their stable code in the message, as the row diagnostics do. */
function withCode(e: unknown): unknown {
  if (!(e instanceof KuuloError) || !/^(CSV|XLSX|JSON)_/.test(e.code) || e.message.endsWith("]")) return e;
  return new KuuloError(e.code, `${e.message} [${e.code}]`, e.exitCode, e.options);
}

function reportRss(ctx: CommandContext): void {
  if (ctx.io.env.KUULO_REPORT_RSS) err(ctx.io, `maxRSS ${process.resourceUsage().maxRSS} kB`);
}

/** A one-line progress bar on a terminal, shown only when the import takes more than a second. */
function progressBar(io: CommandContext["io"]): {
  update: (p: { bytes: number; rows: number; total: number }) => void;
  clear: () => void;
} {
  const start = Date.now();
  let drawn = false;
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (!io.stderr.isTTY || now - start < 1000 || now - last < 100) return;
      last = now;
      const share = p.total > 0 ? Math.min(1, p.bytes / p.total) : 0;
      const width = 30;
      const full = Math.round(share * width);
      io.stderr.write(
        `\r[${"#".repeat(full)}${".".repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.rows} rows`,
      );
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr.write("\r\x1b[K");
    },
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
