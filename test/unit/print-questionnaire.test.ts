// The paper form as a reader and a typist see it: every question and answer in order, every
// data-entry column of the template printed as a code, no question split across pages, large
// type, embedded fonts, skip instructions in words, and the same bytes for the same survey.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import { allQuestions, type Question, type Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { pickText, translator } from "../../src/i18n/index.js";
import { templateColumns } from "../../src/import/template.js";
import { renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { entryColumns, hasChoiceColumns, questionColumns } from "../../src/render/questionnaire-pdf-codes.js";
import { numberQuestions } from "../../src/render/questionnaire-pdf-routing.js";
import { formTheme } from "../../src/render/questionnaire-pdf-theme.js";
import { ROOT } from "../helpers/cli.js";
import { pageTexts, pdfFonts, pdfPages, positionsInOrder } from "../helpers/print-pdf-tools.js";

const SURVEYS = ["welcome-baseline", "welcome-followup", "workshop-feedback"];
const VARIANTS = [
  { lang: "fi", plain: false },
  { lang: "sv", plain: false },
  { lang: "en", plain: false },
  { lang: "fi", plain: true },
];
const minimal = parseSurvey(
  readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"),
  "minimal.yaml",
).survey as Survey;

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

function texts(survey: Survey, lang: string, plain: boolean) {
  const def = survey.languages[0] ?? lang;
  return (t: Record<string, string> | undefined, p?: Record<string, string>) =>
    norm(pickText(t, lang, def, plain ? p : undefined));
}

/** What a reader should meet, in order: each question's text, then its answers (and statements). */
function expectedOrder(survey: Survey, lang: string, plain: boolean): string[] {
  const txt = texts(survey, lang, plain);
  const out: string[] = [];
  for (const q of allQuestions(survey)) {
    out.push(txt(q.text, q.plain));
    if (q.type === "matrix") {
      // A grid on both forms: the scale's words (in the header, or in the legend above numbered
      // columns), then the statements.
      out.push(
        ...q.choices.map((c) => txt(c.label, c.plain)),
        ...q.items.map((it) => txt(it.text, it.plain)),
      );
    } else if (q.type === "scale") {
      out.push(...q.choices.map((c) => txt(c.label, c.plain)));
    } else if ("choices" in q) out.push(...q.choices.map((c) => txt(c.label, c.plain)));
  }
  return out;
}

interface Word {
  text: string;
  size: number;
  yMin: number;
  pageHeight: number;
}

/** Words with their font size (Noto's line box is 1.362 em tall), from pdftotext -bbox. */
function words(pdf: Buffer): Word[] {
  const r = spawnSync("pdftotext", ["-bbox", "-", "-"], {
    input: pdf,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const out: Word[] = [];
  let pageHeight = 0;
  for (const line of r.stdout.split("\n")) {
    const page = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (page) pageHeight = Number(page[1]);
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m)
      out.push({
        text: unescapeXml(m[3] ?? ""),
        size: (Number(m[2]) - Number(m[1])) / 1.362,
        yMin: Number(m[1]),
        pageHeight,
      });
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] ?? "",
  );
}

const rendered = new Map<string, { survey: Survey; pdf: Buffer; pages: number }>();
beforeAll(async () => {
  for (const id of SURVEYS) {
    const survey = loadSurvey(join(ROOT, "surveys", `${id}.yaml`));
    for (const v of VARIANTS) {
      const r = await renderQuestionnairePdf(survey, v);
      rendered.set(`${id}:${v.lang}:${v.plain}`, { survey, pdf: r.bytes, pages: r.pages });
    }
  }
}, 120_000);

describe.each(SURVEYS)("%s", (id) => {
  describe.each(VARIANTS)("$lang plain=$plain", ({ lang, plain }) => {
    const get = () => rendered.get(`${id}:${lang}:${plain}`)!;

    it("is an A4 PDF with the bundled fonts embedded", () => {
      const { pdf, pages } = get();
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdfPages(pdf)).toBe(pages);
      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded && /NotoSans/.test(f.name))).toBe(true);
    });

    it("shows every question and answer in questionnaire order", () => {
      const { survey, pdf } = get();
      // A word like "e-tjänster" may break after its hyphen at the end of a line.
      const text = pageTexts(pdf).join(" ").replace(/- /g, "-");
      const needles = expectedOrder(survey, lang, plain).map((n) => n.replace(/- /g, "-"));
      const missing = positionsInOrder(text, needles).filter((p) => p.at < 0);
      expect(
        missing.map((m) => m.needle),
        text,
      ).toEqual([]);
    });

    it("prints every column of the data-entry template as a code", () => {
      const { survey, pdf } = get();
      const tokens = new Set(pageTexts(pdf).join(" ").split(" "));
      const headers = templateColumns(survey, lang).map((c) => c.header);
      expect(headers.filter((h) => !tokens.has(h))).toEqual([]);
      expect(entryColumns(survey)).toEqual(headers.filter((h) => h !== "form_no"));
    });

    it("keeps short questions on one page; a long one goes on under 'Question N continues'", () => {
      const { survey, pdf } = get();
      const pages = pageTexts(pdf);
      const txt = texts(survey, lang, plain);
      const numbers = numberQuestions(survey);
      const t = translator(lang);
      for (const q of allQuestions(survey).filter((x) => x.type !== "info")) {
        const first = pages.findIndex((p) => p.includes(txt(q.text, q.plain)));
        expect(first, `question ${q.id} is printed`).toBeGreaterThanOrEqual(0);
        // Columns of their own (statements, ticks of a multi) are unique tokens: find every page
        // they are on. Otherwise find the last answer's words after the question.
        const own = q.type === "matrix" || hasChoiceColumns(q) ? questionColumns(q) : [];
        const onPages = own.map((c) => pages.findIndex((p) => p.split(" ").includes(c)));
        const last = lastAnswer(q, txt);
        const end = own.length
          ? Math.max(...onPages)
          : last === null
            ? first
            : pages.findIndex((p, i) => i >= first && p.includes(last));
        expect(Math.min(end, ...onPages), `the answers of ${q.id} follow it`).toBeGreaterThanOrEqual(first);
        if (end === first) {
          const tokens = new Set(pages[first]?.split(" "));
          for (const code of questionColumns(q))
            expect(tokens.has(code), `${code} beside ${q.id}`).toBe(true);
          continue;
        }
        // Only a grid or a long list goes on, to the very next page, which says so at its top.
        const rows = q.type === "matrix" ? q.items.length : "choices" in q ? q.choices.length : 0;
        expect(q.type === "matrix" || rows >= 6, `${q.id} is long enough to go on`).toBe(true);
        expect(end, `${q.id} goes on to the next page only`).toBe(first + 1);
        expect(pages[end]?.startsWith(t("print.continued", { n: numbers.get(q.id) ?? 0 }))).toBe(true);
      }
    });

    it("uses large type: body at least 14 pt in plain language, 12 pt otherwise", () => {
      const { survey, pdf } = get();
      const min = plain ? 14 : 12;
      // Grid column headers may be smaller on the ordinary form, and its footer; codes are for staff.
      const txt = texts(survey, lang, plain);
      const headerWords = new Set(
        allQuestions(survey).flatMap((q) =>
          q.type === "matrix" && !plain ? q.choices.flatMap((c) => txt(c.label, c.plain).split(" ")) : [],
        ),
      );
      const small = words(pdf).filter(
        (w) =>
          w.size >= 9 &&
          (plain || w.yMin < w.pageHeight - 64) &&
          !headerWords.has(w.text) &&
          w.size < min - 0.05,
      );
      expect(small.map((w) => `${w.text} ${w.size.toFixed(1)}`)).toEqual([]);
      expect(formTheme(plain).body.size).toBe(min);
    });
  });

  it("gives the same bytes for the same survey", async () => {
    const { survey, pdf } = rendered.get(`${id}:fi:false`)!;
    const again = await renderQuestionnairePdf(survey, { lang: "fi", plain: false });
    expect(again.bytes.equals(pdf)).toBe(true);
  });
});

