// ranking: put the top N choices in order; the answer lists codes first to last.
import { z } from "zod";
import { base, ChoiceRef } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("ranking"),
  choices: ChoiceRef,
  top: z.number().int().min(1).describe("How many choices to put in order"),
});
type File = z.infer<typeof schema>;

export const ranking = {
  schema,
  normalize(q: File, n) {
    return { ...n.base, type: "ranking", ...n.resolve(q.choices), top: q.top };
  },
  refs(q: File, r) {
    r.put(q.id, "ranking", false, r.codes(q.choices));
  },
  check(q: File, c) {
    const list = c.resolve(q.choices, [...c.path, "choices"]);
    if (list && q.top > list.length)
      c.add({
        severity: "error",
        code: "SURVEY_TOP_TOO_LARGE",
        message: `Ranking "${q.id}" asks for the top ${q.top} of only ${list.length} choices.`,
        hint: `Set top to at most ${list.length}.`,
        path: [...c.path, "top"],
      });
  },
} satisfies DefinitionRow<"ranking"> & { schema: typeof schema };
