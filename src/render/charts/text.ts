// Wrapping labels to a width without ever cutting them: break at spaces, then inside long words
// at hyphens, slashes and soft hyphens, then shrink the type a little, and only as a last resort
// hyphenate a word between letters. Pure: the caller passes the text measurer.
import { font } from "./theme.js";

/** Width of `text` drawn in `font` (a CSS font string), in CSS pixels. */
export type Measure = (text: string, font: string) => number;

export interface FittedText {
  lines: string[];
  size: number;
  font: string;
}

interface Token {
  text: string;
  /** A space separates it from the previous token (else it continues the same word). */
  space: boolean;
  /** Breaking the line after it needs a visible hyphen (a soft hyphen in the source). */
  hyphen: boolean;
}

const SOFT_HYPHEN = "\u00AD";
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * Splits a word after hyphens, dashes and slashes that follow a letter or digit, and at soft
 * hyphens. A dash after a bracket is a sign, not a joint: "(–)" never breaks.
 */
function splitWord(word: string): Token[] {
  const tokens: Token[] = [];
  let current = "";
  let previous = "";
  for (const ch of word) {
    if (ch === SOFT_HYPHEN) {
      if (current) tokens.push({ text: current, space: false, hyphen: true });
      current = "";
      continue;
    }
    current += ch;
    const joint = ch === "-" || ch === "\u2010" || ch === "–" || ch === "/";
    const after = previous;
    previous = ch;
    if (joint && current.length > 1 && ALNUM.test(after)) {
      tokens.push({ text: current, space: false, hyphen: false });
      current = "";
    }
  }
  if (current) tokens.push({ text: current, space: false, hyphen: false });
  // A trailing soft hyphen means nothing at the end of the word.
  const last = tokens[tokens.length - 1];
  if (last) last.hyphen = false;
  return tokens;
}

function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  // Only ordinary spaces and tabs break: a no-break space (as in "42 %") holds.
  for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
    const parts = splitWord(word);
    if (parts[0] && tokens.length > 0) parts[0].space = true;
    tokens.push(...parts);
  }
  return tokens;
}

const VOWEL = /[aeiouyäöåáéíóúü]/i;
const LETTER = /\p{L}/u;

/**
 * Where to break `chars` so the first part ends before `limit`: at a syllable boundary when one is
 * near (before a consonant that starts a vowel, the Finnish rule: "kirjas-to"), else at the limit.
 */
function breakPoint(chars: string[], limit: number): number {
  for (let k = limit; k >= Math.max(2, limit - 6); k--) {
    const c = chars[k];
    const next = chars[k + 1];
    if (
      c &&
      next &&
      LETTER.test(c) &&
      !VOWEL.test(c) &&
      VOWEL.test(next) &&
      VOWEL.test(chars.slice(0, k).join(""))
    )
      return k;
  }
  return limit;
}

/** Letter by letter, so that no piece (with its hyphen, and the last with `hyphen`) is wider than `max`. */
function breakLetters(
  text: string,
  hyphen: boolean,
  max: number,
  fontStr: string,
  measure: Measure,
): Token[] {
  const out: Token[] = [];
  let rest = [...text];
  while (rest.length > 1 && measure(rest.join("") + (hyphen ? "-" : ""), fontStr) > max) {
    let fit = 1;
    while (fit < rest.length && measure(rest.slice(0, fit + 1).join("") + "-", fontStr) <= max) fit++;
    const at = fit >= rest.length ? fit : breakPoint(rest, fit);
    out.push({ text: rest.slice(0, at).join(""), space: false, hyphen: true });
    rest = rest.slice(at);
  }
  if (rest.length > 0) out.push({ text: rest.join(""), space: false, hyphen });
  return out;
}

function pack(tokens: Token[], max: number, fontStr: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  let lineHyphen = false;
  for (const tok of tokens) {
    const candidate = line ? line + (tok.space ? " " : "") + tok.text : tok.text;
    if (!line || measure(candidate + (tok.hyphen ? "-" : ""), fontStr) <= max) {
      line = candidate;
    } else {
      lines.push(lineHyphen ? line + "-" : line);
      line = tok.text;
    }
    lineHyphen = tok.hyphen;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lines of `text` that each fit in `maxWidth` at the largest size from `size` down to
 * `size × minScale`. Explicit newlines are kept. Every character of the text is drawn.
 */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  measure: Measure,
  opts: { weight?: "normal" | "bold"; minScale?: number } = {},
): FittedText {
  const weight = opts.weight ?? "normal";
  const minScale = opts.minScale ?? 0.85;
  const paragraphs = text.split(/\r?\n/).map(tokenize);
  const scales = [1, 0.95, 0.9, minScale].filter((s, i, all) => s >= minScale && all.indexOf(s) === i);
  for (const scale of scales) {
    const fontStr = font(size * scale, weight);
    const fits = paragraphs.every((tokens) =>
      tokens.every((t) => measure(t.text + (t.hyphen ? "-" : ""), fontStr) <= maxWidth),
    );
    if (fits)
      return {
        lines: paragraphs.flatMap((p) => pack(p, maxWidth, fontStr, measure)),
        size: size * scale,
        font: fontStr,
      };
  }
  const small = size * minScale;
  const fontStr = font(small, weight);
  const lines = paragraphs.flatMap((tokens) => {
    const broken = tokens.flatMap((t) => {
      if (measure(t.text + (t.hyphen ? "-" : ""), fontStr) <= maxWidth) return [t];
      const pieces = breakLetters(t.text, t.hyphen, maxWidth, fontStr, measure);
      pieces[0]!.space = t.space;
      return pieces;
    });
    return pack(broken, maxWidth, fontStr, measure);
  });
  return { lines, size: small, font: fontStr };
}

/** The text as one line, soft hyphens removed (for labels that are not wrapped). */
export function plainText(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, "").replace(/\s*\n\s*/g, " ");
}
