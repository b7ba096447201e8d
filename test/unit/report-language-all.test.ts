// Every report format in Finnish and Swedish, for demo-like data (the bundled baseline survey, two
// waves, compared by wave; and a --by report): no word of the English locale that the reader's
// locale does not share, and no raw wave or session code where the report has a label for it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { analyze, type Report } from "../../src/analysis/index.js";
import { loadSurvey } from "../../src/definition/load.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { en } from "../../src/i18n/locales/en.js";
import { fi } from "../../src/i18n/locales/fi.js";
import { sv } from "../../src/i18n/locales/sv.js";
import {
  chartSpecs,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
  renderXlsx,
  sectionTitles,
} from "../../src/render/report/index.js";
import { renderReportPdf } from "../../src/render/report/pdf.js";
import { ROOT } from "../helpers/cli.js";
import { csvLabels } from "../helpers/csv-labels.js";

const survey = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
const responses = [
  ...generateResponses(survey, { count: 40, seed: 21, wave: "baseline", sessionId: "kevat-1" }),
  ...generateResponses(survey, {
    count: 36,
    seed: 22,
    wave: "follow-up",
    sessionId: "syksy-1",
    source: "paper",
    start: "2025-09-15T09:00:00Z",
  }),
];
const sessionNames = { "kevat-1": "Kevään työpaja 1", "syksy-1": "Syksyn työpaja 1" };
const reports: Record<string, Report> = {
  compare: analyze(survey, responses, { compare: "wave", sessionNames, generatedAt: "2025-10-01T12:00:00Z" }),
  by: analyze(survey, responses, { by: "age_group", sessionNames, generatedAt: "2025-10-01T12:00:00Z" }),
};
const sections = sectionTitles(survey);

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-zåäö]+/u)
    .filter((w) => w.length >= 5);
/** The survey's own Finnish and Swedish texts (a word there is the survey's, not a leak). */
function ownTexts(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) ownTexts(x, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v))
      if ((k === "fi" || k === "sv") && typeof x === "string") out.push(x);
      else ownTexts(x, out);
  return out;
}
/** What people wrote is quoted as written, in whatever language they wrote it. */
const WRITTEN = JSON.stringify(responses.map((r) => r.answers));
const SURVEY_TEXT = `${ownTexts(survey).join("\n")}\n${WRITTEN}`.toLowerCase();
/** Wave and session codes, and question ids that are not also words of the survey's texts. */
const QUESTION_IDS = survey.sections
  .flatMap((s) => s.questions.map((q) => q.id))
  .filter((id) => id.includes("_"));
const RAW_CODES = new RegExp(`\\b(baseline|followup|follow-up|kevat-1|syksy-1|${QUESTION_IDS.join("|")})\\b`);

/** Text of every free-text appendix is what people wrote; the synthetic writer uses the survey's words. */
function stripTags(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/g, " ");
}
/** Spec fields that are codes for the drawing code (chart type, measure, side), never drawn as text. */
const SPEC_CODES = new Set(["type", "measure", "kind", "id", "side"]);
function specTexts(v: unknown, out: string[] = []): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) specTexts(x, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) if (!SPEC_CODES.has(k)) specTexts(x, out);
  return out;
}
async function xlsxTexts(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") out.push(c.value);
      }),
    );
  });
  return out.join("\n");
}
function pdfText(buf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "kuulo-lang-"));
  writeFileSync(join(dir, "r.pdf"), buf);
  return execFileSync("pdftotext", ["-layout", join(dir, "r.pdf"), "-"], { encoding: "utf8" });
}

describe("every report format in the reader's language", () => {
  for (const [lang, own] of [
    ["fi", fi],
    ["sv", sv],
  ] as const) {
    const ownWords = new Set(Object.values(own).flatMap((v) => words(v.replace(/\{\w+\}/g, " "))));
    const english = new Set(
      Object.values(en)
        .flatMap((v) => words(v.replace(/\{\w+\}/g, " ")))
        .filter((w) => !ownWords.has(w) && !SURVEY_TEXT.includes(w)),
    );
    for (const [kind, report] of Object.entries(reports)) {
      const opts = { lang, sections };
      const formats: Record<string, () => string | Promise<string>> = {
        terminal: () => renderTerminal(report, opts),
        md: () => renderMarkdown(report, opts),
        html: () => stripTags(renderHtml(report, opts)),
        pdf: async () => pdfText(await renderReportPdf(report, opts)),
        png: () =>
          chartSpecs(report, lang)
            .flatMap((c) => [c.alt, ...specTexts(c.spec)])
            .join("\n"),
        csv: () => csvLabels(renderCsv(report, opts)),
        xlsx: async () => xlsxTexts(await renderXlsx(report, opts)),
      };
      for (const [format, render] of Object.entries(formats))
        it(`${lang} ${kind} ${format}: no English word and no raw code`, { timeout: 60_000 }, async () => {
          const text = await render();
          const found = [...new Set(words(text))].filter((w) => english.has(w));
          expect(found).toEqual([]);
          expect(text.match(RAW_CODES)?.[0] ?? null).toBeNull();
        });
    }
  }
  // report.json is one file for every language: each text meant for readers carries all of them.
  it("json: every label and text has fi and sv", () => {
    const json = JSON.parse(renderJson(reports.compare!)) as unknown;
    const missing: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          if (
            (k === "label" || k === "text" || k === "title") &&
            x &&
            typeof x === "object" &&
            !Array.isArray(x)
          )
            for (const l of ["fi", "sv"]) if (!(l in x)) missing.push(`${path}.${k}.${l}`);
          walk(x, `${path}.${k}`);
        }
    };
    walk(json, "$");
    expect(missing).toEqual([]);
  });
});
