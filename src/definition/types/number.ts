// number: a number, optionally whole, within min/max, with a unit.
import { z } from "zod";
import { base, Text } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: Text.optional(),
});
type File = z.infer<typeof schema>;

export const number = {
  schema,
  normalize(q: File, n) {
    return {
      ...n.base,
      type: "number",
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      integer: q.integer === true,
      ...(q.unit ? { unit: q.unit } : {}),
    };
  },
  refs(q: File, r) {
    r.put(q.id, "number", false);
  },
  check(q: File, c) {
    c.range(q.min, q.max, `Question "${q.id}"`);
  },
} satisfies DefinitionRow<"number"> & { schema: typeof schema };
