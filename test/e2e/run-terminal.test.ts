// `kuulo run` as a person uses it: the built binary in a real pseudo-terminal (80×24), driven
// with arrow keys and Enter only, each run followed by a look at the store. Needs the build
// (npm test builds first).
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { openStore } from "../../src/store/open.js";
import { answerParadata, listResponses } from "../../src/store/read.js";
import { createSession } from "../../src/store/sessions.js";
import { ROOT, tempDir } from "../helpers/cli.js";
import { KEY, LAST, PtyRun } from "../helpers/run-pty.js";

const tmp = tempDir("kuulo-run-e2e-");
afterAll(() => tmp.cleanup());
const BASELINE = join(ROOT, "surveys/welcome-baseline.yaml");
const MINIMAL = join(ROOT, "fixtures/surveys/valid/minimal.yaml");
const { down, up, right, enter, ctrlC } = KEY;
const ctrlZ = "\u001a";
const ctrlD = "\u0004";
/** "Skip" is the row above "← Back", the last row. */
const SKIP = `${LAST}${up}${enter}`;
const BACK = `${LAST}${enter}`;

let n = 0;
function freshDb(): string {
  const db = join(tmp.dir, `run-${++n}.db`);
  const store = openStore(db, { create: true });
  createSession(store, { id: "ws1", wave: "baseline" });
  store.close();
  return db;
}

function stored(db: string): {
  responses: SurveyResponse[];
  changes: (id: string) => Record<string, number>;
  integrity: string;
} {
  const store = openStore(db, { readonly: true });
  try {
    const responses = listResponses(store, undefined);
    const changes = (id: string) =>
      Object.fromEntries(answerParadata(store, id).map((p) => [p.slotId, p.changeCount]));
    const byId = new Map(responses.map((r) => [r.id, changes(r.id)]));
    const integrity = String(store.db.pragma("integrity_check", { simple: true }));
    return { responses, changes: (id) => byId.get(id) ?? {}, integrity };
  } finally {
    store.close();
  }
}

