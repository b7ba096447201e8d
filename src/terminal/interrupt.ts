// Ctrl+C at a prompt: the prompts throw an error named ExitPromptError (or AbortPromptError when
// cancelled), matched by name so that this module need not load the prompt library.

/** Whether `e` is the person pressing Ctrl+C at a prompt. */
export function isInterrupt(e: unknown): boolean {
  const name = (e as Error | undefined)?.name;
  return name === "ExitPromptError" || name === "AbortPromptError";
}
