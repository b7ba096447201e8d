// Reading survey text safely (size, encoding) and parsing YAML into plain data while keeping
// a way back from a data path (["sections", 0, "questions", 2, "show_if"]) to line:col.
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, Parser, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostics.js";

/** Survey files are a few kilobytes; refusing big files early keeps a mistaken path harmless. */
export const MAX_SURVEY_BYTES = 1_000_000;
const MAX_ALIASES = 100;

export type Path = readonly (string | number)[];

export interface ParsedYaml {
  data: unknown;
  /** Line, column and length of the node at `path` (the key for a missing/unknown key when asked). */
  locate(path: Path, opts?: { key?: string }): { line: number; col: number; length: number };
}

const YAML_CODES: Record<string, { code: string; hint?: string }> = {
  DUPLICATE_KEY: {
    code: "SURVEY_DUPLICATE_KEY",
    hint: "Each key may appear once in a mapping; remove or rename one.",
  },
  TAB_AS_INDENT: {
    code: "SURVEY_TAB_INDENT",
    hint: "YAML indents with spaces only; replace the tabs with spaces.",
  },
};

/** Decode bytes as UTF-8 (a BOM is fine) or UTF-16 with a BOM; anything else is a diagnostic. */
export function decodeSurveyBytes(
  bytes: Uint8Array,
  file: string,
): { text: string } | { diagnostic: Diagnostic } {
  const at0 = (code: string, message: string, hint?: string): { diagnostic: Diagnostic } => ({
    diagnostic: {
      severity: "error",
      code,
      message,
      file,
      line: 0,
      col: 0,
      length: 1,
      ...(hint ? { hint } : {}),
    },
  });
  if (bytes.length > MAX_SURVEY_BYTES)
    return at0(
      "SURVEY_TOO_LARGE",
      `The file is ${(bytes.length / 1e6).toFixed(1)} MB; a survey file may be at most ${MAX_SURVEY_BYTES / 1e6} MB.`,
      "Is this the right file? Survey definitions are usually a few kilobytes.",
    );
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return { text: new TextDecoder("utf-16le", { fatal: true }).decode(bytes) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return { text: new TextDecoder("utf-16be", { fatal: true }).decode(bytes) };
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    return {
      diagnostic: {
        severity: "error",
        code: "SURVEY_NOT_UTF8",
        message: "The file is not valid UTF-8 text.",
        hint: "Save it as UTF-8 (in most editors: Save as → Encoding: UTF-8).",
        file,
        line: lines.length,
        col: (lines.at(-1)?.length ?? 0) + 1,
        length: 1,
      },
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const dec = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix; a cut inside a multi-byte char also fails, which is fine here.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      dec.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export function parseYaml(text: string, file: string): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  if (text.trim() === "" || /^(\s*#.*\n?)*\s*$/.test(text)) {
    diagnostics.push({
      severity: "error",
      code: "SURVEY_EMPTY",
      message: "The file is empty.",
      hint: "A survey starts with `kuulo: 1`, an id, a title, languages and sections; see surveys/ for examples.",
      file,
      line: 0,
      col: 0,
      length: 1,
    });
    return { diagnostics };
  }
  const deep = tooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep).split("\n");
    diagnostics.push(deepDiagnostic(file, before.length, (before.at(-1)?.length ?? 0) + 1));
    return { diagnostics };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: "core", prettyErrors: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    diagnostics.push(deepDiagnostic(file, 1, 1));
    return { diagnostics };
  }
  const pos = (offset: number) => lineCounter.linePos(Math.min(offset, text.length));
  const unclosed = doc.errors.some((e) => /Missing closing .?quote/.test(e.message))
    ? unclosedQuote(text)
    : undefined;
  if (unclosed !== undefined) {
    // The parser notices a missing closing quote only at the end of the file; the mistake is
    // where the quote opens, and the errors that follow from it are noise.
    const start = pos(unclosed.offset);
    diagnostics.push({
      severity: "error",
      code: "SURVEY_UNCLOSED_QUOTE",
      message: `This ${unclosed.quote === '"' ? "double" : "single"} quote is never closed, so the rest of the file is read as one text.`,
      hint: `Add the closing ${unclosed.quote} at the end of the text, or remove this one.`,
      file,
      line: start.line,
      col: start.col,
      length: 1,
    });
    return { diagnostics };
  }
  for (const e of doc.errors) {
    const known = YAML_CODES[e.code];
    const start = pos(e.pos[0]);
    diagnostics.push({
      severity: "error",
      code: known?.code ?? "SURVEY_YAML_SYNTAX",
      message: `YAML: ${e.message.split("\n")[0]}`,
      hint: known?.hint ?? "Check indentation, colons and quotes on this line and the one above.",
      file,
      line: start.line,
      col: start.col,
      length: Math.max(1, e.pos[1] - e.pos[0]),
    });
  }
  if (diagnostics.length > 0) return { diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof RangeError) return { diagnostics: [deepDiagnostic(file, 1, 1)] };
    diagnostics.push({
      severity: "error",
      code: "SURVEY_ALIAS_LIMIT",
      message: `YAML aliases expand too much (${(e as Error).message}).`,
      hint: "Use an anchor (&) for a whole list and an alias (*) for each reuse, not aliases inside aliases; choice lists can be named under choices: instead.",
      file,
      line: 1,
      col: 1,
      length: 1,
    });
    return { diagnostics };
  }
  return {
    parsed: { data, locate: (path, opts) => locate(doc, text, lineCounter, path, opts?.key) },
    diagnostics,
  };
}

