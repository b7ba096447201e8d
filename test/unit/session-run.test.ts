// A whole turn through a survey driven by a scripted prompter: answers saved as they are given,
// going back and changing, skipping, answers hidden by a change removed, completion.
import { describe, expect, it } from "vitest";
import type { AnswerValue } from "../../src/definition/answers.js";
import type { QuestionScreen } from "../../src/session/prompter.js";
import type { ScriptEntry } from "../../src/session/scripted-prompter.js";
import { changeThatHides, play, tail } from "../helpers/session-play.js";

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
      ...changeThatHides,
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
});

describe("runSession when an answer cannot be saved", () => {
  it("shows the participant a calm page in their language, then gives the storage error to the facilitator", async () => {
    const { MemorySink } = await import("../helpers/session-play.js");
    const { ScriptedPrompter } = await import("../../src/session/scripted-prompter.js");
    const { runSession } = await import("../../src/session/run-session.js");
    const { ExitCode, KuuloError } = await import("../../src/errors.js");
    const { minimal } = await import("../helpers/session-play.js");
    class FailingSink extends MemorySink {
      override save(slot: string, value: AnswerValue, at: Date) {
        if (this.events.length > 0)
          throw new KuuloError("STORE_UNAVAILABLE", "The database server did not answer.", ExitCode.ioError);
        super.save(slot, value, at);
      }
    }
    const sink = new FailingSink();
    const prompter = new ScriptedPrompter([["visit_freq", { answer: "weekly" }], ...tail]);
    const run = runSession({ survey: minimal, prompter, sink, language: "fi", plain: false, emoji: true });
    await expect(run).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    const last = prompter.shown.at(-1) as { key: string; title: string; text: string; canBack: boolean };
    expect(last.key).toBe("saveFailed");
    expect(last.title).toBe("Tallennus ei onnistunut");
    expect(last.text).toContain("Aiemmat vastauksesi ovat tallessa");
    expect(last.canBack).toBe(false);
    expect(Object.keys(sink.answers)).toHaveLength(1);
  });

  it("lets any other error through without the page (a bug is not a full disk)", async () => {
    const { MemorySink, minimal } = await import("../helpers/session-play.js");
    const { ScriptedPrompter } = await import("../../src/session/scripted-prompter.js");
    const { runSession } = await import("../../src/session/run-session.js");
    class BrokenSink extends MemorySink {
      override save() {
        throw new Error("boom");
      }
    }
    const prompter = new ScriptedPrompter([["visit_freq", { answer: "weekly" }], ...tail]);
    const run = runSession({
      survey: minimal,
      prompter,
      sink: new BrokenSink(),
      language: "en",
      plain: false,
      emoji: true,
    });
    await expect(run).rejects.toThrow("boom");
    expect(prompter.shown.some((s) => s.key === "saveFailed")).toBe(false);
  });
});
