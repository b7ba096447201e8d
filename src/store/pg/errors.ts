// PostgreSQL failures as KuuloErrors a person can act on (exit 74 for storage, 66 for a database
// that is not there). Messages name the database by its label, which never holds the password.
import { ExitCode, KuuloError } from "../../errors.js";

/** A failure reported by the worker: the driver's message and SQLSTATE (or errno name). */
export interface PgFault {
  message: string;
  code: string | undefined;
}

/** An SQL error the store may still handle itself (a constraint, say): its SQLSTATE is kept. */
export class PgSqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const RETRY =
  "Nothing of the interrupted change was saved. Try again in a moment; if it keeps failing, ask whoever runs the database server to check it.";

/** What a person can act on, by SQLSTATE (or errno name): the error's code, message, exit and hint. */
const KNOWN: readonly {
  codes: readonly string[];
  kuulo: string;
  message: (label: string, detail: string) => string;
  exit: ExitCode;
  hint: string;
}[] = [
  {
    codes: ["28P01", "28000"],
    kuulo: "STORE_AUTH",
    message: (label) => `The database server refused the user name or password for ${label}.`,
    exit: ExitCode.ioError,
    hint: "Check the user name and password (put the password in PGPASSWORD or ~/.pgpass rather than in --db).",
  },
  {
    codes: ["3D000"],
    kuulo: "STORE_NOT_FOUND",
    message: (label) => `There is no database ${label} on the server.`,
    exit: ExitCode.noInput,
    hint: "Check the database name in --db, or create the database first (see the README: Many libraries).",
  },
  {
    codes: ["ENOTFOUND", "EAI_AGAIN"],
    kuulo: "STORE_UNAVAILABLE",
    message: (label) => `The database server of ${label} was not found.`,
    exit: ExitCode.ioError,
    hint: "Check the host name in --db and the network connection.",
  },
  {
    codes: ["42501"],
    kuulo: "STORE_PERMISSION",
    message: (label, detail) => `The database role of ${label} may not do this: ${detail}.`,
    exit: ExitCode.ioError,
    hint: "Kiosks may only add answers, staff may read and report, erasure and upgrades need the admin role (see the README: Many libraries).",
  },
  {
    // A read-only open, or a server that only reads (a replica): nothing was written.
    codes: ["25006"],
    kuulo: "STORE_READ_ONLY",
    message: (label) => `The database ${label} is read-only here: nothing can be saved in it.`,
    exit: ExitCode.ioError,
    hint: "Saving needs the main server: check the host in --db (a read-only copy of the database only reads).",
  },
  {
    codes: ["40001", "40P01", "55P03"],
    kuulo: "STORE_BUSY",
    message: (label) => `The database ${label} was busy with another change.`,
    exit: ExitCode.ioError,
    hint: RETRY,
  },
  {
    codes: ["53100"],
    kuulo: "STORE_DISK_FULL",
    message: (label) => `The database server of ${label} is out of disk space.`,
    exit: ExitCode.ioError,
    hint: RETRY,
  },
];

export function pgFailure(f: PgFault, label: string): Error {
  const code = f.code ?? "";
  const detail = scrub(f.message);
  const cause = new Error(detail);
  const known = KNOWN.find((k) => k.codes.includes(code));
  if (known)
    return new KuuloError(known.kuulo, known.message(label, detail), known.exit, { hint: known.hint, cause });
  // Other SQL errors (a constraint, say) go back to the store; connection and server faults do not.
  // No SQLSTATE class begins with E, so a five-letter errno name (EPIPE: a write to a closed
  // socket) is a lost connection, never an SQL error.
  if (/^[0-9A-DF-Z][0-9A-Z]{4}$/.test(code) && !/^(08|57|53|58|XX)/.test(code))
    return new PgSqlError(detail, code);
  return new KuuloError(
    "STORE_UNAVAILABLE",
    `The database server of ${label} did not answer (${detail}).`,
    ExitCode.ioError,
    {
      hint: RETRY,
      cause,
    },
  );
}

/**
 * The server gave no reply within `ms` (a network link that dropped without a reset, or a server
 * that hangs). The change being made may or may not have reached it; earlier ones are kept.
 */
export function noReply(label: string, ms: number): KuuloError {
  return new KuuloError(
    "STORE_UNAVAILABLE",
    `The database server of ${label} did not answer within ${Math.round(ms / 1000)} s.`,
    ExitCode.ioError,
    {
      hint: "The network connection to the server may be down. Everything saved before is kept on the server (the last change may or may not have reached it). Check the network (Wi-Fi, VPN) and try again.",
    },
  );
}

/** Driver messages can quote a connection string; a password in one never leaves this module. */
export function scrub(text: string): string {
  return text
    .replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/gi, "$1***@")
    .replace(/(password\s*=\s*)[^&\s]+/gi, "$1***");
}
