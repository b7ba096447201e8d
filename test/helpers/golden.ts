// Golden files: expected outputs kept in test/golden/ and read in the diff. Rewritten only on
// purpose (UPDATE_GOLDEN=1); a missing one fails with the command that makes it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./cli.js";

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === "1";

/** Compare `actual` with test/golden/NAME (NAME may hold folders). */
export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, "test/golden", name);
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file))
    throw new Error(`${file} is missing: make it on purpose with UPDATE_GOLDEN=1, read it and commit it`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
