// Keys a kiosk must swallow before readline sees them. Ctrl+Z makes readline leave raw mode
// and stop the process; Ctrl+D closes readline so that the next prompt never gets input and
// the program quietly ends. Inquirer's prompts offer no hook for either, so the keys are
// dropped at the input stream for as long as the kiosk runs.

type Emit = NodeJS.ReadableStream["emit"];

const SWALLOWED = new Set(["z", "d"]);

/** Drop Ctrl+Z and Ctrl+D key presses on `input` until the returned function is called. */
export function swallowKioskKeys(input: NodeJS.ReadableStream): () => void {
  const original: Emit = input.emit;
  const filtered = function (
    this: NodeJS.ReadableStream,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    const key = args[1] as { ctrl?: boolean; name?: string } | undefined;
    if (event === "keypress" && key?.ctrl === true && SWALLOWED.has(key.name ?? "")) return false;
    return original.call(this, event, ...args);
  };
  input.emit = filtered as Emit;
  return () => {
    input.emit = original;
  };
}
