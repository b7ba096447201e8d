// Splits show_if source into tokens and defines the syntax error that parsing throws internally.
// Must not accept anything the grammar does not name: symbols such as && get a hint instead.
import type { ExprProblem } from "./ast.js";

export const KEYWORDS = new Set(["and", "or", "not", "in", "contains", "answered", "true", "false"]);
const OPS = ["==", "!=", "<=", ">=", "<", ">", "=", "(", ")", "[", "]", ","] as const;

export type Tok =
  | { t: "ref" | "kw" | "op"; v: string; start: number; end: number }
  | { t: "str"; v: string; start: number; end: number }
  | { t: "num"; v: number; start: number; end: number }
  | { t: "eof"; v: ""; start: number; end: number };

export class Fail {
  constructor(readonly problem: ExprProblem) {}
}

export function fail(start: number, end: number, message: string, hint: string): never {
  throw new Fail({ code: "SURVEY_EXPR_SYNTAX", message, start, end, hint });
}

// Sticky patterns match at lastIndex only, so scanning never copies the rest of the source.
const WORD = /[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(\.\d+)?/y;
const JUNK = /[A-Za-z0-9_.]+/y;

function match(re: RegExp, src: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(src)?.[0];
}

const WORD_HINT = "Write and / or / not as words, e.g. age == 1 and not visit_freq == 'never'.";
const SYMBOL_WORDS: Record<string, string> = { "&&": "and", "&": "and", "||": "or", "|": "or", "!": "not" };

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    const w = match(WORD, src, i);
    if (w) {
      i += w.length;
      if (KEYWORDS.has(w)) toks.push({ t: "kw", v: w, start, end: i });
      else if (/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/.test(w)) toks.push({ t: "ref", v: w, start, end: i });
      else if (KEYWORDS.has(w.toLowerCase()))
        fail(start, i, `"${w}" is not a keyword.`, `Keywords are written in lower case: ${w.toLowerCase()}.`);
      else
        fail(
          start,
          i,
          `"${w}" is not a question id.`,
          "Refer to a question by its id (lower-case letters, digits and _), or as matrix.item for one statement.",
        );
      continue;
    }
    const num = match(NUMBER, src, i);
    if (num) {
      i += num.length;
      const junk = match(JUNK, src, i);
      if (junk)
        fail(
          start,
          i + junk.length,
          `"${src.slice(start, i + junk.length)}" is not a number.`,
          "Write numbers as 3, -2 or 2.5; put codes in quotes: 'a1'.",
        );
      const v = Number(num);
      if (!Number.isFinite(v)) fail(start, i, "This number is too large.", "Use a smaller number.");
      toks.push({ t: "num", v, start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      toks.push(readString(src, i));
      i = toks[toks.length - 1]!.end;
      continue;
    }
    const symbol =
      ["&&", "||", "&", "|"].find((s) => src.startsWith(s, i)) ??
      (src.startsWith("!=", i) ? undefined : c === "!" ? "!" : undefined);
    if (symbol)
      fail(
        start,
        i + symbol.length,
        `Use the word "${SYMBOL_WORDS[symbol]}" instead of "${symbol}".`,
        WORD_HINT,
      );
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      i += op.length;
      toks.push({ t: "op", v: op === "=" ? "==" : op, start, end: i });
      continue;
    }
    if (c === "-")
      fail(start, start + 1, 'A "-" must be followed by digits.', "Write a negative number as -2.");
    const ch = String.fromCodePoint(src.codePointAt(i)!);
    fail(
      start,
      start + ch.length,
      `Unexpected character "${ch}".`,
      "Compare questions with == != < <= > >=, in [...] or contains.",
    );
  }
  toks.push({ t: "eof", v: "", start: src.length, end: src.length });
  return toks;
}

function readString(src: string, start: number): Tok {
  const quote = src[start]!;
  let v = "";
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i]!;
    if (c === quote) return { t: "str", v, start, end: i + 1 };
    if (c === "\\") {
      const next = src[i + 1];
      if (next !== "'" && next !== '"' && next !== "\\")
        fail(
          i,
          Math.min(i + 2, src.length),
          "Unknown escape after a backslash.",
          "Only \\' \\\" and \\\\ may follow a backslash.",
        );
      v += next;
      i++;
    } else v += c;
  }
  return fail(start, src.length, "This text has no closing quote.", `End it with ${quote}.`);
}

export function show(tok: Tok): string {
  return tok.t === "eof" ? "the end" : tok.t === "str" ? "a quoted text" : `"${tok.v}"`;
}
