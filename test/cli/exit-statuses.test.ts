// Every command's exit statuses against the README's table: 0 done, 2 wrong usage, 65 bad data
// (the contents of a survey, CSV or answers file are wrong), 66 missing input (a file,
// database, survey, session or response named on the command line is not there, or a survey
// has no responses), 73 output cannot be written, 74 storage (the database is damaged).
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerSurvey, saveResponses } from "../../src/store/index.js";
import { openStore } from "../../src/store/open.js";
import { createSession } from "../../src/store/sessions.js";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";
import { MINIMAL_PATH, minimal, sampleResponse } from "../helpers/store-data.js";

const tmp = tempDir("kuulo-exit-");
afterAll(() => tmp.cleanup());
const at = (name: string) => join(tmp.dir, name);
const FORMS_SURVEY = join(ROOT, "fixtures/import/forms-survey.yaml");
const GOOD_CSV = join(ROOT, "fixtures/import/02-utf8-bom-comma.csv");
const TYPO_CSV = join(ROOT, "fixtures/import/06-typo-label.csv");
const INVALID = join(ROOT, "fixtures/surveys/invalid/05-unknown-type.yaml");
const survey = minimal();
const RESPONSE = sampleResponse(survey, 2).id;

beforeAll(() => {
  // data.db: the minimal survey with six responses in session s1/s2; empty.db: the survey, no answers.
  const s = openStore(at("data.db"), { create: true });
  registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
  saveResponses(
    s,
    [0, 1, 2, 3, 4, 5].map((i) => sampleResponse(survey, i)),
  );
  createSession(s, { id: "ws-1", wave: "baseline" });
  s.close();
  const e = openStore(at("empty.db"), { create: true });
  registerSurvey(e, survey, new Date("2025-03-01T00:00:00Z"));
  e.close();
  writeFileSync(at("garbage.db"), "this is not a database, only some text that is long enough ".repeat(200));
  writeFileSync(at("good.json"), JSON.stringify({ answers: { visit_freq: "never", books: "3" } }));
  writeFileSync(at("bad.json"), JSON.stringify({ answers: { visit_freq: "daily" } }));
  mkdirSync(at("demo-used"));
  writeFileSync(at("demo-used/mine.txt"), "someone's file");
});

