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

/**
 * The built binary with `args` in a pseudo-terminal of `o.cols` × `o.rows`, read back through a
 * headless terminal emulator: the grid of characters a person sees, and when output last came.
 */
function openTerminal(o: { cols: number; rows: number; cwd: string }, args: string[]) {
  const term = new Terminal({ cols: o.cols, rows: o.rows, allowProposedApi: true });
  const proc = pty.spawn(process.execPath, [BIN, ...args], {
    name: "xterm-256color",
    cols: o.cols,
    rows: o.rows,
    cwd: o.cwd,
    env: { ...process.env, NO_COLOR: "1" } as Record<string, string>,
  });
  const state = { raw: "", lastData: 0, pending: 0 };
  proc.onData((d) => {
    state.raw += d;
    state.lastData = Date.now();
    state.pending++;
    term.write(d, () => state.pending--);
  });
  const exited = new Promise<number>((resolve) => proc.onExit((e) => resolve(e.exitCode)));
  const grid = (): string[] => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < o.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? "");
    return lines;
  };
  /** Types `keys` one at a time, as a person would. */
  const type = async (keys: string, pause: number) => {
    for (const k of splitKeys(keys)) {
      proc.write(k);
      await sleep(pause);
    }
  };
  /** The exit code, or -1 when the program has not ended within ten seconds. */
  const exitCode = () => Promise.race([exited, sleep(10_000).then(() => -1)]);
  const close = () => {
    proc.kill();
    term.dispose();
  };
  return { state, grid, type, exitCode, close };
}

/** Keys pressed on a run's screens, each press waiting for the screen that should follow. */
function runDriver(o: AtlasRun, screen: ReturnType<typeof openTerminal>, lastKey: () => string | undefined) {
  const { state, grid } = screen;
  /** Wait for a drawn screen that differs from `before` and shows `expected`, then for quiet. */
  const settle = async (before: string, expected: string) => {
    const until = Date.now() + 10_000;
    const want = flat(expected).slice(0, 24);
    while (Date.now() < until) {
      await sleep(20);
      if (Date.now() - state.lastData < 60 || state.pending > 0) continue;
      const now = grid().join("\n");
      if (now !== before && flat(now).includes(want)) return;
    }
    throw new Error(
      `The screen showing "${want}" did not come (${o.lang}, ${o.cols}×${o.rows}) after ${lastKey()}:\n${grid().join("\n")}`,
    );
  };
  const press = async (keys: string, expected: string) => {
    const before = grid().join("\n");
    await screen.type(keys, 6);
    await settle(before, expected);
  };
  return { settle, press };
}

/** Drive one run of the survey; resolves with every screen on the way, in order. */
export async function captureRun(o: AtlasRun): Promise<CapturedScreen[]> {
  const args = ["run", o.surveyFile, "--db", o.db, "--lang", o.lang];
  if (o.plain) args.push("--plain");
  if (!o.emoji) args.push("--no-emoji");
  const screen = openTerminal(o, args);
  const shots: CapturedScreen[] = [];
  const shoot = (shot: Omit<CapturedScreen, "lines">) => {
    const full = { ...shot, lines: screen.grid() };
    o.onShot?.(full, shots.length);
    shots.push(full);
  };
  const { settle, press } = runDriver(o, screen, () => shots.at(-1)?.key);
  const t = translator(o.lang);
  const s = o.survey;
  const say = (text: Record<string, string> | undefined, plain?: Record<string, string>) =>
    (o.plain && plain ? (plain[o.lang] ?? plain[s.languages[0]!]) : undefined) ??
    text?.[o.lang] ??
    text?.[s.languages[0]!] ??
    "";
  const titleOf = (step: Step) =>
    step.item ? say(step.item.text, step.item.plain) : say(step.question.text, step.question.plain);
  try {
    await settle("", s.intro ? say(s.title) : "/");
    const answers: Answers = {};
    let step = nextStep(s, answers, null);
    if (s.intro) {
      shoot({ key: "intro", kind: "page", expect: { title: say(s.title), skip: false, back: false } });
      await press(ENTER, step ? titleOf(step) : t("run.end.title"));
    }
    let first = true;
    while (step) {
      const q = step.question;
      const options = "choices" in q ? q.choices : [];
      shoot({
        key: stepKey(step),
        kind: q.type,
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
    shoot({ key: "end", kind: "page", expect: { title: t("run.end.title"), skip: false, back: true } });
    await press(ENTER, t("run.thanks.title"));
    shoot({
      key: "thanks",
      kind: "page",
      expect: { title: t("run.thanks.title"), skip: false, back: false },
    });
    await screen.type(ENTER, 0);
    const code = await screen.exitCode();
    if (code !== 0)
      throw new Error(`kuulo run ended with ${code}; last screen:\n${screen.grid().join("\n")}`);
    return shots;
  } finally {
    screen.close();
  }
}

/** The kiosk's own screens: the facilitator's, the welcome, the language choice, the exit question. */
export async function captureKiosk(o: Omit<AtlasRun, "plain" | "emoji" | "onShot">): Promise<{
  screens: Record<"facilitator" | "welcome" | "confirm", string[]>;
  output: string;
  exitCode: number;
}> {
  const screen = openTerminal(o, ["run", o.surveyFile, "--db", o.db, "--lang", o.lang, "--kiosk"]);
  const { state, grid } = screen;
  /** Wait for something to be drawn, then for a quarter second of quiet. */
  const quiet = async () => {
    const since = Date.now();
    const until = since + 3_000;
    while ((state.lastData <= since || Date.now() - state.lastData < 250) && Date.now() < until)
      await sleep(25);
  };
  const type = async (keys: string) => {
    await screen.type(keys, 12);
    await quiet();
  };
  try {
    const until = Date.now() + 10_000;
    while (state.lastData === 0 && Date.now() < until) await sleep(25);
    while (Date.now() - state.lastData < 400 && Date.now() < until) await sleep(25);
    const facilitator = grid();
    await type(ENTER);
    const welcome = grid();
    await type(`lopeta${ENTER}`);
    const confirm = grid();
    await type(`${DOWN}${ENTER}`);
    const exitCode = await screen.exitCode();
    return { screens: { facilitator, welcome, confirm }, output: state.raw, exitCode };
  } finally {
    screen.close();
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
