// schema/survey.schema.json is generated from the zod schema; this fails when it is stale.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { surveyJsonSchemaText } from "../../src/definition/json-schema.js";
import { ROOT } from "../helpers/cli.js";

describe("schema/survey.schema.json", () => {
  it("matches the zod schema (run `npm run schema` after changing the format)", () => {
    expect(readFileSync(join(ROOT, "schema/survey.schema.json"), "utf8")).toBe(surveyJsonSchemaText());
  });

  it("describes every question type", () => {
    const text = surveyJsonSchemaText();
    for (const t of [
      "single",
      "multi",
      "yesno",
      "likert",
      "scale",
      "matrix",
      "number",
      "text",
      "ranking",
      "allocate",
      "info",
    ])
      expect(text).toContain(`"const": "${t}"`);
  });

  it("is referenced by every bundled survey's editor hint", () => {
    for (const f of ["welcome-baseline", "welcome-followup", "workshop-feedback"])
      expect(readFileSync(join(ROOT, `surveys/${f}.yaml`), "utf8")).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/schema\/survey\.schema\.json/,
      );
  });
});
