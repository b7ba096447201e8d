// yesno: yes or no, optionally "don't know"; the choices are generated in the survey's languages.
import { z } from "zod";
import { base } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("yesno"),
  dont_know: z.boolean().optional().describe("Offer 'Don't know' as a third answer"),
});
type File = z.infer<typeof schema>;

export const yesno = {
  schema,
  normalize(q: File, n) {
    return {
      ...n.base,
      type: "yesno",
      choices: [
        { value: "yes", label: n.builtin("yes") },
        { value: "no", label: n.builtin("no") },
        ...(q.dont_know ? [n.dontKnow()] : []),
      ],
    };
  },
  refs(q: File, r) {
    r.put(q.id, "choice", false, ["yes", "no", ...(q.dont_know ? ["dk"] : [])]);
  },
  check() {},
} satisfies DefinitionRow<"yesno"> & { schema: typeof schema };
