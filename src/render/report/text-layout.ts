// Fixed-width text layout for the terminal summary: widths in characters (code points, after NFC),
// word wrapping that never drops text (a word longer than the line is broken, not cut), padding.

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

/** Lines of at most `width` characters; every character of `text` is kept. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/ +/).filter((x) => x.length > 0)) {
      let rest = word;
      while (textWidth(rest) > w) {
        if (line) {
          lines.push(line);
          line = "";
        }
        const chars = [...rest];
        lines.push(chars.slice(0, w).join(""));
        rest = chars.slice(w).join("");
      }
      if (!line) line = rest;
      else if (textWidth(line) + 1 + textWidth(rest) <= w) line += ` ${rest}`;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}
