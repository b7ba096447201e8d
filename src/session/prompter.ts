// The boundary between the session flow and whatever asks the questions: the terminal prompts,
// or a scripted prompter in tests. Screens arrive with every text already in the person's
// language; a prompter decides only how to show them and returns what the person did.
import type { AnswerValue } from "../definition/answers.js";
import type { MessageKey } from "../i18n/index.js";
import type { Progress } from "./flow.js";
import type { Checked } from "./validate.js";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface ChoiceOption {
  code: string;
  label: string;
  /** A face for a smiley scale, already chosen for --no-emoji. */
  face?: string;
  /** "None of these": picking it clears the other picks (multi). */
  exclusive?: boolean;
  /** The "other, what?" choice, which asks for a text. */
  other?: boolean;
}

/** The fields every question screen has. */
export interface ScreenBase {
  /** Stable id of the screen: the question id, or `matrix.item`. */
  key: string;
  progress: Progress;
  /** Section title and intro, on the first screen of a section only. */
  section?: { title: string; intro?: string };
  /** For a matrix statement: the question above the statement. */
  lead?: string;
  title: string;
  help?: string;
  /** How to answer this type ("You can pick more than one."). */
  hint?: string;
  required: boolean;
  /** False on the first screen when there is nothing to go back to. */
  canBack: boolean;
  /** The language of the texts (for reading aloud). */
  language: string;
  t: Translate;
}

export interface ChoiceScreen extends ScreenBase {
  type: "choice";
  options: ChoiceOption[];
  /** The code given before (going back), null when skipped before. */
  current: string | null | undefined;
  /** The "other" text given before. */
  otherText?: string;
}
export interface MultiScreen extends ScreenBase {
  type: "multi";
  options: ChoiceOption[];
  current: string[] | null | undefined;
  otherText?: string;
  check: (codes: string[]) => Checked<string[]>;
}
export interface EntryScreen extends ScreenBase {
  type: "number" | "text";
  current: string | null | undefined;
  maxLength: number;
  check: (raw: string) => Checked<AnswerValue>;
}
export interface RankingScreen extends ScreenBase {
  type: "ranking";
  options: ChoiceOption[];
  count: number;
  current: string[] | null | undefined;
}
export interface AllocateScreen extends ScreenBase {
  type: "allocate";
  options: ChoiceOption[];
  points: number;
  current: Record<string, number> | null | undefined;
}
export interface InfoScreen extends ScreenBase {
  type: "info";
}

export type QuestionScreen =
  | ChoiceScreen
  | MultiScreen
  | EntryScreen
  | RankingScreen
  | AllocateScreen
  | InfoScreen;

/** What the person did on a question screen. `other` is the text for the "other" choice. */
export type Reply =
  | { kind: "answer"; value: AnswerValue; other?: string | null }
  | { kind: "skip" }
  | { kind: "back" }
  /** Info screens only. */
  | { kind: "next" };

/** A screen of text with buttons: intro, the end of the questions, thank-you. */
export interface Page {
  key: "intro" | "end" | "thanks" | "saveFailed";
  title: string;
  text: string;
  /** The button that goes on. */
  next: string;
  canBack: boolean;
  language: string;
  t: Translate;
}

export interface Prompter {
  ask(screen: QuestionScreen): Promise<Reply>;
  page(page: Page): Promise<"next" | "back">;
}

/** What a kiosk needs beyond one person's questions. */
export interface KioskPrompter extends Prompter {
  /** The welcome screen; "exit" only after the facilitator's word. */
  welcome(texts: {
    title: string;
    text: string;
    press: string;
    /** Marks where a long text is cut (in the facilitator's or the first language). */
    more?: { above: string; below: string };
  }): Promise<"start" | "exit">;
  chooseLanguage(options: { code: string; label: string }[], title: string): Promise<string>;
  /** A yes/no question; resolves true for yes. The no button comes first and is the default. */
  confirm(texts: { title: string; text?: string; no: string; yes: string }): Promise<boolean>;
  /** Wipe the screen and the scrollback, so the next person sees nothing of this one. */
  clear(): void;
}

/** Thrown by a prompter when the person pressed Ctrl+C (inquirer's ExitPromptError matches by name). */
export { isInterrupt } from "../terminal/interrupt.js";