function lastAnswer(q: Question, txt: ReturnType<typeof texts>): string | null {
  if (q.type === "matrix") return txt(q.items.at(-1)?.text, q.items.at(-1)?.plain);
  if ("choices" in q) {
    const c = q.choices.at(-1);
    return c ? txt(c.label, c.plain) : null;
  }
  return null;
}

// Pages of each bundled form as last measured: a change that lengthens one fails here. The
// plain-language baseline must fit in 12 pages (at 14 pt, see the type test above).
const PAGE_BUDGET: Record<string, Record<string, number>> = {
  "welcome-baseline": { fi: 12, sv: 12, en: 12, "fi-std": 13, "sv-std": 12, "en-std": 12 },
  "welcome-followup": { fi: 10, sv: 10, en: 9, "fi-std": 10, "sv-std": 9, "en-std": 9 },
  "workshop-feedback": { fi: 2, sv: 2, en: 2, "fi-std": 3, "sv-std": 3, "en-std": 3 },
};

describe("page counts", () => {
  it.each(SURVEYS)(
    "%s stays within its page budget in each language, plain and ordinary",
    async (id) => {
      const survey = loadSurvey(join(ROOT, "surveys", `${id}.yaml`));
      const counts: Record<string, number> = {};
      for (const lang of ["fi", "sv", "en"]) {
        counts[lang] = (await renderQuestionnairePdf(survey, { lang, plain: true })).pages;
        counts[`${lang}-std`] = (await renderQuestionnairePdf(survey, { lang, plain: false })).pages;
      }
      const over = Object.entries(counts).filter(([k, n]) => n > (PAGE_BUDGET[id]?.[k] ?? 0));
      expect(over, JSON.stringify(counts)).toEqual([]);
    },
    60_000,
  );
});

