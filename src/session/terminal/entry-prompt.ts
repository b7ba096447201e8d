// A typed answer (number, text, "other, what?") on @inquirer/core: a line to write on, and
// under it the buttons (Continue, Skip, Back) reached with ↓ — so arrows and Enter suffice.
// Readline does the editing; the answer is checked on Enter and a problem shown in words.
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  useEffect,
  useKeypress,
  useState,
} from "@inquirer/core";
import type { Colors } from "../../cli/io.js";
import type { AnswerValue } from "../../definition/answers.js";
import type { Translate } from "../prompter.js";
import type { Checked } from "../validate.js";
import { wrapText } from "./layout.js";
import type { NavAction } from "./list-models.js";

export interface EntryConfig {
  header: string[];
  label: string;
  initial: string;
  /** Buttons under the line; "continue" checks and sends the line like Enter on it. */
  nav: { text: string; action: NavAction }[];
  check: (raw: string) => Checked<AnswerValue>;
  t: Translate;
  keys: string;
  width: number;
  colors: Colors;
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

  useEffect((rl) => {
    if (config.initial) {
      rl.write(config.initial);
      setValue(config.initial);
    }
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
    if (isEnterKey(key)) {
      const action = focus === 0 ? "continue" : config.nav[focus - 1]?.action;
      if (action === "continue") {
        const r = config.check(value);
        if (r.ok) return finish({ kind: "answer", value: r.value });
        setError(config.t(r.problem.key, r.problem.vars));
      } else if (action === "skip" || action === "back") return finish({ kind: action });
      else if (action === "repeat") config.onRepeat?.();
      restore();
    } else if (isUpKey(key) || isDownKey(key)) {
      setFocus(Math.max(0, Math.min(config.nav.length, focus + (isUpKey(key) ? -1 : 1))));
      restore();
    } else {
      setFocus(0);
      setValue(rl.line);
      setError(undefined);
    }
  });

  // The line being written must end the content: readline puts its cursor after it.
  const label = `${focus === 0 ? "❯" : " "} ${config.label} `;
  const content = [...config.header, "", `${focus === 0 ? c.bold(label) : label}${value}`];
  const bottom = [""];
  config.nav.forEach((n, i) => {
    bottom.push(focus === i + 1 ? c.bold(`❯ ${n.text}`) : `  ${n.text}`);
  });
  bottom.push("");
  if (error) bottom.push(...wrapText(`! ${error}`, config.width).map((l) => c.bold(l)));
  bottom.push(`${c.dim(config.keys)}${focus === 0 ? SHOW_CURSOR : HIDE_CURSOR}`);
  return [content.join("\n"), bottom.join("\n")];
});

export function entryPrompt(
  config: EntryConfig,
  context?: Parameters<typeof prompt>[1],
): Promise<EntryResult> {
  return prompt(config, context);
}
