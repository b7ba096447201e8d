// Skip logic in words for people: "question 3 (How often…) is one of “Monthly”, “Never”".
// Shared by the text preview and printed forms; pure.

import { findSlot } from "../definition/answers.js";
import { compileShowIf, describeExpression } from "../definition/expr/index.js";
import { hasItems, type Survey } from "../definition/model.js";
import { pickText, translator } from "../i18n/index.js";

/**
 * `numbers` maps question ids to their printed numbers; a reference is written as
 * "question N" (localised), and an answer code as its label in quotes: the plain label when
 * `plain` is set, as the plain form itself shows it.
 */
export function describeShowIf(
  src: string,
  survey: Survey,
  lang: string,
  numbers: Map<string, number>,
  plain = false,
): string {
  const t = translator(lang);
  const def = survey.languages[0] ?? lang;
  const name = (ref: string): string => {
    const [qid, item] = ref.split(".");
    const n = numbers.get(qid ?? ref);
    const q = n === undefined ? `"${qid}"` : t("words.questionN", { n });
    if (!item) return q;
    const slot = findSlot(survey, ref);
    const it = slot && hasItems(slot.question) ? slot.question.items.find((i) => i.id === item) : undefined;
    return it ? `${q} “${pickText(it.text, lang, def, plain ? it.plain : undefined)}”` : `${q} (${item})`;
  };
  const label = (ref: string, code?: string): string => {
    if (code === undefined) return name(ref);
    const slot = findSlot(survey, ref);
    const choice =
      slot && "choices" in slot.question ? slot.question.choices.find((c) => c.value === code) : undefined;
    return choice ? `“${pickText(choice.label, lang, def, plain ? choice.plain : undefined)}”` : `“${code}”`;
  };
  return describeExpression(compileShowIf(src), label, {
    and: t("expr.and"),
    or: t("expr.or"),
    not: t("expr.not"),
    answered: (ref) => t("expr.answered", { q: name(ref) }),
    is: t("expr.is"),
    isNot: t("expr.isNot"),
    isOneOf: t("expr.isOneOf"),
    includes: t("expr.includes"),
  });
}
