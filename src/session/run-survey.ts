// `kuulo run` as one library call: check the request, read the survey (file or stored id),
// open the database and hand over to one of the three ways of collecting answers in launch.ts.
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import { ExitCode, KuuloError } from "../errors.js";
import { storeLabel } from "../store/errors.js";
import { getSurvey, isPostgresUrl, openStore, requireSession } from "../store/index.js";
import type { Io } from "../terminal/io.js";
import { runAnswersFile, runKioskMode, runOnce } from "./launch.js";

export interface RunRequest {
  io: Io;
  /** A survey file, or the id of a survey stored in the database. */
  surveyRef: string;
  dbPath: string;
  sessionId?: string;
  lang?: string;
  plain: boolean;
  kiosk: boolean;
  speak: boolean;
  emoji: boolean;
  /** An answers file: store one response from it, asking nothing. */
  answers?: string;
}

/**
 * How long a save may wait for a database server, in ms. Every answer is saved before the next
 * screen comes, and a network link that drops without a reset (Wi-Fi, a VPN) would otherwise
 * freeze the participant's screen for minutes; after this the calm "could not save" page comes.
 */
export const SAVE_REPLY_LIMIT = 10_000;

/** What a run ended with; the language is the one the participant(s) started in. */
export type RunResult =
  | { mode: "answers"; language: string; responseId: string }
  | { mode: "kiosk"; language: string; complete: number; stopped: number }
  | { mode: "once"; language: string; responseId: string | null };

/** Runs a survey at the terminal (or from an answers file) and says what was saved. */
export async function runSurvey(r: RunRequest): Promise<RunResult> {
  const { io } = r;
  const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
  checkRequest(r);
  const looksLikeFile =
    existsSync(at(r.surveyRef)) || /\.ya?ml$/i.test(r.surveyRef) || /[/\\]/.test(r.surveyRef);
  // A bad survey file must not leave a new, empty database behind: read it first.
  const fromFile = looksLikeFile ? loadSurvey(at(r.surveyRef)) : undefined;
  if (r.sessionId !== undefined && !isPostgresUrl(r.dbPath) && !existsSync(r.dbPath))
    throw new KuuloError(
      "RUN_NO_DATABASE",
      `There is no database at ${storeLabel(r.dbPath)}, so no session "${r.sessionId}" either.`,
      ExitCode.noInput,
      {
        hint: `Create the session first (kuulo sessions create ${r.sessionId} --db ${storeLabel(r.dbPath)}), or check --db.`,
      },
    );
  const store = openStore(r.dbPath, { create: true, replyLimit: SAVE_REPLY_LIMIT });
  try {
    const survey = fromFile ?? getSurvey(store, r.surveyRef);
    const language = checkLanguage(r.lang, survey.languages);
    if (r.sessionId !== undefined) {
      const session = requireSession(store, r.sessionId);
      if (session.status === "closed")
        throw new KuuloError("RUN_SESSION_CLOSED", `The session "${session.id}" is closed.`, ExitCode.usage, {
          hint: "Create a new session for this workshop (kuulo sessions create ID) and use its id.",
        });
    }
    const o = {
      io,
      store,
      survey,
      sessionId: r.sessionId ?? null,
      language,
      plain: r.plain,
      // The Linux text console has no emoji glyphs.
      emoji: r.emoji && io.env.TERM !== "linux",
      speak: r.speak,
    };
    if (r.answers) return { mode: "answers", language, responseId: await runAnswersFile(o, at(r.answers)) };
    if (r.kiosk) return { mode: "kiosk", language, ...(await runKioskMode(o)) };
    return { mode: "once", language, ...(await runOnce(o)) };
  } finally {
    store.close();
  }
}

/** Option combinations that cannot work, refused before anything is read or created. */
function checkRequest(r: RunRequest): void {
  if (!r.answers && !(r.io.stdin.isTTY && r.io.stdout.isTTY))
    throw new KuuloError(
      "RUN_NO_TERMINAL",
      "kuulo run asks its questions at a terminal, but there is none here.",
      ExitCode.usage,
      {
        hint: "Run it in a terminal window. To store answers without a terminal use --answers FILE.json; for typed-in paper forms use kuulo import.",
      },
    );
  if (r.kiosk && r.answers)
    throw new KuuloError(
      "RUN_KIOSK_ANSWERS",
      "--kiosk and --answers cannot be used together.",
      ExitCode.usage,
      {
        hint: "A kiosk asks people one after another; --answers stores one prepared form.",
      },
    );
}
