// A whole turn through a survey driven by a scripted prompter: answers saved as they are given,
// going back and changing, skipping, answers hidden by a change removed, Ctrl+C, completion.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answers, AnswerValue } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import { parseSurvey } from "../../src/definition/parse.js";
import type { QuestionScreen } from "../../src/session/prompter.js";
import { type AnswerSink, runSession } from "../../src/session/run-session.js";
import { type ScriptEntry, ScriptedPrompter } from "../../src/session/scripted-prompter.js";
import { ROOT } from "../helpers/cli.js";

const minimal = parseSurvey(readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"), "m.yaml")
  .survey!;

class MemorySink implements AnswerSink {
  readonly events: string[] = [];
  readonly answers: Answers = {};
  readonly times: Record<string, string> = {};
  completed = false;
  save(slot: string, value: AnswerValue, at: Date) {
    this.events.push(`save ${slot}=${JSON.stringify(value)}`);
    this.answers[slot] = value;
    this.times[slot] = at.toISOString();
  }
  remove(slot: string) {
    this.events.push(`remove ${slot}`);
    delete this.answers[slot];
  }
  complete() {
    this.events.push("complete");
    this.completed = true;
  }
}

let tick = 0;
const clock = () => new Date(Date.UTC(2025, 0, 1, 10, 0, tick++));

async function play(
  script: ScriptEntry[],
  opts: { onInterrupt?: () => Promise<"resume" | "stop">; survey?: typeof minimal } = {},
) {
  const prompter = new ScriptedPrompter(script);
  const sink = new MemorySink();
  const result = await runSession({
    survey: opts.survey ?? minimal,
    prompter,
    sink,
    language: "en",
    plain: false,
    emoji: true,
    now: clock,
    ...(opts.onInterrupt ? { onInterrupt: opts.onInterrupt } : {}),
  });
  return { result, sink, prompter };
}

const tail: ScriptEntry[] = [
  ["likes", { answer: "yes" }],
  ["enjoy", { answer: "3" }],
  ["grade", { answer: "8" }],
  ["image.welcoming", { answer: "3" }],
  ["image.strict", { answer: "dk" }],
  ["books", { answer: "12" }],
  ["rank", { answer: ["help", "quiet"] }],
  ["dots", { answer: { quiet: 2, easy: 3 } }],
  ["note", "next"],
  ["wishes", { answer: "More easy books" }],
];

describe("runSession", () => {
  it("saves each answer as it is given and completes at the end", async () => {
    const { result, sink, prompter } = await play([["visit_freq", { answer: "weekly" }], ...tail]);
    expect(result.status).toBe("complete");
    expect(sink.completed).toBe(true);
    expect(sink.events.at(-1)).toBe("complete");
    expect(sink.events.filter((e) => e.startsWith("save"))).toHaveLength(10);
    expect(sink.answers).toEqual(result.answers);
    expect(result.answers).toMatchObject({
      books: 12,
      rank: ["help", "quiet"],
      dots: { quiet: 2, easy: 3 },
      "image.strict": "dk",
    });
    expect(result.answers).not.toHaveProperty("barriers");
    expect(Object.values(sink.times).every((t) => t.startsWith("2025-01-01T10:"))).toBe(true);
    expect(prompter.remaining).toEqual([]);
    expect(prompter.shown.map((s) => s.key).slice(-2)).toEqual(["end", "thanks"]);
  });

  it("shows progress, statement numbers, back only where there is somewhere to go", async () => {
    const { prompter } = await play([["visit_freq", { answer: "weekly" }], ...tail]);
    const screens = prompter.shown.filter((s): s is QuestionScreen => "progress" in s);
    expect(screens.map((s) => `${s.progress.index}/${s.progress.total}`).slice(0, 4)).toEqual([
      "1/11",
      "2/10",
      "3/10",
      "4/10",
    ]);
    const strict = screens.find((s) => s.key === "image.strict")!;
    expect(strict.progress.item).toEqual({ index: 2, total: 2 });
    expect(strict.lead).toBe("What do you think?");
    expect(strict.title).toBe("The library is strict");
    expect(screens[0]!.canBack).toBe(false);
    expect(screens[1]!.canBack).toBe(true);
    expect(screens[0]!.section?.title).toBe("Questions");
    expect(screens[1]!.section).toBeUndefined();
  });

  it("goes back, shows the earlier answer and saves only a real change", async () => {
    const { sink, prompter, result } = await play([
      ["visit_freq", { answer: "monthly" }],
      ["barriers", { answer: ["none"] }],
      ["likes", "back"],
      ["barriers", { answer: ["fines", "other"], other: "The bus" }],
      ["likes", "back"],
      ["barriers", { answer: ["fines", "other"], other: "The bus" }],
      ...tail,
    ]);
    const barrierScreens = prompter.shown.filter((s) => s.key === "barriers") as QuestionScreen[];
    expect(barrierScreens.map((s) => ("current" in s ? s.current : undefined))).toEqual([
      undefined,
      ["none"],
      ["fines", "other"],
    ]);
    expect(sink.events.filter((e) => e.startsWith("save barriers"))).toEqual([
      'save barriers=["none"]',
      'save barriers=["fines","other"]',
      'save barriers.other="The bus"',
    ]);
    expect(result.answers["barriers.other"]).toBe("The bus");
  });

  it("removes answers that a changed earlier answer hides", async () => {
    const { sink, result } = await play([
      ["visit_freq", { answer: "never" }],
      ["barriers", { answer: ["other"], other: "No time" }],
      ["likes", { answer: "no" }],
      ["enjoy", "back"],
      ["likes", "back"],
      ["barriers", "back"],
      ["visit_freq", { answer: "weekly" }],
      ["likes", { answer: "no" }],
      ...tail.slice(1, -1),
      ["wishes", { answer: "x" }],
    ]);
    expect(sink.events).toContain("remove barriers");
    expect(sink.events).toContain("remove barriers.other");
    expect(result.answers).not.toHaveProperty("barriers");
    expect(sink.answers).not.toHaveProperty("barriers.other");
    expect(sink.completed).toBe(true);
  });

  it("removes the text of a question that a change hides at the end (wishes)", async () => {
    // wishes is shown unless visit_freq is never: answer it, go back to the start, change.
    const back = (k: string): ScriptEntry => [k, "back"];
    const { result, sink } = await play([
      ["visit_freq", { answer: "weekly" }],
      ...tail,
      ["end", "back"],
      ...[
        "wishes",
        "note",
        "dots",
        "rank",
        "books",
        "image.strict",
        "image.welcoming",
        "grade",
        "enjoy",
        "likes",
      ].map(back),
      ["visit_freq", { answer: "never" }],
      ["barriers", "skip"],
      ...tail.slice(0, -1),
    ]);
    expect(result.answers).not.toHaveProperty("wishes");
    expect(sink.events).toContain("remove wishes");
    expect(result.answers.barriers).toBeNull();
  });

  it("records a skip as null, not as an answer", async () => {
    const { result } = await play([
      ["visit_freq", { answer: "weekly" }],
      ["likes", "skip"],
      ...tail.slice(1),
    ]);
    expect(result.answers.likes).toBeNull();
  });

  it("refuses a skip of a required question (a prompter bug)", async () => {
    await expect(play([["visit_freq", "skip"]])).rejects.toThrow(/visit_freq.*run\.error\.required/);
  });

  it("refuses an answer that breaks the rules (a prompter bug)", async () => {
    await expect(
      play([
        ["visit_freq", { answer: "never" }],
        ["barriers", { answer: ["none", "fines"] }],
      ]),
    ).rejects.toThrow(/run\.error\.exclusive/);
  });

  it("on Ctrl+C without a kiosk: stops, keeps the answers so far, does not complete", async () => {
    const prompter = new ScriptedPrompter([
      ["visit_freq", { answer: "weekly" }],
      ["likes", { answer: "yes" }],
      ["enjoy", "interrupt"],
    ]);
    const sink = new MemorySink();
    await expect(
      runSession({ survey: minimal, prompter, sink, language: "en", plain: false, emoji: true }),
    ).rejects.toMatchObject({ name: "ExitPromptError" });
    expect(sink.answers).toEqual({ visit_freq: "weekly", likes: "yes" });
    expect(sink.completed).toBe(false);
  });

  it("on Ctrl+C in a kiosk: asks, then resumes the same screen or stops the turn", async () => {
    const asked: string[] = [];
    const resume = await play([["visit_freq", { answer: "weekly" }], ["likes", "interrupt"], ...tail], {
      onInterrupt: async () => {
        asked.push("resume");
        return "resume";
      },
    });
    expect(resume.result.status).toBe("complete");
    const stop = await play(
      [
        ["visit_freq", { answer: "weekly" }],
        ["likes", "interrupt"],
      ],
      {
        onInterrupt: async () => {
          asked.push("stop");
          return "stop";
        },
      },
    );
    expect(stop.result.status).toBe("stopped");
    expect(stop.sink.completed).toBe(false);
    expect(stop.sink.answers).toEqual({ visit_freq: "weekly" });
    expect(asked).toEqual(["resume", "stop"]);
  });

  it("shows the plain wording with plain: true", async () => {
    const prompter = new ScriptedPrompter([["visit_freq", "interrupt"]]);
    await runSession({
      survey: minimal,
      prompter,
      sink: new MemorySink(),
      language: "fi",
      plain: true,
      emoji: true,
    }).catch(() => {});
    const first = prompter.shown[0] as QuestionScreen;
    expect(first.title).toBe("Kuinka usein käyt kirjastossa?");
    const enjoy = new ScriptedPrompter([
      ["visit_freq", { answer: "weekly" }],
      ["likes", { answer: "yes" }],
      ["enjoy", "interrupt"],
    ]);
    await runSession({
      survey: minimal,
      prompter: enjoy,
      sink: new MemorySink(),
      language: "fi",
      plain: true,
      emoji: false,
    }).catch(() => {});
    const screen = enjoy.shown.at(-1) as QuestionScreen;
    expect(screen.title).toBe("Lukeminen on kivaa");
    expect(screen.type === "choice" && screen.options.map((o) => o.face)).toEqual([
      ":-(",
      ":-|",
      ":-D",
      undefined,
    ]);
  });
});

describe("the bundled baseline survey", () => {
  const baseline = loadSurvey(join(ROOT, "surveys/welcome-baseline.yaml"));
  const agree = (q: string, items: string[], v: string): ScriptEntry[] =>
    items.map((i) => [`${q}.${i}`, { answer: v }]);
  const items = (q: string) => {
    const found = baseline.sections.flatMap((s) => s.questions).find((x) => x.id === q);
    return found?.type === "matrix" ? found.items.map((i) => i.id) : [];
  };

  it("runs through with skip logic: a person who never visits skips the visitor questions", async () => {
    const { result, prompter } = await play(
      [
        ["visited_12m", { answer: "never" }],
        ["visit_freq", { answer: "never" }],
        ["library_card", { answer: "no" }],
        ["lib_barriers", { answer: ["none"] }],
        ["first_word", { answer: "books" }],
        ...agree("image", items("image"), "3"),
        ["aware", { answer: ["ebooks", "printing"] }],
        ["read_freq", { answer: "less" }],
        ["read_what", { answer: ["news", "other"], other: "Recipes" }],
        ["read_formats", { answer: ["audiobook"] }],
        ["read_sources", "skip"],
        ["reader_identity", { answer: "lapsed" }],
        ["read_barriers", { answer: ["hard_to_read", "concentrate"] }],
        ...agree("read_attitude", items("read_attitude"), "4"),
        ["services_wish", { answer: ["easy_books", "job_help"] }],
        ["services_top3", { answer: ["job_help", "easy_books", "quiet_space"] }],
        ["dots_info", "next"],
        ["services_dots", { answer: { job_help: 6, easy_books: 4 } }],
        ...agree("importance", items("importance"), "5"),
        ["age_group", { answer: "35_44" }],
        ["client_duration", { answer: "1_2y" }],
        ["home_language", { answer: "fi" }],
        ["come_more", { answer: "Evening hours" }],
        ["wishes", "skip"],
      ],
      { survey: baseline },
    );
    expect(result.status).toBe("complete");
    expect(prompter.remaining).toEqual([]);
    expect(result.answers).not.toHaveProperty("visit_reasons");
    expect(result.answers).not.toHaveProperty("grade");
    expect(Object.keys(result.answers).some((k) => k.startsWith("performance."))).toBe(false);
    expect(result.answers["read_what.other"]).toBe("Recipes");
    expect(result.answers.read_sources).toBeNull();
    expect(prompter.shown[0]?.key).toBe("intro");
  });
});
