// Drives the built binary in a real pseudo-terminal (node-pty, 80×24): send keys, wait for a
// screen's words to appear, then look at the store. Keys go only after the screen they are
// meant for has been drawn: inquirer drops keys typed before a prompt is listening. `screen()`
// reads the grid a person sees back from a headless terminal emulator.
import { stripVTControlCharacters } from "node:util";
import { Terminal } from "@xterm/headless";
import * as pty from "node-pty";
import { BIN } from "./cli.js";

export const KEY = {
  up: "\u001b[A",
  down: "\u001b[B",
  right: "\u001b[C",
  left: "\u001b[D",
  enter: "\r",
  ctrlC: "\u0003",
} as const;

export class PtyRun {
  private raw = "";
  private mark = 0;
  private readonly proc: pty.IPty;
  /** The same output drawn by a terminal emulator: the grid of characters a person sees. */
  private readonly term: Terminal;
  private pending = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  constructor(
    args: string[],
    opts: { cwd: string; env?: Record<string, string>; cols?: number; rows?: number },
  ) {
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 24;
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
    this.proc = pty.spawn(process.execPath, [BIN, ...args], {
      name: "xterm-256color",
      cols,
      rows,
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: "1", ...opts.env } as Record<string, string>,
    });
    this.proc.onData((d) => {
      this.raw += d;
      this.pending++;
      this.term.write(d, () => this.pending--);
    });
    this.exited = new Promise((resolve) => this.proc.onExit(resolve));
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Everything shown so far, escape codes removed. */
  get text(): string {
    return stripVTControlCharacters(this.raw);
  }

  /** The terminal's visible lines now (right-trimmed), once the emulator has drawn all output. */
  async screen(): Promise<string[]> {
    while (this.pending > 0) await sleep(10);
    const b = this.term.buffer.active;
    return Array.from({ length: this.term.rows }, (_, y) =>
      (b.getLine(b.viewportY + y)?.translateToString(true) ?? "").trimEnd(),
    );
  }

  /** Wait until text matching `re` is drawn after the last match; returns the new text. */
  async expect(re: RegExp, timeout = 15_000): Promise<string> {
    const until = Date.now() + timeout;
    for (;;) {
      const fresh = stripVTControlCharacters(this.raw.slice(this.mark));
      if (re.test(fresh)) {
        this.mark = this.raw.length;
        // Let the prompt finish attaching its key handlers after drawing.
        await sleep(60);
        return fresh;
      }
      if (Date.now() > until)
        throw new Error(`Timed out waiting for ${re}; the screen shows:\n${fresh.slice(-1500)}`);
      await sleep(25);
    }
  }

  /** The last frame drawn: the text from the last line matching `start` (e.g. the progress line). */
  lastFrame(start = /^\d+ \/ \d+/m): string {
    const text = this.text;
    const global = new RegExp(start.source, start.flags.includes("g") ? start.flags : `${start.flags}g`);
    let at = 0;
    for (const m of text.matchAll(global)) at = m.index ?? at;
    return text.slice(at);
  }

  /** Send keys (strings from KEY, or text), optionally repeated. */
  send(keys: string, times = 1): void {
    this.proc.write(keys.repeat(times));
  }

  /** Send keys and wait for the next screen. */
  async step(keys: string, next: RegExp): Promise<string> {
    this.send(keys);
    return this.expect(next);
  }

  kill(signal: string): void {
    this.proc.kill(signal);
  }

  dispose(): void {
    this.term.dispose();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Keys for "the last row" of a list that does not loop: enough ↓ to hit the bottom. */
export const LAST = KEY.down.repeat(30);
