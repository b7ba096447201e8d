// Golden outputs of the text renderers (Markdown, terminal, CSV, JSON) for Reports frozen in
// test/fixtures/report/. A change shows in the diff of test/golden/report.*; regenerate on purpose
// with UPDATE_GOLDEN=1 (which also remakes the frozen Reports from the current analysis).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCsv, renderJson, renderMarkdown, renderTerminal } from "../../src/render/report/index.js";
import { ROOT } from "../helpers/cli.js";
import { frozenReport, sections } from "./report-fixtures.js";

function golden(name: string, actual: string): void {
  const file = join(ROOT, "test/golden", name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run the tests once with UPDATE_GOLDEN=1 and read the diff`);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden report outputs (every question type, two waves compared)", () => {
  const report = frozenReport("minimal-compare-waves", { compare: "wave" });
  const opts = { lang: "fi", sections: sections() };

  it("Markdown in Finnish", () => golden("report.minimal.fi.md", renderMarkdown(report, opts)));
  it("Markdown in Swedish", () =>
    golden("report.minimal.sv.md", renderMarkdown(report, { ...opts, lang: "sv" })));
  it("terminal summary in English, 80 columns, no colour", () =>
    golden("report.minimal.en.txt", renderTerminal(report, { ...opts, lang: "en" })));
  it("CSV in long form", () => golden("report.minimal.csv", renderCsv(report, { ...opts, lang: "en" })));
  it("JSON: the Report itself", () => golden("report.minimal.json", renderJson(report)));
  it("cross-tabulation in Markdown", () =>
    golden(
      "report.minimal-by.en.md",
      renderMarkdown(frozenReport("minimal-by-visit-freq", { by: "visit_freq" }), { ...opts, lang: "en" }),
    ));
});
