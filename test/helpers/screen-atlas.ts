// The screen atlas: drives the built binary in a pseudo-terminal through every screen of a
// survey (one answer path: the first ordinary answer each time) and reads each screen back from
// a headless terminal emulator, as the grid of characters a person sees.
import { Terminal } from "@xterm/headless";
import * as pty from "node-pty";
import { type Answers, type AnswerValue, OTHER_CODE } from "../../src/definition/answers.js";
import type { Survey } from "../../src/definition/model.js";
import { translator } from "../../src/i18n/index.js";
import { hiddenAnswers, nextStep, type Step, stepKey } from "../../src/session/flow.js";
import { rankingLength } from "../../src/session/validate.js";
import { BIN } from "./cli.js";

export interface AtlasRun {
  /** Called with each screen as it is captured (to write it out even when a later one fails). */
  onShot?: (shot: CapturedScreen, index: number) => void;
  surveyFile: string;
  survey: Survey;
  lang: string;
  plain: boolean;
  emoji: boolean;
  cols: number;
  rows: number;
  db: string;
  cwd: string;
}

export interface CapturedScreen {
  /** "intro", a step key ("importance.quiet"), "end" or "thanks". */
  key: string;
  /** The question's type, or the page's key. */
  kind: string;
  /** The terminal's lines, right-trimmed. */
  lines: string[];
  /** Statement / question texts the screen must show, and whether Skip and Back belong on it. */
  expect: { title: string; lead?: string; skip: boolean; back: boolean; first?: string };
}

const DOWN = "\u001b[B";
const ENTER = "\r";

/** Keys that give the path's answer on a step's screen, and the answer they give. */
function answerFor(step: Step): { keys: string; value: AnswerValue | undefined } {
  const q = step.question;
  switch (q.type) {
    case "single":
    case "yesno":
    case "likert":
    case "scale":
    case "matrix": {
      const i = q.choices.findIndex((c) => c.value !== OTHER_CODE);
      return { keys: DOWN.repeat(i) + ENTER, value: q.choices[i]!.value };
    }
    case "multi": {
      const i = q.choices.findIndex((c) => c.value !== OTHER_CODE);
      const n = q.min ?? 1;
      const picks = q.choices
        .filter((c) => c.value !== OTHER_CODE && !q.exclusive.includes(c.value))
        .slice(0, n);
      if (n <= 1) {
        const code = q.choices[i]!.value;
        return { keys: DOWN.repeat(i) + ENTER + DOWN.repeat(q.choices.length - i) + ENTER, value: [code] };
      }
      let keys = "";
      let at = 0;
      for (const p of picks) {
        const j = q.choices.indexOf(p);
        keys += DOWN.repeat(j - at) + ENTER;
        at = j;
      }
      return { keys: keys + DOWN.repeat(q.choices.length - at) + ENTER, value: picks.map((p) => p.value) };
    }
    case "ranking": {
      const n = rankingLength(q.choices, q.top);
      return {
        keys: `${ENTER}${DOWN}`.repeat(n) + DOWN.repeat(q.choices.length - n) + ENTER,
        value: q.choices.slice(0, n).map((c) => c.value),
      };
    }
    case "allocate":
      return {
        keys: ENTER.repeat(q.points) + DOWN.repeat(q.choices.length) + ENTER,
        value: { [q.choices[0]!.value]: q.points },
      };
    case "number": {
      const v = q.min ?? 1;
      return { keys: `${v}${ENTER}`, value: v };
    }
    case "text":
      return { keys: `kirja${ENTER}`, value: "kirja" };
    case "info":
      return { keys: ENTER, value: undefined };
  }
}

