// The terminal prompter: one screen per question, cleared between them. Single answers, pages
// and menus use @inquirer/prompts' select; ticks, rankings, points and typed answers use the
// custom @inquirer/core prompts beside this file. Ctrl+C surfaces as inquirer's ExitPromptError.
import type { Colors } from "../../terminal/io.js";
import type {
  ChoiceScreen,
  EntryScreen,
  KioskPrompter,
  MultiScreen,
  Page,
  QuestionScreen,
  Reply,
} from "../prompter.js";
import { type Speaker, speechText } from "../speech.js";
import { askEntry, askOther, type EntryIo } from "./entry-screens.js";
import { CLEAR_SCREEN, headerParts, renderPageText, wrapText } from "./layout.js";
import {
  allocateModel,
  buttonsModel,
  choiceModel,
  multiModel,
  navLabel,
  rankingModel,
} from "./list-models.js";
import { type HeaderFor, type ListConfig, listPrompt, type TerminalSize } from "./list-prompt.js";
import { CLEAR_VISIBLE, terminalSizeOf } from "./terminal-size.js";
import { welcomePrompt } from "./welcome-prompt.js";

export interface TerminalOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { columns?: number; rows?: number };
  colors: Colors;
  speaker?: Speaker | null;
  /** Words that, typed at the welcome screen, ask to end the kiosk. */
  exitWords?: string[];
}

export class InquirerPrompter implements KioskPrompter {
  /** The answers in view on the current list screen, when not all of them fit. */
  private inView: number[] | undefined;

  constructor(private readonly o: TerminalOptions) {}

  async ask(screen: QuestionScreen): Promise<Reply> {
    this.inView = undefined;
    // List screens read once drawn, the answers in view only (see list()); the rest read now.
    if (!("options" in screen)) this.read(screen);
    try {
      switch (screen.type) {
        case "choice":
          return await this.askChoice(screen);
        case "info":
          return await this.list(
            screen,
            buttonsModel(screen, this.modelOptions(screen)),
            "run.keys.select",
            0,
          );
        case "multi":
          return await this.askMulti(screen);
        case "ranking": {
          const model = rankingModel(screen, this.modelOptions(screen));
          return await this.list(screen, model, "run.keys.ranking", screen.options.length);
        }
        case "allocate": {
          const model = allocateModel(screen, this.modelOptions(screen));
          return await this.list(screen, model, "run.keys.allocate", screen.options.length);
        }
        case "number":
        case "text":
          return await this.askEntry(screen);
        default:
          throw new Error(`No prompt for the screen ${(screen as QuestionScreen).key}`);
      }
    } finally {
      this.o.speaker?.stop();
    }
  }

  async page(page: Page): Promise<"next" | "back"> {
    this.read(page);
    try {
      const nav: { value: string; name: string }[] = [{ value: "next", name: page.next }];
      if (page.canBack) nav.push({ value: "back", name: page.t("run.back") });
      if (this.o.speaker) nav.push({ value: "repeat", name: navLabel("repeat", page) });
      for (;;) {
        const r = await this.select(
          (w) => ({ top: [], text: renderPageText(page.title, page.text, w, this.c) }),
          nav,
          "next",
          page.t("run.keys.select"),
          page.t,
        );
        if (r !== "repeat") return r === "back" ? "back" : "next";
        this.read(page);
      }
    } finally {
      this.o.speaker?.stop();
    }
  }

  async welcome(texts: {
    title: string;
    text: string;
    press: string;
    more?: { above: string; below: string };
  }): Promise<"start" | "exit"> {
    this.o.output?.write(CLEAR_SCREEN);
    const c = this.c;
    const lines = (w: number) => ({
      top: ["", ...wrapText(texts.title, w).map((l) => c.bold(l)), ""],
      text: wrapText(texts.text, w),
      bottom: texts.press.split("\n").flatMap((l) => wrapText(l, w).map((x) => c.bold(x))),
    });
    return welcomePrompt(
      {
        lines,
        exitWords: this.o.exitWords ?? [],
        terminal: this.terminal,
        more: texts.more ?? { above: "↑ …", below: "↓ …" },
      },
      this.context(),
    );
  }

  async chooseLanguage(options: { code: string; label: string }[], title: string): Promise<string> {
    const choices = options.map((o) => ({ value: o.code, name: o.label }));
    const header: HeaderFor = (w) => ({ top: [], text: wrapText(title, w).map((l) => this.c.bold(l)) });
    return this.select(header, choices, options[0]?.code, "↑ ↓ · Enter");
  }

  async confirm(texts: { title: string; text?: string; no: string; yes: string }): Promise<boolean> {
    const r = await this.select(
      (w) => ({ top: [], text: renderPageText(texts.title, texts.text ?? "", w, this.c) }),
      [
        { value: "no", name: texts.no },
        { value: "yes", name: texts.yes },
      ],
      "no",
      "↑ ↓ · Enter",
    );
    return r === "yes";
  }

