// single: pick one choice, optionally "other, what?" with a free text.
import { z } from "zod";
import { base, ChoiceRef } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("single"),
  choices: ChoiceRef,
  other: z.boolean().optional().describe("Add 'Other, what?' with a free-text answer"),
});
type File = z.infer<typeof schema>;

export const single = {
  schema,
  normalize(q: File, n) {
    const r = n.resolve(q.choices);
    const choices = n.withOther(r.choices, q.other === true);
    return { ...n.base, type: "single", ...r, choices, other: q.other === true };
  },
  refs(q: File, r) {
    r.put(q.id, "choice", false, r.codes(q.choices, q.other ? ["other"] : []));
    if (q.other) r.put(`${q.id}.other`, "text", false);
  },
  check(q: File, c) {
    c.resolve(q.choices, [...c.path, "choices"]);
  },
} satisfies DefinitionRow<"single"> & { schema: typeof schema };
