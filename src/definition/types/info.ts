// info: a text shown between questions; nobody answers it, so it has no slot and no number.
import { z } from "zod";
import { base, Id, Text } from "../schema-parts.js";
import type { DefinitionRow } from "./row.js";

const schema = z.strictObject({
  id: Id,
  type: z.literal("info"),
  text: Text,
  plain: Text.optional(),
  show_if: base.show_if,
});

export const info = {
  schema,
  normalize: (_q, n) => ({ ...n.base, type: "info" }),
  refs() {},
  check() {},
} satisfies DefinitionRow<"info"> & { schema: typeof schema };
