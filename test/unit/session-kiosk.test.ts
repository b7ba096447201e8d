// The kiosk loop with a scripted prompter: people one after another, each in their language,
// Ctrl+C asking the person instead of ending the program, and only the facilitator's word
// (confirmed) ending the loop.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/definition/answers.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { runKiosk } from "../../src/session/kiosk.js";
import type { KioskPrompter, Page, QuestionScreen, Reply } from "../../src/session/prompter.js";
import { type ScriptEntry, ScriptedPrompter } from "../../src/session/scripted-prompter.js";
import { ROOT } from "../helpers/cli.js";

const survey = parseSurvey(readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"), "m.yaml")
  .survey!;

type KioskEvent = "start" | "exit" | "interrupt" | "yes" | "no" | `lang:${string}`;

class ScriptedKiosk implements KioskPrompter {
  readonly log: string[] = [];
  private readonly inner: ScriptedPrompter;
  constructor(
    private readonly events: KioskEvent[],
    questions: ScriptEntry[],
  ) {
    this.inner = new ScriptedPrompter(questions);
  }
  get left() {
    return { events: this.events, questions: this.inner.remaining };
  }
  ask(screen: QuestionScreen): Promise<Reply> {
    this.log.push(`ask ${screen.key} (${screen.language})`);
    return this.inner.ask(screen);
  }
  page(page: Page): Promise<"next" | "back"> {
    this.log.push(`page ${page.key}`);
    return this.inner.page(page);
  }
  private next(kind: string): KioskEvent {
    const e = this.events.shift();
    if (e === undefined) throw new Error(`No event left for ${kind}`);
    this.log.push(`${kind}: ${e}`);
    if (e === "interrupt") throw Object.assign(new Error("Ctrl+C"), { name: "ExitPromptError" });
    return e;
  }
  async welcome(texts: { title: string; text: string; press: string }) {
    this.log.push(`press ${texts.press.split("\n").length}`);
    return this.next("welcome") as "start" | "exit";
  }
  async chooseLanguage(options: { code: string }[]) {
    expect(options.map((o) => o.code)).toEqual(["fi", "sv", "en"]);
    return this.next("language").slice(5);
  }
  async confirm(texts: { title: string }) {
    return this.next(`confirm "${texts.title}"`) === "yes";
  }
  clear() {
    this.log.push("clear");
  }
}

const whole = (lang: string): ScriptEntry[] => [
  ["visit_freq", { answer: "weekly" }],
  ["likes", { answer: "yes" }],
  ["enjoy", { answer: "2" }],
  ["grade", "skip"],
  ["image.welcoming", { answer: "3" }],
  ["image.strict", { answer: "1" }],
  ["books", { answer: lang === "sv" ? "3,5" : "3" }],
  ["rank", { answer: ["easy", "help"] }],
  ["dots", { answer: { quiet: 5 } }],
  ["note", "next"],
  ["wishes", "skip"],
];

describe("runKiosk", () => {
  it("loops person after person until the facilitator's confirmed exit", async () => {
    const prompter = new ScriptedKiosk(
      [
        "start",
        "lang:sv", // 1st person answers everything
        "start",
        "lang:fi",
        "no",
        "yes", // 2nd: Ctrl+C, "no, continue", Ctrl+C again, "yes, stop"
        "interrupt", // Ctrl+C at the welcome screen does nothing
        "exit",
        "no", // the facilitator's word, then "no"
        "exit",
        "interrupt", // Ctrl+C on the confirmation counts as no
        "exit",
        "yes",
      ],
      [
        ...whole("sv").map(([k, a]): ScriptEntry => [k, k === "books" ? { answer: "3" } : a]),
        ["visit_freq", { answer: "never" }],
        ["barriers", "interrupt"],
        ["barriers", { answer: ["fines"] }],
        ["likes", "interrupt"],
      ],
    );
    const sinks: { lang: string; saved: Record<string, AnswerValue>; completed: boolean }[] = [];
    const summary = await runKiosk({
      survey,
      prompter,
      languages: ["fi", "sv", "en"],
      plain: false,
      emoji: true,
      newSink: (lang) => {
        const sink = { lang, saved: {} as Record<string, AnswerValue>, completed: false };
        sinks.push(sink);
        return {
          save: (slot: string, value: AnswerValue) => {
            sink.saved[slot] = value;
          },
          remove: (slot: string) => {
            delete sink.saved[slot];
          },
          complete: () => {
            sink.completed = true;
          },
        };
      },
    });
    expect(summary).toEqual({ complete: 1, stopped: 1 });
    expect(prompter.left).toEqual({ events: [], questions: [] });
    expect(sinks.map((s) => [s.lang, s.completed])).toEqual([
      ["sv", true],
      ["fi", false],
    ]);
    expect(sinks[1]!.saved).toEqual({ visit_freq: "never", barriers: ["fines"] });
    expect(prompter.log).toContain("ask visit_freq (sv)");
    expect(prompter.log).toContain("press 3");
    expect(prompter.log).toContain('confirm "Haluatko lopettaa vastaamisen?": no');
    expect(prompter.log.filter((l) => l === "clear").length).toBeGreaterThanOrEqual(6);
    expect(prompter.log.at(-1)).toBe("clear");
  });

  it("asks no language when the survey has one", async () => {
    const prompter = new ScriptedKiosk(["start", "exit", "yes"], whole("fi"));
    const one = { ...survey, languages: ["fi"] };
    const summary = await runKiosk({
      survey: one,
      prompter: Object.assign(prompter, {
        chooseLanguage: async () => {
          throw new Error("asked");
        },
      }),
      languages: ["fi"],
      plain: true,
      emoji: false,
      newSink: () => ({ save: () => {}, remove: () => {}, complete: () => {} }),
    });
    expect(summary).toEqual({ complete: 1, stopped: 0 });
    expect(prompter.log).toContain("ask visit_freq (fi)");
    expect(prompter.log).toContain("press 1");
  });
});
