// Reading screens aloud through espeak-ng for people who read with difficulty: what to say for
// a screen (pure), and a speaker that runs one espeak-ng at a time, cutting off the last one
// when the screen changes. A missing espeak-ng is found at start, never mid-survey.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import type { Page, QuestionScreen } from "./prompter.js";

/** espeak-ng voices for the survey languages; others fall back to English. */
export const VOICES: Record<string, string> = { fi: "fi", sv: "sv", en: "en-gb" };

/** A little slower than espeak-ng's 175 words a minute: the listeners read with difficulty. */
export const SPEECH_RATE = 140;

export interface Speaker {
  speak(text: string, language: string): void;
  stop(): void;
}

export function voiceFor(language: string): string {
  return VOICES[language] ?? "en-gb";
}

/** Arguments for espeak-ng reading text from stdin, to the sound card or to a WAV file. */
export function espeakArgs(language: string, wav?: string): string[] {
  return ["-v", voiceFor(language), "-s", String(SPEECH_RATE), ...(wav ? ["-w", wav] : []), "--stdin"];
}

/**
 * Why speech will not work, or null when it will: espeak-ng must run and know the voices
 * of the languages asked for.
 */
export function checkSpeech(languages: string[], command = "espeak-ng"): string | null {
  const r = spawnSync(command, ["--voices"], { encoding: "utf8", timeout: 10_000 });
  if (r.error || r.status !== 0)
    return `${command} was not found. Install it (Debian/Ubuntu: sudo apt-get install espeak-ng) or run without --speak.`;
  const known = new Set(
    r.stdout
      .split("\n")
      .slice(1)
      .map((l) => l.trim().split(/\s+/)[1])
      .filter(Boolean),
  );
  const missing = languages.filter((l) => !known.has(voiceFor(l)));
  return missing.length > 0 ? `${command} has no voice for: ${missing.join(", ")}.` : null;
}

/**
 * What is read for a screen: the question, its help and the answers, numbered. With `shown`
 * (the answers in view on a screen too small for all of them), only those answers are read,
 * under their own numbers, so that what is heard is what is on the screen.
 */
export function speechText(screen: QuestionScreen | Page, shown?: number[]): string {
  if (!("type" in screen)) return sentences([screen.title, screen.text, screen.next]);
  const s = screen;
  const parts = [s.section?.title, s.section?.intro, s.lead, s.title, s.help, s.hint];
  if ("options" in s)
    parts.push(
      ...s.options
        .map((o, i) => `${i + 1}: ${o.label}`)
        .filter((_, i) => shown === undefined || shown.includes(i)),
    );
  return sentences(parts);
}

function sentences(parts: (string | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p?.trim()))
    .map((p) => p.trim().replace(/[→←✓]/g, "").trim())
    .map((p) => (/[.!?:]$/.test(p) ? p : `${p}.`))
    .join("\n");
}

/** Speaks through espeak-ng, one utterance at a time. */
export class EspeakSpeaker implements Speaker {
  private child: ChildProcess | null = null;

  constructor(private readonly command = "espeak-ng") {}

  speak(text: string, language: string): void {
    this.stop();
    const child = spawn(this.command, espeakArgs(language), { stdio: ["pipe", "ignore", "ignore"] });
    // A failure here must not reach the participant; the facilitator was told at start.
    child.on("error", () => {});
    child.stdin?.on("error", () => {});
    child.stdin?.end(text);
    this.child = child;
  }

  stop(): void {
    if (this.child && this.child.exitCode === null) this.child.kill();
    this.child = null;
  }
}

/** Write the speech for `text` to a WAV file (used to test that speech is produced). */
export function speakToFile(text: string, language: string, wav: string, command = "espeak-ng"): void {
  const r = spawnSync(command, espeakArgs(language, wav), { input: text, timeout: 30_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} exited with ${r.status}: ${String(r.stderr)}`);
}