/** Drive one run of the survey; resolves with every screen on the way, in order. */
export async function captureRun(o: AtlasRun): Promise<CapturedScreen[]> {
  const term = new Terminal({ cols: o.cols, rows: o.rows, allowProposedApi: true });
  const args = ["run", o.surveyFile, "--db", o.db, "--lang", o.lang];
  if (o.plain) args.push("--plain");
  if (!o.emoji) args.push("--no-emoji");
  const proc = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: o.cols,
    rows: o.rows,
    cwd: o.cwd,
    env: { ...process.env, NO_COLOR: "1" } as Record<string, string>,
  });
  const shots: CapturedScreen[] = [];
  const push = shots.push.bind(shots);
  shots.push = (...items: CapturedScreen[]) => {
    for (const item of items) o.onShot?.(item, shots.length + items.indexOf(item));
    return push(...items);
  };
  let lastData = Date.now();
  let pending = 0;
  proc.onData((d) => {
    lastData = Date.now();
    pending++;
    term.write(d, () => pending--);
  });
  const exited = new Promise<number>((resolve) => proc.onExit((e) => resolve(e.exitCode)));
  const grid = (): string[] => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < o.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? "");
    return lines;
  };
  /** Wait for a drawn screen that differs from `before` and shows `expected`, then for quiet. */
  const settle = async (before: string, expected: string) => {
    const until = Date.now() + 10_000;
    const want = flat(expected).slice(0, 24);
    while (Date.now() < until) {
      await sleep(20);
      if (Date.now() - lastData < 60 || pending > 0) continue;
      const now = grid().join("\n");
      if (now !== before && flat(now).includes(want)) return;
    }
    throw new Error(
      `The screen showing "${want}" did not come (${o.lang}, ${o.cols}×${o.rows}) after ${shots.at(-1)?.key}:\n${grid().join("\n")}`,
    );
  };
  const press = async (keys: string, expected: string) => {
    const before = grid().join("\n");
    // Keys go one at a time, as typed.
    for (const k of splitKeys(keys)) {
      proc.write(k);
      await sleep(6);
    }
    await settle(before, expected);
  };

  const t = translator(o.lang);
  const answers: Answers = {};
  const s = o.survey;
  const say = (text: Record<string, string> | undefined, plain?: Record<string, string>) =>
    (o.plain && plain ? (plain[o.lang] ?? plain[s.languages[0]!]) : undefined) ??
    text?.[o.lang] ??
    text?.[s.languages[0]!] ??
    "";
  try {
    await settle("", s.intro ? say(s.title) : "/");
    const titleOf = (step: Step) => {
      const q = step.question;
      return step.item ? say(step.item.text, step.item.plain) : say(q.text, q.plain);
    };
    let step = nextStep(s, answers, null);
    if (s.intro) {
      shots.push({
        key: "intro",
        kind: "page",
        lines: grid(),
        expect: { title: say(s.title), skip: false, back: false },
      });
      await press(ENTER, step ? titleOf(step) : t("run.end.title"));
    }
    let first = true;
    while (step) {
      const q = step.question;
      const options = "choices" in q ? q.choices : [];
      shots.push({
        key: stepKey(step),
        kind: q.type,
        lines: grid(),
        expect: {
          title: titleOf(step),
          ...(step.item ? { lead: say(q.text, q.plain) } : {}),
          skip: !q.required && q.type !== "info",
          back: !first || s.intro !== undefined,
          ...(options[0] ? { first: say(options[0].label, options[0].plain) } : {}),
        },
      });
      const { keys, value } = answerFor(step);
      if (value !== undefined) answers[stepKey(step)] = value;
      for (const slot of hiddenAnswers(s, answers)) delete answers[slot];
      const next = nextStep(s, answers, step);
      await press(keys, next ? titleOf(next) : t("run.end.title"));
      first = false;
      step = next;
    }
    shots.push({
      key: "end",
      kind: "page",
      lines: grid(),
      expect: { title: t("run.end.title"), skip: false, back: true },
    });
    await press(ENTER, t("run.thanks.title"));
    shots.push({
      key: "thanks",
      kind: "page",
      lines: grid(),
      expect: { title: t("run.thanks.title"), skip: false, back: false },
    });
    proc.write(ENTER);
    const code = await Promise.race([exited, sleep(10_000).then(() => -1)]);
    if (code !== 0) throw new Error(`kuulo run ended with ${code}; last screen:\n${grid().join("\n")}`);
    return shots;
  } catch (e) {
    proc.kill();
    throw e;
  } finally {
    term.dispose();
  }
}

/** The kiosk's own screens: the facilitator's, the welcome, the language choice, the exit question. */
export async function captureKiosk(o: Omit<AtlasRun, "plain" | "emoji" | "onShot">): Promise<{
  screens: Record<"facilitator" | "welcome" | "confirm", string[]>;
  output: string;
  exitCode: number;
}> {
  const term = new Terminal({ cols: o.cols, rows: o.rows, allowProposedApi: true });
  const proc = pty.spawn(
    process.execPath,
    [BIN, "run", o.surveyFile, "--db", o.db, "--lang", o.lang, "--kiosk"],
    {
      name: "xterm-256color",
      cols: o.cols,
      rows: o.rows,
      cwd: o.cwd,
      env: { ...process.env, NO_COLOR: "1" } as Record<string, string>,
    },
  );
  let raw = "";
  let lastData = 0;
  proc.onData((d) => {
    raw += d;
    lastData = Date.now();
    term.write(d);
  });
  const exited = new Promise<number>((resolve) => proc.onExit((e) => resolve(e.exitCode)));
  const grid = (): string[] => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < o.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? "");
    return lines;
  };
  /** Wait for something to be drawn, then for a quarter second of quiet. */
  const quiet = async () => {
    const since = Date.now();
    const until = since + 3_000;
    while ((lastData <= since || Date.now() - lastData < 250) && Date.now() < until) await sleep(25);
  };
  const type = async (keys: string) => {
    for (const k of splitKeys(keys)) {
      proc.write(k);
      await sleep(12);
    }
    await quiet();
  };
  try {
    const until = Date.now() + 10_000;
    while (lastData === 0 && Date.now() < until) await sleep(25);
    while (Date.now() - lastData < 400 && Date.now() < until) await sleep(25);
    const facilitator = grid();
    await type(ENTER);
    const welcome = grid();
    await type(`lopeta${ENTER}`);
    const confirm = grid();
    await type(`${DOWN}${ENTER}`);
    const exitCode = await Promise.race([exited, sleep(10_000).then(() => -1)]);
    return { screens: { facilitator, welcome, confirm }, output: raw, exitCode };
  } finally {
    proc.kill();
    term.dispose();
  }
}

/** Escape sequences stay whole; everything else goes a character at a time. */
function splitKeys(keys: string): string[] {
  return keys.match(/\u001b\[[A-D]|[\s\S]/gu) ?? [];
}

function flat(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