describe("kuulo run in a terminal", () => {
  it("a respondent completes the baseline survey: skip logic, back and change, exclusive choice, ranking, points", async () => {
    const db = freshDb();
    const t = new PtyRun(["run", BASELINE, "--db", db, "--session", "ws1", "--lang", "en"], { cwd: tmp.dir });
    await t.expect(/Hello! The library wants to know/);
    await t.step(enter, /1 \/ \d+[\s\S]*Have you visited a library/);
    await t.step(enter, /How often do you visit the library/); // yes
    await t.step(enter, /What do you usually do at the library/); // weekly
    await t.step(enter, /\[x\] Borrow books/);
    await t.step(down.repeat(9) + enter, /Do you have a library card/);
    // Back three screens and change the first answer: the visitor questions close.
    await t.step(BACK, /What do you usually do at the library/);
    await t.step(BACK, /How often do you visit the library/);
    await t.step(BACK, /Have you visited a library/);
    await t.step(down + down + enter, /How often do you visit the library/); // never
    await t.step(down.repeat(3) + enter, /Do you have a library card/); // never; visit_reasons is hidden now
    await t.step(enter, /What makes it hard for you to go to the library/);
    // The exclusive "nothing makes it hard" clears the tick before it.
    await t.step(enter, /\[x\] .*opening hours/i);
    await t.step(down.repeat(8) + enter, /\[x\] .*\(only this\)/);
    expect(t.lastFrame()).toMatch(/\[ \] .*opening hours/i);
    await t.step(down + down + enter, /What word first comes to mind/);
    await t.step("books" + enter, /Statement 1 of 7/);
    for (let i = 2; i <= 7; i++) await t.step(enter, new RegExp(`Statement ${i} of 7`));
    await t.step(enter, /Which of these library services did you already know/);
    await t.step(down.repeat(8) + enter + down + enter, /How often do you read or listen/);
    await t.step(enter, /What do you read in everyday life/); // weekly: read_barriers stays hidden
    await t.step(SKIP, /read or listened to a book in any of/);
    await t.step(SKIP, /Where do you get books/);
    await t.step(SKIP, /Which of these describes you best/);
    await t.step(enter, /Statement 1 of 6/);
    for (let i = 2; i <= 6; i++) await t.step(enter, new RegExp(`Statement ${i} of 6`));
    await t.step(enter, /Which of these services would you like to use/);
    await t.step(SKIP, /Which three services matter most/);
    // Ranking: job help first, reading aloud second, the easy-read shelf third.
    await t.step(down.repeat(3) + enter, /\[1\] Help with job applications/);
    await t.step(up.repeat(3) + enter, /\[2\] Reading aloud/);
    await t.step(down + enter, /Ready\. Choose Continue/);
    await t.step(down.repeat(7) + enter, /Next, you share out points/);
    await t.step(enter, /Share out 10 points among the services/);
    // Points: 6 to reading aloud, 4 to digital help; nothing left.
    await t.step(right.repeat(6), /Points left: 4/);
    await t.step(down.repeat(4) + right.repeat(4), /Points left: 0/);
    await t.step(down.repeat(4) + enter, /How important are these things to you/);
    for (let i = 2; i <= 6; i++) await t.step(enter, new RegExp(`Statement ${i} of 6`));
    await t.step(enter, /How old are you/); // visitors' questions (performance, grade) are skipped
    await t.step(enter, /How long have you been a client/);
    await t.step(enter, /Which language do you speak most at home/);
    await t.step(enter, /What would make you visit the library more often/);
    await t.step(enter, /What other wishes or ideas/); // an empty line is a skip
    await t.step("Evening hours" + enter, /That was the last question/);
    await t.step(enter, /Thank you!/);
    t.send(enter);
    expect((await t.exited).exitCode).toBe(0);
    expect(t.text).toMatch(/Saved: response [0-9a-f-]{36} \(complete\)/);

    const { responses, changes } = stored(db);
    expect(responses).toHaveLength(1);
    const r = responses[0]!;
    expect(r).toMatchObject({ status: "complete", language: "en", sessionId: "ws1", wave: "baseline" });
    expect(r.answers).toMatchObject({
      visited_12m: "never",
      visit_freq: "never",
      lib_barriers: ["none"],
      first_word: "books",
      aware: ["none"],
      read_what: null,
      services_top3: ["job_help", "read_aloud", "easy_books"],
      services_dots: { read_aloud: 6, digital_help: 4 },
      come_more: null,
      wishes: "Evening hours",
    });
    expect(r.answers).not.toHaveProperty("visit_reasons");
    expect(r.answers).not.toHaveProperty("grade");
    expect(Object.keys(r.answers).filter((k) => k.startsWith("performance."))).toEqual([]);
    expect(changes(r.id)).toMatchObject({ visited_12m: 1, visit_freq: 1, first_word: 0 });
  }, 120_000);

  it("Ctrl+C halfway ends with 130 and keeps the answers so far as a partial response", async () => {
    const db = freshDb();
    const t = new PtyRun(["run", BASELINE, "--db", db, "--lang", "en"], { cwd: tmp.dir });
    await t.expect(/Hello!/);
    await t.step(enter, /Have you visited a library/);
    await t.step(enter, /How often do you visit the library/);
    await t.step(down + enter, /What do you usually do at the library/);
    t.send(ctrlC);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text).toMatch(/saved as a partial response/);
    const { responses } = stored(db);
    expect(responses.map((r) => [r.status, r.answers])).toEqual([
      ["partial", { visited_12m: "yes", visit_freq: "monthly" }],
    ]);
  }, 60_000);

  it("SIGKILL halfway loses none of the answers confirmed before", async () => {
    const db = freshDb();
    const t = new PtyRun(["run", BASELINE, "--db", db, "--lang", "en"], { cwd: tmp.dir });
    await t.expect(/Hello!/);
    await t.step(enter, /Have you visited a library/);
    await t.step(enter, /How often do you visit the library/);
    await t.step(enter, /What do you usually do at the library/);
    await t.step(enter + down.repeat(9) + enter, /Do you have a library card/);
    t.kill("SIGKILL");
    const exit = await t.exited;
    expect(exit.signal).toBe(9);
    const { responses, integrity } = stored(db);
    expect(integrity).toBe("ok");
    expect(responses.map((r) => [r.status, r.answers])).toEqual([
      ["partial", { visited_12m: "yes", visit_freq: "weekly", visit_reasons: ["borrow"] }],
    ]);
  }, 60_000);

  it("a kiosk survives Ctrl+C, lets a participant stop, and ends only with the facilitator's word", async () => {
    const db = freshDb();
    const t = new PtyRun(["run", BASELINE, "--db", db, "--session", "ws1", "--kiosk"], { cwd: tmp.dir });
    await t.expect(/KIOSKIN LOPETTAMINEN[\s\S]*Paina Enter, niin tervetulonäkymä tulee esiin/);
    await t.step(enter, /Tervetuloa! Välkommen! Welcome!/);
    await t.step(enter, /Valitse kieli \/ Välj språk \/ Choose a language/);
    await t.step(down + down + enter, /Hello! The library wants/);
    await t.step(enter, /Have you visited a library/);
    // Ctrl+Z and Ctrl+D would suspend the program or cut it off from the keyboard: both are ignored.
    t.send(ctrlZ + ctrlD);
    await t.step(ctrlC, /Do you want to stop answering\?/);
    await t.step(enter, /Have you visited a library/); // "No, I want to continue"
    await t.step(enter, /How often do you visit the library/);
    await t.step(ctrlC, /Do you want to stop answering\?/);
    await t.step(down + enter, /Tervetuloa! Välkommen! Welcome!/); // "Yes, stop now": the next person
    expect(t.text).not.toMatch(/Interrupted/);
    await t.step(ctrlC, /Tervetuloa!/); // Ctrl+C at the welcome screen changes nothing
    await t.step("exit" + enter, /Lopetetaanko kysely tällä koneella\?/);
    await t.step(enter, /Tervetuloa!/); // "No" is the default
    await t.step("lopeta" + enter, /Lopetetaanko kysely/);
    t.send(down + enter);
    expect((await t.exited).exitCode).toBe(0);
    expect(t.text).toMatch(/Kioski lopetettu: tällä kertaa 0 valmista ja 1 kesken jäänyttä/);
    const { responses } = stored(db);
    expect(responses.map((r) => [r.status, r.language, r.answers])).toEqual([
      ["partial", "en", { visited_12m: "yes" }],
    ]);
  }, 60_000);

  it("plain Finnish wording with text faces, and the number check in words", async () => {
    const db = freshDb();
    const t = new PtyRun(["run", MINIMAL, "--db", db, "--lang", "fi", "--plain", "--no-emoji"], {
      cwd: tmp.dir,
    });
    await t.expect(/Kuinka usein käyt kirjastossa/);
    await t.step(enter, /Pidätkö lukemisesta/);
    await t.step(enter, /Lukeminen on kivaa/);
    const faces = t.text;
    expect(faces).toMatch(/:-\( {2}Eri mieltä/);
    expect(faces).not.toMatch(/😞/);
    await t.step(enter, /Anna kirjastolle numero/);
    await t.step(enter, /Väite 1 \/ 2/);
    await t.step(enter, /Väite 2 \/ 2/);
    await t.step(enter, /Montako kirjaa luit/);
    await t.step("12,5" + enter, /Kirjoita kokonainen luku ilman desimaaleja/);
    t.send("\u007f".repeat(4));
    await t.step("300" + enter, /Kirjoita numero väliltä 0–200/);
    t.send(ctrlC);
    expect((await t.exited).exitCode).toBe(130);
  }, 60_000);
});
