// Answer labels that Kuulo adds to surveys by itself (yes/no, don't know, other).
// They become part of the survey definition, so they live here rather than in the UI locales.
export const BUILTIN_TEXTS = {
  yes: { fi: "Kyllä", sv: "Ja", en: "Yes" },
  no: { fi: "Ei", sv: "Nej", en: "No" },
  dontKnow: { fi: "En osaa sanoa", sv: "Vet inte", en: "Don't know" },
  other: { fi: "Muu, mikä?", sv: "Annat, vad?", en: "Other, what?" },
} as const;
