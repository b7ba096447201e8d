// `kuulo surveys list|add`: which survey versions the database holds and how many responses
// each has; `add` stores a version before any answers arrive (kiosks do it by themselves).
import { resolve } from "node:path";
import { Command } from "commander";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath } from "../db-option.js";

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
    .addHelpText("after", "\nExample:\n  kuulo surveys list --json")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { openStore, listSurveys } = await import("../../store/index.js");
      const { formatTable } = await import("../format-table.js");
      const store = openStore(resolveDbPath(opts, io), { readonly: true });
      try {
        const surveys = listSurveys(store);
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
      } finally {
        store.close();
      }
    });
  cmd
    .command("add")
    .description("store survey versions in the database (they are also stored when answers arrive)")
    .argument("<files...>", "survey files (.yaml)")
    .addOption(dbOption())
    .addHelpText("after", "\nExample:\n  kuulo surveys add surveys/*.yaml --db workshop.db")
    .action(async (files: string[], opts: { db?: string }) => {
      const { loadSurvey } = await import("../../definition/load.js");
      const { openStore, registerSurvey } = await import("../../store/index.js");
      const surveys = files.map((f) => ({ file: f, survey: loadSurvey(resolve(io.cwd, f)) }));
      const store = openStore(resolveDbPath(opts, io), { create: true });
      const c = colorsFor(io);
      try {
        for (const { file, survey } of surveys) {
          const added = registerSurvey(store, survey);
          out(
            io,
            `${added ? c.green("✓ added") : "  already there"}  ${survey.id} version ${survey.hash.slice(0, 12)}  (${file})`,
          );
        }
      } finally {
        store.close();
      }
    });
  return cmd;
}
