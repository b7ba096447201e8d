// A typed answer (number, text, "other, what?") on @inquirer/core: a line to write on, and
// under it the buttons (Continue, Skip, Back) reached with ↓ — so arrows and Enter suffice.
// Readline does the editing; the answer is checked on Enter and a problem shown in words.
// The screen is laid out by frame.ts at every drawing: the question stays right above the line.
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
import type { AnswerValue } from "../../definition/answers.js";
import type { Colors } from "../../terminal/io.js";
import type { Translate } from "../prompter.js";
import type { Checked } from "../validate.js";
import { type Frame, layoutFrame } from "./frame.js";
import { displayWidth, screenWidth, wrapText } from "./layout.js";
import type { NavAction } from "./list-models.js";
import type { HeaderFor, TerminalSize } from "./list-prompt.js";

export interface EntryConfig {
  header: HeaderFor;
  label: string;
  initial: string;
  /** Buttons under the line; "continue" checks and sends the line like Enter on it. */
  nav: { text: string; action: NavAction }[];
  check: (raw: string) => Checked<AnswerValue>;
  t: Translate;
  keys: string;
  terminal: TerminalSize;
  colors: Colors;
  more: { above: string; below: string };
  onRepeat?: () => void;
}

export type EntryResult = { kind: "answer"; value: AnswerValue } | { kind: "skip" } | { kind: "back" };

const HIDE_CURSOR = "\u001b[?25l";
const SHOW_CURSOR = "\u001b[?25h";

const prompt = createPrompt<EntryResult, EntryConfig>((config, done) => {
  const c = config.colors;
  const [value, setValue] = useState("");
  const [focus, setFocus] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState(false);
  const [, setTick] = useState(0);
  const scroll = useRef<number | undefined>(undefined);
  const last = useRef<Frame | null>(null);

  useEffect((rl) => {
    if (config.initial) {
      rl.write(config.initial);
      setValue(config.initial);
    }
    return config.terminal.onResize?.(() => setTick((n) => n + 1));
  }, []);

  useKeypress((key, rl) => {
    if (finished) return;
    // Enter empties readline's line and ↑ ↓ walk its history: put the answer back each time.
    const restore = () => {
      if (rl.line !== value) {
        rl.clearLine(0);
        rl.write(value);
      }
    };
    const finish = (r: EntryResult) => {
      setFinished(true);
      done(r);
    };
    const f = last.current;
    if (isEnterKey(key)) {
      const action = focus === 0 ? "continue" : config.nav[focus - 1]?.action;
      if (action === "continue") {
        const r = config.check(value);
        if (r.ok) return finish({ kind: "answer", value: r.value });
        setError(config.t(r.problem.key, r.problem.vars));
      } else if (action === "skip" || action === "back") return finish({ kind: action });
      else if (action === "repeat") config.onRepeat?.();
      restore();
    } else if (isUpKey(key) && focus === 0 && f && f.scroll > 0) {
      // ↑ on the line shows the hidden text above it; ↓ brings the question back first.
      scroll.current = f.scroll - 1;
      restore();
      setTick((n) => n + 1);
    } else if (isDownKey(key) && focus === 0 && f && f.shown.to < f.total) {
      scroll.current = f.scroll + 1;
      restore();
      setTick((n) => n + 1);
    } else if (isUpKey(key) || isDownKey(key)) {
      setFocus(Math.max(0, Math.min(config.nav.length, focus + (isUpKey(key) ? -1 : 1))));
      restore();
    } else {
      setFocus(0);
      setValue(rl.line);
      setError(undefined);
    }
  });

  const { columns, rows: height } = config.terminal.size();
  const width = screenWidth(columns);
  const { top, text } = config.header(width);
  // The line being written must end the content: readline puts its cursor after it.
  const label = `${focus === 0 ? "❯" : " "} ${config.label} `;
  const line = `${focus === 0 ? c.bold(label) : label}${value}`;
  const bottom = [""];
  config.nav.forEach((n, i) => {
    bottom.push(focus === i + 1 ? c.bold(`❯ ${n.text}`) : `  ${n.text}`);
  });
  bottom.push("");
  if (error) bottom.push(...wrapText(`! ${error}`, width).map((l) => c.bold(l)));
  bottom.push(...wrapText(config.keys, width).map((l) => c.dim(l)));
  const frame = layoutFrame({
    top,
    text,
    rows: [],
    after: ["", line],
    bottom,
    reserve: Math.max(0, Math.ceil((displayWidth(line) + 1) / Math.max(1, columns)) - 1),
    height,
    scroll: scroll.current ?? Number.MAX_SAFE_INTEGER,
    active: null,
    more: { above: c.dim(`  ${config.more.above}`), below: c.dim(`  ${config.more.below}`) },
  });
  scroll.current = frame.scroll;
  last.current = frame;
  const content = frame.lines.slice(0, frame.lines.length - bottom.length);
  const under = frame.lines.slice(frame.lines.length - bottom.length);
  under[under.length - 1] += focus === 0 ? SHOW_CURSOR : HIDE_CURSOR;
  return [content.join("\n"), under.join("\n")];
});

export function entryPrompt(
  config: EntryConfig,
  context?: Parameters<typeof prompt>[1],
): Promise<EntryResult> {
  return prompt(config, context);
}
