// What a steering group reads about scales (built binary): the box share is labelled by what it
// counts and matches the chart's side, negative statements are never praised as the highest
// rating, and LibQUAL expectation levels are not called ratings.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const SURVEY = "test/fixtures/surveys/direction.yaml";

/** Twenty forms; each column is given as counts per scale point, spread over the forms in order. */
function column(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([code, n]) => Array<string>(n).fill(code));
}
const COLUMNS = {
  "image.welcoming": column({ 2: 6, 3: 8, 4: 6 }), // two top boxes 70 %, top box alone 30 %
  "image.strict": column({ 2: 5, 3: 5, 4: 10 }), // the most agreed statement, and a negative one
  "image.for_me": column({ 1: 5, 2: 5, 3: 5, 4: 5 }),
  "levels.minimum": column({ 3: 10, 4: 10 }),
  "levels.desired": column({ 5: 20 }), // an expectation, the highest of all
  "levels.perceived": column({ 2: 10, 3: 10 }),
  "levels.second": column({ 3: 10, 4: 10 }),
};

describe("report: box labels, statement direction and expectations", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const db = join(tmp.dir, "k.db");
  const csv = join(tmp.dir, "forms.csv");
  const names = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
  writeFileSync(
    csv,
    `${[names.join(","), ...Array.from({ length: 20 }, (_, i) => names.map((n) => COLUMNS[n][i]).join(","))].join("\n")}\n`,
  );

  it("imports the forms", () => {
    const r = runBin(["import", SURVEY, csv, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });

  for (const [lang, words] of [
    ["fi", { two: "Kaksi ylintä", praise: /Korkein arvio/, findings: "Keskeiset tulokset" }],
    ["sv", { two: "De två högsta", praise: /Högst bedömt/, findings: "Viktigaste resultat" }],
    ["en", { two: "Two top boxes", praise: /Rated highest/, findings: "Key findings" }],
  ] as const)
    it(`${lang}: the two top boxes of a 4-point scale are two, and findings follow each statement's direction`, () => {
      const out = join(tmp.dir, lang);
      const r = runBin(["report", SURVEY, "--db", db, "--out", out, "--format", "md,json", "--lang", lang]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const md = readFileSync(join(out, "report.md"), "utf8");
      const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
      const welcoming = json.questions[0].items[0];
      // One rule: the box is the points above the middle, the chart's positive side (3 and 4).
      expect(welcoming.stats.box).toBe(2);
      expect(welcoming.stats.topBox).toBeCloseTo(0.7, 10);
      expect(welcoming.choices[2].share + welcoming.choices[3].share).toBeCloseTo(welcoming.stats.topBox, 10);
      const header = md.split("\n").find((l) => l.includes(words.two) && l.startsWith("|"));
      expect(header, md).toBeDefined();
      const start = md.indexOf(`\n## ${words.findings}`);
      expect(start, md).toBeGreaterThan(0);
      const findings = md.slice(start, md.indexOf("\n## ", start + 1));
      expect(findings).not.toMatch(words.praise);
      const strictText = json.questions[0].items[1].text[lang];
      const desiredText = json.questions[1].items[1].text[lang];
      const negativeLine = findings.split("\n").find((l) => l.includes(strictText));
      expect(negativeLine, findings).toContain("(–)");
      // The positive sentence names only positive statements; expectations are no ratings.
      for (const line of findings
        .split("\n")
        .filter((l) => l.includes(json.questions[0].items[0].text[lang])))
        expect(line).not.toContain(strictText);
      expect(findings).not.toContain(desiredText);
      expect(findings).not.toContain(json.questions[1].items[0].text[lang]);
      // The negative statement is marked in the tables, and the mark is explained.
      expect(md).toContain(`${strictText} (–)`);
    }, 60_000);
});
