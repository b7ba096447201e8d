// A survey's text: one string per language code. Defined here, below the survey definition, so
// that choosing a language (pickText) does not depend on the definition's modules.

/** Text per language code. Use `pickText` (src/i18n) to choose one. */
export type Text = Record<string, string>;
