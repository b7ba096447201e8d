// A one-line progress bar on standard error, drawn only on a terminal and only when the work
// takes more than a second; cleared when done so that the lines after it start clean.
import type { Io } from "./io.js";

export interface ProgressBar {
  update: (p: { bytes: number; rows: number; total: number }) => void;
  clear: () => void;
}

export function progressBar(io: Io): ProgressBar {
  const start = Date.now();
  let drawn = false;
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (!io.stderr.isTTY || now - start < 1000 || now - last < 100) return;
      last = now;
      const share = p.total > 0 ? Math.min(1, p.bytes / p.total) : 0;
      const width = 30;
      const full = Math.round(share * width);
      io.stderr.write(
        `\r[${"#".repeat(full)}${".".repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.rows} rows`,
      );
      drawn = true;
    },
    clear: () => {
      if (drawn) io.stderr.write("\r\x1b[K");
    },
  };
}
