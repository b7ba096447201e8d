// Regenerates schema/survey.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from "node:fs";
import { surveyJsonSchemaText } from "../dist/definition/json-schema.js";

writeFileSync(new URL("../schema/survey.schema.json", import.meta.url), surveyJsonSchemaText());
console.log("wrote schema/survey.schema.json");
