// `kuulo run <survey>`: a workshop session at the terminal — one person, a kiosk that loops
// (--kiosk), or one form from an answers file (--answers). Every answer is saved as it is
// given; Ctrl+C outside a kiosk ends with 130 and keeps the answers so far as a partial response.
import { Command } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
import { translator } from "../../i18n/index.js";
import { out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath } from "../db-option.js";

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
      const { existsSync } = await import("node:fs");
      const { isAbsolute, resolve } = await import("node:path");
      const { loadSurvey } = await import("../../definition/load.js");
      const { checkLanguage } = await import("../../definition/language.js");
      const { openStore, getSurvey, requireSession } = await import("../../store/index.js");
      const launch = await import("../../session/launch.js");
      const { io } = ctx;
      const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));

      if (!opts.answers && !(io.stdin.isTTY && io.stdout.isTTY))
        throw new KuuloError(
          "RUN_NO_TERMINAL",
          "kuulo run asks its questions at a terminal, but there is none here.",
          ExitCode.usage,
          {
            hint: "Run it in a terminal window. To store answers without a terminal use --answers FILE.json; for typed-in paper forms use kuulo import.",
          },
        );
      if (opts.kiosk && opts.answers)
        throw new KuuloError(
          "RUN_KIOSK_ANSWERS",
          "--kiosk and --answers cannot be used together.",
          ExitCode.usage,
          {
            hint: "A kiosk asks people one after another; --answers stores one prepared form.",
          },
        );

      const dbPath = resolveDbPath(opts, io);
      const looksLikeFile =
        existsSync(at(surveyRef)) || /\.ya?ml$/i.test(surveyRef) || /[/\\]/.test(surveyRef);
      // A bad survey file must not leave a new, empty database behind: read it first.
      const fromFile = looksLikeFile ? loadSurvey(at(surveyRef)) : undefined;
      if (opts.session !== undefined && !existsSync(dbPath))
        throw new KuuloError(
          "RUN_NO_DATABASE",
          `There is no database at ${dbPath}, so no session "${opts.session}" either.`,
          ExitCode.noInput,
          {
            hint: `Create the session first (kuulo sessions create ${opts.session} --db ${dbPath}), or check --db.`,
          },
        );
      const store = openStore(dbPath, { create: true });
      try {
        const survey = fromFile ?? getSurvey(store, surveyRef);
        const language = checkLanguage(opts.lang, survey.languages);
        if (opts.session !== undefined) {
          const session = requireSession(store, opts.session);
          if (session.status === "closed")
            throw new KuuloError(
              "RUN_SESSION_CLOSED",
              `The session "${session.id}" is closed.`,
              ExitCode.usage,
              {
                hint: "Create a new session for this workshop (kuulo sessions create ID) and use its id.",
              },
            );
        }
        const o = {
          io,
          store,
          survey,
          sessionId: opts.session ?? null,
          language,
          plain: opts.plain === true,
          // The Linux text console has no emoji glyphs.
          emoji: opts.emoji && io.env.TERM !== "linux",
          speak: opts.speak === true,
        };
        if (opts.answers) {
          const id = await launch.runAnswersFile(o, at(opts.answers));
          out(io, `Saved: response ${id} (complete) in ${dbPath}.`);
        } else if (opts.kiosk) {
          const summary = await launch.runKioskMode(o);
          out(
            io,
            translator(language)("kiosk.ended", {
              complete: summary.complete,
              stopped: summary.stopped,
              db: dbPath,
            }),
          );
        } else {
          const { responseId } = await launch.runOnce(o);
          launch.reportSaved(io, responseId, dbPath);
        }
      } finally {
        store.close();
      }
    });
}
