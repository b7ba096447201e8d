// A whole turn through a survey with a scripted prompter, answers kept in memory with the order
// in which they were saved and removed, on a clock that ticks a second per answer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Answers, AnswerValue } from "../../src/definition/answers.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { type AnswerSink, runSession } from "../../src/session/run-session.js";
import { type ScriptEntry, ScriptedPrompter } from "../../src/session/scripted-prompter.js";
import { ROOT } from "./cli.js";

export const minimal = parseSurvey(
  readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"),
  "m.yaml",
).survey!;

export class MemorySink implements AnswerSink {
  readonly events: string[] = [];
  readonly answers: Answers = {};
  readonly times: Record<string, string> = {};
  completed = false;
  save(slot: string, value: AnswerValue, at: Date) {
    this.events.push(`save ${slot}=${JSON.stringify(value)}`);
    this.answers[slot] = value;
    this.times[slot] = at.toISOString();
  }
  remove(slot: string) {
    this.events.push(`remove ${slot}`);
    delete this.answers[slot];
  }
  complete() {
    this.events.push("complete");
    this.completed = true;
  }
}

let tick = 0;
const clock = () => new Date(Date.UTC(2025, 0, 1, 10, 0, tick++));

/** Plays `script` to the end; answers go to `opts.sink` (a store's, say), else to a MemorySink. */
export async function play<S extends AnswerSink = MemorySink>(
  script: ScriptEntry[],
  opts: { onInterrupt?: () => Promise<"resume" | "stop">; survey?: typeof minimal; sink?: S } = {},
) {
  const prompter = new ScriptedPrompter(script);
  const sink = opts.sink ?? (new MemorySink() as AnswerSink as S);
  const result = await runSession({
    survey: opts.survey ?? minimal,
    prompter,
    sink,
    language: "en",
    plain: false,
    emoji: true,
    now: clock,
    ...(opts.onInterrupt ? { onInterrupt: opts.onInterrupt } : {}),
  });
  return { result, sink, prompter };
}

/** The answers after the first screens of the minimal survey, to the end. */
export const tail: ScriptEntry[] = [
  ["likes", { answer: "yes" }],
  ["enjoy", { answer: "3" }],
  ["grade", { answer: "8" }],
  ["image.welcoming", { answer: "3" }],
  ["image.strict", { answer: "dk" }],
  ["books", { answer: "12" }],
  ["rank", { answer: ["help", "quiet"] }],
  ["dots", { answer: { quiet: 2, easy: 3 } }],
  ["note", "next"],
  ["wishes", { answer: "More easy books" }],
];

/**
 * "never" opens barriers, answered with an "other" text; then back to the start and "weekly",
 * which hides barriers and its text again. Continue with likes (see tail).
 */
export const changeThatHides: ScriptEntry[] = [
  ["visit_freq", { answer: "never" }],
  ["barriers", { answer: ["other"], other: "No time" }],
  ["likes", { answer: "no" }],
  ["enjoy", "back"],
  ["likes", "back"],
  ["barriers", "back"],
  ["visit_freq", { answer: "weekly" }],
];
