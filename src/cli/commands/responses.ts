// `kuulo responses list|show|delete`: look at stored responses, and erase one on request (it
// says what it removed; an unknown id is an error and nothing is removed).
import { Command, Option } from "commander";
import type { ResponseSource, ResponseStatus } from "../../definition/answers.js";
import { colorsFor, err, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";

interface ListOptions {
  db?: string;
  status?: ResponseStatus;
  session?: string;
  wave?: string;
  source?: ResponseSource;
  since?: string;
  until?: string;
  json?: boolean;
}

/** The library behind every subcommand, loaded only when one runs (not for --help). */
const library = () => import("../../reporting/stored-responses.js");

export function responsesCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  const cmd = new Command("responses").description("list, show and delete stored responses").addHelpText(
    "after",
    `
Examples:
  npx kuulo responses list welcome-baseline --status complete
  npx kuulo responses show d300a059
  npx kuulo responses delete 01a226d9-34a4-76e9-a22b-e073d300a059 --yes`,
  );
  cmd
    .command("list")
    .description("list responses (all surveys, or one)")
    .argument("[survey]", "survey id or version hash")
    .addOption(
      new Option("--status <status>", "only partial or complete ones").choices(["partial", "complete"]),
    )
    .option("--session <id>", "only this session")
    .option("--wave <name>", "only this wave")
    .addOption(
      new Option("--source <source>", "only this source").choices(["interactive", "paper", "import"]),
    )
    .option("--since <date>", "started on or after (YYYY-MM-DD)")
    .option("--until <date>", "started on or before (YYYY-MM-DD)")
    .option("--json", "print as JSON, with the answers")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo responses list welcome-baseline --session itakeskus-1 --json")
    .action(async (survey: string | undefined, opts: ListOptions) => {
      const { listStoredResponses } = await library();
      // Read whole before printing: a damaged database fails (exit 74) before a header line or
      // an unclosed JSON list is printed.
      const responses = listStoredResponses({
        dbPath: resolveDbPath(opts, io),
        ...(survey !== undefined ? { survey } : {}),
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.session ? { sessionId: opts.session } : {}),
        ...(opts.wave ? { wave: opts.wave } : {}),
        ...(opts.source ? { source: opts.source } : {}),
        ...(opts.since ? { since: opts.since } : {}),
        ...(opts.until ? { until: opts.until } : {}),
      });
      let n = 0;
      if (opts.json) io.stdout.write("[");
      else out(io, ["id", "survey", "session", "wave", "source", "status", "started", "answers"].join("\t"));
      for (const r of responses) {
        if (opts.json) io.stdout.write(`${n === 0 ? "" : ","}\n  ${JSON.stringify(r)}`);
        else
          out(
            io,
            [
              r.id,
              r.surveyId,
              r.sessionId ?? "",
              r.wave ?? "",
              r.source,
              r.status,
              r.startedAt.slice(0, 16).replace("T", " "),
              Object.keys(r.answers).length,
            ].join("\t"),
          );
        n++;
      }
      if (opts.json) out(io, n === 0 ? "]" : "\n]");
      else err(io, `${n} response(s).`);
    });
  cmd
    .command("show")
    .description("show one response with its answers")
    .argument("<id>", "the response id (its last 8 characters are enough)")
    .option("--lang <code>", "language of the question texts")
    .option("--json", "print as JSON")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  kuulo responses show d300a059 --lang fi")
    .action(async (id: string, opts: { db?: string; lang?: string; json?: boolean }) => {
      const { showStoredResponse } = await library();
      const { response, paradata, text } = showStoredResponse(
        resolveDbPath(opts, io),
        id,
        !opts.json,
        opts.lang,
      );
      out(io, opts.json ? JSON.stringify({ ...response, paradata }, null, 2) : text);
    });
  cmd
    .command("delete")
    .description("erase responses and all their answers (for an erasure request)")
    .argument("<ids...>", "full response ids")
    .option("--yes", "do not ask for confirmation")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      `
The answers are overwritten in the database file. Copies made before (exports, backups,
other laptops' databases) are not touched: delete the response there too.

Example:
  npx kuulo responses delete 01a226d9-34a4-76e9-a22b-e073d300a059 --yes`,
    )
    .action(async (ids: string[], opts: { db?: string; yes?: boolean }) => {
      const { deleteStoredResponses } = await library();
      const c = colorsFor(io);
      const done = await deleteStoredResponses(io, resolveDbPath(opts, io), ids, opts.yes === true);
      if (!done) return out(io, "Nothing was deleted.");
      for (const d of done.removed) {
        const what = d.surveyId
          ? `survey ${d.surveyId}, ${d.sessionId ? `session ${d.sessionId}, ` : ""}${d.status}, started ${d.startedAt?.slice(0, 16).replace("T", " ")}: ${d.answers} answer(s)`
          : "only copies kept apart by merge";
        const copies = d.conflictCopies > 0 ? `, and ${d.conflictCopies} copy(ies) kept apart by merge` : "";
        out(io, `${c.green("✓")} Removed response ${d.id} (${what}${copies}).`);
      }
      out(
        io,
        `${done.removed.length} response(s) removed from ${done.path}. Copies elsewhere (exports, backups, other laptops) must be deleted separately.`,
      );
    });
  return cmd;
}
