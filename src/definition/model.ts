// The survey as the rest of Kuulo sees it: normalised from the file (choice lists resolved,
// codes as strings, yes/no and numeric scales spelled out as choices). Plain data only, so
// that it can be stored as JSON beside the responses and a report never needs the YAML.
import type { Text } from "../i18n/text.js";
import type { QuestionType } from "./question-type.js";

export type { Text } from "../i18n/text.js";
export type { QuestionType } from "./question-type.js";

export interface Choice {
  /** Stable code, always a string ("1", "weekly"). */
  value: string;
  label: Text;
  plain?: Text;
  /** "Don't know" and the like: counted apart, excluded from means and shares of valid answers. */
  missing?: boolean;
}

export interface MatrixItem {
  id: string;
  text: Text;
  plain?: Text;
  reverse?: boolean;
}

export interface QuestionBase {
  id: string;
  type: QuestionType;
  sectionId: string;
  text: Text;
  plain?: Text;
  help?: Text;
  required: boolean;
  /** Source of the visibility expression; parse with `compileShowIf` (expr/). */
  showIf?: string;
}

export interface SingleQuestion extends QuestionBase {
  type: "single";
  choices: Choice[];
  choiceList?: string;
  other: boolean;
}
export interface MultiQuestion extends QuestionBase {
  type: "multi";
  choices: Choice[];
  choiceList?: string;
  min?: number;
  max?: number;
  exclusive: string[];
  other: boolean;
}
export interface YesNoQuestion extends QuestionBase {
  type: "yesno";
  /** Generated: yes, no and (with dont_know) dk. */
  choices: Choice[];
}
export interface LikertQuestion extends QuestionBase {
  type: "likert";
  choices: Choice[];
  choiceList?: string;
  smileys: boolean;
}
export interface ScaleQuestion extends QuestionBase {
  type: "scale";
  /** Generated: one choice per integer from min to max, plus dk when asked. */
  choices: Choice[];
  min: number;
  max: number;
  labels: { min?: Text; max?: Text };
  smileys: boolean;
}
export interface MatrixQuestion extends QuestionBase {
  type: "matrix";
  choices: Choice[];
  choiceList?: string;
  items: MatrixItem[];
  smileys: boolean;
}
export interface NumberQuestion extends QuestionBase {
  type: "number";
  min?: number;
  max?: number;
  integer: boolean;
  unit?: Text;
}
export interface TextQuestion extends QuestionBase {
  type: "text";
  maxLength: number;
}
export interface RankingQuestion extends QuestionBase {
  type: "ranking";
  choices: Choice[];
  choiceList?: string;
  top: number;
}
export interface AllocateQuestion extends QuestionBase {
  type: "allocate";
  choices: Choice[];
  choiceList?: string;
  points: number;
}
export interface InfoQuestion extends QuestionBase {
  type: "info";
}

export type Question =
  | SingleQuestion
  | MultiQuestion
  | YesNoQuestion
  | LikertQuestion
  | ScaleQuestion
  | MatrixQuestion
  | NumberQuestion
  | TextQuestion
  | RankingQuestion
  | AllocateQuestion
  | InfoQuestion;

/** The question of one type, e.g. QuestionOf<"matrix">: the row type of every layer's table. */
export type QuestionOf<K extends QuestionType> = Extract<Question, { type: K }>;

export type ChoiceQuestion = Extract<Question, { choices: Choice[] }>;

export interface Section {
  id: string;
  title: Text;
  plain?: Text;
  intro?: Text;
  questions: Question[];
}

export interface IndexDef {
  id: string;
  title: Text;
  /** Slot ids: `question` or `matrix.item`. */
  items: string[];
  /** Slots scored in reverse (includes matrix items marked reverse: true). */
  reverse: string[];
}
export interface IpaPair {
  id: string;
  label: Text;
  importance: string;
  performance: string;
}
export interface GapDef {
  id: string;
  label: Text;
  minimum: string;
  desired: string;
  perceived: string;
}

export interface Survey {
  id: string;
  /** sha256 of the canonical JSON of everything else: pins responses to this exact version. */
  hash: string;
  title: Text;
  description?: Text;
  languages: string[];
  intro?: Text;
  outro?: Text;
  /** Names of waves by their code (the sessions' --wave), for reports; absent when the file has none. */
  waves?: Record<string, Text>;
  sections: Section[];
  indices: IndexDef[];
  ipa: IpaPair[];
  gaps: GapDef[];
}

export function defaultLanguage(survey: Pick<Survey, "languages">): string {
  return survey.languages[0] ?? "fi";
}

/** Every question in questionnaire order. */
export function allQuestions(survey: Pick<Survey, "sections">): Question[] {
  return survey.sections.flatMap((s) => s.questions);
}

export function findQuestion(survey: Pick<Survey, "sections">, id: string): Question | undefined {
  for (const s of survey.sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}

export function hasChoices(q: Question): q is ChoiceQuestion {
  return "choices" in q;
}

/** A question of statements on one scale (a matrix): one slot per item. */
export function hasItems(q: Question): q is Extract<Question, { items: MatrixItem[] }> {
  return "items" in q;
}

/** A question with "other, what?" switched on, whose choices end with the "other" code. */
export function hasOther(q: Question): boolean {
  return "other" in q && q.other;
}