describe("skip logic on paper", () => {
  it("prints one short condition before conditional questions of the baseline, in each language", () => {
    const count = (key: string, s: string) => s.split(key).length - 1;
    const fi = pageTexts(rendered.get("welcome-baseline:fi:false")!.pdf).join(" ");
    const sv = pageTexts(rendered.get("welcome-baseline:sv:false")!.pdf).join(" ");
    const en = pageTexts(rendered.get("welcome-baseline:en:false")!.pdf).join(" ");
    // One short line each: the mirror ("skip if …") where the condition names two questions.
    expect(count("Ohita, jos vastasit 1: ", fi)).toBe(4);
    expect(count("Svara inte om du svarade 1: ", sv)).toBe(4);
    expect(count("Skip if you answered 1: ", en)).toBe(4);
    expect(fi).toContain("Vastaa, jos vastasit 9: ”Harvemmin” tai ”En koskaan”. 14.");
    expect(sv).toContain("Svara om du svarade 9: ”Mer sällan” eller ”Aldrig”. 14.");
    expect(en).toContain("Answer if you answered 9: “Less often” or “Never”. 14.");
    expect(fi).toContain("Ohita, jos vastasit 1: ”En ole koskaan käynyt kirjastossa” ja 2: ”En koskaan”. 3.");
    for (const text of [fi, sv, en]) expect(text).not.toMatch(/Vastaa vain|Svara bara|Answer only/);
  });

  it("puts 'go to question N' beside the answers that skip the next question", async () => {
    const { bytes } = await renderQuestionnairePdf(minimal, { lang: "fi", plain: false });
    const text = pageTexts(bytes).join(" ");
    expect(text).toContain("Viikoittain weekly Siirry kysymykseen 3");
    expect(text).not.toContain("Kuukausittain monthly Siirry");
    const en = pageTexts((await renderQuestionnairePdf(minimal, { lang: "en", plain: true })).bytes).join(
      " ",
    );
    expect(en).toContain("Weekly weekly Go to question 3");
  });
});

