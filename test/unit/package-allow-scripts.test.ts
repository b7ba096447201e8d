// `npm ci` runs the install scripts of exactly the dependencies that need one, declared in
// package.json's allowScripts (npm 11 warns about any it does not cover, npm 12 skips them):
// every package of the lockfile with an install script is allowed by name (the lockfile has no
// "resolved" URLs, so npm cannot match a version pin such as better-sqlite3@12.11.1).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), "utf8"));

describe("package.json allowScripts", () => {
  it("covers every locked package with an install script, by name", () => {
    const lock = read("package-lock.json") as {
      packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
    };
    const needed = Object.entries(lock.packages)
      .filter(([path, p]) => path !== "" && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ""))
      .sort();
    expect(needed.length).toBeGreaterThan(0);
    const allowed = read("package.json").allowScripts as Record<string, boolean> | undefined;
    expect(Object.keys(allowed ?? {}).sort()).toEqual(needed);
    expect(Object.values(allowed ?? {}).every((v) => v === true)).toBe(true);
  });
});
