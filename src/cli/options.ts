// Checks for options shared by several commands, with messages that say what would work. Light:
// command modules import it at start-up (the survey's languages are checked in definition/language.ts).
import { ExitCode, KuuloError } from "../errors.js";

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new KuuloError(
      "USAGE_BAD_NUMBER",
      `${name} must be a whole number, not "${value}".`,
      ExitCode.usage,
    );
  return n;
}
