// A list screen on @inquirer/core: single choices, ticks with exclusive choices, a ranking,
// points to spread, and pages of text with buttons. Arrow keys move, Enter acts on the row;
// each screen's rules live in a model (list-models.ts). The screen is laid out by frame.ts to
// fit the terminal at every drawing, so a resize simply draws it again.
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  useEffect,
  useKeypress,
  useRef,
  useState,
} from "@inquirer/core";
import type { Colors } from "../../terminal/io.js";
import { type Frame, layoutFrame } from "./frame.js";
import { displayWidth, screenWidth, wrapText } from "./layout.js";

export interface ListRow {
  text: string;
  /** Draw a blank line above this row (between the answers and the buttons). */
  gap?: boolean;
}

/** What a key did: a new state, a final value, a message to show, or nothing. */
export interface Outcome<S, R> {
  state?: S;
  done?: R;
  error?: string;
}

export type ListKey = "enter" | "left" | "right" | "space";

/** The terminal the screen is drawn on: its size now, and a way to hear of a resize. */
export interface TerminalSize {
  size: () => { columns: number; rows: number };
  onResize?: (redraw: () => void) => () => void;
}

/** The texts of a screen for a width: pinned lines at the top, and the texts that may scroll. */
export type HeaderFor = (width: number) => { top: string[]; text: string[] };

export interface ListConfig<S, R> {
  header: HeaderFor;
  initial: S;
  /** Every row: the answers first, then (from `answers` on) the buttons, which stay in view. */
  rows: (state: S) => ListRow[];
  /** How many of the rows are answers; the rest are buttons. Default: all but the gap-marked tail. */
  answers?: number;
  act: (state: S, row: number, key: ListKey) => Outcome<S, R>;
  /** A line under the list ("Points left: 3"). */
  status?: (state: S) => string;
  keys: string;
  /** Row the cursor starts on. */
  start?: number;
  terminal: TerminalSize;
  colors: Colors;
  more: { above: string; below: string };
  /** Told what is in view after each drawing (reading aloud what is on the screen). */
  onShown?: (shown: { rows: number[]; text: { from: number; to: number } }) => void;
}

const CURSOR = "❯";
const HIDE_CURSOR = "\u001b[?25l";

const prompt = createPrompt<unknown, ListConfig<unknown, unknown>>((config, done) => {
  const [state, setState] = useState<unknown>(config.initial);
  const [active, setActive] = useState(config.start ?? 0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  const [, setTick] = useState(0);
  const scroll = useRef<number | undefined>(undefined);
  // After ↑ on the first answer: the texts above are being read and the cursor's row may be hidden.
  const peek = useRef(false);
  const last = useRef<Frame | null>(null);
  const rows = config.rows(state);
  const answers = answerCount(config, rows);

  useEffect(() => {
    const off = config.terminal.onResize?.(() => setTick((n) => n + 1));
    return off;
  }, []);

  useKeypress((key) => {
    if (finished) return;
    let act: ListKey | null = null;
    const f = last.current;
    if (isUpKey(key)) {
      // ↑ on the first row shows the hidden text above, a line at a time.
      if (active === 0 && f && f.scroll > 0) {
        scroll.current = f.scroll - 1;
        peek.current = answers > 0;
      } else setActive(Math.max(0, active - 1));
    } else if (isDownKey(key)) {
      // Back down to the cursor's row first; on the last row, ↓ shows the hidden text below.
      if (peek.current && f) scroll.current = f.scroll + 1;
      else if (active === rows.length - 1 && f && f.shown.to < f.total) scroll.current = f.scroll + 1;
      else setActive(Math.min(rows.length - 1, active + 1));
    } else if (key.name === "pageup" && f) {
      scroll.current = Math.max(0, f.scroll - 5);
      peek.current = answers > 0 && active < answers;
    } else if (key.name === "pagedown" && f) {
      scroll.current = f.scroll + 5;
    } else if (isEnterKey(key)) act = "enter";
    else if (key.name === "left" || key.name === "backspace") act = "left";
    else if (key.name === "right") act = "right";
    else if (key.name === "space") act = "space";
    if (act !== null) peek.current = false;
    if (act === null) {
      setError(undefined);
      setTick((n) => n + 1);
      return;
    }
    const outcome = config.act(state, active, act);
    setError(outcome.error);
    if (outcome.state !== undefined) setState(outcome.state);
    if (outcome.done !== undefined) {
      setFinished(true);
      done(outcome.done);
    }
  });

  const frame = drawList(config, state, rows, answers, {
    active,
    error,
    ...(scroll.current !== undefined ? { scroll: scroll.current } : {}),
    peek: peek.current,
  });
  scroll.current = frame.scroll;
  last.current = frame;
  if (peek.current && frame.rows.includes(active)) peek.current = false;
  config.onShown?.({ rows: frame.rows, text: frame.text });
  // The ❯ marks the place; a blinking cursor elsewhere would only distract.
  return `${frame.lines.join("\n")}${HIDE_CURSOR}`;
});

/** One drawing of a list screen for the terminal's size now. Pure. */
export function drawList<S>(
  config: Pick<ListConfig<S, unknown>, "header" | "status" | "keys" | "terminal" | "colors" | "more">,
  state: S,
  rows: ListRow[],
  answers: number,
  at: { active: number; error?: string | undefined; scroll?: number; peek?: boolean },
): Frame {
  const c = config.colors;
  const { active, error } = at;
  const { columns, rows: height } = config.terminal.size();
  const width = screenWidth(columns);
  const { top, text } = config.header(width);
  const drawn = rows.map((row, i) => drawRow(row.text, i === active, width, c));
  const bottom: string[] = [];
  for (let i = answers; i < rows.length; i++) {
    if (rows[i]!.gap || (i === answers && (answers > 0 || text.length > 0))) bottom.push("");
    bottom.push(...drawn[i]!);
  }
  bottom.push("");
  const status = config.status?.(state);
  if (status) bottom.push(...wrapText(status, width));
  if (error) bottom.push(...wrapText(`! ${error}`, width).map((l) => c.bold(l)));
  bottom.push(...wrapText(config.keys, width).map((l) => c.dim(l)));
  return layoutFrame({
    top,
    text,
    rows: drawn.slice(0, answers),
    bottom,
    height,
    ...(at.scroll !== undefined ? { scroll: at.scroll } : {}),
    active: active < answers && !at.peek ? active : null,
    more: { above: c.dim(`  ${config.more.above}`), below: c.dim(`  ${config.more.below}`) },
  });
}

export function answerCount(config: Pick<ListConfig<unknown, unknown>, "answers">, rows: ListRow[]): number {
  if (config.answers !== undefined) return config.answers;
  const firstGap = rows.findIndex((r, i) => i > 0 && r.gap);
  return firstGap < 0 ? rows.length : firstGap;
}

/** One row's lines: the cursor on the active one, long rows re-flowed under their text. */
export function drawRow(text: string, active: boolean, width: number, c: Colors): string[] {
  // Short rows keep their spacing (aligned numbers); only long ones are re-flowed.
  const [first = "", ...rest] = displayWidth(text) <= width - 2 ? [text] : wrapText(text, width - 4, "");
  const body = [`${active ? CURSOR : " "} ${first}`, ...rest.map((l) => `    ${l}`)];
  return active ? body.map((l) => c.bold(l)) : body;
}

/** Show a list screen; resolves with the model's final value. */
export function listPrompt<S, R>(
  config: ListConfig<S, R>,
  context?: Parameters<typeof prompt>[1],
): Promise<R> {
  return prompt(config as ListConfig<unknown, unknown>, context) as Promise<R>;
}
