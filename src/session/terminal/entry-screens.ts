// The typed-answer screens of the terminal prompter: a number or a text, and "Other, what?"
// after ticking an "other" choice. Both draw through entryPrompt on a cleared screen.
import type { Colors } from "../../terminal/io.js";
import type { EntryScreen, QuestionScreen, Reply } from "../prompter.js";
import { checkOtherText } from "../validate.js";
import { entryPrompt } from "./entry-prompt.js";
import { headerParts, wrapText } from "./layout.js";
import { navActions, navLabel } from "./list-models.js";
import type { HeaderFor, TerminalSize } from "./list-prompt.js";
import { CLEAR_VISIBLE } from "./terminal-size.js";

/** What the entry screens need from the prompter: where to draw, in what size and colours. */
export interface EntryIo {
  out: NodeJS.WritableStream;
  terminal: TerminalSize;
  colors: Colors;
  context: Parameters<typeof entryPrompt>[1];
  /** Whether answers are read aloud (adds the "repeat" row). */
  speak: boolean;
  /** Reads the screen aloud again. */
  read: (screen: QuestionScreen) => void;
}

export async function askEntry(screen: EntryScreen, io: EntryIo): Promise<Reply> {
  io.out.write(CLEAR_VISIBLE);
  const nav = navActions(screen, { continueRow: true, speak: io.speak });
  return entryPrompt(
    {
      header: (w) => headerParts(screen, w, io.colors),
      label: screen.t("run.answerLabel"),
      initial: screen.current ?? "",
      nav: nav.map((action) => ({ action, text: navLabel(action, screen) })),
      check: screen.check,
      t: screen.t,
      keys: screen.t("run.keys.entry"),
      terminal: io.terminal,
      more: { above: screen.t("run.moreAbove"), below: screen.t("run.moreBelow") },
      colors: io.colors,
      onRepeat: () => io.read(screen),
    },
    io.context,
  );
}

/** "Other, what?": the text, or undefined when the person went back to the choices. */
export async function askOther(
  screen: QuestionScreen,
  before: string | undefined,
  io: EntryIo,
): Promise<string | null | undefined> {
  io.out.write(CLEAR_VISIBLE);
  const { t } = screen;
  const header: HeaderFor = (w) => {
    const h = headerParts(screen, w, io.colors);
    return { top: h.top, text: [...h.text, "", ...wrapText(t("run.other.ask"), w)] };
  };
  const r = await entryPrompt(
    {
      header,
      label: t("run.answerLabel"),
      initial: before ?? "",
      nav: (["continue", "back"] as const).map((action) => ({ action, text: navLabel(action, screen) })),
      check: (raw) => checkOtherText(raw),
      t,
      keys: t("run.keys.entry"),
      terminal: io.terminal,
      more: { above: t("run.moreAbove"), below: t("run.moreBelow") },
      colors: io.colors,
    },
    io.context,
  );
  return r.kind === "answer" ? (r.value as string | null) : undefined;
}
