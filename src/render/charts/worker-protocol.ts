// The messages between the chart pool (pool.ts) and its workers (chart-worker.ts), and how an error
// crosses the thread boundary: a KuuloError arrives as the same KuuloError (code, hint, exit code),
// so a chart drawn on a worker fails with the message it would give on the main thread.
import { type ExitCode, KuuloError, type Location } from "../../errors.js";
import type { ChartOptions, ChartSpec } from "./types.js";

/** One chart to draw. */
export interface ChartJob {
  id: number;
  spec: ChartSpec;
  opts: ChartOptions;
}

/** What was thrown, as plain data (structured cloning keeps neither the class nor its fields). */
export interface ThrownData {
  name: string;
  message: string;
  stack?: string;
  kuulo?: { code: string; exitCode: ExitCode; hint?: string; location?: Location; details?: string[] };
}

/** A drawn chart's PNG bytes, or why it could not be drawn. */
export type ChartResult = { id: number; png: Uint8Array } | { id: number; error: ThrownData };

export function thrownData(e: unknown): ThrownData {
  if (e instanceof KuuloError) {
    const { hint, location, details } = e.options;
    return {
      name: e.name,
      message: e.message,
      ...(e.stack ? { stack: e.stack } : {}),
      kuulo: {
        code: e.code,
        exitCode: e.exitCode,
        ...(hint ? { hint } : {}),
        ...(location ? { location } : {}),
        ...(details ? { details } : {}),
      },
    };
  }
  const error = e instanceof Error ? e : new Error(String(e));
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
}

/** The error again, on the receiving thread. */
export function rethrown(data: ThrownData): Error {
  if (data.kuulo) {
    const { code, exitCode, hint, location, details } = data.kuulo;
    return new KuuloError(code, data.message, exitCode, {
      ...(hint ? { hint } : {}),
      ...(location ? { location } : {}),
      ...(details ? { details } : {}),
    });
  }
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}
