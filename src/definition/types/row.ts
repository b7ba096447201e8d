// What the definition layer knows about one question type's file: its part of the file format, how
// it becomes the model, what show_if may say about it and its own checks (the rest: traits.ts).
import type { z } from "zod";
import type { RefInfo } from "../expr/check.js";
import type { Choice, QuestionBase, QuestionOf, Text } from "../model.js";
import type { QuestionType } from "../question-type.js";
import type { RuleIssue } from "../rule-issue.js";
import type { ChoiceFile, NumericScaleFile } from "../schema-parts.js";
import type { Path } from "../source.js";

export type ChoiceRef = string | ChoiceFile[] | NumericScaleFile;

/** What normalize.ts hands a row: the fields every question has, and the survey's lists. */
export interface NormalizeContext {
  base: Omit<QuestionBase, "type">;
  languages: string[];
  resolve(ref: ChoiceRef): { choices: Choice[]; choiceList?: string };
  /** "Don't know", in the survey's languages. */
  dontKnow(): Choice;
  /** The survey's languages' built-in wording of yes, no, other or don't know. */
  builtin(key: "yes" | "no" | "other" | "dontKnow"): Text;
  /** The choices plus "other" when asked for (and not already there). */
  withOther(choices: Choice[], other: boolean): Choice[];
}

/** What rules.ts hands a row to say which slots show_if may name (and their codes). */
export interface RefContext {
  put(id: string, kind: RefInfo["kind"], ordinal: boolean, codes?: string[]): void;
  /** The codes of a choice list or scale, plus `extra`; undefined for an unknown list name. */
  codes(ref: ChoiceRef, extra?: string[]): string[] | undefined;
}

/** What rules.ts hands a row to check one question of the file. */
export interface CheckContext {
  /** The question's data path. */
  path: Path;
  add(issue: RuleIssue): void;
  /** Resolve (and check) a list, reporting an unknown name; undefined when it has none. */
  resolve(ref: ChoiceRef, path: Path): ChoiceFile[] | undefined;
  /** Report min > max. */
  range(min: number | undefined, max: number | undefined, what: string): void;
}

/**
 * One row of the definition table. Methods (not arrow properties) on purpose: each row takes
 * its own type's file shape and question, which a method may narrow.
 */
export interface DefinitionRow<K extends QuestionType> {
  /** This type's part of the survey file format (zod). */
  schema: z.ZodType<{ type: K }>;
  normalize(q: { type: K }, n: NormalizeContext): QuestionOf<K>;
  refs(q: { type: K; id: string }, r: RefContext): void;
  check(q: { type: K; id: string }, c: CheckContext): void;
}
