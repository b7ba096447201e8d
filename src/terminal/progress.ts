// A one-line progress indicator on standard error, drawn only on a terminal and only when the work
// takes more than a second; cleared when done so that the lines after it start clean. The one
// used by every long command: import, export, merge and report.
import type { Io } from "./io.js";

export interface ProgressUpdate {
  /** Work done so far and in all, in any unit (bytes of a file, responses); total 0 when unknown. */
  done: number;
  total: number;
  /** What is being done: "12000 rows", "writing the PDF". */
  note: string;
}

export interface ProgressBar {
  update: (p: ProgressUpdate) => void;
  clear: () => void;
}

/** Quiet for this long: a quick command never flickers. */
const DELAY_MS = 1000;
/** At most this often: drawing costs time too. */
const EVERY_MS = 100;
const BAR = 30;

/** The bar made last: work deep in a layer without an Io (a store's upgrade) draws on it. */
let active: ProgressBar | undefined;

/** The progress line of the command running now, if it has one. */
export function activeProgress(): ProgressBar | undefined {
  return active;
}

/** `now` is injectable so that tests can step through time. */
export function progressBar(io: Io, now: () => number = Date.now): ProgressBar {
  const start = now();
  let drawn = false;
  let last = 0;
  let lastNote = "";
  active = {
    update: (p) => {
      const t = now();
      if (!io.stderr.isTTY || t - start < DELAY_MS) return;
      // A new step is always shown; the same step at most every EVERY_MS.
      if (t - last < EVERY_MS && p.note === lastNote) return;
      last = t;
      lastNote = p.note;
      let line = p.note;
      if (p.total > 0) {
        const share = Math.min(1, p.done / p.total);
        const full = Math.round(share * BAR);
        line = `[${"#".repeat(full)}${".".repeat(BAR - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.note}`;
      }
      // Never wider than the terminal: a wrapped line could not be taken back with \r.
      const width = Math.max(10, (io.stderr.columns ?? 80) - 1);
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      io.stderr.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr.write("\r\x1b[K");
      drawn = false;
    },
  };
  return active;
}

/** Responses handled so far, of all: "12000 of 100000 responses". */
export function responsesProgress(done: number, total: number): ProgressUpdate {
  return { done, total, note: `${done} of ${total} responses` };
}
