// Reads a response's stored answers (the canonical JSON of encodeAnswers: keys sorted, no spaces)
// straight into an array by slot, without an object per response: an export reads millions of
// cells. Anything it does not expect makes it give up, and the caller parses the JSON instead.
import type { AnswerValue } from "../definition/answers.js";

/** Values by the position of their slot id in the sorted list the scanner was made with. */
export type SlotValues = (AnswerValue | undefined)[];

/**
 * A scanner for answers to the given slot ids (sorted as encodeAnswers sorts keys). It fills
 * `out` (cleared first) and says true, or says false when the text is not in the canonical
 * shape (another key order, an unknown slot, spaces, anything damaged): then `out` means
 * nothing and the caller must parse the text as JSON, which tells the damaged from the odd.
 */
export function answersScanner(sortedIds: readonly string[]): (text: string, out: SlotValues) => boolean {
  const ids = sortedIds;
  const count = ids.length;
  return (text, out) => {
    out.fill(undefined);
    try {
      return scan(text, out);
    } catch {
      return false; // a piece JSON.parse refused: the caller's parse names the damage
    }
  };

  function scan(text: string, out: SlotValues): boolean {
    const n = text.length;
    if (text.charCodeAt(0) !== 123 /* { */) return false;
    if (text.charCodeAt(1) === 125 /* } */) return n === 2;
    let pos = 1;
    let k = 0;
    for (;;) {
      if (text.charCodeAt(pos) !== 34 /* " */) return false;
      // Keys come sorted, so the next one is one of ids[k…]: no key string is made.
      while (k < count && !isKeyAt(text, pos + 1, ids[k]!)) k++;
      if (k === count) return false;
      pos += ids[k]!.length + 2;
      if (text.charCodeAt(pos) !== 58 /* : */) return false;
      pos++;
      const c = text.charCodeAt(pos);
      let end: number;
      let value: AnswerValue;
      if (c === 34) {
        end = stringEnd(text, pos);
        if (end < 0) return false;
        value = escaped ? (JSON.parse(text.slice(pos, end)) as string) : text.slice(pos + 1, end - 1);
      } else if (c === 91 /* [ */ || c === 123) {
        end = nestedEnd(text, pos);
        if (end < 0) return false;
        value = JSON.parse(text.slice(pos, end)) as AnswerValue;
      } else {
        end = pos;
        while (end < n && text.charCodeAt(end) !== 44 /* , */ && text.charCodeAt(end) !== 125) end++;
        const raw = text.slice(pos, end);
        if (raw === "null") value = null;
        else {
          const num = Number(raw);
          // As JSON.stringify wrote it, or the JSON parser decides.
          if (raw === "" || String(num) !== raw) return false;
          value = num;
        }
      }
      out[k] = value;
      k++;
      pos = end;
      const next = text.charCodeAt(pos);
      if (next === 125) return pos === n - 1;
      if (next !== 44) return false;
      pos++;
    }
  }
}

/** Whether `"id"` (quoted, nothing escaped) begins at the quote before `at`. */
function isKeyAt(text: string, at: number, id: string): boolean {
  return text.startsWith(id, at) && text.charCodeAt(at + id.length) === 34;
}

/** Whether the string stringEnd last passed over holds an escape (\n, \", \u00e4…). */
let escaped = false;

/** The position after the closing quote of the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  const n = text.length;
  escaped = false;
  for (let i = start + 1; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return -1; // a raw control character: not JSON
    if (c === 92 /* \ */) {
      escaped = true;
      i++;
    }
  }
  return -1;
}

/** The position after the list or object opening at `start`, or -1. */
function nestedEnd(text: string, start: number): number {
  const n = text.length;
  let depth = 0;
  for (let i = start; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i) - 1;
      if (i < 0) return -1;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 /* ] */ || c === 125) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
