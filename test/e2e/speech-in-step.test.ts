// Reading aloud stays in step with the screen: on a terminal too small for every answer, only
// the answers in view are read; scrolling others into view reads again; moving on stops the
// voice. espeak-ng is replaced by a small script on PATH that logs what it is given and
// whether it was stopped, so the test needs no sound card.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/cli.js";
import { KEY, PtyRun, sleep } from "../helpers/run-pty.js";

const tmp = tempDir("kuulo-speech-");
afterAll(() => tmp.cleanup());

const FAKE = `#!/bin/sh
if [ "$1" = "--voices" ]; then
  echo "Pty Language Age/Gender VoiceName File Other Languages"
  echo " 5  fi --/M Finnish urj/fi"
  echo " 5  sv --/M Swedish gmq/sv"
  echo " 5  en-gb --/M English gmw/en"
  exit 0
fi
trap 'echo "<stopped>" >> "$SPEECH_LOG"; exit 0' TERM
{ echo "<say>"; cat; echo; } >> "$SPEECH_LOG"
sleep 30 &
wait
`;

/** Polls the log until `ok` holds (a loaded machine may take a moment to speak or stop). */
async function saidWhen(
  log: string,
  ok: (said: { text: string; stopped: boolean }[]) => boolean,
): Promise<{ text: string; stopped: boolean }[]> {
  let said = utterances(readFileSync(log, "utf8"));
  for (let waited = 0; !ok(said) && waited < 10_000; waited += 100) {
    await sleep(100);
    said = utterances(readFileSync(log, "utf8"));
  }
  return said;
}

/** The utterances so far, each with whether it was cut off. */
function utterances(log: string): { text: string; stopped: boolean }[] {
  return log
    .split("<say>\n")
    .slice(1)
    .map((u) => ({ text: u.replace("<stopped>\n", "").trim(), stopped: u.includes("<stopped>") }));
}

it("reads the answers in view, again after scrolling, and stops when the person moves on", async () => {
  const bin = join(tmp.dir, "bin");
  const log = join(tmp.dir, "speech.log");
  mkdirSync(bin);
  writeFileSync(join(bin, "espeak-ng"), FAKE);
  chmodSync(join(bin, "espeak-ng"), 0o755);
  writeFileSync(log, "");
  const t = new PtyRun(
    [
      "run",
      join(ROOT, "surveys/welcome-baseline.yaml"),
      "--db",
      join(tmp.dir, "s.db"),
      "--lang",
      "en",
      "--speak",
    ],
    { cwd: tmp.dir, cols: 60, rows: 14, env: { PATH: `${bin}:${process.env.PATH}`, SPEECH_LOG: log } },
  );
  await t.expect(/Hello! The library wants/);
  await t.step(KEY.enter, /Have you visited a library/);
  let said = await saidWhen(log, (u) => u.length >= 2 && u[0]!.stopped);
  // The intro was cut off by the first question; the question is read with the one answer in view.
  expect(said[0]!.stopped).toBe(true);
  expect(said[1]!.text).toContain("Have you visited a library");
  expect(said[1]!.text).toContain("1: Yes.");
  expect(said[1]!.text).not.toContain("2: No, but I have visited one before.");
  expect(t.lastFrame(/1 \/ \d+/)).toMatch(/more below/);
  // Scrolling the other answers into view reads them.
  await t.step(KEY.down + KEY.down, /❯ I have never visited a library/);
  said = await saidWhen(log, (u) => u[1]!.stopped && /3: I have never/.test(u.at(-1)!.text));
  expect(said[1]!.stopped).toBe(true);
  expect(said.at(-1)!.text).toContain("3: I have never visited a library.");
  // Moving on stops the voice and reads the next screen.
  const before = said.length;
  await t.step(KEY.up + KEY.up + KEY.enter, /How often do you visit the library/);
  said = await saidWhen(log, (u) => u[before - 1]!.stopped && /How often do you visit/.test(u.at(-1)!.text));
  expect(said[before - 1]!.stopped).toBe(true);
  expect(said.at(-1)!.text).toContain("How often do you visit the library");
  t.kill("SIGKILL");
}, 60_000);
