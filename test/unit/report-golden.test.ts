// Golden outputs of the text renderers (Markdown, terminal, CSV) for Reports frozen in
// test/fixtures/report/, and report.json checked against the README's contract. A change shows in
// the diff of test/golden/report.*; regenerate on purpose with UPDATE_GOLDEN=1 (the frozen Reports
// themselves with UPDATE_FIXTURES=1).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/index.js";
import { renderCsv, renderJson, renderMarkdown, renderTerminal } from "../../src/render/report/index.js";
import { ROOT } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { frozenReport, sections, UPDATE_FIXTURES } from "../helpers/report-fixtures.js";

describe("golden report outputs (every question type, two waves compared)", () => {
  const report = frozenReport("minimal-compare-waves", { compare: "wave" });
  const opts = { lang: "fi", sections: sections() };

  it("Markdown in Finnish", () => expectGolden("report.minimal.fi.md", renderMarkdown(report, opts)));
  it("Markdown in Swedish", () =>
    expectGolden("report.minimal.sv.md", renderMarkdown(report, { ...opts, lang: "sv" })));
  it("terminal summary in English, 80 columns, no colour", () =>
    expectGolden("report.minimal.en.txt", renderTerminal(report, { ...opts, lang: "en" })));
  it("CSV in long form", () =>
    expectGolden("report.minimal.csv", renderCsv(report, { ...opts, lang: "en" })));
  it("cross-tabulation in Markdown", () =>
    expectGolden(
      "report.minimal-by.en.md",
      renderMarkdown(frozenReport("minimal-by-visit-freq", { by: "visit_freq" }), { ...opts, lang: "en" }),
    ));
});

/** The top-level keys of report.json in the order the README's contract table lists them. */
function contractKeys(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("### `report.json`: the contract");
  if (start < 0) throw new Error('README.md has no section "### `report.json`: the contract"');
  const table = readme.slice(start, readme.indexOf("\n\n", readme.indexOf("| key |", start)));
  return table
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .flatMap((l) => [...l.split("|")[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
}

describe("report.json against its contract", () => {
  const fixture = join(ROOT, "test/fixtures/report/minimal-compare-waves.json");

  it("the README lists the keys the Report has", () => {
    const keys = contractKeys();
    expect(keys.slice(0, 3)).toEqual(["format", "survey", "generatedAt"]);
    expect(keys.at(-1)).toBe("population");
    for (const k of Object.keys(frozenReport("minimal-compare-waves", { compare: "wave" })))
      expect(keys).toContain(k);
  });

  it("is the Report with the contract's key order and no difference beside a hidden share", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    // As a protection round leaves it: the baseline share of "weekly" hidden ("–"), while the
    // analysis had published its difference to the follow-up.
    const visit = report.comparison!.tables.find((t) => t.slot === "visit_freq")!;
    expect(visit.rows[0]!.differences![1]).not.toBeNull();
    visit.rows[0]!.cells[0] = { count: null, share: null, suppressed: true, complement: true };
    const population = { surveys: [{ id: report.survey.id, responses: 75 }] };
    // The input with its keys in reverse order and the optional population first: the output
    // must not depend on how the Report object happened to be built.
    const input = Object.fromEntries([
      ["population", population],
      ...Object.entries(report).reverse(),
    ]) as unknown as Report;

    const expected: Record<string, unknown> = {};
    for (const k of contractKeys()) if (k in input) expected[k] = (input as never)[k];
    const hidden = structuredClone(expected) as unknown as Report;
    hidden.comparison!.tables.find((t) => t.slot === "visit_freq")!.rows[0]!.differences![1] = null;
    expect(renderJson(input)).toBe(`${JSON.stringify(hidden, null, 2)}\n`);
  });

  it("writes a Report with nothing hidden unchanged, byte for byte as frozen", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    expect(renderJson(report)).toBe(readFileSync(fixture, "utf8"));
  });
});

describe("frozen Reports", () => {
  it.skipIf(UPDATE_FIXTURES)("are never made in silence: a missing one fails and says how to make it", () => {
    expect(() => frozenReport("no-such-frozen-report", {})).toThrow(
      /no-such-frozen-report\.json is missing\. Make it on purpose with UPDATE_FIXTURES=1/,
    );
    expect(existsSync(join(ROOT, "test/fixtures/report/no-such-frozen-report.json"))).toBe(false);
  });
});
