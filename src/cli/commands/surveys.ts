// `kuulo surveys list|add`: which survey versions the database holds and how many responses
// each has; `add` stores a version before any answers arrive (kiosks do it by themselves).
import { Command } from "commander";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";
import { formatTable } from "../format-table.js";

/** The library behind both subcommands, loaded only when one runs (not for --help). */
const library = () => import("../../store/index.js");

export function surveysCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  const cmd = new Command("surveys")
    .description("survey versions in the database, with response counts")
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo surveys list
  npx kuulo surveys add surveys/welcome-baseline.yaml`,
    );
  cmd
    .command("list")
    .description("list the survey versions that hold data, with response counts")
    .option("--json", "print as JSON")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo surveys list --json")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { listStoredSurveys } = await library();
      const surveys = listStoredSurveys(resolveDbPath(opts, io));
      if (opts.json) return out(io, JSON.stringify(surveys, null, 2));
      if (surveys.length === 0) return out(io, "No surveys in this database yet.");
      out(
        io,
        formatTable(
          ["survey", "version", "registered", "responses", "complete", "partial", "first", "last", "title"],
          surveys.map((s) => [
            s.id,
            s.hash.slice(0, 12),
            s.registeredAt.slice(0, 10),
            s.responses,
            s.complete,
            s.partial,
            s.firstStarted?.slice(0, 10),
            s.lastStarted?.slice(0, 10),
            Object.values(s.title)[0] ?? "",
          ]),
        ),
      );
      const ids = new Set(surveys.map((s) => s.id));
      if (ids.size < surveys.length)
        out(
          io,
          "\nA survey with several versions: give the version (its first 8+ characters) to export or report one of them.",
        );
    });
  cmd
    .command("add")
    .description("store survey versions in the database (they are also stored when answers arrive)")
    .argument("<files...>", "survey files (.yaml)")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo surveys add surveys/*.yaml --db workshop.db")
    .action(async (files: string[], opts: { db?: string }) => {
      const { addSurveyFiles } = await import("../../store/files.js");
      const c = colorsFor(io);
      for (const { file, survey, added } of addSurveyFiles(resolveDbPath(opts, io), io.cwd, files))
        out(
          io,
          `${added ? c.green("✓ added") : "  already there"}  ${survey.id} version ${survey.hash.slice(0, 12)}  (${file})`,
        );
    });
  return cmd;
}