/** A survey is a few levels deep; deeper nesting is a wrong file or an attack on the parser. */
const MAX_DEPTH = 64;
const MAX_INDENT = 256;

/**
 * Where the text nests deeper than MAX_DEPTH brackets or indents more than MAX_INDENT spaces,
 * found by a linear scan before the recursive parser could run out of stack.
 */
export function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") {
      lineStart = true;
      indent = 0;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (lineStart) {
      if (ch === " ") {
        if (++indent > MAX_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = (end < 0 ? text.length : end) - 1;
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = ch;
    else if (ch === "[" || ch === "{") {
      if (++depth > MAX_DEPTH) return i;
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return undefined;
}

function deepDiagnostic(file: string, line: number, col: number): Diagnostic {
  return {
    severity: "error",
    code: "SURVEY_TOO_DEEP",
    message: `The file nests deeper than a survey can (more than ${MAX_DEPTH} levels of brackets or ${MAX_INDENT} spaces of indentation).`,
    hint: "Is this the right file? A survey is a few levels deep: sections, questions, choices.",
    file,
    line,
    col,
    length: 1,
  };
}

/** The first quoted scalar whose closing quote is missing, from the parser's token tree. */
function unclosedQuote(text: string): { offset: number; quote: string } | undefined {
  const found: { offset: number; quote: string }[] = [];
  const walk = (t: unknown): void => {
    if (!t || typeof t !== "object") return;
    if (Array.isArray(t)) {
      for (const x of t) walk(x);
      return;
    }
    const tok = t as { type?: string; offset?: number; source?: string } & Record<string, unknown>;
    if ((tok.type === "double-quoted-scalar" || tok.type === "single-quoted-scalar") && tok.source) {
      const q = tok.source[0]!;
      const body = tok.source.slice(1);
      const closed =
        q === '"' ? /(^|[^\\])(\\\\)*"$/.test(body) : body.endsWith("'") && /^(?:[^']|'')*'$/.test(body);
      if (!closed && tok.offset !== undefined) found.push({ offset: tok.offset, quote: q });
    }
    for (const k of ["items", "start", "key", "sep", "value", "end", "props"]) if (k in tok) walk(tok[k]);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found[0];
}

function locate(
  doc: Document,
  text: string,
  lc: LineCounter,
  path: Path,
  key?: string,
): { line: number; col: number; length: number } {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === "number" && node.items[step]) {
      keyNode = undefined;
      node = node.items[step];
    } else break;
  }
  let target = node as Node | undefined;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair) target = pair.key as Node;
  } else if (target && (isMap(target) || isSeq(target)) && keyNode) {
    // Underline the key of a block mapping/list rather than its whole multi-line body.
    target = keyNode;
  }
  const range = target?.range;
  if (!range) return { line: 1, col: 1, length: 1 };
  const start = lc.linePos(range[0]);
  const lineEnd = text.indexOf("\n", range[0]);
  const end = Math.min(range[1], lineEnd === -1 ? text.length : lineEnd);
  return { line: start.line, col: start.col, length: Math.max(1, end - range[0]) };
}
