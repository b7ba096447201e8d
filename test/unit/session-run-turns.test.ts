// A turn through a survey driven by a scripted prompter, continued: skips, answers a prompter
// must not give, Ctrl+C with and without a kiosk, plain wording, and the bundled baseline survey.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSurvey } from "../../src/definition/load.js";
import type { QuestionScreen } from "../../src/session/prompter.js";
import { runSession } from "../../src/session/run-session.js";
import { type ScriptEntry, ScriptedPrompter } from "../../src/session/scripted-prompter.js";
import { ROOT } from "../helpers/cli.js";
import { MemorySink, minimal, play, tail } from "../helpers/session-play.js";

describe("runSession: skips, refusals, Ctrl+C and plain wording", () => {
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
