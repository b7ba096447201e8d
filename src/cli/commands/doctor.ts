// `kuulo doctor`: is the database whole? SQLite's integrity check, the schema version, counts,
// and responses changed outside Kuulo. Opening it also upgrades an older schema.
import { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath } from "../db-option.js";

export function doctorCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("doctor")
    .description("check that the database is whole and count what it holds")
    .option("--json", "print as JSON")
    .addOption(dbOption())
    .addHelpText("after", "\nExit status: 0 healthy, 74 damaged.\n\nExample:\n  kuulo doctor --db kiosk1.db")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { openStore, checkStore } = await import("../../store/index.js");
      const store = openStore(resolveDbPath(opts, io), { readonly: true });
      try {
        const h = checkStore(store);
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
            `  ${c.red("changed outside Kuulo")} ${h.changedOutside.length} response(s): ${h.changedOutside.slice(0, 5).join(", ")}${h.changedOutside.length > 5 ? " …" : ""}`,
          );
        out(
          io,
          h.ok
            ? `${c.green("✓")} The database is whole.`
            : `${c.red("✗")} Problems found: restore the database from a backup copy, or ask for help before collecting more answers.`,
        );
      } finally {
        store.close();
      }
    });
}