type Case = [command: string, args: string[], status: number];
// Where a status cannot happen for a command (e.g. validate never opens a database), it is not listed.
const CASES: Case[] = [
  ["validate", [MINIMAL_PATH], 0],
  ["validate", ["--nope", MINIMAL_PATH], 2],
  ["validate", ["missing.yaml"], 66],
  ["validate", [INVALID], 65],

  ["preview", [MINIMAL_PATH], 0],
  ["preview", [MINIMAL_PATH, "--lang", "de"], 2],
  ["preview", ["missing.yaml"], 66],
  ["preview", [INVALID], 65],

  ["print", [MINIMAL_PATH, "--out", "form.pdf"], 0],
  ["print", [MINIMAL_PATH, "--lang", "de"], 2],
  ["print", ["missing.yaml"], 66],
  ["print", [INVALID], 65],
  ["print", [MINIMAL_PATH, "--out", "no/such/form.pdf"], 73],

  ["template", [MINIMAL_PATH, "--out", at("t.csv")], 0],
  ["template", [MINIMAL_PATH, "--format", "ods", "--out", at("t.ods")], 2],
  ["template", ["missing.yaml", "--out", at("t.csv")], 66],
  ["template", [INVALID, "--out", at("t.csv")], 65],

  ["run", [MINIMAL_PATH, "--db", "run.db", "--answers", "good.json"], 0],
  ["run", [MINIMAL_PATH, "--db", "run.db"], 2],
  ["run", ["missing.yaml", "--db", "run.db", "--answers", "good.json"], 66],
  ["run", [MINIMAL_PATH, "--db", "data.db", "--session", "nosuch", "--answers", "good.json"], 66],
  ["run", [MINIMAL_PATH, "--db", "run.db", "--answers", "missing.json"], 66],
  ["run", [MINIMAL_PATH, "--db", "run.db", "--answers", "bad.json"], 65],
  ["run", [INVALID, "--db", "run.db", "--answers", "good.json"], 65],
  ["run", [MINIMAL_PATH, "--db", "garbage.db", "--answers", "good.json"], 74],

  ["import", [FORMS_SURVEY, GOOD_CSV, "--db", "import.db"], 0],
  ["import", [FORMS_SURVEY, GOOD_CSV, "--db", "import.db", "--delimiter", "x"], 2],
  ["import", [FORMS_SURVEY, "missing.csv", "--db", "import.db"], 66],
  ["import", ["missing.yaml", GOOD_CSV, "--db", "import.db"], 66],
  ["import", [INVALID, GOOD_CSV, "--db", "import.db"], 65],
  ["import", [FORMS_SURVEY, TYPO_CSV, "--db", "import.db"], 65],
  ["import", [FORMS_SURVEY, GOOD_CSV, "--db", "garbage.db"], 74],

  ["verify-entry", [FORMS_SURVEY, GOOD_CSV, GOOD_CSV], 0],
  ["verify-entry", [FORMS_SURVEY, GOOD_CSV], 2],
  ["verify-entry", [FORMS_SURVEY, GOOD_CSV, "missing.csv"], 66],
  ["verify-entry", [FORMS_SURVEY, GOOD_CSV, TYPO_CSV], 65],

  ["sessions", ["create", "new-1", "--db", "sessions.db"], 0],
  ["sessions", ["create", "two words", "--db", "sessions.db"], 2],
  ["sessions", ["create", "ws-1", "--db", "data.db"], 65],
  ["sessions", ["create", "new-2", "--db", "garbage.db"], 74],
  ["sessions", ["list", "--db", "data.db"], 0],
  ["sessions", ["list", "--db", "missing.db"], 66],
  ["sessions", ["list", "--db", "garbage.db"], 74],
  ["sessions", ["close", "ws-1", "--db", "data.db"], 0],
  ["sessions", ["close", "nosuch", "--db", "data.db"], 66],
  ["sessions", ["close", "ws-1", "--db", "garbage.db"], 74],

  ["surveys", ["list", "--db", "data.db"], 0],
  ["surveys", ["list", "--db", "missing.db"], 66],
  ["surveys", ["list", "--db", "garbage.db"], 74],
  ["surveys", ["add", "--db", "surveys.db"], 2],
  ["surveys", ["add", MINIMAL_PATH, "--db", "surveys.db"], 0],
  ["surveys", ["add", "missing.yaml", "--db", "surveys.db"], 66],
  ["surveys", ["add", INVALID, "--db", "surveys.db"], 65],
  ["surveys", ["add", MINIMAL_PATH, "--db", "garbage.db"], 74],

  ["responses", ["list", "--db", "data.db"], 0],
  ["responses", ["list", "--status", "done", "--db", "data.db"], 2],
  ["responses", ["list", "nosuch", "--db", "data.db"], 66],
  ["responses", ["list", "--db", "missing.db"], 66],
  ["responses", ["list", "--db", "garbage.db"], 74],
  ["responses", ["show", RESPONSE, "--db", "data.db"], 0],
  ["responses", ["show", "ffffffff", "--db", "data.db"], 66],
  ["responses", ["show", RESPONSE, "--db", "garbage.db"], 74],
  ["responses", ["delete", RESPONSE, "--db", "delete.db"], 2],
  ["responses", ["delete", "11111111-2222-4333-8444-555555555555", "--yes", "--db", "data.db"], 66],
  ["responses", ["delete", RESPONSE, "--yes", "--db", "garbage.db"], 74],
  ["responses", ["delete", RESPONSE, "--yes", "--db", "delete.db"], 0],

  ["export", ["minimal", "--db", "data.db"], 0],
  ["export", ["minimal", "--db", "data.db", "--format", "xlsx"], 2],
  ["export", ["nosuch", "--db", "data.db"], 66],
  ["export", ["minimal", "--db", "empty.db"], 66],
  ["export", ["minimal", "--db", "data.db", "--wave", "nosuch"], 66],
  ["export", ["minimal", "--db", "missing.db"], 66],
  ["export", [INVALID, "--db", "data.db"], 65],
  ["export", ["minimal", "--db", "data.db", "--out", "no/such/v.csv"], 73],
  ["export", ["minimal", "--db", "garbage.db"], 74],

  ["report", ["minimal", "--db", "data.db", "--format", "md"], 0],
  ["report", ["minimal", "--db", "data.db", "--min-cell", "1"], 2],
  ["report", ["nosuch", "--db", "data.db"], 66],
  ["report", ["minimal", "--db", "empty.db"], 66],
  ["report", ["minimal", "--db", "missing.db"], 66],
  ["report", [INVALID, "--db", "data.db"], 65],
  ["report", ["minimal", "--db", "data.db", "--out", at("demo-used/mine.txt/report"), "--format", "md"], 73],
  ["report", ["minimal", "--db", "garbage.db"], 74],

  ["releases", ["list", "--db", "data.db"], 0],
  ["releases", ["show", "first", "--db", "data.db"], 2],
  ["releases", ["forget", "1", "--db", "data.db"], 2],
  ["releases", ["show", "99", "--db", "data.db"], 66],
  ["releases", ["list", "--db", "missing.db"], 66],
  ["releases", ["list", "--db", "garbage.db"], 74],

  ["audit", ["minimal", "--db", "empty.db"], 0],
  ["audit", ["minimal", "other", "--db", "data.db"], 2],
  ["audit", ["missing.json"], 66],
  // A device is refused before reading (it would never end).
  ["audit", ["/dev/zero"], 66],
  ["audit", ["good.json"], 65],
  ["audit", ["minimal", "--db", "garbage.db"], 74],

  ["demo", ["--lang", "de", "--out", "demo-new"], 2],
  ["demo", ["--out", "demo-used"], 73],

  ["merge", ["data.db", "--into", "merged.db"], 0],
  ["merge", ["data.db", "--into", "data.db"], 2],
  ["merge", ["missing.db", "--into", "merged2.db"], 66],
  ["merge", ["garbage.db", "--into", "merged3.db"], 74],

  ["doctor", ["--db", "data.db"], 0],
  ["doctor", ["--db", "data.db", "--nope"], 2],
  ["doctor", ["--db", "missing.db"], 66],
  ["doctor", ["--db", "garbage.db"], 74],
];

describe("exit statuses of every command", () => {
  beforeAll(() => copyFileSync(at("data.db"), at("delete.db")));

  it.each(CASES)("kuulo %s %j exits %i", async (command, args, status) => {
    const r = await runCli([command, ...args], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(status);
    // Failures say what is wrong in words, never with a stack trace.
    if (status !== 0) expect(`${r.stdout}${r.stderr}`.trim()).not.toBe("");
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });

  it("covers every command with success, usage and missing input", async () => {
    const { COMMANDS } = await import("../../src/cli/commands/index.js");
    const names = COMMANDS.map((c) => c.name);
    for (const name of names) {
      const statuses = new Set(CASES.filter((c) => c[0] === name).map((c) => c[2]));
      expect(statuses.has(2), `${name} has a usage case`).toBe(true);
      if (name !== "demo") {
        expect(statuses.has(0), `${name} has a success case`).toBe(true);
        expect(statuses.has(66), `${name} has a missing-input case`).toBe(true);
      }
    }
  });
});
