// `kuulo doctor`: is the database whole? SQLite's integrity check, the schema version, counts,
// responses changed outside Kuulo and answer codes out of step with their answers (--repair
// makes those again). Opening it also upgrades an older schema.
import { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";

export function doctorCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("doctor")
    .description("check that the database is whole and count what it holds")
    .option("--json", "print as JSON")
    .option("--repair", "make answer codes that are out of step again from the answers")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      "\nExit status: 0 healthy, 74 damaged.\n\nExamples:\n  kuulo doctor --db kiosk1.db\n  kuulo doctor --repair --db kiosk1.db",
    )
    .action(async (opts: { db?: string; json?: boolean; repair?: boolean }) => {
      const { openStore, checkStore, repairCodes } = await import("../../store/index.js");
      const store = openStore(resolveDbPath(opts, io), { readonly: opts.repair !== true });
      try {
        let h = checkStore(store);
        // The answers are the source of truth: codes are only ever made again from them.
        const repaired =
          opts.repair && h.codesOutOfStep.length > 0 ? repairCodes(store, h.codesOutOfStep) : 0;
        if (repaired > 0) h = checkStore(store);
        if (!h.ok) ctx.exitCode = ExitCode.ioError;
        if (opts.json) return out(io, JSON.stringify({ path: store.path, ...h }, null, 2));
        const c = colorsFor(io);
        const n = h.counts;
        out(io, `${store.path} (database version ${h.schemaVersion})`);
        out(
          io,
          `  ${n.surveys} survey version(s), ${n.sessions} session(s), ${n.responses} response(s) (${n.complete} complete, ${n.partial} partial), ${n.answers} answer(s)`,
        );
        out(io, `  ${n.importedFiles} imported file(s), ${n.conflicts} response(s) kept apart by merge`);
        for (const line of h.integrity) out(io, `  ${c.red("damaged")} ${line}`);
        if (h.changedOutside.length > 0)
          out(
            io,
            `  ${c.red("changed outside Kuulo")} ${h.changedOutside.length} response(s): ${some(h.changedOutside)}`,
          );
        if (repaired > 0) out(io, `  ${c.green("repaired")} the answer codes of ${repaired} response(s)`);
        if (h.codesOutOfStep.length > 0)
          out(
            io,
            `  ${c.red("answer codes out of step")} ${h.codesOutOfStep.length} response(s): ${some(h.codesOutOfStep)}`,
          );
        const onlyCodes = h.integrity.length === 0 && h.changedOutside.length === 0;
        out(
          io,
          h.ok
            ? `${c.green("✓")} The database is whole.`
            : onlyCodes
              ? `${c.red("✗")} The answers are intact, but reports would count these responses wrongly: make their codes again with kuulo doctor --repair --db ${store.path}`
              : `${c.red("✗")} Problems found: restore the database from a backup copy, or ask for help before collecting more answers.`,
        );
      } finally {
        store.close();
      }
    });
}

/** The first five ids, and "…" when there are more. */
function some(ids: readonly string[]): string {
  return `${ids.slice(0, 5).join(", ")}${ids.length > 5 ? " …" : ""}`;
}
