// The three ways `kuulo run` collects answers, wired to the store and the terminal: one person
// at the keyboard, a kiosk that loops until the facilitator ends it, or an answers file.
// This is the I/O edge of src/session; the flow itself stays in the pure modules beside it.
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { pickText, translator } from "../i18n/index.js";
import { MAX_ANSWERS_BYTES, readInputText } from "../input-file.js";
import { getSession, type Store } from "../store/index.js";
import { colorsFor, err, type Io } from "../terminal/io.js";
import { AnswersPrompter, checkAnswersFile } from "./answers-file.js";
import { runKiosk } from "./kiosk.js";
import { isInterrupt } from "./prompter.js";
import { runSession } from "./run-session.js";
import { checkSpeech, EspeakSpeaker, type Speaker } from "./speech.js";
import { StoreSink } from "./store-sink.js";
import { InquirerPrompter } from "./terminal/inquirer-prompter.js";
import { swallowKioskKeys } from "./terminal/kiosk-keys.js";

export interface LaunchOptions {
  io: Io;
  store: Store;
  survey: Survey;
  sessionId: string | null;
  /** The language asked for (or the survey's default). */
  language: string;
  plain: boolean;
  emoji: boolean;
  speak: boolean;
}

/** Words that end the kiosk when typed at the welcome screen, in each UI language. */
export const EXIT_WORDS = ["lopeta", "avsluta", "exit"];

/** Check and store one response from an answers file; returns its id. */
export async function runAnswersFile(o: LaunchOptions, path: string): Promise<string> {
  const text = readInputText(path, {
    maxBytes: MAX_ANSWERS_BYTES,
    code: "RUN_ANSWERS_TOO_LARGE",
    what: "an answers file",
  });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new KuuloError(
      "RUN_ANSWERS_NOT_JSON",
      `${path} is not valid JSON: ${(e as Error).message}`,
      ExitCode.dataError,
      {
        location: { file: path },
        hint: 'An answers file looks like { "language": "fi", "answers": { "visit_freq": "weekly", "barriers": ["fines"] } }.',
      },
    );
  }
  const checked = checkAnswersFile(o.survey, data);
  if (!checked.ok)
    throw new KuuloError(
      "RUN_ANSWERS_INVALID",
      `The answers file has ${checked.problems.length} problem(s); nothing was saved.`,
      ExitCode.dataError,
      {
        location: { file: path },
        details: checked.problems.map((p) => `${p.path}: ${p.message}`),
        hint: `Fix the answers and run again. "kuulo preview ${o.survey.id}" lists the questions and their codes.`,
      },
    );
  const language = checked.file.language ?? o.language;
  const plain = checked.file.plain ?? o.plain;
  const sink = new StoreSink(o.store, {
    survey: o.survey,
    sessionId: o.sessionId,
    language,
    plain,
    startedAt: new Date(),
  });
  await runSession({
    survey: o.survey,
    prompter: new AnswersPrompter(checked.file.answers),
    sink,
    language,
    plain,
    emoji: false,
  });
  return sink.responseId!;
}

/** One person at the keyboard. Ctrl+C keeps the answers so far (partial) and ends with 130. */
export async function runOnce(o: LaunchOptions): Promise<{ responseId: string | null }> {
  const small = smallTerminal(o.io);
  if (small) err(o.io, translator(o.language)("run.smallTerminal", small));
  const speaker = startSpeech(o, [o.language]);
  const prompter = terminalPrompter(o, speaker);
  const sink = new StoreSink(o.store, {
    survey: o.survey,
    sessionId: o.sessionId,
    language: o.language,
    plain: o.plain,
    startedAt: new Date(),
  });
  const unguard = guardAgainstSilentEnd(o.io);
  try {
    await runSession({
      survey: o.survey,
      prompter,
      sink,
      language: o.language,
      plain: o.plain,
      emoji: o.emoji,
    });
    prompter.clear();
    return { responseId: sink.responseId };
  } catch (e) {
    if (isInterrupt(e) && sink.responseId)
      err(o.io, `The answers given so far are saved as a partial response (${sink.responseId}).`);
    throw e;
  } finally {
    unguard();
    speaker?.stop();
  }
}