  clear(): void {
    this.out.write(CLEAR_SCREEN);
  }

  private get out(): NodeJS.WritableStream & { columns?: number; rows?: number } {
    return this.o.output ?? process.stdout;
  }
  private get c(): Colors {
    return this.o.colors;
  }
  /** The terminal's size at each drawing (80 × 24 when unknown), and its resize events. */
  private get terminal(): TerminalSize {
    return terminalSizeOf(this.out);
  }
  private context() {
    return { ...(this.o.input ? { input: this.o.input } : {}), output: this.out, clearPromptOnDone: true };
  }
  private read(screen: QuestionScreen | Page): void {
    this.o.speaker?.speak(speechText(screen, "options" in screen ? this.inView : undefined), screen.language);
  }
  private modelOptions(screen: QuestionScreen) {
    return { speak: Boolean(this.o.speaker), onRepeat: () => this.read(screen) };
  }
  private header(screen: QuestionScreen): HeaderFor {
    return (w) => headerParts(screen, w, this.c);
  }

  /** Buttons under a text (pages, the language, yes / no). */
  private async select(
    header: HeaderFor,
    choices: { value: string; name: string }[],
    initial: string | undefined,
    keys: string,
    t?: QuestionScreen["t"],
  ): Promise<string> {
    this.out.write(CLEAR_VISIBLE);
    const start = Math.max(
      0,
      choices.findIndex((x) => x.value === initial),
    );
    return listPrompt<null, string>(
      {
        header,
        initial: null,
        rows: () => choices.map((x) => ({ text: x.name })),
        answers: 0,
        start,
        act: (_s, row) => ({ done: choices[row]!.value }),
        keys,
        terminal: this.terminal,
        colors: this.c,
        more: t ? { above: t("run.moreAbove"), below: t("run.moreBelow") } : { above: "↑ …", below: "↓ …" },
      },
      this.context(),
    );
  }

  private async askChoice(screen: ChoiceScreen): Promise<Reply> {
    for (;;) {
      const r = await this.list(
        screen,
        choiceModel(screen, this.modelOptions(screen)),
        "run.keys.select",
        screen.options.length,
      );
      if (r.kind !== "answer") return r;
      const code = r.value as string;
      if (!screen.options.find((o) => o.code === code)?.other) return r;
      const other = await this.askOther(screen, screen.otherText);
      if (other !== undefined) return { kind: "answer", value: code, other };
      screen = { ...screen, current: code };
    }
  }

  private async askMulti(screen: MultiScreen): Promise<Reply> {
    let current = screen.current;
    for (;;) {
      const model = multiModel({ ...screen, current }, this.modelOptions(screen));
      const r = await this.list(screen, model, "run.keys.multi", screen.options.length);
      if (r.kind !== "answer" || !Array.isArray(r.value) || !r.value.includes("other")) return r;
      if (!screen.options.some((o) => o.other)) return r;
      current = r.value;
      const other = await this.askOther(screen, screen.otherText);
      if (other !== undefined) return { ...r, other };
    }
  }

  private async list<S>(
    screen: QuestionScreen,
    model: Pick<ListConfig<S, Reply>, "initial" | "rows" | "act" | "status" | "start">,
    keys: "run.keys.select" | "run.keys.multi" | "run.keys.ranking" | "run.keys.allocate",
    answers: number,
  ): Promise<Reply> {
    this.out.write(CLEAR_VISIBLE);
    return listPrompt<S, Reply>(
      {
        ...model,
        answers,
        header: this.header(screen),
        keys: screen.t(keys),
        terminal: this.terminal,
        more: { above: screen.t("run.moreAbove"), below: screen.t("run.moreBelow") },
        colors: this.c,
        ...(this.o.speaker && "options" in screen ? { onShown: this.speakShown(screen) } : {}),
      },
      this.context(),
    );
  }

  /**
   * Reading aloud in step with the screen: the answers in view are read when the screen is
   * drawn, and read again only when scrolling brings other answers into view.
   */
  private speakShown(screen: QuestionScreen): (shown: { rows: number[] }) => void {
    let said: string | null = null;
    return ({ rows }) => {
      const options = "options" in screen ? screen.options.length : 0;
      const inView = rows.filter((r) => r < options);
      const all = inView.length === options;
      const key = all ? "all" : inView.join(",");
      if (key === said) return;
      said = key;
      this.inView = all ? undefined : inView;
      this.read(screen);
    };
  }

  private askEntry(screen: EntryScreen): Promise<Reply> {
    return askEntry(screen, this.entryIo());
  }

  private askOther(screen: QuestionScreen, before: string | undefined): Promise<string | null | undefined> {
    return askOther(screen, before, this.entryIo());
  }

  private entryIo(): EntryIo {
    return {
      out: this.out,
      terminal: this.terminal,
      colors: this.c,
      context: this.context(),
      speak: Boolean(this.o.speaker),
      read: (screen) => this.read(screen),
    };
  }
}
