// Every screen of every bundled survey through the real terminal path (the built binary in
// node-pty, read back through @xterm/headless), checked for what a weak reader needs: the
// question, the statement, the progress, the first answer and the buttons in view, marks where
// text is hidden, nothing wider than the terminal. SCREENS_DIR=dir also writes the 80 × 24
// screens there as text files (`npm run screens`).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSurvey } from "../../src/definition/parse.js";
import { translator } from "../../src/i18n/index.js";
import { ROOT, tempDir } from "../helpers/cli.js";
import { type CapturedScreen, captureKiosk, captureRun } from "../helpers/screen-atlas.js";

const tmp = tempDir("kuulo-atlas-");
afterAll(() => tmp.cleanup());
const SURVEYS = ["welcome-baseline", "welcome-followup", "workshop-feedback"];
const out = process.env.SCREENS_DIR;

interface Case {
  survey: string;
  lang: string;
  plain: boolean;
  emoji: boolean;
  cols: number;
  rows: number;
}

// 80 × 24 is the promised size: every survey, language, wording and face style. The other two
// sizes take a sample (plain Finnish, standard English with text faces) to stay within the budget.
const cases: Case[] = [];
for (const survey of SURVEYS)
  for (const lang of ["fi", "sv", "en"])
    for (const plain of [true, false])
      cases.push({ survey, lang, plain, emoji: plain !== (lang === "sv"), cols: 80, rows: 24 });
for (const survey of SURVEYS)
  for (const [cols, rows] of [
    [100, 30],
    [60, 20],
  ] as const) {
    cases.push({ survey, lang: "fi", plain: true, emoji: true, cols, rows });
    cases.push({ survey, lang: "en", plain: false, emoji: false, cols, rows });
  }

/** ATLAS_ONLY=text runs only the cases whose name holds the text (when looking at one). */
const only = process.env.ATLAS_ONLY;
const caseName = (c: Case) =>
  `${c.survey} ${c.lang}${c.plain ? " plain" : ""}${c.emoji ? "" : " no-emoji"} ${c.cols}x${c.rows}`;
const chosen = only ? cases.filter((c) => caseName(c).includes(only)) : cases;

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

/** Problems with one captured screen; empty when it is as it should be. */
function screenProblems(shot: CapturedScreen, c: Case): string[] {
  const t = translator(c.lang);
  const problems: string[] = [];
  const text = shot.lines.join("\n");
  const joined = flat(shot.lines.join(" "));
  const has = (s: string) => joined.includes(flat(s));
  const start = (s: string) => flat(s).slice(0, Math.min(30, flat(s).length));
  if (shot.kind !== "page") {
    if (!/^\d+ \/ \d+/.test(shot.lines[0] ?? "")) problems.push("no progress on the first line");
    if (shot.key.includes(".") && !has(t("run.statement", { n: 1, total: 1 }).split(" ")[0]!))
      problems.push("no statement number");
    if (!joined.includes(start(shot.expect.title))) problems.push(`the question or statement is not in view`);
    if (shot.expect.lead && !joined.includes(start(shot.expect.lead)))
      problems.push("the shared question is not in view");
    if (shot.expect.first && !joined.includes(start(shot.expect.first)))
      problems.push("the first answer is not in view");
    if (shot.expect.skip && !has(t("run.skip"))) problems.push("Skip is not in view");
  } else if (!joined.includes(start(shot.expect.title))) problems.push("the page's title is not in view");
  if (shot.expect.back && !has(t("run.back"))) problems.push("Back is not in view");
  if (
    /(↑|↓) \S/.test(text) === false &&
    shot.lines.every((l) => l.trim() !== "") &&
    shot.lines.length >= c.rows
  )
    problems.push("the screen is full to the last line with no mark of hidden text");
  for (const [i, l] of shot.lines.entries())
    if (l.length > c.cols) problems.push(`line ${i + 1} is wider than the terminal`);
  return problems;
}

describe("screen atlas: every screen of every bundled survey in a real terminal", () => {
  if (chosen.length === 0) it.skip("no case chosen by ATLAS_ONLY", () => {});
  it.concurrent.each(chosen.map((c) => [caseName(c), c] as const))(
    "%s",
    async (_name, c) => {
      const file = join(ROOT, "surveys", `${c.survey}.yaml`);
      const survey = parseSurvey(readFileSync(file, "utf8"), file).survey!;
      const tag = `${c.survey}-${c.lang}${c.plain ? "-plain" : ""}${c.emoji ? "" : "-noemoji"}-${c.cols}x${c.rows}`;
      const dir = out && c.cols === 80 ? join(out, tag.replace(/-80x24$/, "")) : undefined;
      if (dir) mkdirSync(dir, { recursive: true });
      const shots = await captureRun({
        ...c,
        surveyFile: file,
        survey,
        db: join(tmp.dir, `${tag}.db`),
        cwd: tmp.dir,
        onShot: (s, i) => {
          if (!dir) return;
          const framed = s.lines.map((l) => `│${l.padEnd(c.cols)}│`).join("\n");
          writeFileSync(join(dir, `${String(i + 1).padStart(3, "0")}-${s.key}.txt`), `${framed}\n`);
        },
      });
      const problems = shots.flatMap((s) =>
        screenProblems(s, c).map((p) => `${s.key}: ${p}\n${s.lines.join("\n")}`),
      );
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

describe("the kiosk's facilitator screen and closing line in the chosen language", () => {
  const en = translator("en");
  const english = [
    "kiosk.survey",
    "kiosk.session",
    "kiosk.toEnd",
    "kiosk.ctrlC",
    "kiosk.disappears",
    "kiosk.press",
  ]
    .map((k) =>
      en(k as never)
        .split(/[:{]/)[0]!
        .trim(),
    )
    .concat(["Kiosk ended", "Survey:", "Database:", "Languages:", "response(s)"]);
  it.concurrent.each([
    ["fi", 80, 24],
    ["sv", 80, 24],
    ["en", 60, 20],
  ] as const)(
    "%s at %i × %i",
    async (lang, cols, rows) => {
      const t = translator(lang);
      const file = join(ROOT, "surveys", "welcome-baseline.yaml");
      const r = await captureKiosk({
        surveyFile: file,
        survey: parseSurvey(readFileSync(file, "utf8"), file).survey!,
        lang,
        cols,
        rows,
        db: join(tmp.dir, `kiosk-${lang}.db`),
        cwd: tmp.dir,
      });
      const facilitator = flat(r.screens.facilitator.join(" "));
      expect(facilitator).toContain(flat(t("kiosk.title")));
      expect(facilitator).toContain(flat(t("kiosk.ctrlC")).slice(0, 30));
      expect(facilitator).toContain("lopeta");
      expect(facilitator.includes(flat(t("kiosk.small", { cols, rows })).slice(0, 40))).toBe(cols < 80);
      expect(flat(r.screens.welcome.join(" "))).toContain(flat(t("run.welcome.press")));
      expect(flat(r.screens.confirm.join(" "))).toContain(flat(t("run.exit.title")));
      const closing = flat(r.output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, " "));
      expect(closing).toContain(flat(t("kiosk.ended", { complete: 0, stopped: 0, db: "" })).slice(0, 25));
      if (lang !== "en") for (const word of english) expect(`${facilitator} ${closing}`).not.toContain(word);
      expect(r.exitCode).toBe(0);
      for (const l of [...r.screens.facilitator, ...r.screens.welcome, ...r.screens.confirm])
        expect(l.length).toBeLessThanOrEqual(cols);
    },
    60_000,
  );
});
