// An erasure between two reports: the earlier report still counts (and may quote) the erased
// person, so a new report on the others is neither that report again nor one a reader could
// subtract from it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/report.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = `kuulo: 1
id: erase
title: { en: Erase }
languages: [en]
sections:
  - id: s
    title: { en: S }
    questions:
      - id: color
        type: single
        text: { en: Colour? }
        choices:
          - { value: red, label: { en: Red } }
          - { value: blue, label: { en: Blue } }
      - id: wish
        type: text
        text: { en: Wish? }
`;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "erase.yaml"), SURVEY);
  // Twelve people; only the first writes a wish, and five others write the same one.
  const rows = ["form_no;color;wish"];
  for (let i = 1; i <= 12; i++)
    rows.push(`${i};${i % 2 ? "red" : "blue"};${i === 1 ? "my own secret" : i <= 6 ? "more books" : ""}`);
  writeFileSync(join(dir, "forms.csv"), `${rows.join("\n")}\n`);
});
afterEach(() => cleanup());

const cli = (args: string[]) => runCli([...args, "--db", join(dir, "k.db")]);

describe("a report after an erasure", () => {
  it("does not publish the erased person's answers again, nor a report one person apart", async () => {
    expect(
      (await cli(["import", join(dir, "erase.yaml"), join(dir, "forms.csv"), "--session", "s1"])).code,
    ).toBe(0);
    const first = await cli(["report", "erase", "--format", "json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("my own secret");
    const list = await cli(["responses", "list", "erase", "--json"]);
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((r) => r.id);
    const secret = ids[0]!;
    expect((await cli(["responses", "delete", secret, "--yes"])).code).toBe(0);

    const again = await cli(["report", "erase", "--format", "json"]);
    // Publishing report 1 again would quote the erased answer; a report on the 11 left would
    // tell it by subtraction from report 1.
    expect(again.stdout).not.toContain("my own secret");
    expect(again.code).toBe(65);
    expect(again.stderr).toContain("REPORT_DIFFERENCING");

    // Forgetting report 1 (never shared) lets the report on the others through.
    expect((await cli(["releases", "forget", "1", "--yes"])).code).toBe(0);
    const fresh = await cli(["report", "erase", "--format", "json"]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect((JSON.parse(fresh.stdout) as Report).counts.analysed.value).toBe(11);
    expect(fresh.stdout).not.toContain("my own secret");
  });
});
