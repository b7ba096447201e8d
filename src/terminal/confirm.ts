// A yes/no question before something that cannot be undone. Without a terminal there is no one
// to ask, so the command must be told with --yes instead.
import { confirm } from "@inquirer/prompts";
import { ExitCode, KuuloError } from "../errors.js";
import type { Io } from "./io.js";

/** Asks `message` (default no); throws a usage error naming `hint` when there is no terminal. */
export async function confirmAtTerminal(io: Io, message: string, hint: string): Promise<boolean> {
  if (!io.stdin.isTTY || !io.stdout.isTTY)
    throw new KuuloError("USAGE_CONFIRM", "Deleting needs a confirmation: add --yes.", ExitCode.usage, {
      hint,
    });
  return confirm(
    { message, default: false },
    { input: io.stdin, output: io.stdout as NodeJS.WritableStream },
  );
}
