// Text layout for question screens on a small terminal (80×24): word wrapping that knows emoji
// are two columns wide, and the header every screen shares (progress, section, question, help).
// Pure string work; meaning never rests on colour alone (markers and words carry it).
import type { Colors } from "../../terminal/io.js";
import { displayWidth, wrapText } from "../../terminal/wrap.js";
import type { QuestionScreen } from "../prompter.js";

/** Clears the screen and the scrollback, cursor home: the next person sees nothing of the last. */
export const CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";

// One wrapText and one displayWidth for every fixed-width text (src/terminal/wrap.ts).
export { displayWidth, wrapText };

/** Usable width: the terminal's, at most 100 so lines stay readable, minus a margin. */
export function screenWidth(columns: number | undefined): number {
  return Math.max(30, Math.min(columns && columns > 0 ? columns : 80, 100) - 2);
}

/** The header of a question screen, as lines. */
export function renderHeader(screen: QuestionScreen, width: number, c: Colors): string[] {
  const { top, text } = headerParts(screen, width, c);
  return [...top, ...text];
}

/** The header in two parts: the progress, pinned at the top, and the texts, which may scroll. */
export function headerParts(
  screen: QuestionScreen,
  width: number,
  c: Colors,
): { top: string[]; text: string[] } {
  const { t, progress } = screen;
  let top = t("run.progress", { n: progress.index, total: progress.total });
  if (progress.item)
    top += `  ·  ${t("run.statement", { n: progress.item.index, total: progress.item.total })}`;
  const lines: string[] = [];
  if (screen.section) {
    lines.push(...wrapText(screen.section.title.toUpperCase(), width).map((l) => c.bold(l)));
    if (screen.section.intro) lines.push(...wrapText(screen.section.intro, width));
    lines.push("");
  }
  if (screen.lead) {
    // A matrix statement: the shared question (and its help) above, the statement marked below.
    lines.push(...wrapText(screen.lead, width));
    if (screen.help) lines.push(...wrapText(screen.help, width).map((l) => c.italic(l)));
    const [first = "", ...rest] = wrapText(screen.title, width, "    ");
    lines.push("", c.bold(`  » ${first.trimStart()}`), ...rest.map((l) => c.bold(l)));
  } else {
    lines.push(...wrapText(screen.title, width).map((l) => c.bold(l)));
    if (screen.help) lines.push(...wrapText(screen.help, width).map((l) => c.italic(l)));
  }
  const notes = [screen.hint, screen.required ? t("run.required") : undefined].filter(Boolean).join(" ");
  if (notes) lines.push(...wrapText(notes, width).map((l) => c.dim(l)));
  if ("current" in screen && screen.current === null) lines.push(...wrapText(t("run.skipped"), width));
  const progressLines = displayWidth(top) <= width ? [top] : wrapText(top, width);
  return { top: [...progressLines.map((l) => c.dim(l)), ""], text: lines };
}

/** A page (intro, end, thank-you) as lines. */
export function renderPageText(title: string, text: string, width: number, c: Colors): string[] {
  const lines = title ? wrapText(title, width).map((l) => c.bold(l)) : [];
  // Paragraphs get a blank line between them: a wall of text is hard to read.
  for (const paragraph of text.split("\n").filter((p) => p.trim()))
    lines.push("", ...wrapText(paragraph, width));
  if (!title) lines.shift();
  return lines;
}
