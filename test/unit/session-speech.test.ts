// Reading aloud: what is said for a screen, and that espeak-ng really produces speech in
// Finnish, Swedish and English (written to a WAV file and measured with soxi).
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import type { ChoiceScreen } from "../../src/session/prompter.js";
import { checkSpeech, espeakArgs, speakToFile, speechText, voiceFor } from "../../src/session/speech.js";
import { tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const screen: ChoiceScreen = {
  type: "choice",
  key: "q",
  progress: { index: 1, total: 2 },
  title: "Kuinka usein käyt kirjastossa?",
  help: "Laske mukaan kaikki käynnit",
  required: true,
  canBack: false,
  language: "fi",
  t: translator("fi"),
  options: [
    { code: "w", label: "Joka viikko" },
    { code: "n", label: "En koskaan", face: "😞" },
  ],
  current: undefined,
};

describe("speechText", () => {
  it("reads only the answers in view, under their own numbers, when the screen scrolls", () => {
    expect(speechText(screen, [1])).toBe(
      "Kuinka usein käyt kirjastossa?\nLaske mukaan kaikki käynnit.\n2: En koskaan.",
    );
  });
  it("reads the question, its help and the answers numbered, without faces or arrows", () => {
    expect(speechText(screen)).toBe(
      "Kuinka usein käyt kirjastossa?\nLaske mukaan kaikki käynnit.\n1: Joka viikko.\n2: En koskaan.",
    );
    expect(
      speechText({
        key: "intro",
        title: "Hei",
        text: "Tervetuloa",
        next: "Aloita →",
        canBack: false,
        language: "fi",
        t: translator("fi"),
      }),
    ).toBe("Hei.\nTervetuloa.\nAloita.");
  });
});

describe("espeak-ng", () => {
  it("uses a voice per language and a slower rate", () => {
    expect(voiceFor("fi")).toBe("fi");
    expect(voiceFor("sv")).toBe("sv");
    expect(voiceFor("en")).toBe("en-gb");
    expect(espeakArgs("fi", "/x.wav")).toEqual(["-v", "fi", "-s", "140", "-w", "/x.wav", "--stdin"]);
  });

  it("tells what is missing when the program is not there", () => {
    expect(checkSpeech(["fi"], "espeak-ng-that-does-not-exist")).toMatch(
      /was not found.*apt-get install espeak-ng/,
    );
  });

  it.each(["fi", "sv", "en"])("produces speech in %s (a WAV of a plausible length)", (lang) => {
    expect(checkSpeech([lang])).toBeNull();
    const wav = join(tmp.dir, `${lang}.wav`);
    speakToFile(speechText({ ...screen, language: lang }), lang, wav);
    expect(statSync(wav).size).toBeGreaterThan(20_000);
    const seconds = wavSeconds(readFileSync(wav));
    // Where sox is installed, its reading must agree with the header's.
    const soxi = spawnSync("soxi", ["-D", wav], { encoding: "utf8" });
    if (soxi.status === 0) expect(Math.abs(Number(soxi.stdout.trim()) - seconds)).toBeLessThan(0.05);
    // Four short sentences at 140 words a minute: a few seconds, not silence and not minutes.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(30);
  });
});

/** Duration of a PCM WAV from its header: data bytes over bytes per second. */
function wavSeconds(buf: Buffer): number {
  expect(buf.toString("latin1", 0, 4)).toBe("RIFF");
  expect(buf.toString("latin1", 8, 12)).toBe("WAVE");
  const byteRate = buf.readUInt32LE(28);
  // espeak-ng writes the data chunk right after the 16-byte fmt chunk; find it to be safe.
  const at = buf.indexOf("data", 12, "latin1");
  const size = buf.readUInt32LE(at + 4);
  // espeak-ng streaming to a file may leave the size at 0x7fffffff; fall back to the file size.
  const bytes = size > buf.length ? buf.length - at - 8 : size;
  return bytes / byteRate;
}
