// The paper form as a reader and a typist see it: every question and answer in order, every
// data-entry column of the template printed as a code, no question split across pages, large
// type, embedded fonts, skip instructions in words, and the same bytes for the same survey.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import { allQuestions, type Question, type Survey } from "../../src/definition/model.js";
import { translator } from "../../src/i18n/index.js";
import { templateColumns } from "../../src/import/template.js";
import { renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { entryColumns, hasChoiceColumns, questionColumns } from "../../src/render/questionnaire-pdf-codes.js";
import { numberQuestions } from "../../src/render/questionnaire-pdf-routing.js";
import { formTheme } from "../../src/render/questionnaire-pdf-theme.js";
import { ROOT } from "../helpers/cli.js";
import { expectedOrder, minimal, texts } from "../helpers/paper-form-order.js";
import { pageTexts, pdfFonts, pdfPages, positionsInOrder } from "../helpers/print-pdf-tools.js";

const SURVEYS = ["welcome-baseline", "welcome-followup", "workshop-feedback"];
const VARIANTS = [
  { lang: "fi", plain: false },
  { lang: "sv", plain: false },
  { lang: "en", plain: false },
  { lang: "fi", plain: true },
];

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
