// A list screen built on @inquirer/core for the answers the ready prompts cannot take: ticks
// with exclusive choices, a ranking, points to spread. Arrow keys move, Enter acts on the row;
// each screen's rules live in a model (list-models.ts), not here.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useState } from "@inquirer/core";
import type { Colors } from "../../cli/io.js";
import { displayWidth, wrapText } from "./layout.js";

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

export interface ListConfig<S, R> {
  header: string[];
  initial: S;
  rows: (state: S) => ListRow[];
  act: (state: S, row: number, key: ListKey) => Outcome<S, R>;
  /** A line under the list ("Points left: 3"). */
  status?: (state: S) => string;
  keys: string;
  /** Row the cursor starts on. */
  start?: number;
  /** Lines the list may take; longer lists scroll, with a mark where rows are hidden. */
  room: number;
  width: number;
  colors: Colors;
  more?: { above: string; below: string };
}

const CURSOR = "❯";
const HIDE_CURSOR = "\u001b[?25l";

const prompt = createPrompt<unknown, ListConfig<unknown, unknown>>((config, done) => {
  const c = config.colors;
  const [state, setState] = useState<unknown>(config.initial);
  const [active, setActive] = useState(config.start ?? 0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  const rows = config.rows(state);

  useKeypress((key) => {
    if (finished) return;
    let act: ListKey | null = null;
    if (isUpKey(key)) setActive(Math.max(0, active - 1));
    else if (isDownKey(key)) setActive(Math.min(rows.length - 1, active + 1));
    else if (isEnterKey(key)) act = "enter";
    else if (key.name === "left" || key.name === "backspace") act = "left";
    else if (key.name === "right") act = "right";
    else if (key.name === "space") act = "space";
    if (act === null) return setError(undefined);
    const outcome = config.act(state, active, act);
    setError(outcome.error);
    if (outcome.state !== undefined) setState(outcome.state);
    if (outcome.done !== undefined) {
      setFinished(true);
      done(outcome.done);
    }
  });

  const lines = [...config.header, ""];
  lines.push(...windowOf(rows, active, config.room, config.width, c, config.more));
  lines.push("");
  const status = config.status?.(state);
  if (status) lines.push(...wrapText(status, config.width));
  if (error) lines.push(...wrapText(`! ${error}`, config.width).map((l) => c.bold(l)));
  lines.push(c.dim(config.keys));
  // The ❯ marks the place; a blinking cursor elsewhere would only distract.
  return `${lines.join("\n")}${HIDE_CURSOR}`;
});

/** Show a list screen; resolves with the model's final value. */
export function listPrompt<S, R>(
  config: ListConfig<S, R>,
  context?: Parameters<typeof prompt>[1],
): Promise<R> {
  return prompt(config as ListConfig<unknown, unknown>, context) as Promise<R>;
}

/** The rows that fit in `room` lines, scrolled so the active one shows; long rows wrap. */
export function windowOf(
  rows: ListRow[],
  active: number,
  room: number,
  width: number,
  c: Colors,
  more: { above: string; below: string } = { above: "↑ …", below: "↓ …" },
): string[] {
  const drawn = rows.map((row, i) => {
    // Short rows keep their spacing (aligned numbers); only long ones are re-flowed.
    const [first = "", ...rest] =
      displayWidth(row.text) <= width - 2 ? [row.text] : wrapText(row.text, width - 2, "");
    const body = [`${i === active ? CURSOR : " "} ${first}`, ...rest.map((l) => `    ${l}`)];
    return i === active ? body.map((l) => c.bold(l)) : body;
  });
  const all = rows.flatMap((row, i) => (row.gap && i > 0 ? ["", ...drawn[i]!] : drawn[i]!));
  if (all.length <= room) return all;
  // Scroll: grow a window around the active row, one line kept for each "more" mark shown.
  let first = active;
  let last = active;
  let used = drawn[active]!.length;
  const budget = () => room - (first > 0 ? 1 : 0) - (last < rows.length - 1 ? 1 : 0);
  for (let grown = true; grown; ) {
    grown = false;
    if (
      last + 1 < rows.length &&
      used + drawn[last + 1]!.length <= budget() - (last + 2 < rows.length ? 0 : -1)
    ) {
      used += drawn[++last]!.length;
      grown = true;
    }
    if (first > 0 && used + drawn[first - 1]!.length <= budget() - (first - 1 > 0 ? 0 : -1)) {
      used += drawn[--first]!.length;
      grown = true;
    }
  }
  while (used > budget() && last > active) used -= drawn[last--]!.length;
  while (used > budget() && first < active) used -= drawn[first++]!.length;
  return [
    ...(first > 0 ? [c.dim(`  ${more.above}`)] : []),
    ...rows.slice(first, last + 1).flatMap((_, k) => drawn[first + k]!),
    ...(last < rows.length - 1 ? [c.dim(`  ${more.below}`)] : []),
  ];
}
