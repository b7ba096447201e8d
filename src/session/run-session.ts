// One person's turn through a survey: intro, the shown questions (forward, back, skip), the
// end page and thank-you. Every answer goes to the sink the moment it is given; answers that a
// changed earlier answer hides are removed from it. Knows nothing of terminals or SQLite.
import { type Answers, type AnswerValue, OTHER_CODE } from "../definition/answers.js";
import { defaultLanguage, hasOther, type Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { translator } from "../i18n/index.js";
import { checkAnswer } from "./check-answer.js";
import {
  allSteps,
  hiddenAnswers,
  nextStep,
  previousStep,
  type Step,
  stepKey,
  visibleQuestionIds,
} from "./flow.js";
import { isInterrupt, type Page, type Prompter, type Reply } from "./prompter.js";
import { buildScreen, textIn } from "./screens.js";
import { checkOtherText } from "./validate.js";

/** Where answers go. `save` must be durable when it returns: the next step may never come. */
export interface AnswerSink {
  save(slot: string, value: AnswerValue, answeredAt: Date): void | Promise<void>;
  /** The slot's question is no longer shown: forget its answer. */
  remove(slot: string): void | Promise<void>;
  complete(at: Date): void | Promise<void>;
}

export interface SessionOptions {
  survey: Survey;
  prompter: Prompter;
  sink: AnswerSink;
  language: string;
  plain: boolean;
  emoji: boolean;
  now?: () => Date;
  /** Ctrl+C in kiosk mode: "resume" asks the same screen again, "stop" ends this person's turn. */
  onInterrupt?: () => Promise<"resume" | "stop">;
}

export interface SessionResult {
  status: "complete" | "stopped";
  answers: Answers;
}

type Position = { kind: "intro" } | { kind: "step"; step: Step } | { kind: "end" };

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const { survey, prompter, sink } = o;
  const now = o.now ?? (() => new Date());
  const t = translator(o.language);
  const fb = defaultLanguage(survey);
  const say = (text: Survey["intro"]) => textIn(o, fb, text);
  const answers: Answers = {};
  const opts = { language: o.language, plain: o.plain, emoji: o.emoji, t };
  const first = (): Position => {
    const s = nextStep(survey, answers, null);
    return s ? { kind: "step", step: s } : { kind: "end" };
  };
  let pos: Position = survey.intro ? { kind: "intro" } : first();
  try {
    return await turn();
  } catch (e) {
    // The participant sees a calm page in their language; the facilitator then gets the error.
    if (isStorageFailure(e))
      await showCalmly(
        prompter,
        page(
          "saveFailed",
          t("run.saveFailed.title"),
          t("run.saveFailed.text"),
          t("run.saveFailed.close"),
          false,
        ),
      );
    throw e;
  }

  async function turn(): Promise<SessionResult> {
    for (;;) {
      try {
        if (pos.kind === "intro") {
          await prompter.page(page("intro", say(survey.title), say(survey.intro), t("run.start"), false));
          pos = first();
        } else if (pos.kind === "end") {
          const last = lastStep(survey, answers);
          const r = await prompter.page(
            page("end", t("run.end.title"), "", t("run.end.send"), last !== null),
          );
          if (r === "back" && last) pos = { kind: "step", step: last };
          else break;
        } else {
          const step = pos.step;
          const before = previousStep(survey, answers, step);
          const canBack = before !== null || survey.intro !== undefined;
          const reply = await prompter.ask(buildScreen(survey, answers, step, canBack, opts));
          if (reply.kind === "back") {
            pos = before ? { kind: "step", step: before } : survey.intro ? { kind: "intro" } : pos;
            continue;
          }
          for (const [slot, value] of writesFor(step, reply)) {
            if (value === undefined) {
              if (Object.hasOwn(answers, slot)) {
                delete answers[slot];
                await sink.remove(slot);
              }
            } else if (!Object.hasOwn(answers, slot) || !same(answers[slot]!, value)) {
              answers[slot] = value;
              await sink.save(slot, value, now());
            }
          }
          for (const slot of hiddenAnswers(survey, answers)) {
            delete answers[slot];
            await sink.remove(slot);
          }
          const after = nextStep(survey, answers, step);
          pos = after ? { kind: "step", step: after } : { kind: "end" };
        }
      } catch (e) {
        if (!isInterrupt(e) || !o.onInterrupt) throw e;
        if ((await o.onInterrupt()) === "stop") return { status: "stopped", answers };
      }
    }

    await sink.complete(now());
    const outro = say(survey.outro);
    const thanks = outro ? `${outro}\n\n${t("run.thanks.saved")}` : t("run.thanks.saved");
    try {
      await prompter.page(page("thanks", t("run.thanks.title"), thanks, t("run.thanks.close"), false));
    } catch (e) {
      // The answers are complete and saved; leaving the thank-you page by Ctrl+C loses nothing.
      if (!isInterrupt(e)) throw e;
    }
    return { status: "complete", answers };
  }

  function page(key: Page["key"], title: string, text: string, next: string, canBack: boolean): Page {
    return { key, title, text, next, canBack, language: o.language, t };
  }
}

/**
 * A write the store could not make (exit 74: the disk is full, the database server stopped or
 * cannot be reached). What was saved before stays saved; the turn cannot go on.
 */
function isStorageFailure(e: unknown): boolean {
  return e instanceof KuuloError && e.exitCode === ExitCode.ioError;
}

/** A page that Ctrl+C or a closed terminal may also leave: the error after it is what counts. */
async function showCalmly(prompter: Prompter, p: Page): Promise<void> {
  try {
    await prompter.page(p);
  } catch {
    // Nothing more to tell the participant; the facilitator's message follows.
  }
}

/**
 * The slot values one reply writes; undefined removes a slot. Throws when the reply breaks
 * the question's rules: the prompter checks answers before returning them, so this is a bug.
 */
export function writesFor(step: Step, reply: Reply): [string, AnswerValue | undefined][] {
  const q = step.question;
  const key = stepKey(step);
  const otherSlot = !step.item && hasOther(q) ? `${q.id}.${OTHER_CODE}` : null;
  if (reply.kind === "next") return [];
  if (reply.kind === "back") return [];
  const value = reply.kind === "skip" ? null : reply.value;
  const checked = checkAnswer(step, value);
  if (!checked.ok)
    throw new Error(`Answer to "${key}" refused (${checked.problem.key}): ${JSON.stringify(value)}`);
  const writes: [string, AnswerValue | undefined][] = [[key, checked.value]];
  if (otherSlot) {
    const v = checked.value;
    const picked = v === OTHER_CODE || (Array.isArray(v) && v.includes(OTHER_CODE));
    const text = picked && reply.kind === "answer" ? checkOtherText(reply.other) : null;
    if (text && !text.ok) throw new Error(`Other text of "${key}" refused (${text.problem.key})`);
    writes.push([otherSlot, text?.ok && text.value !== null ? text.value : undefined]);
  }
  return writes;
}

/** The last shown screen: where "back" on the end page leads. */
export function lastStep(survey: Pick<Survey, "sections">, answers: Answers): Step | null {
  const shown = visibleQuestionIds(survey, answers);
  const steps = allSteps(survey).filter((s) => shown.has(s.question.id));
  return steps.at(-1) ?? null;
}

function same(a: AnswerValue, b: AnswerValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
