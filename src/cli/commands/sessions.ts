// `kuulo sessions create|list|close`: workshop sessions with their date, place, facilitator and
// wave. Responses collected or imported with --session point to one of these.
import { Command } from "commander";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";
import { formatTable } from "../format-table.js";

interface CreateOptions {
  db?: string;
  name?: string;
  date?: string;
  place?: string;
  facilitator?: string;
  wave?: string;
}

/** The library behind every subcommand, loaded only when one runs (not for --help). */
const library = () => import("../../store/index.js");

export function sessionsCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  const cmd = new Command("sessions")
    .description("workshop sessions: create, list and close them")
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo sessions create itakeskus-1 --name "Itäkeskus, kevät" --date 2025-03-14 --place Itäkeskus --wave baseline
  npx kuulo sessions list
  npx kuulo sessions close itakeskus-1`,
    );
  cmd
    .command("create")
    .description("create a session")
    .argument("<id>", 'a short id without spaces, e.g. "itakeskus-1"')
    .option("--name <text>", "a name people recognise (default: the id)")
    .option("--date <YYYY-MM-DD>", "the day of the workshop")
    .option("--place <text>", "where it is held")
    .option("--facilitator <text>", "who runs it")
    .option("--wave <name>", "baseline, follow-up …")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo sessions create itakeskus-1 --date 2025-03-14 --wave baseline")
    .action(async (id: string, opts: CreateOptions) => {
      const { createSessionAt } = await library();
      const s = createSessionAt(resolveDbPath(opts, io), {
        id,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.date !== undefined ? { date: opts.date } : {}),
        ...(opts.place !== undefined ? { place: opts.place } : {}),
        ...(opts.facilitator !== undefined ? { facilitator: opts.facilitator } : {}),
        ...(opts.wave !== undefined ? { wave: opts.wave } : {}),
      });
      out(io, `${colorsFor(io).green("✓")} Session ${s.id} created${s.wave ? ` (wave ${s.wave})` : ""}.`);
    });
  cmd
    .command("list")
    .description("list the sessions with their response counts")
    .option("--json", "print as JSON")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo sessions list --json")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { listSessionsAt } = await library();
      const sessions = listSessionsAt(resolveDbPath(opts, io));
      if (opts.json) return out(io, JSON.stringify(sessions, null, 2));
      if (sessions.length === 0)
        return out(io, "No sessions yet. Create one: kuulo sessions create ID --date YYYY-MM-DD");
      out(
        io,
        formatTable(
          ["id", "date", "name", "place", "facilitator", "wave", "status", "responses"],
          sessions.map((s) => [s.id, s.date, s.name, s.place, s.facilitator, s.wave, s.status, s.responses]),
        ),
      );
    });
  cmd
    .command("close")
    .description("close a session: kiosks no longer offer it")
    .argument("<id>", "the session")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo sessions close itakeskus-1")
    .action(async (id: string, opts: { db?: string }) => {
      const { closeSessionAt } = await library();
      const { session, changed } = closeSessionAt(resolveDbPath(opts, io), id);
      out(
        io,
        changed
          ? `${colorsFor(io).green("✓")} Session ${session.id} closed (${session.responses} response(s)).`
          : `Session ${session.id} was closed already.`,
      );
    });
  return cmd;
}
