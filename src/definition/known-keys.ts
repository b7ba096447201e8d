// The key names the survey format knows, and the small lookups that set schema problems aside and
// describe them: shared by salvage.ts and schema-diagnostics.ts.
import { SurveyFile } from "./schema.js";
import type { Path } from "./source.js";
import { closest } from "./suggest.js";

/** Every key name the format knows, for "did you mean" on unknown keys. */
export const KNOWN_KEYS = [
  ...Object.keys(SurveyFile.shape),
  "id",
  "type",
  "text",
  "plain",
  "help",
  "required",
  "show_if",
  "choices",
  "other",
  "min",
  "max",
  "exclusive",
  "dont_know",
  "scale",
  "smileys",
  "labels",
  "items",
  "reverse",
  "integer",
  "unit",
  "max_length",
  "top",
  "points",
  "value",
  "label",
  "missing",
  "title",
  "questions",
  "intro",
  "importance",
  "performance",
  "minimum",
  "desired",
  "perceived",
];

/** The key of a question object that is a misspelling of `type` (`tpye: multi`), if any. */
export function typeKeyOf(q: Record<string, unknown>): string | undefined {
  return Object.keys(q).find(
    (k) => k !== "type" && !KNOWN_KEYS.includes(k) && closest(k, KNOWN_KEYS) === "type",
  );
}

export function getAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const step of path)
    cur =
      cur != null && typeof cur === "object" ? (cur as Record<string, unknown>)[step as string] : undefined;
  return cur;
}
