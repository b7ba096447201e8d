// The terminal prompter: one screen per question, cleared between them. Single answers, pages
// and menus use @inquirer/prompts' select; ticks, rankings, points and typed answers use the
// custom @inquirer/core prompts beside this file. Ctrl+C surfaces as inquirer's ExitPromptError.
import { Separator, select } from "@inquirer/prompts";
import type { Colors } from "../../cli/io.js";
import type {
  ChoiceOption,
  ChoiceScreen,
  EntryScreen,
  KioskPrompter,
  MultiScreen,
  Page,
  QuestionScreen,
  Reply,
} from "../prompter.js";
import { type Speaker, speechText } from "../speech.js";
import { checkOtherText } from "../validate.js";
import { entryPrompt } from "./entry-prompt.js";
import { CLEAR_SCREEN, listRoom, renderHeader, renderPageText, screenWidth, wrapText } from "./layout.js";
import {
  allocateModel,
  multiModel,
  type NavAction,
  navActions,
  navLabel,
  rankingModel,
} from "./list-models.js";
import { listPrompt } from "./list-prompt.js";
import { welcomePrompt } from "./welcome-prompt.js";

export interface TerminalOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { columns?: number; rows?: number };
  colors: Colors;
  speaker?: Speaker | null;
  /** Words that, typed at the welcome screen, ask to end the kiosk. */
  exitWords?: string[];
}

/** Clears the visible screen only (between questions of one person). */
const CLEAR_VISIBLE = "\u001b[2J\u001b[H";

export class InquirerPrompter implements KioskPrompter {
  constructor(private readonly o: TerminalOptions) {}

