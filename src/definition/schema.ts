// The survey file format, described once. This zod schema is the only description of the format:
// the TypeScript types, the validator and schema/survey.schema.json all come from it.
// Cross-field rules (references, show_if, ranges) live in rules.ts, which runs after this.
import { z } from "zod";

export const QUESTION_TYPES = [
  "single",
  "multi",
  "yesno",
  "likert",
  "scale",
  "matrix",
  "number",
  "text",
  "ranking",
  "allocate",
  "info",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const idPattern = /^[a-z][a-z0-9_]*$/;
const Id = z
  .string()
  .regex(idPattern, "Ids use lower-case letters, digits and _, starting with a letter (e.g. visit_freq)")
  .max(64)
  .describe("Stable identifier: lower-case letters, digits and _; used as the data column name");

const LangCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, "A language is a two- or three-letter code such as fi, sv or en");

/** A text for people, one string per language (`{ fi: …, sv: …, en: … }`). */
export const Text = z
  .record(LangCode, z.string().min(1, "A text may not be empty"))
  .describe("Text per language, e.g. { fi: Kyllä, sv: Ja, en: Yes }");

/** A choice code: a stable value (number or word) that analysis uses instead of the wording. */
const ChoiceValue = z
  .union([
    z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "A choice value is a short code: letters, digits, _ or -"),
    z.number().int(),
  ])
  .describe("Stable code stored in the data, e.g. 1 or weekly");

export const Choice = z.strictObject({
  value: ChoiceValue,
  label: Text,
  plain: Text.optional().describe("Plain-language label (selkokieli)"),
  missing: z
    .boolean()
    .optional()
    .describe("A 'don't know' / 'does not apply' answer: counted apart, not in means"),
});

export const ChoiceList = z.array(Choice).min(1, "A choice list needs at least one choice");
const ChoiceRef = z
  .union([z.string().regex(idPattern, "Name a list defined under choices:"), ChoiceList])
  .describe("The name of a list under choices:, or the choices written out");

/**
 * A numeric scale given by its ends, for likert and matrix questions: every whole number from
 * min to max is a point; labels name some of them (usually the two ends), the rest are numbers.
 */
const NumericScale = z
  .strictObject({
    min: z.number().int(),
    max: z.number().int(),
    labels: z
      .record(
        z.string().regex(/^-?\d+$/, "Label a point by its number, e.g. 1: { fi: Huono, en: Poor }"),
        Text,
      )
      .optional()
      .describe("Labels of some points by number, e.g. { 1: { fi: Huono }, 9: { fi: Hyvä } }"),
    dont_know: z.boolean().optional().describe("Add 'Don't know' after the points"),
  })
  .describe("A numeric scale by its ends: { min: 1, max: 9, labels: { 1: …, 9: … } }");
const ScaleRef = z
  .union([z.string().regex(idPattern, "Name a list defined under choices:"), ChoiceList, NumericScale])
  .describe("The name of a list under choices:, the points written out, or { min, max, labels }");

const base = {
  id: Id,
  text: Text,
  plain: Text.optional().describe("Plain-language wording (selkokieli), used with --plain"),
  help: Text.optional().describe("A short extra explanation shown under the question"),
  required: z.boolean().optional(),
  show_if: z
    .string()
    .min(1)
    .optional()
    .describe("Ask only when this is true, e.g. visit_freq in ['rarely', 'never']"),
};

const Single = z.strictObject({
  ...base,
  type: z.literal("single"),
  choices: ChoiceRef,
  other: z.boolean().optional().describe("Add 'Other, what?' with a free-text answer"),
});
const Multi = z.strictObject({
  ...base,
  type: z.literal("multi"),
  choices: ChoiceRef,
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(1).optional(),
  exclusive: z.array(ChoiceValue).optional().describe("Choices that cannot be picked with others, e.g. none"),
  other: z.boolean().optional(),
});
const YesNo = z.strictObject({
  ...base,
  type: z.literal("yesno"),
  dont_know: z.boolean().optional().describe("Offer 'Don't know' as a third answer"),
});
const Likert = z.strictObject({
  ...base,
  type: z.literal("likert"),
  scale: ScaleRef.describe(
    "An ordered list whose values are numbers (plus optional missing: true answers), or { min, max, labels }",
  ),
  smileys: z.boolean().optional().describe("Show the points as smiley faces"),
});
const Scale = z.strictObject({
  ...base,
  type: z.literal("scale"),
  min: z.number().int(),
  max: z.number().int(),
  labels: z.strictObject({ min: Text.optional(), max: Text.optional() }).optional(),
  smileys: z.boolean().optional(),
  dont_know: z.boolean().optional(),
});
const MatrixItem = z.strictObject({
  id: Id,
  text: Text,
  plain: Text.optional(),
  reverse: z.boolean().optional().describe("Reverse-coded: agreeing is the negative end"),
});
const Matrix = z.strictObject({
  ...base,
  type: z.literal("matrix"),
  scale: ScaleRef,
  items: z.array(MatrixItem).min(1, "A matrix needs at least one item"),
  smileys: z.boolean().optional(),
});
const NumberQ = z.strictObject({
  ...base,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: Text.optional(),
});
const TextQ = z.strictObject({
  ...base,
  type: z.literal("text"),
  max_length: z.number().int().min(1).max(10_000).optional(),
});
const Ranking = z.strictObject({
  ...base,
  type: z.literal("ranking"),
  choices: ChoiceRef,
  top: z.number().int().min(1).describe("How many choices to put in order"),
});
const Allocate = z.strictObject({
  ...base,
  type: z.literal("allocate"),
  choices: ChoiceRef,
  points: z.number().int().min(1, "Give at least one point to spread").describe("Points (dots) to spread"),
});
const Info = z.strictObject({
  id: Id,
  type: z.literal("info"),
  text: Text,
  plain: Text.optional(),
  show_if: base.show_if,
});

export const Question = z.discriminatedUnion("type", [
  Single,
  Multi,
  YesNo,
  Likert,
  Scale,
  Matrix,
  NumberQ,
  TextQ,
  Ranking,
  Allocate,
  Info,
]);

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
export type ChoiceFile = z.infer<typeof Choice>;
export type NumericScaleFile = z.infer<typeof NumericScale>;
