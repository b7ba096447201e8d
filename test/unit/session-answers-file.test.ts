// --answers files: held to the same rules as a live session, every problem named by its place
// in the file, and replayed through the same flow.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Answers, AnswerValue } from "../../src/definition/answers.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { AnswersPrompter, checkAnswersFile } from "../../src/session/answers-file.js";
import { runSession } from "../../src/session/run-session.js";
import { ROOT } from "../helpers/cli.js";

const survey = parseSurvey(readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"), "m.yaml")
  .survey!;

const good = {
  language: "fi",
  answers: {
    visit_freq: "monthly",
    barriers: ["fines", "other"],
    "barriers.other": " The bus ",
    likes: "yes",
    enjoy: 3,
    "image.welcoming": "3",
    books: "12",
    rank: ["help", "quiet"],
    dots: { easy: 5 },
    wishes: "More",
  },
};

describe("checkAnswersFile", () => {
  it("accepts a good file, normalises values and records left-out shown questions as skipped", () => {
    const r = checkAnswersFile(survey, good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.language).toBe("fi");
    expect(r.file.answers).toMatchObject({
      enjoy: "3",
      books: 12,
      "barriers.other": "The bus",
      grade: null,
      "image.strict": null,
    });
  });

  it.each<[string, unknown, string[]]>([
    ["not an object", [1, 2], ["(file)"]],
    ["no answers", { language: "fi" }, ["answers"]],
    [
      "an unknown key and language",
      { lang: "fi", language: "de", answers: { visit_freq: "weekly" } },
      ["lang", "language"],
    ],
    [
      "a misspelt question",
      { answers: { visit_frq: "weekly" } },
      ["answers.visit_frq", "answers.visit_freq"],
    ],
    ["a required question missing", { answers: {} }, ["answers.visit_freq"]],
    [
      "an answer to a hidden question",
      { answers: { visit_freq: "weekly", barriers: ["fines"] } },
      ["answers.barriers"],
    ],
    [
      "an exclusive choice with another",
      { answers: { visit_freq: "never", barriers: ["none", "fines"] } },
      ["answers.barriers"],
    ],
    [
      "other text without other",
      { answers: { visit_freq: "never", barriers: ["fines"], "barriers.other": "x" } },
      ["answers.barriers.other"],
    ],
    [
      "several at once",
      { answers: { visit_freq: "weekly", books: "lots", dots: { easy: 9 } } },
      ["answers.books", "answers.dots"],
    ],
  ])("reports %s", (_name, data, paths) => {
    const r = checkAnswersFile(survey, data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(paths);
  });

  it("says what was wrong in words, with the codes a question accepts", () => {
    const r = checkAnswersFile(survey, { answers: { visit_freq: "daily" } });
    expect(!r.ok && r.problems[0]?.message).toBe(
      '"daily" is not one of the answers. The answers are: weekly, monthly, never.',
    );
    const misspelt = checkAnswersFile(survey, { answers: { visit_frq: "weekly" } });
    expect(!misspelt.ok && misspelt.problems[0]?.message).toMatch(/Did you mean "visit_freq"\?/);
  });
});

describe("AnswersPrompter", () => {
  it("replays a checked file through the session flow to the same answers, completed", async () => {
    const r = checkAnswersFile(survey, good);
    if (!r.ok) throw new Error("bad fixture");
    const saved: Answers = {};
    let completed = false;
    await runSession({
      survey,
      prompter: new AnswersPrompter(r.file.answers),
      sink: {
        save: (slot: string, value: AnswerValue) => {
          saved[slot] = value;
        },
        remove: () => {},
        complete: () => {
          completed = true;
        },
      },
      language: "fi",
      plain: false,
      emoji: false,
    });
    expect(completed).toBe(true);
    expect(saved).toEqual(r.file.answers);
  });
});
