// Schema problems set aside where that is safe, so the cross-field rules can still run on the
// rest of a survey with mistakes and report everything in one run.
import type { z } from "zod";
import { getAt, KNOWN_KEYS, typeKeyOf } from "./known-keys.js";
import { SurveyFile } from "./schema.js";
import { closest } from "./suggest.js";

/**
 * The data with the schema's problems set aside where that is safe (an unknown key close to a
 * known one renamed, other unknown keys and keys that are not language codes dropped), if the
 * result then fits the schema; otherwise undefined and the rules wait for the next run.
 */
export function salvage(data: unknown, issues: readonly z.core.$ZodIssue[]): SurveyFile | undefined {
  let copy = structuredClone(data);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const issue of issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        const obj = getAt(copy, path) as Record<string, unknown> | undefined;
        if (!obj || typeof obj !== "object") continue;
        for (const key of issue.keys) {
          const near = closest(key, KNOWN_KEYS);
          if (near && !(near in obj)) obj[near] = obj[key];
          delete obj[key];
          changed = true;
        }
      } else if (issue.code === "invalid_key") {
        const obj = getAt(copy, path.slice(0, -1)) as Record<string, unknown> | undefined;
        if (obj && typeof obj === "object") {
          delete obj[String(path.at(-1))];
          changed = true;
        }
      } else if (
        issue.code === "invalid_union" &&
        "discriminator" in issue &&
        issue.discriminator === "type"
      ) {
        const q = getAt(copy, path.slice(0, -1)) as Record<string, unknown> | undefined;
        const misspelt = q && typeof q === "object" && q.type === undefined ? typeKeyOf(q) : undefined;
        if (q && misspelt) {
          q.type = q[misspelt];
          delete q[misspelt];
          changed = true;
        }
      }
    }
    const again = SurveyFile.safeParse(copy);
    if (again.success) return again.data;
    if (!changed) return undefined;
    issues = again.error.issues;
    copy = structuredClone(copy);
  }
  return undefined;
}
