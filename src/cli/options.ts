// Checks for options shared by several commands, with messages that say what would work.
import { ExitCode, KuuloError } from "../errors.js";

export { checkLanguage } from "../definition/language.js";

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
