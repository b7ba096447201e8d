// The JSON Schema for editors (schema/survey.schema.json), generated from the zod schema so
// the two can never disagree; test/unit/json-schema.test.ts fails when the file is stale.
import { z } from "zod";
import { SurveyFile } from "./schema.js";

export function surveyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SurveyFile, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    reused: "ref",
  });
  return {
    ...schema,
    $id: "https://kuulo.invalid/schema/survey.schema.json",
    title: "Kuulo survey definition",
    description: "A Kuulo survey file (kuulo: 1). See the README's 'Survey format' section.",
  };
}

export function surveyJsonSchemaText(): string {
  return `${JSON.stringify(surveyJsonSchema(), null, 2)}\n`;
}
