// Fixed-width text layout for the terminal summary: widths in characters (code points, after NFC)
// and padding; word wrapping is the shared wrapText (src/terminal/wrap.ts) measured by textWidth.
import { wrapText } from "../../terminal/wrap.js";

export function textWidth(s: string): number {
  let n = 0;
  for (const ch of s.normalize("NFC")) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

export function padEnd(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - textWidth(s)));
}

export function padStart(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - textWidth(s))) + s;
}

/** Lines of at most `width` characters (textWidth); every character of `text` is kept. */
export function wrapLines(text: string, width: number): string[] {
  return wrapText(text, width, "", textWidth);
}
