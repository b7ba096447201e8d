// Respondent- and report-facing words in Finnish, Swedish and English, and the rule for
// choosing a survey text in a language (falling back to the survey's default language).

import { en, type MessageKey, type Messages } from "./locales/en.js";
import { fi } from "./locales/fi.js";
import { sv } from "./locales/sv.js";
import type { Text } from "./text.js";

export type { MessageKey } from "./locales/en.js";
export const UI_LANGUAGES = ["fi", "sv", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const LOCALES: Record<UiLanguage, Messages> = { fi, sv, en };

export function isUiLanguage(lang: string): lang is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(lang);
}

/** A translator for one language; unknown languages fall back to English. */
export function translator(
  lang: string,
): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const messages = isUiLanguage(lang) ? LOCALES[lang] : en;
  return (key, vars) => {
    const template = messages[key] ?? en[key];
    return vars
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
      : template;
  };
}

/**
 * The text in `lang`; else in the default language; else any. With `plain`, the plain
 * wording in that language is preferred when there is one.
 */
export function pickText(text: Text | undefined, lang: string, fallback: string, plain?: Text): string {
  if (plain?.[lang]) return plain[lang];
  if (!text) return "";
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? "";
}
