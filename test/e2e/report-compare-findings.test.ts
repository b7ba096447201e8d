// What a comparison's key findings may call a change (built binary): a scale is compared by its
// mean (Welch), a choice by its share (Newcombe), and only a difference whose 95 % interval
// excludes zero is a change. One answer option of a scale moving while its mean stays put is no
// headline; when nothing is clear, one plain sentence says the differences are within chance.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const SURVEY = "test/fixtures/surveys/compare-findings.yaml";

/** Counts per answer code, spread over the forms in order. */
function column(counts: Record<string, number>): string[] {
  return Object.entries(counts).flatMap(([code, n]) => Array<string>(n).fill(code));
}

function formsCsv(columns: Record<string, string[]>): string {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  for (const c of names) expect(columns[c], c).toHaveLength(n);
  return `${[names.join(","), ...Array.from({ length: n }, (_, i) => names.map((c) => columns[c]![i]).join(","))].join("\n")}\n`;
}

function findingsOf(md: string, heading: string): string[] {
  const start = md.indexOf(`\n## ${heading}`);
  expect(start, md).toBeGreaterThan(0);
  return md
    .slice(start, md.indexOf("\n## ", start + 1))
    .split("\n")
    .filter((l) => l.startsWith("- "));
}

const WORDS = {
  fi: { heading: "Keskeiset tulokset", chance: "sattuma", mean: "Keskiarvo", agree: "”Samaa mieltä”" },
  sv: { heading: "Viktigaste resultat", chance: "slumpen", mean: "Medelvärde", agree: "”Av samma åsikt”" },
  en: { heading: "Key findings", chance: "chance alone", mean: "Mean", agree: "“Agree”" },
} as const;

describe("comparison key findings", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  function store(name: string, baseline: Record<string, string[]>, followup: Record<string, string[]>) {
    const db = join(tmp.dir, `${name}.db`);
    for (const [wave, cols] of [
      ["baseline", baseline],
      ["followup", followup],
    ] as const) {
      const csv = join(tmp.dir, `${name}-${wave}.csv`);
      // Form numbers tell equal answers on different forms apart (else they are duplicates).
      const n = Object.values(cols)[0]!.length;
      const forms = Array.from({ length: n }, (_, i) => `${wave}-${i + 1}`);
      writeFileSync(csv, formsCsv({ form_no: forms, ...cols }));
      const r = runBin(["import", SURVEY, csv, "--wave", wave, "--db", db]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    return db;
  }

  function report(db: string, lang: string, out: string) {
    const r = runBin(
      [
        "report",
        SURVEY,
        "--db",
        db,
        "--compare",
        "wave",
        "--out",
        out,
        "--format",
        "md,json",
        "--lang",
        lang,
      ],
      {},
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return {
      md: readFileSync(join(out, "report.md"), "utf8"),
      json: JSON.parse(readFileSync(join(out, "report.json"), "utf8")),
    };
  }

  it("headlines no single answer option of a scale whose mean did not move; says the rest is chance", () => {
    // "Agree" on the first statement falls from 46 % to 24 % (its Newcombe interval excludes
    // zero), but the statement's mean stays at 2.8 (Welch interval −0.45…+0.36): noise, not a change.
    const db = store(
      "noise",
      {
        visit: column({ weekly: 15, monthly: 16, never: 15 }),
        "image.welcoming": column({ 1: 5, 2: 10, 3: 21, 4: 10 }),
        "image.strict": column({ 1: 10, 2: 16, 3: 10, 4: 10 }),
      },
      {
        visit: column({ weekly: 16, monthly: 15, never: 15 }),
        "image.welcoming": column({ 1: 5, 2: 16, 3: 11, 4: 14 }),
        "image.strict": column({ 1: 10, 2: 15, 3: 11, 4: 10 }),
      },
    );
    for (const lang of ["fi", "sv", "en"] as const) {
      const { md, json } = report(db, lang, join(tmp.dir, `noise-${lang}`));
      // The single option's interval does exclude zero: the old rule would have headlined it.
      const table = json.comparison.tables.find((t: { slot: string }) => t.slot === "image.welcoming");
      const agree = table.rows.find((r: { code: string }) => r.code === "3").differences[1];
      expect(agree.ci.high).toBeLessThan(0);
      expect(table.meanDifferences[1].ci.low).toBeLessThan(0);
      expect(table.meanDifferences[1].ci.high).toBeGreaterThan(0);
      const findings = findingsOf(md, WORDS[lang].heading);
      const changes = findings.filter((l) => l.includes("→"));
      expect(changes, findings.join("\n")).toEqual([]);
      expect(findings.join("\n")).not.toContain(WORDS[lang].agree);
      expect(
        findings.filter((l) => l.includes(WORDS[lang].chance)),
        findings.join("\n"),
      ).toHaveLength(1);
    }
  }, 120_000);

  it("headlines a clear share change and a clear mean change, the negative statement marked", () => {
    const db = store(
      "clear",
      {
        visit: column({ weekly: 6, monthly: 20, never: 20 }),
        "image.welcoming": column({ 1: 5, 2: 10, 3: 21, 4: 10 }),
        "image.strict": column({ 1: 5, 2: 15, 3: 16, 4: 10 }),
      },
      {
        visit: column({ weekly: 20, monthly: 13, never: 13 }),
        "image.welcoming": column({ 1: 5, 2: 16, 3: 11, 4: 14 }),
        "image.strict": column({ 1: 5, 2: 5, 3: 16, 4: 20 }),
      },
    );
    for (const lang of ["fi", "sv", "en"] as const) {
      const { md, json } = report(db, lang, join(tmp.dir, `clear-${lang}`));
      const findings = findingsOf(md, WORDS[lang].heading);
      const changes = findings.filter((l) => l.includes("→"));
      const weekly = json.questions[0].choices[0].label[lang];
      const strict = json.questions[1].items[1].text[lang];
      // Weekly 13 % → 43 %: the largest change first; the others' intervals include zero.
      expect(changes, findings.join("\n")).toHaveLength(2);
      expect(changes[0], findings.join("\n")).toContain(weekly);
      expect(changes[0]).toMatch(/13\s?% → 43\s?%/);
      const mean = changes.find((l) => l.startsWith(`- ${WORDS[lang].mean}`));
      expect(mean, findings.join("\n")).toContain(`${strict} (–)`);
      expect(mean).toMatch(/\(–\) /);
      // The comparison's own block for the negative statement carries the mark and explains it.
      const at = md.indexOf(`\n### ${json.questions[1].text[lang]} – ${strict} (–)`);
      expect(at, md).toBeGreaterThan(0);
      const block = md.slice(at);
      const notes = block.slice(0, block.indexOf("\n### ", 5));
      expect(notes).toMatch(/\n> \(–\) \S/);
      // No single answer option of the matrix, and nothing about "within chance".
      expect(findings.join("\n")).not.toContain(WORDS[lang].agree);
      expect(findings.join("\n")).not.toContain(WORDS[lang].chance);
    }
  }, 120_000);
});
