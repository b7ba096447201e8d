// multi: pick any number of choices (within min/max); some may be exclusive ("none").
import { z } from "zod";
import { base, ChoiceRef, ChoiceValue } from "../schema-parts.js";
import { didYouMean } from "../suggest.js";
import type { CheckContext, DefinitionRow } from "./row.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("multi"),
  choices: ChoiceRef,
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(1).optional(),
  exclusive: z.array(ChoiceValue).optional().describe("Choices that cannot be picked with others, e.g. none"),
  other: z.boolean().optional(),
});
type File = z.infer<typeof schema>;

function check(q: File, c: CheckContext): void {
  const list = c.resolve(q.choices, [...c.path, "choices"]);
  c.range(q.min, q.max, `Question "${q.id}"`);
  if (list && q.max !== undefined && q.max > list.length + (q.other ? 1 : 0))
    c.add({
      severity: "error",
      code: "SURVEY_MAX_TOO_LARGE",
      message: `Question "${q.id}" allows ${q.max} picks but has only ${list.length} choices.`,
      path: [...c.path, "max"],
    });
  const codes = list?.map((p) => String(p.value)) ?? [];
  (q.exclusive ?? []).forEach((v, i) => {
    if (list && !codes.includes(String(v)))
      c.add({
        severity: "error",
        code: "SURVEY_NOT_A_CHOICE",
        message: `exclusive: "${v}" is not one of the choices of "${q.id}".`,
        hint: didYouMean(String(v), codes) ?? `Choices: ${codes.join(", ")}.`,
        path: [...c.path, "exclusive", i],
      });
  });
}

export const multi = {
  schema,
  normalize(q: File, n) {
    const r = n.resolve(q.choices);
    const choices = n.withOther(r.choices, q.other === true);
    return {
      ...n.base,
      type: "multi",
      ...r,
      choices,
      ...(q.min !== undefined ? { min: q.min } : {}),
      ...(q.max !== undefined ? { max: q.max } : {}),
      exclusive: (q.exclusive ?? []).map(String),
      other: q.other === true,
    };
  },
  refs(q: File, r) {
    r.put(q.id, "choices", false, r.codes(q.choices, q.other ? ["other"] : []));
    if (q.other) r.put(`${q.id}.other`, "text", false);
  },
  check,
} satisfies DefinitionRow<"multi"> & { schema: typeof schema };