  async ask(screen: QuestionScreen): Promise<Reply> {
    this.read(screen);
    try {
      switch (screen.type) {
        case "choice":
          return await this.askChoice(screen);
        case "info":
          return await this.askButtons(screen, renderHeader(screen, this.width, this.c), "continue");
        case "multi":
          return await this.askMulti(screen);
        case "ranking": {
          const model = rankingModel(screen, this.modelOptions(screen));
          return await this.list(screen, model, "run.keys.ranking");
        }
        case "allocate": {
          const model = allocateModel(screen, this.modelOptions(screen));
          return await this.list(screen, model, "run.keys.allocate");
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
      const lines = renderPageText(page.title, page.text, this.width, this.c);
      const nav: { value: string; name: string }[] = [{ value: "next", name: page.next }];
      if (page.canBack) nav.push({ value: "back", name: page.t("run.back") });
      if (this.o.speaker) nav.push({ value: "repeat", name: navLabel("repeat", page) });
      for (;;) {
        const r = await this.select(lines, nav, "next", page.t("run.keys.select"));
        if (r !== "repeat") return r === "back" ? "back" : "next";
        this.read(page);
      }
    } finally {
      this.o.speaker?.stop();
    }
  }

  async welcome(texts: { title: string; text: string; press: string }): Promise<"start" | "exit"> {
    this.o.output?.write(CLEAR_SCREEN);
    const c = this.c;
    const lines = [
      "",
      c.bold(texts.title),
      "",
      ...wrapText(texts.text, this.width),
      "",
      ...texts.press.split("\n").map((l) => c.bold(l)),
    ];
    return welcomePrompt({ lines, exitWords: this.o.exitWords ?? [] }, this.context());
  }

  async chooseLanguage(options: { code: string; label: string }[], title: string): Promise<string> {
    const lines = wrapText(title, this.width).map((l) => this.c.bold(l));
    const choices = options.map((o) => ({ value: o.code, name: o.label }));
    return this.select(lines, choices, options[0]?.code, "↑ ↓ · Enter");
  }

  async confirm(texts: { title: string; text?: string; no: string; yes: string }): Promise<boolean> {
    const lines = renderPageText(texts.title, texts.text ?? "", this.width, this.c);
    const r = await this.select(
      lines,
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
  private get width(): number {
    return screenWidth(this.out.columns);
  }
  private context() {
    return { ...(this.o.input ? { input: this.o.input } : {}), output: this.out, clearPromptOnDone: true };
  }
  private read(screen: QuestionScreen | Page): void {
    this.o.speaker?.speak(speechText(screen), screen.language);
  }
  private modelOptions(screen: QuestionScreen) {
    return { speak: Boolean(this.o.speaker), onRepeat: () => this.read(screen) };
  }

  private async select(
    header: string[],
    choices: { value: string; name: string }[],
    initial: string | undefined,
    keys: string,
    buttonsFrom = choices.length,
  ): Promise<string> {
    this.out.write(CLEAR_VISIBLE);
    const items: ({ value: string; name: string } | Separator)[] = [...choices];
    if (buttonsFrom > 0 && buttonsFrom < choices.length) items.splice(buttonsFrom, 0, new Separator(" "));
    const c = this.c;
    return select<string>(
      {
        message: `${header.join("\n")}\n`,
        choices: items,
        ...(initial !== undefined && choices.some((x) => x.value === initial) ? { default: initial } : {}),
        loop: false,
        pageSize: listRoom(this.out.rows, header.length + 1),
        theme: {
          prefix: "",
          icon: { cursor: "❯" },
          style: {
            message: (text: string) => text,
            highlight: (text: string) => c.bold(text),
            keysHelpTip: () => c.dim(keys),
          },
        },
      },
      this.context(),
    );
  }

  private async askChoice(screen: ChoiceScreen): Promise<Reply> {
    const header = renderHeader(screen, this.width, this.c);
    const nav = navActions(screen, { continueRow: false, speak: Boolean(this.o.speaker) });
    const choices = [
      ...screen.options.map((o) => ({ value: `a:${o.code}`, name: optionText(o) })),
      ...nav.map((a) => ({ value: `n:${a}`, name: navLabel(a, screen) })),
    ];
    let initial =
      screen.current === null ? "n:skip" : screen.current !== undefined ? `a:${screen.current}` : undefined;
    for (;;) {
      const r = await this.select(
        header,
        choices,
        initial,
        screen.t("run.keys.select"),
        screen.options.length,
      );
      initial = r;
      if (r === "n:repeat") {
        this.read(screen);
        continue;
      }
      if (r === "n:skip" || r === "n:back") return { kind: r === "n:skip" ? "skip" : "back" };
      const code = r.slice(2);
      if (!screen.options.find((o) => o.code === code)?.other) return { kind: "answer", value: code };
      const other = await this.askOther(screen, screen.otherText);
      if (other !== undefined) return { kind: "answer", value: code, other };
    }
  }

  private async askButtons(screen: QuestionScreen, header: string[], first: NavAction): Promise<Reply> {
    const nav = [first, ...navActions(screen, { continueRow: false, speak: Boolean(this.o.speaker) })];
    const choices = nav.map((a) => ({ value: a, name: navLabel(a, screen) }));
    for (;;) {
      const r = await this.select(header, choices, first, screen.t("run.keys.select"));
      if (r === "repeat") this.read(screen);
      else return { kind: r === "back" ? "back" : r === "skip" ? "skip" : "next" };
    }
  }

  private async askMulti(screen: MultiScreen): Promise<Reply> {
    let current = screen.current;
    for (;;) {
      const model = multiModel({ ...screen, current }, this.modelOptions(screen));
      const r = await this.list(screen, model, "run.keys.multi");
      if (r.kind !== "answer" || !Array.isArray(r.value) || !r.value.includes("other")) return r;
      if (!screen.options.some((o) => o.other)) return r;
      current = r.value;
      const other = await this.askOther(screen, screen.otherText);
      if (other !== undefined) return { ...r, other };
    }
  }

  private async list<S>(
    screen: QuestionScreen,
    model: Pick<Parameters<typeof listPrompt<S, Reply>>[0], "initial" | "rows" | "act" | "status" | "start">,
    keys: "run.keys.multi" | "run.keys.ranking" | "run.keys.allocate",
  ): Promise<Reply> {
    this.out.write(CLEAR_VISIBLE);
    const header = renderHeader(screen, this.width, this.c);
    return listPrompt<S, Reply>(
      {
        ...model,
        header,
        keys: screen.t(keys),
        // Under the list: a blank line, the status line (if any), a message, the keys, the cursor's line.
        room: listRoom(this.out.rows, header.length + 1 + (model.status ? 1 : 0)),
        more: { above: screen.t("run.moreAbove"), below: screen.t("run.moreBelow") },
        width: this.width,
        colors: this.c,
      },
      this.context(),
    );
  }

  private async askEntry(screen: EntryScreen): Promise<Reply> {
    this.out.write(CLEAR_VISIBLE);
    const nav = navActions(screen, { continueRow: true, speak: Boolean(this.o.speaker) });
    return entryPrompt(
      {
        header: renderHeader(screen, this.width, this.c),
        label: screen.t("run.answerLabel"),
        initial: screen.current ?? "",
        nav: nav.map((action) => ({ action, text: navLabel(action, screen) })),
        check: screen.check,
        t: screen.t,
        keys: screen.t("run.keys.entry"),
        width: this.width,
        colors: this.c,
        onRepeat: () => this.read(screen),
      },
      this.context(),
    );
  }

  /** "Other, what?": the text, or undefined when the person went back to the choices. */
  private async askOther(
    screen: QuestionScreen,
    before: string | undefined,
  ): Promise<string | null | undefined> {
    this.out.write(CLEAR_VISIBLE);
    const { t } = screen;
    const header = [
      ...renderHeader(screen, this.width, this.c),
      "",
      ...wrapText(t("run.other.ask"), this.width),
    ];
    const r = await entryPrompt(
      {
        header,
        label: t("run.answerLabel"),
        initial: before ?? "",
        nav: (["continue", "back"] as const).map((action) => ({ action, text: navLabel(action, screen) })),
        check: (raw) => checkOtherText(raw),
        t,
        keys: t("run.keys.entry"),
        width: this.width,
        colors: this.c,
      },
      this.context(),
    );
    return r.kind === "answer" ? (r.value as string | null) : undefined;
  }
}

function optionText(o: ChoiceOption): string {
  return o.face ? `${o.face}  ${o.label}` : o.label;
}
