// `kuulo run` in-process: what happens without a terminal, with an answers file (saved, or
// refused with every problem and nothing stored), and with bad options or sessions.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { answerParadata, listResponses } from "../../src/store/read.js";
import { closeSession, createSession } from "../../src/store/sessions.js";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const MINIMAL = join(ROOT, "fixtures/surveys/valid/minimal.yaml");
const db = join(tmp.dir, "run.db");

const file = (name: string, data: unknown) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
};
const good = {
  language: "sv",
  answers: {
    visit_freq: "never",
    barriers: ["other"],
    "barriers.other": "Bussen",
    books: "3",
    rank: ["help", "quiet"],
    dots: { easy: 5 },
  },
};

beforeAll(() => {
  const store = openStore(db, { create: true });
  createSession(store, { id: "ws-1", wave: "baseline" });
  createSession(store, { id: "old" });
  closeSession(store, "old");
  store.close();
});

const responses = () => {
  const store = openStore(db, { readonly: true });
  try {
    return listResponses(store, "minimal");
  } finally {
    store.close();
  }
};

describe("kuulo run", () => {
  it("refuses to start without a terminal and says what to use instead", async () => {
    const r = await runCli(["run", MINIMAL, "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("there is none here");
    expect(r.stderr).toContain("--answers FILE.json");
    expect(r.stderr).toContain("kuulo import");
  });

  it("stores an answers file as one complete response in the session, with answer times", async () => {
    const r = await runCli([
      "run",
      MINIMAL,
      "--db",
      db,
      "--session",
      "ws-1",
      "--answers",
      file("good.json", good),
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Saved: response [0-9a-f-]{36} \(complete\)/);
    const [saved] = responses();
    expect(saved).toMatchObject({
      status: "complete",
      language: "sv",
      sessionId: "ws-1",
      wave: "baseline",
      source: "interactive",
    });
    expect(saved!.answers).toMatchObject({
      barriers: ["other"],
      "barriers.other": "Bussen",
      books: 3,
      likes: null,
    });
    const store = openStore(db, { readonly: true });
    const paradata = answerParadata(store, saved!.id);
    store.close();
    expect(paradata.map((p) => p.slotId)).toContain("books");
    expect(paradata.every((p) => !Number.isNaN(Date.parse(p.answeredAt)) && p.changeCount === 0)).toBe(true);
  });

  it("refuses a file with problems, lists every one and stores nothing", async () => {
    const before = responses().length;
    const bad = {
      answers: { visit_freq: "weekly", barriers: ["fines"], books: "12 kirjaa", rank: ["help"] },
    };
    const r = await runCli(["run", MINIMAL, "--db", db, "--answers", file("bad.json", bad)]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("bad.json: error");
    expect(r.stderr).toContain("The answers file has 3 problem(s); nothing was saved");
    expect(r.stderr).toContain("answers.barriers: This question is not shown");
    expect(r.stderr).toContain("answers.books: Please write a number");
    expect(r.stderr).toContain("answers.rank: Pick 2 in order. Now you have 1.");
    expect(r.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(responses()).toHaveLength(before);
  });

  it("refuses a file that is not JSON", async () => {
    const r = await runCli(["run", MINIMAL, "--db", db, "--answers", file("broken.json", "{ answers: ")]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("is not valid JSON");
    expect(r.stderr).toContain("hint:");
  });

  it.each<[string, string[], number, RegExp]>([
    ["an unknown session", ["--session", "ws-2"], 66, /no session "ws-2".*\n.*Did you mean "ws-1"\?/],
    ["a closed session", ["--session", "old"], 2, /session "old" is closed/],
    ["a language the survey lacks", ["--lang", "de"], 2, /no "de" texts/],
    ["--kiosk with --answers", ["--kiosk"], 2, /cannot be used together/],
  ])("refuses %s", async (_name, extra, code, message) => {
    const r = await runCli(["run", MINIMAL, "--db", db, "--answers", file("ok.json", good), ...extra]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a missing survey file without creating a database", async () => {
    const fresh = join(tmp.dir, "fresh.db");
    const r = await runCli([
      "run",
      join(tmp.dir, "nope.yaml"),
      "--db",
      fresh,
      "--answers",
      file("ok2.json", good),
    ]);
    expect(r.code).toBe(66);
    const { existsSync } = await import("node:fs");
    expect(existsSync(fresh)).toBe(false);
  });

  it("refuses a session in a database that does not exist, and creates none", async () => {
    const missing = join(tmp.dir, "missing.db");
    const r = await runCli([
      "run",
      MINIMAL,
      "--db",
      missing,
      "--session",
      "ws-1",
      "--answers",
      file("ok4.json", good),
    ]);
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/no database at .*missing\.db[\s\S]*kuulo sessions create ws-1/);
    const { existsSync } = await import("node:fs");
    expect(existsSync(missing)).toBe(false);
  });

  it("runs a survey stored in the database by its id", async () => {
    const r = await runCli(["run", "minimal", "--db", db, "--answers", file("ok3.json", good)]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