/** The kiosk loop, with the facilitator's instructions shown first and then cleared. */
export async function runKioskMode(o: LaunchOptions): Promise<{ complete: number; stopped: number }> {
  const languages = [o.language, ...o.survey.languages.filter((l) => l !== o.language)];
  const speaker = startSpeech(o, languages);
  const prompter = terminalPrompter(o, speaker);
  // A participant's Ctrl+C between two screens (the terminal is briefly not in raw mode) or
  // Ctrl+Z must not stop the kiosk: ignore the signals while it runs.
  const ignore = () => {};
  process.on("SIGINT", ignore);
  process.on("SIGTSTP", ignore);
  const restoreKeys = swallowKioskKeys(o.io.stdin);
  const unguard = guardAgainstSilentEnd(o.io);
  try {
    const note = facilitatorNote(o, languages, o.speak && !speaker);
    const t = translator(languages[0]!);
    const start = await prompter.welcome({
      title: t("kiosk.title"),
      text: note,
      press: t("kiosk.press"),
      more: { above: t("run.moreAbove"), below: t("run.moreBelow") },
    });
    if (start === "exit") return { complete: 0, stopped: 0 };
    return await runKiosk({
      survey: o.survey,
      prompter,
      languages,
      plain: o.plain,
      emoji: o.emoji,
      newSink: (language, startedAt) =>
        new StoreSink(o.store, {
          survey: o.survey,
          sessionId: o.sessionId,
          language,
          plain: o.plain,
          startedAt,
        }),
    });
  } finally {
    speaker?.stop();
    unguard();
    restoreKeys();
    process.off("SIGINT", ignore);
    process.off("SIGTSTP", ignore);
  }
}

/**
 * If a prompt ever waits on input that can no longer come, Node would end with status 0 as if
 * all went well. Say so instead, and fail, so the facilitator knows to restart the kiosk.
 */
function guardAgainstSilentEnd(io: Io): () => void {
  const onBeforeExit = () => {
    err(
      io,
      "The session stopped waiting for the keyboard. The answers given so far are saved; start kuulo run again.",
    );
    process.exitCode = ExitCode.internal;
  };
  process.once("beforeExit", onBeforeExit);
  return () => process.off("beforeExit", onBeforeExit);
}

function terminalPrompter(o: LaunchOptions, speaker: Speaker | null): InquirerPrompter {
  return new InquirerPrompter({
    input: o.io.stdin,
    output: o.io.stdout as NodeJS.WritableStream & { columns?: number; rows?: number },
    colors: colorsFor(o.io),
    speaker,
    exitWords: EXIT_WORDS,
  });
}

/** Speech, or null with the facilitator told why (at start, never in the middle of a turn). */
function startSpeech(o: LaunchOptions, languages: string[]): Speaker | null {
  if (!o.speak) return null;
  const problem = checkSpeech(languages);
  if (problem === null) return new EspeakSpeaker();
  err(o.io, `warning: --speak: ${problem} The survey runs without reading aloud.`);
  return null;
}

function facilitatorNote(o: LaunchOptions, languages: string[], speechMissing: boolean): string {
  const lang = languages[0]!;
  const t = translator(lang);
  const session = o.sessionId ? getSession(o.store, o.sessionId) : undefined;
  const sessionText = !o.sessionId
    ? t("kiosk.noSession")
    : session && session.name !== session.id
      ? `${session.name} (${session.id})`
      : o.sessionId;
  const names = languages.map((l) => translator(l)("lang.name"));
  const settings = [
    t("kiosk.languages", { list: names.join(", ") }),
    ...(o.plain ? [t("kiosk.plainOn")] : []),
    ...(o.speak && !speechMissing ? [t("kiosk.speakOn")] : []),
  ];
  const lines = [
    t("kiosk.survey", {
      title: pickText(o.survey.title, lang, lang),
      id: o.survey.id,
      version: o.survey.hash.slice(0, 12),
    }),
    t("kiosk.session", { session: sessionText }),
    t("kiosk.database", { db: o.store.path }),
    settings.join("   "),
    "",
    t("kiosk.toEnd", { words: EXIT_WORDS.join(t("kiosk.or")), yes: t("run.exit.yes") }),
    t("kiosk.ctrlC"),
  ];
  if (speechMissing) lines.push("", t("kiosk.noSpeech"));
  const small = smallTerminal(o.io);
  if (small) lines.push("", t("kiosk.small", small));
  lines.push("", t("kiosk.disappears"));
  return lines.join("\n");
}

/** The terminal's size when it is below the 80 × 24 the screens are made for, else null. */
function smallTerminal(io: Io): { cols: number; rows: number } | null {
  const o = io.stdout as { columns?: number; rows?: number };
  const cols = o.columns ?? 0;
  const rows = o.rows ?? 0;
  if (cols <= 0 || rows <= 0) return null;
  return cols < 80 || rows < 24 ? { cols, rows } : null;
}
