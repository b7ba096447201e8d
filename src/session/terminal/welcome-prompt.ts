// The kiosk's welcome screen: Enter starts a new person's turn. Typed letters are not shown;
// the facilitator's word (e.g. "lopeta") followed by Enter asks to end the kiosk instead, so
// that no single key a participant presses by chance can end it. A text longer than the
// terminal scrolls with ↑ ↓ under a pinned title, with marks where it is cut.
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
import { type Frame, layoutFrame } from "./frame.js";
import { screenWidth } from "./layout.js";
import type { TerminalSize } from "./list-prompt.js";

export interface WelcomeConfig {
  /** The pinned title, the text and the "press Enter" lines, for a width. */
  lines: (width: number) => { top: string[]; text: string[]; bottom: string[] };
  exitWords: string[];
  terminal: TerminalSize;
  more: { above: string; below: string };
}

const prompt = createPrompt<"start" | "exit", WelcomeConfig>((config, done) => {
  const [typed, setTyped] = useState("");
  const [finished, setFinished] = useState(false);
  const [, setTick] = useState(0);
  const scroll = useRef(0);
  const last = useRef<Frame | null>(null);
  useEffect(() => config.terminal.onResize?.(() => setTick((n) => n + 1)), []);
  useKeypress((key, rl) => {
    if (finished) return;
    const f = last.current;
    if (isEnterKey(key)) {
      setFinished(true);
      done(config.exitWords.includes(typed.trim().toLowerCase()) ? "exit" : "start");
    } else if (isUpKey(key) && f) {
      scroll.current = Math.max(0, f.scroll - 1);
      setTick((n) => n + 1);
    } else if (isDownKey(key) && f) {
      scroll.current = f.scroll + 1;
      setTick((n) => n + 1);
    } else setTyped(rl.line);
  });
  const { columns, rows } = config.terminal.size();
  const { top, text, bottom } = config.lines(screenWidth(columns));
  const frame = layoutFrame({
    top,
    text,
    rows: [],
    bottom: ["", ...bottom],
    height: rows,
    scroll: scroll.current,
    active: null,
    more: config.more,
  });
  scroll.current = frame.scroll;
  last.current = frame;
  // Nothing typed is echoed: the cursor is hidden and readline's line is never drawn.
  return `${frame.lines.join("\n")}\u001b[?25l`;
});

export function welcomePrompt(
  config: WelcomeConfig,
  context?: Parameters<typeof prompt>[1],
): Promise<"start" | "exit"> {
  return prompt(config, context);
}
