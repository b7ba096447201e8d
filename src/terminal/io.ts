// Terminal I/O shared by the CLI, the kiosk session and the import: the streams and environment
// a command may touch, injectable so that tests run commands in-process (run(argv, fakeIo)) and
// see exactly what a person would see. Below cli/, session/ and import/; imports none of them.
import pc from "picocolors";

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export type Colors = ReturnType<typeof pc.createColors>;

/** Colour only on a terminal, never with NO_COLOR (any value) or TERM=dumb. */
export function colorsFor(io: Io, stream: OutStream = io.stdout): Colors {
  const on = stream.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
  return pc.createColors(on);
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Line writers: every command prints through these so output is testable. */
export function out(io: Io, text = ""): void {
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}
export function err(io: Io, text = ""): void {
  io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** An in-memory Io for tests: collects stdout/stderr as strings. */
export function memoryIo(
  opts: { env?: Record<string, string | undefined>; cwd?: string; tty?: boolean; stdin?: Io["stdin"] } = {},
): Io & {
  output(): string;
  errors(): string;
} {
  const o: string[] = [];
  const e: string[] = [];
  const decode = (c: string | Uint8Array) => (typeof c === "string" ? c : Buffer.from(c).toString("utf8"));
  return {
    stdout: { write: (c) => o.push(decode(c)), isTTY: opts.tty ?? false, columns: 80 },
    stderr: { write: (c) => e.push(decode(c)), isTTY: opts.tty ?? false, columns: 80 },
    stdin: opts.stdin ?? (Object.assign(process.stdin, {}) as Io["stdin"]),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    output: () => o.join(""),
    errors: () => e.join(""),
  };
}
