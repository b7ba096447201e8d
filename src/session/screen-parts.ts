// The parts of a screen that several question types share: texts in the person's language,
// choice options with faces and marks, numbers as the person types them. Pure.
import { OTHER_CODE } from "../definition/answers.js";
import { type Choice, hasOther, type Question, type Text } from "../definition/model.js";
import { pickText } from "../i18n/index.js";
import { faceFor } from "./faces.js";
import type { ChoiceOption, Translate } from "./prompter.js";

export interface ScreenOptions {
  language: string;
  plain: boolean;
  emoji: boolean;
  t: Translate;
}

/** A text in the session's language, the plain wording when asked for and present. */
export function textIn(
  o: Pick<ScreenOptions, "language" | "plain">,
  fallback: string,
  text?: Text,
  plain?: Text,
): string {
  return pickText(text, o.language, fallback, o.plain ? plain : undefined);
}

/**
 * The options of a choice screen, labels in the person's language; `ends` adds the words of a
 * scale's two ends ("0 – Not at all") to its first and last points.
 */
export function choiceOptions(
  q: Question & { choices: Choice[] },
  o: ScreenOptions,
  fb: string,
  ends?: { min: number; max: number; labels: { min?: Text; max?: Text } },
): ChoiceOption[] {
  const smileys = "smileys" in q && q.smileys;
  const scalePoints = q.choices.filter((c) => !c.missing);
  const exclusive = "exclusive" in q ? q.exclusive : [];
  return q.choices.map((c) => {
    let label = textIn(o, fb, c.label, c.plain);
    if (ends && !c.missing) {
      const end =
        c.value === String(ends.min)
          ? ends.labels.min
          : c.value === String(ends.max)
            ? ends.labels.max
            : undefined;
      if (end) label = `${label} – ${textIn(o, fb, end)}`;
    }
    const option: ChoiceOption = { code: c.value, label };
    if (smileys && !c.missing) option.face = faceFor(scalePoints.indexOf(c), scalePoints.length, o.emoji);
    if (exclusive.includes(c.value)) option.exclusive = true;
    if (c.value === OTHER_CODE && hasOther(q)) option.other = true;
    return option;
  });
}

/** A stored number as the person would type it (decimal comma outside English). */
export function formatNumber(n: number, language: string): string {
  const s = String(n);
  return language === "en" ? s : s.replace(".", ",");
}
