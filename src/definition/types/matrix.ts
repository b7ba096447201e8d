// matrix: several statements (items) answered on one shared ordered scale; one slot per item.
import { z } from "zod";
import { base, MatrixItem, ScaleRef } from "../schema-parts.js";
import type { Path } from "../source.js";
import type { CheckContext, DefinitionRow } from "./row.js";
import { checkNumericPoints } from "./shared.js";

const schema = z.strictObject({
  ...base,
  type: z.literal("matrix"),
  scale: ScaleRef,
  items: z.array(MatrixItem).min(1, "A matrix needs at least one item"),
  smileys: z.boolean().optional(),
});
type File = z.infer<typeof schema>;

function check(q: File, c: CheckContext): void {
  checkNumericPoints(q, c);
  const seen = new Map<string, Path>();
  q.items.forEach((it, i) => {
    if (seen.has(it.id))
      c.add({
        severity: "error",
        code: "SURVEY_DUPLICATE_ID",
        message: `Item id "${it.id}" is used twice in matrix "${q.id}".`,
        path: [...c.path, "items", i, "id"],
        first: seen.get(it.id)!,
      });
    else seen.set(it.id, [...c.path, "items", i, "id"]);
  });
}

export const matrix = {
  schema,
  normalize(q: File, n) {
    return {
      ...n.base,
      type: "matrix",
      ...n.resolve(q.scale),
      items: q.items.map((it) => ({
        id: it.id,
        text: it.text,
        ...(it.plain ? { plain: it.plain } : {}),
        ...(it.reverse ? { reverse: true } : {}),
      })),
      smileys: q.smileys === true,
    };
  },
  refs(q: File, r) {
    for (const it of q.items) r.put(`${q.id}.${it.id}`, "choice", true, r.codes(q.scale));
  },
  check,
} satisfies DefinitionRow<"matrix"> & { schema: typeof schema };
