// The most frequent terms in free-text answers: lower case, punctuation stripped, stop words and
// mask markers left out, inflected forms grouped by their Snowball stem in the answer's language
// (shown as their most frequent form), each term counted once per respondent and per language.
// Pure. Suppression (terms used by fewer than minCell people are not listed) is applied here so no
// caller can forget it.
import { createRequire } from "node:module";
import { MASK_MARKERS } from "./mask.js";
import { STOP_WORDS } from "./stopwords.js";

export interface TermCount {
  /** The most frequent written form of the term's stem. */
  term: string;
  /** The language of the answers it was counted in ("" when not known). */
  lang: string;
  /** Respondents whose answer uses the term (at least minCell). */
  count: number;
}

const MARKERS = Object.values(MASK_MARKERS);
/** At most this many terms are listed; the long tail says little. */
export const MAX_TERMS = 30;

/** The distinct terms of one answer, in first-seen order. */
export function termsOf(text: string): string[] {
  let t = text.normalize("NFC");
  for (const m of MARKERS) t = t.split(m).join(" ");
  const words = t
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, "").replace(/['’]/g, ""))
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w) && !STOP_WORDS.has(w));
  return [...new Set(words)];
}

type Snowball = typeof import("snowball-stemmers");
/**
 * The stemmers (an 850 kB CommonJS file), required when the first free text is counted. Imported
 * as a module instead, Node would first scan the whole source for the names it exports: ~80 ms of
 * CPU for every report, free texts or not.
 */
let snowball: Snowball | undefined;
const loadSnowball = (): Snowball =>
  (snowball ??= createRequire(import.meta.url)("snowball-stemmers") as Snowball);

const ALGORITHMS: Record<string, string> = { fi: "finnish", sv: "swedish", en: "english" };
const STEMMERS = new Map<string, (w: string) => string>();
/** Stems kept per language: answers repeat the same few thousand words, and stemming is slow. */
const STEM_CACHE_LIMIT = 100_000;

/** The stemmer of a language; words of other languages are left as written. */
function stemmerOf(lang: string): (w: string) => string {
  let f = STEMMERS.get(lang);
  if (!f) {
    const name = ALGORITHMS[lang];
    if (name) {
      const s = loadSnowball().newStemmer(name);
      const stems = new Map<string, string>();
      f = (w) => {
        let stem = stems.get(w);
        if (stem === undefined) {
          stem = s.stem(w);
          if (stems.size < STEM_CACHE_LIMIT) stems.set(w, stem);
        }
        return stem;
      };
    } else f = (w) => w;
    STEMMERS.set(lang, f);
  }
  return f;
}

/** Answers with the same text in the same language, and how many there are. */
export interface TextGroup {
  text: string;
  /** The language of the answers ("" when not known). */
  lang: string;
  count: number;
}

/**
 * Terms used by at least `minCell` respondents, most frequent first, ties alphabetical. `langs[i]`
 * is the language answer i was given in; each language's terms are counted apart.
 */
export function countTerms(
  answers: readonly string[],
  minCell: number,
  langs?: readonly string[],
): TermCount[] {
  const groups: TextGroup[] = [];
  const byLang = new Map<string, Map<string, TextGroup>>();
  answers.forEach((text, i) => {
    const lang = langs?.[i] ?? "";
    let m = byLang.get(lang);
    if (!m) {
      m = new Map();
      byLang.set(lang, m);
    }
    const g = m.get(text);
    if (g) g.count++;
    else {
      const added = { text, lang, count: 1 };
      m.set(text, added);
      groups.push(added);
    }
  });
  return countTermGroups(groups, minCell);
}

/**
 * The same from the answers grouped by text and language, the groups in the order their first
 * answer came: the terms of each distinct text are found and stemmed once.
 */
export function countTermGroups(groups: readonly TextGroup[], minCell: number): TermCount[] {
  const counts = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  const seen = new Map<string, string[]>();
  for (const { text, lang, count } of groups) {
    let terms = seen.get(text);
    if (!terms) {
      terms = termsOf(text);
      seen.set(text, terms);
    }
    const stem = stemmerOf(lang);
    const keys = new Map<string, string>();
    for (const w of terms) {
      const key = `${lang}\u0000${stem(w)}`;
      if (!keys.has(key)) keys.set(key, w);
    }
    for (const [key, w] of keys) {
      counts.set(key, (counts.get(key) ?? 0) + count);
      let f = forms.get(key);
      if (!f) {
        f = new Map<string, number>();
        forms.set(key, f);
      }
      f.set(w, (f.get(w) ?? 0) + count);
    }
  }
  const surface = (key: string) =>
    [...forms.get(key)!].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
  return [...counts]
    .filter(([, c]) => c >= minCell)
    .map(([key, count]) => ({ term: surface(key), lang: key.slice(0, key.indexOf("\u0000")), count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, MAX_TERMS);
}
