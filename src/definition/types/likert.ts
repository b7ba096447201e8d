// likert: one point on an ordered numeric scale (a named list, the points, or { min, max }).
import { z } from "zod";
import { base, ScaleRef } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";
import { checkNumericPoints } from "./shared.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("likert"),
  scale: ScaleRef.describe(
    "An ordered list whose values are numbers (plus optional missing: true answers), or { min, max, labels }",
  ),
  smileys: z.boolean().optional().describe("Show the points as smiley faces"),
});
type File = z.infer<typeof schema>;

export const likert = {
  schema,
  normalize(q: File, n) {
    return { ...n.base, type: "likert", ...n.resolve(q.scale), smileys: q.smileys === true };
  },
  refs(q: File, r) {
    r.put(q.id, "choice", true, r.codes(q.scale));
  },
  check(q: File, c) {
    checkNumericPoints(q, c);
  },
} satisfies DefinitionRow<"likert"> & { schema: typeof schema };
