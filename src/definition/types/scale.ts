// scale: a whole number from min to max (e.g. 0–10), optionally "don't know".
import { z } from "zod";
import type { Choice, Text } from "../model.js";
import { base, Text as TextSchema } from "../schema-parts.js";
import type { CheckContext, DefinitionRow, NormalizeContext } from "./row.js";
import { pointCodes } from "./shared.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("scale"),
  min: z.number().int(),
  max: z.number().int(),
  labels: z.strictObject({ min: TextSchema.optional(), max: TextSchema.optional() }).optional(),
  smileys: z.boolean().optional(),
  dont_know: z.boolean().optional(),
});
type File = z.infer<typeof schema>;

function normalize(q: File, n: NormalizeContext) {
  const choices: Choice[] = pointCodes(q.min, q.max).map((v) => ({
    value: v,
    label: Object.fromEntries(n.languages.map((l) => [l, v])),
  }));
  if (q.dont_know) choices.push(n.dontKnow());
  const labels: { min?: Text; max?: Text } = {};
  if (q.labels?.min) labels.min = q.labels.min;
  if (q.labels?.max) labels.max = q.labels.max;
  return {
    ...n.base,
    type: "scale" as const,
    choices,
    min: q.min,
    max: q.max,
    labels,
    smileys: q.smileys === true,
  };
}

function check(q: File, c: CheckContext): void {
  c.range(q.min, q.max, `Scale "${q.id}"`);
  if (q.max - q.min > 100)
    c.add({
      severity: "error",
      code: "SURVEY_SCALE_TOO_LONG",
      message: `Scale "${q.id}" has ${q.max - q.min + 1} points; at most 101 are allowed.`,
      hint: "Use a number question for wide ranges.",
      path: [...c.path, "max"],
    });
}

export const scale = {
  schema,
  normalize,
  refs(q: File, r) {
    r.put(q.id, "choice", true, [...pointCodes(q.min, q.max), ...(q.dont_know ? ["dk"] : [])]);
  },
  check,
} satisfies DefinitionRow<"scale"> & { schema: typeof schema };
