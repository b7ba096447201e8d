import { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";

/** What `kuulo audit --help` says after the options. */
const HELP = `
With a survey id, every report recorded in the ledger on that survey's responses is
audited together (kuulo releases list shows them). With report.json files, exactly those.
Only what a reader sees is used. A hidden count is "disclosed" when the reports pin it
to one value of 1 to min-cell − 1, "weak" when they confine a possibly small count to
fewer than min-cell values.

Exit status: 0 nothing found, 65 something disclosed or weak (or bad input), 66 a file
or the database is missing, 74 database problem.

Examples:
  npx kuulo audit welcome-baseline
  npx kuulo audit raportti/report.json seuranta/report.json --json`;

export function auditCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("audit")
    .description("check published reports together: can any hidden count be worked out?")
    .argument("<what...>", "a survey id (audits the ledger), or report.json files")
    .option("--json", "print the findings as JSON")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", HELP)
    .action(async (what: string[], opts: { db?: string; json?: boolean }) => {
      const { auditReports, auditJson, auditLines } = await import("../../reporting/audit-reports.js");
      const audited = await auditReports(what, io.cwd, resolveDbPath(opts, io));
      if (!audited) {
        out(io, `No reports on ${what[0]} are recorded: nothing to audit.`);
        return;
      }
      const { names, result } = audited;
      if (opts.json) out(io, auditJson(names, result));
      else for (const line of auditLines(names, result, colorsFor(io))) out(io, line);
      ctx.exitCode = result.findings.length > 0 ? ExitCode.dataError : ExitCode.ok;
    });
}
