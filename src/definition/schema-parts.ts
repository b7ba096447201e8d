// The pieces every question's part of the survey file format is built from (ids, texts,
// choices, scales, the fields all questions share). Each type's own part lives in types/.
import { z } from "zod";

const idPattern = /^[a-z][a-z0-9_]*$/;
export const Id = z
  .string()
  .regex(idPattern, "Ids use lower-case letters, digits and _, starting with a letter (e.g. visit_freq)")
  .max(64)
  .describe("Stable identifier: lower-case letters, digits and _; used as the data column name");

export const LangCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, "A language is a two- or three-letter code such as fi, sv or en");

/** A text for people, one string per language (`{ fi: …, sv: …, en: … }`). */
export const Text = z
  .record(LangCode, z.string().min(1, "A text may not be empty"))
  .describe("Text per language, e.g. { fi: Kyllä, sv: Ja, en: Yes }");

/** A choice code: a stable value (number or word) that analysis uses instead of the wording. */
export const ChoiceValue = z
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
export const ChoiceRef = z
  .union([z.string().regex(idPattern, "Name a list defined under choices:"), ChoiceList])
  .describe("The name of a list under choices:, or the choices written out");

/**
 * A numeric scale given by its ends, for likert and matrix questions: every whole number from
 * min to max is a point; labels name some of them (usually the two ends), the rest are numbers.
 */
export const NumericScale = z
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
export const ScaleRef = z
  .union([z.string().regex(idPattern, "Name a list defined under choices:"), ChoiceList, NumericScale])
  .describe("The name of a list under choices:, the points written out, or { min, max, labels }");

/** The fields every question but info has. */
export const base = {
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

export const MatrixItem = z.strictObject({
  id: Id,
  text: Text,
  plain: Text.optional(),
  reverse: z.boolean().optional().describe("Reverse-coded: agreeing is the negative end"),
});
export type ChoiceFile = z.infer<typeof Choice>;
export type NumericScaleFile = z.infer<typeof NumericScale>;
