// A prompter that plays a script instead of asking a person: for tests of the whole flow and
// for demos. Each entry names the screen it expects, so a script that drifts from the survey
// fails at the first wrong screen instead of answering the wrong question.
import type { AnswerValue } from "../definition/answers.js";
import type { Page, Prompter, QuestionScreen, Reply } from "./prompter.js";

export type ScriptAction =
  | { answer: AnswerValue; other?: string }
  | "skip"
  | "back"
  | "next"
  /** Behave as Ctrl+C on this screen. */
  | "interrupt";

/** [screen key, action]; page keys are "intro", "end" and "thanks". */
export type ScriptEntry = [string, ScriptAction];

export class ScriptedPrompter implements Prompter {
  /** Every screen and page shown, in order, for assertions. */
  readonly shown: (QuestionScreen | Page)[] = [];
  private at = 0;

  constructor(
    private readonly script: ScriptEntry[],
    /** Pages not named in the script are passed with "next". */
    private readonly autoPages = true,
  ) {}

  get remaining(): ScriptEntry[] {
    return this.script.slice(this.at);
  }

  async ask(screen: QuestionScreen): Promise<Reply> {
    this.shown.push(screen);
    const action = this.take(screen.key);
    if (action === "skip" || action === "back" || action === "next") return { kind: action };
    if (action === "interrupt") throw interrupt();
    return action.other === undefined
      ? { kind: "answer", value: action.answer }
      : { kind: "answer", value: action.answer, other: action.other };
  }

  async page(page: Page): Promise<"next" | "back"> {
    this.shown.push(page);
    if (this.autoPages && this.script[this.at]?.[0] !== page.key) return "next";
    const action = this.take(page.key);
    if (action === "interrupt") throw interrupt();
    if (action !== "back" && action !== "next")
      throw new Error(`Page "${page.key}" can only go next or back`);
    return action;
  }

  private take(key: string): ScriptAction {
    const entry = this.script[this.at];
    if (!entry) throw new Error(`The script has ended, but the screen "${key}" was shown`);
    if (entry[0] !== key)
      throw new Error(`The script expected the screen "${entry[0]}", but "${key}" was shown`);
    this.at++;
    return entry[1];
  }
}

function interrupt(): Error {
  const e = new Error("Interrupted by the script");
  e.name = "ExitPromptError";
  return e;
}
