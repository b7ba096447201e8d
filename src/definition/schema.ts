// The survey file format, described once. This zod schema is the only description of the format:
// the TypeScript types, the validator and schema/survey.schema.json all come from it.
// Cross-field rules (references, show_if, ranges) live in rules.ts, which runs after this.
// Each question type's own part is its row in types/; the shared pieces are in schema-parts.ts.
import { z } from "zod";
import { QUESTION_TYPES, type QuestionType } from "./question-type.js";
import { ChoiceList, Id, LangCode, Text } from "./schema-parts.js";
import { DEFINITION_TYPES } from "./types/index.js";

export { QUESTION_TYPES, type QuestionType } from "./question-type.js";

/** One question of the file: each type's own part (types/<type>.ts), told apart by `type`. */
export const Question = z.discriminatedUnion(
  "type",
  QUESTION_TYPES.map((t) => DEFINITION_TYPES[t].schema) as unknown as [QuestionSchema, ...QuestionSchema[]],
);
type QuestionSchema = (typeof DEFINITION_TYPES)[QuestionType]["schema"];

export const Section = z.strictObject({
  id: Id,
  title: Text,
  plain: Text.optional(),
  intro: Text.optional(),
  questions: z.array(Question).min(1, "A section needs at least one question"),
});

/** A slot reference in analysis blocks: a question id, or `matrix.item` for one matrix statement. */
const SlotRef = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, "Refer to a question as id or matrix.item");

const Index = z.strictObject({
  id: Id,
  title: Text,
  items: z.array(SlotRef).min(2, "An index needs at least two items"),
  reverse: z
    .array(SlotRef)
    .optional()
    .describe("Items scored in reverse (on top of items marked reverse: true)"),
});
const IpaPair = z.strictObject({
  id: Id,
  label: Text,
  importance: SlotRef,
  performance: SlotRef,
});
const Gap = z.strictObject({
  id: Id,
  label: Text,
  minimum: SlotRef,
  desired: SlotRef,
  perceived: SlotRef,
});

const SurveyId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, "A survey id uses lower-case letters, digits, _ and -, e.g. welcome-baseline")
  .max(64)
  .describe("Stable survey identifier, e.g. welcome-baseline");

export const SurveyFile = z.strictObject({
  $schema: z.string().optional(),
  kuulo: z.literal(1).describe("Format version; always 1 for now"),
  id: SurveyId,
  title: Text,
  description: Text.optional(),
  languages: z.array(LangCode).min(1).describe("Languages of the texts; the first is the default"),
  intro: Text.optional(),
  outro: Text.optional(),
  waves: z
    .record(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_-]{1,40}$/,
          "A wave code is a short code: letters, digits, _ or -, e.g. baseline",
        ),
      Text,
    )
    .optional()
    .describe(
      "Names of the waves (the --wave codes of sessions) per language, e.g. baseline: { fi: Alkukartoitus }",
    ),
  choices: z.record(Id, ChoiceList).optional().describe("Named choice lists that questions refer to"),
  sections: z.array(Section).min(1, "A survey needs at least one section"),
  indices: z.array(Index).optional(),
  ipa: z.array(IpaPair).optional(),
  gaps: z.array(Gap).optional(),
});

export type SurveyFile = z.infer<typeof SurveyFile>;
export type QuestionFile = z.infer<typeof Question>;
export type { ChoiceFile, NumericScaleFile } from "./schema-parts.js";
