// Fixed-width text for terminals: how many columns a string takes, and word wrapping that never
// drops a character (a word longer than the line is broken). Used by the kiosk's question screens
// and by the report's terminal summary, each with its own way of measuring.
import { stripVTControlCharacters } from "node:util";

/** Columns a string takes on a terminal (emoji count two, joiners and combining marks none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripVTControlCharacters(text)) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x200d || cp === 0xfe0f || (cp >= 0x300 && cp <= 0x36f)) continue;
    width += cp >= 0x1f300 && cp <= 0x1faff ? 2 : 1;
  }
  return width;
}

/**
 * Word-wrap to `width` columns, measured by `measure`; paragraphs (\n) are kept, each line starts
 * with `indent`, and a word longer than the line is broken into pieces that fit.
 */
export function wrapText(text: string, width: number, indent = "", measure = displayWidth): string[] {
  const room = Math.max(1, width - measure(indent));
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    // Only ASCII spaces break a line: a no-break space (as in "47 %") keeps its words together.
    for (const word of paragraph.split(/[ \t\r\f\v]+/).filter(Boolean)) {
      let w = word;
      while (measure(w) > room) {
        if (line) lines.push(indent + line);
        line = "";
        const cut = [...w].slice(0, room).join("");
        lines.push(indent + cut);
        w = w.slice(cut.length);
      }
      if (!w) continue;
      if (line && measure(line) + 1 + measure(w) > room) {
        lines.push(indent + line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    lines.push(indent + line);
  }
  return lines;
}
