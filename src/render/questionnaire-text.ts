// The questionnaire as plain text for proofreading (`kuulo preview`): numbered questions,
// choices with their codes, hints on how to answer, and skip logic in words. Returns a string.
import type { Choice, Question, Survey } from "../definition/model.js";
import { asks } from "../definition/types/traits.js";
import { pickText, translator } from "../i18n/index.js";
import { renderRowOf } from "./question-types.js";
import { describeShowIf } from "./show-if-words.js";

export interface TextOptions {
  lang: string;
  plain: boolean;
}

export function renderQuestionnaireText(survey: Survey, opts: TextOptions): string {
  const t = translator(opts.lang);
  const def = survey.languages[0] ?? opts.lang;
  const txt = (text: Parameters<typeof pickText>[0], plain?: Parameters<typeof pickText>[3]) =>
    pickText(text, opts.lang, def, opts.plain ? plain : undefined);
  const lines: string[] = [];
  const title = txt(survey.title);
  lines.push(title, "=".repeat(Math.min(80, title.length)), "");
  if (survey.intro) lines.push(wrap(txt(survey.intro), 78), "");
  let n = 0;
  const numbers = new Map<string, number>();
  for (const section of survey.sections) {
    const st = txt(section.title, section.plain);
    lines.push(st, "-".repeat(Math.min(80, st.length)), "");
    if (section.intro) lines.push(wrap(txt(section.intro), 78), "");
    for (const q of section.questions) {
      if (asks(q)) numbers.set(q.id, ++n);
      lines.push(...questionLines(q, numbers, survey, opts, t, txt), "");
    }
  }
  if (survey.outro) lines.push(wrap(txt(survey.outro), 78), "");
  return lines.join("\n");
}

type Txt = (text: Parameters<typeof pickText>[0], plain?: Parameters<typeof pickText>[3]) => string;

function questionLines(
  q: Question,
  numbers: Map<string, number>,
  survey: Survey,
  opts: TextOptions,
  t: ReturnType<typeof translator>,
  txt: Txt,
): string[] {
  const num = numbers.get(q.id);
  const head = asks(q) ? `${num}.` : `[${t("preview.info")}]`;
  const flag = asks(q) ? ` (${q.required ? t("preview.required") : t("preview.optional")})` : "";
  const lines = [wrap(`${head} ${txt(q.text, q.plain)}${flag}  [${q.id}]`, 78, "   ")];
  if (q.help) lines.push(`   ${wrap(txt(q.help), 75, "   ")}`);
  if (q.showIf)
    lines.push(
      `   ${wrap(`→ ${t("preview.shownIf", { cond: describeShowIf(q.showIf, survey, opts.lang, numbers, opts.plain) })}`, 75, "     ")}`,
    );
  const choiceLine = (c: Choice, marker: string, extra = "") => {
    const label = txt(c.label, c.plain);
    // An unlabelled point of a numeric scale is its own code: "( ) 2", not "( ) 2  (2)".
    const code = label === c.value ? "" : `  (${c.value})`;
    return `   ${marker} ${label}${code}${c.missing ? ` – ${t("preview.missing")}` : ""}${extra}`;
  };
  lines.push(...renderRowOf(q).preview(q, { t, txt, choiceLine }));
  return lines;
}

/** Greedy word wrap; continuation lines get `indent`. */
export function wrap(text: string, width: number, indent = ""): string {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent + word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out.join("\n");
}
