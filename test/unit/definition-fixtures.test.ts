// Every invalid survey fixture states its expected diagnostics in its first line
// (`# expect: 14:15 SURVEY_UNKNOWN_REF, 20:3 SURVEY_BAD_VALUE`); a new case is a new file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSurveyBytes } from "../../src/definition/parse.js";
import { ROOT } from "../helpers/cli.js";

const dir = join(ROOT, "fixtures/surveys/invalid");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

function expected(bytes: Buffer): string[] {
  const first = bytes.toString("latin1").split("\n")[0] ?? "";
  const m = /^# expect:\s*(.*)$/.exec(first);
  return m
    ? m[1]!
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .sort()
    : [];
}

describe("invalid survey fixtures", () => {
  it("has at least 25 cases", () => expect(files.length).toBeGreaterThanOrEqual(25));

  it.each(files)("%s gets exactly its expected errors", (file) => {
    const bytes = readFileSync(join(dir, file));
    const result = parseSurveyBytes(bytes, file);
    const got = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => `${d.line}:${d.col} ${d.code}`)
      .sort();
    expect(result.survey).toBeUndefined();
    expect(got).toEqual(expected(bytes));
    for (const d of result.diagnostics) {
      expect(d.message.length).toBeGreaterThan(5);
      expect(d.message).not.toMatch(/at .*\.js:\d+/); // no stack traces
    }
  });
});

describe("valid survey fixtures", () => {
  const validDir = join(ROOT, "fixtures/surveys/valid");
  it.each(readdirSync(validDir))("%s is valid", (file) => {
    const result = parseSurveyBytes(readFileSync(join(validDir, file)), file);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.survey?.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
