// `kuulo run <survey>`: a workshop session at the terminal — one person, a kiosk that loops
// (--kiosk), or one form from an answers file (--answers). Every answer is saved as it is
// given; Ctrl+C outside a kiosk ends with 130 and keeps the answers so far as a partial response.
import { Command } from "commander";
import { translator } from "../../i18n/index.js";
import { storeLabel } from "../../store/errors.js";
import { out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";

interface RunOptions {
  session?: string;
  lang?: string;
  plain?: boolean;
  kiosk?: boolean;
  speak?: boolean;
  emoji: boolean;
  answers?: string;
  db?: string;
}

export function runCommand(ctx: CommandContext): Command {
  return new Command("run")
    .description("run a survey at the terminal: one person, a workshop kiosk, or an answers file")
    .argument("<survey>", "survey file (.yaml), or the id of a survey stored in the database")
    .option("--session <id>", "workshop session the answers belong to (kuulo sessions create)")
    .option("--lang <code>", "language to use (default: the survey's first); a kiosk offers all")
    .option("--plain", "use the plain-language wording (selkokieli)")
    .option("--kiosk", "loop for one participant after another until the facilitator ends it")
    .option("--speak", "read each question and its answers aloud (needs espeak-ng)")
    .option("--no-emoji", "show smiley scales as text faces such as :-) instead of emoji")
    .option("--answers <file>", "no questions asked: store one response from a JSON file")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      `
Keys: ↑ ↓ move, Enter chooses. Every screen has "← Back" and, for questions that may be
left unanswered, "Skip". Nothing else is needed.

Kiosk: the facilitator's instructions are shown first. To end the kiosk, type lopeta
(or exit) at the welcome screen, press Enter and confirm. Ctrl+C does not end a kiosk.

An answers file: { "language": "fi", "answers": { "visit_freq": "weekly",
"barriers": ["fines", "other"], "barriers.other": "The bus", "services_dots":
{ "job_help": 6, "easy_books": 4 } } } — checked like a live session, then saved.

Exit status: 0 saved, 2 usage (e.g. no terminal), 65 bad answers file or survey,
66 survey file, answers file, database or session not found, 74 database problem,
130 interrupted (the answers given so far are kept).

Examples:
  npx kuulo run surveys/welcome-baseline.yaml --session itakeskus-2025-03-14 --kiosk
  npx kuulo run surveys/welcome-baseline.yaml --session s1 --lang sv --plain --speak
  npx kuulo run surveys/welcome-baseline.yaml --answers form-17.json`,
    )
    .action(async (surveyRef: string, opts: RunOptions) => {
      const { runSurvey } = await import("../../session/run-survey.js");
      const { io } = ctx;
      const dbPath = resolveDbPath(opts, io);
      const result = await runSurvey({
        io,
        surveyRef,
        dbPath,
        ...(opts.session !== undefined ? { sessionId: opts.session } : {}),
        ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
        ...(opts.answers !== undefined ? { answers: opts.answers } : {}),
        plain: opts.plain === true,
        kiosk: opts.kiosk === true,
        speak: opts.speak === true,
        emoji: opts.emoji,
      });
      if (result.mode === "kiosk")
        out(
          io,
          translator(result.language)("kiosk.ended", {
            complete: result.complete,
            stopped: result.stopped,
            db: dbPath,
          }),
        );
      else if (result.responseId)
        out(io, `Saved: response ${result.responseId} (complete) in ${storeLabel(dbPath)}.`);
      else out(io, "Nothing was answered; nothing was saved.");
    });
}
