// Instructions that depend on the medium come from the medium: no screen text speaks of
// writing beside a choice, ticking boxes, pens or stickers, and no printed form speaks of keys.
// Checks every screen of every bundled survey (all languages, plain and standard wording, the
// interface's own texts) and the printed form of each, read back from the PDF.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSurvey } from "../../src/definition/parse.js";
import { translator } from "../../src/i18n/index.js";
import { en } from "../../src/i18n/locales/en.js";
import { renderQuestionnairePdf } from "../../src/render/questionnaire-pdf.js";
import { allSteps } from "../../src/session/flow.js";
import { buildScreen, textIn } from "../../src/session/screens.js";
import { ROOT } from "../helpers/cli.js";
import { pdfText } from "../helpers/print-pdf-tools.js";

/** Words of paper: writing beside or in a box or on lines, ticking, circling, pens, stickers. */
const PAPER_WORDS: Record<string, RegExp> = {
  fi: /rasti|kynä|tarra|viereen|ruutuun|ruutuihin|viivoille|viivalle|ympyröi|paperille/i,
  sv: /kryss|penna|klistermärk|bredvid|i rutan|i rutorna|på linjerna|på raden|ringa in/i,
  en: /\btick|\bpen\b|pencil|sticker|next to|in the box|boxes|on the lines?\b|\bcircle\b/i,
};
/** Words of a keyboard (case matters: "Enter" is the key, "enter the library" is not). */
const KEY_WORDS: Record<string, RegExp> = {
  fi: /\bEnter\b|[Nn]äppäin|[Nn]uolinäpp|\b[Pp]aina\b|[Vv]älilyön|[↑↓]/,
  sv: /\bEnter\b|[Tt]angent|\b[Tt]ryck på\b|[Mm]ellanslag|[↑↓]/,
  en: /\bEnter\b|\b[Kk]eys?\b|[Aa]rrow key|\b[Pp]ress\b|[Ss]pace bar|[↑↓]/,
};

const surveys = readdirSync(join(ROOT, "surveys"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => {
    const file = join(ROOT, "surveys", f);
    return parseSurvey(readFileSync(file, "utf8"), file).survey!;
  });
const variants = ["fi", "sv", "en"].flatMap((lang) => [false, true].map((plain) => ({ lang, plain })));

function offending(texts: string[], re: RegExp): string[] {
  return texts.filter((s) => re.test(s));
}

describe("screen texts never speak of paper", () => {
  it.each(variants)("$lang plain=$plain", ({ lang, plain }) => {
    const t = translator(lang);
    const found: string[] = [];
    // The interface's own screen texts.
    const run = Object.keys(en).filter((k) => k.startsWith("run.") || k.startsWith("kiosk."));
    found.push(
      ...offending(
        run.map((k) => t(k as keyof typeof en, { n: 1, total: 2, top: 3, points: 10, min: 1, max: 2 })),
        PAPER_WORDS[lang]!,
      ),
    );
    for (const survey of surveys) {
      const o = { language: lang, plain, emoji: true, t };
      const fb = survey.languages[0]!;
      const texts = [textIn(o, fb, survey.title), textIn(o, fb, survey.intro), textIn(o, fb, survey.outro)];
      for (const step of allSteps(survey)) {
        const s = buildScreen(survey, {}, step, true, o);
        texts.push(
          s.title,
          s.lead ?? "",
          s.help ?? "",
          s.hint ?? "",
          s.section?.title ?? "",
          s.section?.intro ?? "",
        );
        if ("options" in s) texts.push(...s.options.map((x) => x.label));
      }
      found.push(...offending(texts, PAPER_WORDS[lang]!).map((x) => `${survey.id}: ${x}`));
    }
    expect(found).toEqual([]);
  });
});

describe("printed forms never speak of keys", () => {
  it.each(variants)(
    "$lang plain=$plain",
    async ({ lang, plain }) => {
      const found: string[] = [];
      for (const survey of surveys) {
        const pdf = await renderQuestionnairePdf(survey, { lang, plain });
        const text = pdfText(Buffer.from(pdf.bytes));
        const m = text.match(new RegExp(`.{0,60}(${KEY_WORDS[lang]!.source}).{0,60}`));
        if (m) found.push(`${survey.id}: …${m[0]}…`);
      }
      expect(found).toEqual([]);
    },
    60_000,
  );
});
