// The kiosk's welcome screen: Enter starts a new person's turn. Typed letters are not shown;
// the facilitator's word (e.g. "lopeta") followed by Enter asks to end the kiosk instead, so
// that no single key a participant presses by chance can end it.
import { createPrompt, isEnterKey, useKeypress, useState } from "@inquirer/core";

export interface WelcomeConfig {
  lines: string[];
  exitWords: string[];
}

const prompt = createPrompt<"start" | "exit", WelcomeConfig>((config, done) => {
  const [typed, setTyped] = useState("");
  const [finished, setFinished] = useState(false);
  useKeypress((key, rl) => {
    if (finished) return;
    if (isEnterKey(key)) {
      setFinished(true);
      done(config.exitWords.includes(typed.trim().toLowerCase()) ? "exit" : "start");
    } else setTyped(rl.line);
  });
  // Nothing typed is echoed: the lines end on a blank one and the cursor is hidden.
  return `${config.lines.join("\n")}\n\u001b[?25l`;
});

export function welcomePrompt(
  config: WelcomeConfig,
  context?: Parameters<typeof prompt>[1],
): Promise<"start" | "exit"> {
  return prompt(config, context);
}
