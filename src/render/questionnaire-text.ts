// The questionnaire as plain text for proofreading (`kuulo preview`): numbered questions,
// choices with their codes, hints on how to answer, and skip logic in words. Returns a string.
import type { Choice, Question, Survey } from "../definition/model.js";
import { pickText, translator } from "../i18n/index.js";
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
      if (q.type !== "info") numbers.set(q.id, ++n);
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
  const head = q.type === "info" ? `[${t("preview.info")}]` : `${num}.`;
  const flag = q.type === "info" ? "" : ` (${q.required ? t("preview.required") : t("preview.optional")})`;
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
  switch (q.type) {
    case "single":
    case "yesno":
      lines.push(`   ${t("preview.pickOne")}:`, ...q.choices.map((c) => choiceLine(c, "( )")));
      break;
    case "multi": {
      const rule =
        q.min !== undefined && q.max !== undefined
          ? t("preview.pickBetween", { min: q.min, max: q.max })
          : q.max !== undefined
            ? t("preview.pickAtMost", { max: q.max })
            : q.min !== undefined && q.min > 1
              ? t("preview.pickAtLeast", { min: q.min })
              : t("preview.pickMany");
      lines.push(
        `   ${rule}:`,
        ...q.choices.map((c) =>
          choiceLine(c, "[ ]", q.exclusive.includes(c.value) ? ` – ${t("preview.exclusive")}` : ""),
        ),
      );
      break;
    }
    case "likert":
      lines.push(...q.choices.map((c) => choiceLine(c, "( )")));
      break;
    case "scale": {
      const ends = [
        q.labels.min ? `${q.min} = ${txt(q.labels.min)}` : "",
        q.labels.max ? `${q.max} = ${txt(q.labels.max)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      lines.push(`   ${t("preview.scaleRange", { min: q.min, max: q.max })}${ends ? `: ${ends}` : ""}`);
      for (const c of q.choices.filter((c) => c.missing)) lines.push(choiceLine(c, "( )"));
      break;
    }
    case "matrix":
      lines.push(`   ${t("preview.items")}:`);
      for (const it of q.items)
        lines.push(`   • ${txt(it.text, it.plain)}  [${q.id}.${it.id}]${it.reverse ? " (↺)" : ""}`);
      // A point of a numeric scale without a label of its own is just its number ("2", not "2 = 2").
      lines.push(
        `   ${q.choices
          .map((c) => {
            const label = txt(c.label, c.plain);
            return label === c.value ? c.value : `${c.value} = ${label}`;
          })
          .join(" · ")}`,
      );
      break;
    case "number": {
      const base =
        q.min !== undefined && q.max !== undefined
          ? t("preview.numberRange", { min: q.min, max: q.max })
          : t("preview.number");
      lines.push(
        `   ${base}${q.integer ? ` (${t("preview.integer")})` : ""}${q.unit ? ` ${txt(q.unit)}` : ""}: ______`,
      );
      break;
    }
    case "text":
      lines.push(`   ${t("preview.text", { max: q.maxLength })}: ______________________`);
      break;
    case "ranking":
      lines.push(
        `   ${t("preview.ranking", { top: q.top })}:`,
        ...q.choices.map((c) => choiceLine(c, "[_]")),
      );
      break;
    case "allocate":
      lines.push(
        `   ${t("preview.allocate", { points: q.points })}:`,
        ...q.choices.map((c) => choiceLine(c, "__ ×")),
      );
      break;
    case "info":
      break;
  }
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