describe("skip logic of a second library's survey (an OR of two questions)", () => {
  const second = parseSurvey(
    readFileSync(join(ROOT, "test/fixtures/surveys/second-library.yaml"), "utf8"),
    "second-library.yaml",
  ).survey as Survey;
  it.each([
    [
      "fi",
      "Ei no Siirry kysymykseen 4",
      "Vastaa, jos vastasit 2: ”Harvemmin”, tai 7: ”Erittäin huonosti” tai ”Melko huonosti”.",
    ],
    [
      "sv",
      "Nej no Gå till fråga 4",
      "Svara om du svarade 2: ”Mer sällan”, eller 7: ”Mycket dåligt” eller ”Ganska dåligt”.",
    ],
    [
      "en",
      "No no Go to question 4",
      "Answer if you answered 2: “Less often”, or 7: “Very poorly” or “Fairly poorly”.",
    ],
  ])("%s: an arrow where one answer decides, one short line where none does", async (lang, arrow, line) => {
    for (const plain of [true, false]) {
      const text = pageTexts((await renderQuestionnairePdf(second, { lang, plain })).bytes).join(" ");
      expect(text).toContain(arrow);
      expect(text.split(line).length - 1).toBe(1);
      // No arrow beside the answers of 7: none of them alone decides whether 8 is asked.
      expect(text.split(/Siirry kysymykseen 9|Gå till fråga 9|Go to question 9/).length - 1).toBe(0);
    }
  });
});

describe("skip logic beside scales", () => {
  const yaml = `kuulo: 1
id: faces
title: { fi: Kasvot, sv: Ansikten, en: Faces }
languages: [en, fi]
choices:
  mood: [{ value: 1, label: { en: Bad, fi: Huono } }, { value: 2, label: { en: Okay, fi: Ok } }, { value: 3, label: { en: Good, fi: Hyvä } }]
sections:
  - id: s
    title: { en: Part, fi: Osa }
    questions:
      - { id: mood, type: likert, scale: mood, smileys: true, text: { en: How was it?, fi: Millaista oli? } }
      - { id: why, type: text, show_if: "mood == '1'", text: { en: What went wrong?, fi: Mikä meni huonosti? } }
      - { id: again, type: yesno, text: { en: Would you come again?, fi: Tulisitko uudestaan? } }
`;
  const faces = parseSurvey(yaml, "faces.yaml").survey as Survey;

  it("says 'if you answered …, go to question N' under a row of faces", async () => {
    const text = pageTexts((await renderQuestionnairePdf(faces, { lang: "en", plain: false })).bytes).join(
      " ",
    );
    expect(text).toContain("If you answered “Okay” or “Good”, go to question 3.");
  });

  it("puts the arrow beside each answer when the faces are listed one per line", async () => {
    const text = pageTexts((await renderQuestionnairePdf(faces, { lang: "fi", plain: true })).bytes).join(
      " ",
    );
    expect(text).toContain("Ok 2 Siirry kysymykseen 3 Hyvä 3 Siirry kysymykseen 3");
    expect(text).not.toContain("Huono 1 Siirry");
  });
});

describe("every question type", () => {
  it.each([
    { lang: "fi", plain: false },
    { lang: "sv", plain: true },
  ])("prints the fixture that has them all ($lang, plain=$plain)", async (v) => {
    const { bytes, pages } = await renderQuestionnairePdf(minimal, v);
    const text = pageTexts(bytes).join(" ");
    const tokens = new Set(text.split(" "));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(entryColumns(minimal).filter((c) => !tokens.has(c))).toEqual([]);
    expect(positionsInOrder(text, expectedOrder(minimal, v.lang, v.plain)).filter((p) => p.at < 0)).toEqual(
      [],
    );
    expect(text).toContain(v.lang === "fi" ? "Yhteensä (pitää olla 5)" : "Sammanlagt (ska bli 5)");
    expect(text).toContain(
      v.lang === "fi" ? "Kirjoita ruutuihin numerot 1 ja 2." : "Skriv siffrorna 1 och 2 i rutorna.",
    );
  });
});
