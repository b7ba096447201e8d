// text: a free text of at most max_length characters (masked in reports).
import { z } from "zod";
import { base } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("text"),
  max_length: z.number().int().min(1).max(10_000).optional(),
});
type File = z.infer<typeof schema>;

/** The longest answer when the file does not say. */
export const DEFAULT_TEXT_MAX = 2000;

export const text = {
  schema,
  normalize(q: File, n) {
    return { ...n.base, type: "text", maxLength: q.max_length ?? DEFAULT_TEXT_MAX };
  },
  refs(q: File, r) {
    r.put(q.id, "text", false);
  },
  check() {},
} satisfies DefinitionRow<"text"> & { schema: typeof schema };
