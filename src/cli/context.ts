// What every command receives: the streams it may touch and the exit code it may set. Apart from
// main.ts so that commands do not import the module that imports them all.
import type { Io } from "../terminal/io.js";

export interface CommandContext {
  io: Io;
  /** A command may set a non-zero exit code without failing (e.g. verify-entry found differences). */
  exitCode: number;
}
