// allocate: spread N points over the choices (dot voting); the answer is points per code.
import { z } from "zod";
import { base, ChoiceRef } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("allocate"),
  choices: ChoiceRef,
  points: z.number().int().min(1, "Give at least one point to spread").describe("Points (dots) to spread"),
});
type File = z.infer<typeof schema>;

export const allocate = {
  schema,
  normalize(q: File, n) {
    return { ...n.base, type: "allocate", ...n.resolve(q.choices), points: q.points };
  },
  refs(q: File, r) {
    r.put(q.id, "allocation", false, r.codes(q.choices));
  },
  check(q: File, c) {
    c.resolve(q.choices, [...c.path, "choices"]);
  },
} satisfies DefinitionRow<"allocate"> & { schema: typeof schema };
