// The terminal's size for the prompts (80 × 24 when unknown), and a redraw from a clean screen
// when the window is resized.
import type { TerminalSize } from "./list-prompt.js";

/** Clears the visible screen only (between questions of one person). */
export const CLEAR_VISIBLE = "\u001b[2J\u001b[H";

/** The terminal's size at each drawing (80 × 24 when unknown), and its resize events. */
export function terminalSizeOf(
  out: NodeJS.WritableStream & { columns?: number; rows?: number },
): TerminalSize {
  return {
    size: () => ({
      columns: out.columns && out.columns > 0 ? out.columns : 80,
      rows: out.rows && out.rows > 0 ? out.rows : 24,
    }),
    onResize: (redraw) => {
      // The old drawing is wrapped differently now: wipe it and draw the screen afresh.
      const handler = () => {
        out.write(CLEAR_VISIBLE);
        redraw();
      };
      const emitter = out as unknown as NodeJS.EventEmitter;
      if (typeof emitter.on !== "function") return () => {};
      emitter.on("resize", handler);
      return () => emitter.off("resize", handler);
    },
  };
}
