// The one error type Kuulo throws on purpose. The CLI (src/cli/main.ts) is the only place that
// catches it and turns it into a message and an exit code; every other module just throws.

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  dataError: 65,
  noInput: 66,
  cantCreate: 73,
  ioError: 74,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where a problem is: a file and optionally a 1-based line and column (or a CSV row/column). */
export interface Location {
  file?: string;
  line?: number;
  col?: number;
  /** A CSV/XLSX column name, when the problem is in a data cell. */
  column?: string;
}

export class KuuloError extends Error {
  override readonly name = "KuuloError";
  constructor(
    /** Stable, greppable name such as `SURVEY_UNKNOWN_REF` or `STORE_NOT_KUULO`. */
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode = ExitCode.dataError,
    readonly options: { hint?: string; location?: Location; details?: string[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
  get hint(): string | undefined {
    return this.options.hint;
  }
  get location(): Location | undefined {
    return this.options.location;
  }
}

export function formatLocation(loc: Location | undefined): string {
  if (!loc?.file) return "";
  let s = loc.file;
  if (loc.line !== undefined) s += `:${loc.line}`;
  if (loc.col !== undefined) s += `:${loc.col}`;
  return s;
}

/** Map common Node file-system errors to a KuuloError with a hint a person can act on. */
export function fileError(err: unknown, path: string, mode: "read" | "write"): KuuloError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (mode === "read" && code === "ENOENT")
    return new KuuloError("FILE_NOT_FOUND", `File not found: ${path}`, ExitCode.noInput, {
      hint: "Check the path and the spelling of the file name.",
    });
  if (mode === "read" && code === "EISDIR")
    return new KuuloError("FILE_IS_DIRECTORY", `${path} is a directory, not a file`, ExitCode.noInput, {
      hint: "Give the path of a file inside it.",
    });
  if (code === "EACCES" || code === "EPERM")
    return new KuuloError(
      "FILE_PERMISSION",
      `No permission to ${mode} ${path}`,
      mode === "read" ? ExitCode.noInput : ExitCode.cantCreate,
      { hint: "Check the file's permissions or choose another location." },
    );
  if (mode === "write" && code === "ENOENT")
    return new KuuloError(
      "DIR_NOT_FOUND",
      `Cannot write ${path}: the folder does not exist`,
      ExitCode.cantCreate,
      {
        hint: "Create the folder first or choose another --out.",
      },
    );
  if (code === "ENOSPC")
    return new KuuloError("DISK_FULL", `The disk is full while writing ${path}`, ExitCode.ioError, {
      hint: "Free some space and try again; nothing was left half-written.",
    });
  return new KuuloError(
    "FILE_IO",
    `Cannot ${mode} ${path}: ${(err as Error)?.message ?? String(err)}`,
    mode === "read" ? ExitCode.noInput : ExitCode.cantCreate,
  );
}

/** Echoed text (a line of a file, a typed value) cut to `max` characters, marked with "…". */
export function capText(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
