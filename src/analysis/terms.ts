// The most frequent terms in free-text answers: lower case, punctuation stripped, stop words and
// mask markers left out, each term counted once per respondent. Pure. Suppression (terms used by
// fewer than minCell people are not listed) is applied here so no caller can forget it.
import { MASK_MARKERS } from "./mask.js";
import { STOP_WORDS } from "./stopwords.js";

export interface TermCount {
  term: string;
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

/** Terms used by at least `minCell` respondents, most frequent first, ties alphabetical. */
export function countTerms(answers: readonly string[], minCell: number): TermCount[] {
  const counts = new Map<string, number>();
  // The same answer has the same terms: split each distinct text once.
  const seen = new Map<string, string[]>();
  for (const a of answers) {
    let terms = seen.get(a);
    if (!terms) {
      terms = termsOf(a);
      seen.set(a, terms);
    }
    for (const w of terms) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, c]) => c >= minCell)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_TERMS)
    .map(([term, count]) => ({ term, count }));
}
