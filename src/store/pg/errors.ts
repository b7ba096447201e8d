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

export function pgFailure(f: PgFault, label: string): Error {
  const code = f.code ?? "";
  const cause = new Error(scrub(f.message));
  if (code === "28P01" || code === "28000")
    return new KuuloError(
      "STORE_AUTH",
      `The database server refused the user name or password for ${label}.`,
      ExitCode.ioError,
      {
        hint: "Check the user name and password (put the password in PGPASSWORD or ~/.pgpass rather than in --db).",
        cause,
      },
    );
  if (code === "3D000")
    return new KuuloError(
      "STORE_NOT_FOUND",
      `There is no database ${label} on the server.`,
      ExitCode.noInput,
      {
        hint: "Check the database name in --db, or create the database first (see the README: Many libraries).",
        cause,
      },
    );
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new KuuloError(
      "STORE_UNAVAILABLE",
      `The database server of ${label} was not found.`,
      ExitCode.ioError,
      {
        hint: "Check the host name in --db and the network connection.",
        cause,
      },
    );
  if (code === "42501")
    return new KuuloError(
      "STORE_PERMISSION",
      `The database role of ${label} may not do this: ${scrub(f.message)}.`,
      ExitCode.ioError,
      {
        hint: "Kiosks may only add answers, staff may read and report, erasure and upgrades need the admin role (see the README: Many libraries).",
        cause,
      },
    );
  if (code === "40001" || code === "40P01" || code === "55P03")
    return new KuuloError(
      "STORE_BUSY",
      `The database ${label} was busy with another change.`,
      ExitCode.ioError,
      {
        hint: RETRY,
        cause,
      },
    );
  if (code === "53100")
    return new KuuloError(
      "STORE_DISK_FULL",
      `The database server of ${label} is out of disk space.`,
      ExitCode.ioError,
      {
        hint: RETRY,
        cause,
      },
    );
  if (/^[0-9A-Z]{5}$/.test(code) && !/^(08|57|53|58|XX)/.test(code))
    return new PgSqlError(scrub(f.message), code);
  return new KuuloError(
    "STORE_UNAVAILABLE",
    `The database server of ${label} did not answer (${scrub(f.message)}).`,
    ExitCode.ioError,
    { hint: RETRY, cause },
  );
}

/** Driver messages can quote a connection string; a password in one never leaves this module. */
export function scrub(text: string): string {
  return text
    .replace(/(postgres(?:ql)?:\/\/[^:@/\s]*:)[^@\s]*@/gi, "$1***@")
    .replace(/(password\s*=\s*)[^&\s]+/gi, "$1***");
}
