#!/usr/bin/env node
// Deterministic synthetic responses for a survey, for tests, the demo and benchmarks.
// Usage: node scripts/make-fixture-data.mjs SURVEY.yaml [--count 200] [--seed 1] [--wave W]
//          [--session S] [--source interactive|paper|import] [--start ISO] [--partial 0.08]
//          [--out FILE.json] [--csv FILE.csv]
// Needs a build first (npm run build): it uses the compiled generator in dist/.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadSurvey } from "../dist/definition/load.js";
import { responsesToCsv } from "../dist/fixtures/flat-csv.js";
import { generateResponses } from "../dist/fixtures/synthetic.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    wave: { type: "string" },
    session: { type: "string" },
    source: { type: "string", default: "interactive" },
    start: { type: "string" },
    partial: { type: "string" },
    out: { type: "string" },
    csv: { type: "string" },
  },
});
if (positionals.length !== 1) {
  process.stderr.write(
    "Usage: node scripts/make-fixture-data.mjs SURVEY.yaml [--count N] [--seed N] [--out FILE] [--csv FILE]\n",
  );
  process.exit(2);
}
const survey = loadSurvey(positionals[0]);
const responses = generateResponses(survey, {
  count: Number(values.count),
  seed: Number(values.seed),
  wave: values.wave ?? null,
  sessionId: values.session ?? null,
  source: values.source,
  ...(values.start ? { start: values.start } : {}),
  ...(values.partial ? { partialRate: Number(values.partial) } : {}),
});
const json = `${JSON.stringify(responses, null, 1)}\n`;
if (values.out) writeFileSync(values.out, json);
else process.stdout.write(json);
if (values.csv) writeFileSync(values.csv, responsesToCsv(survey, responses));
