// The command-line entry: builds the commander program and is the one place that catches
// errors and chooses exit codes. Commands live in ./commands/*, one file each; their heavy
// dependencies (SQLite, inquirer, chart.js, canvas) are imported inside their actions only,
// so `kuulo --help` stays fast.
import { Command, CommanderError } from "commander";
import { capText, ExitCode, formatLocation, KuuloError } from "../errors.js";
import { escapedStoreError } from "../store/errors.js";
import { isInterrupt } from "../terminal/interrupt.js";
import { colorsFor, err, type Io, processIo } from "../terminal/io.js";
import { COMMANDS } from "./commands/index.js";
import type { CommandContext } from "./context.js";
import { VERSION } from "./version.js";

export function buildProgram(ctx: CommandContext): Command {
  const { io } = ctx;
  const program = new Command("kuulo")
    .description(
      "Kuulo – library surveys and needs assessments: run workshop surveys, import paper forms, report.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(colorsFor(io, io.stderr).red(s)),
    })
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo validate surveys/*.yaml
  npx kuulo run surveys/welcome-baseline.yaml --session s1 --kiosk
  npx kuulo import surveys/welcome-baseline.yaml forms.csv
  npx kuulo report welcome-baseline --out report/

Run "npx kuulo <command> --help" for the options of one command.`,
    );
  for (const make of COMMANDS) {
    const cmd = make(ctx);
    cmd.copyInheritedSettings(program);
    for (const sub of cmd.commands) sub.copyInheritedSettings(cmd);
    program.addCommand(cmd);
  }
  return program;
}

/** Run Kuulo with these arguments; never throws; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const ctx: CommandContext = { io, exitCode: ExitCode.ok };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(thrown: unknown, io: Io): number {
  const e = escapedStoreError(thrown) ?? thrown;
  const c = colorsFor(io, io.stderr);
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander's exitOverride; they are a success to us.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
      return ExitCode.ok;
    if (e.code === "commander.executeSubCommandAsync") return ExitCode.ok;
    return ExitCode.usage;
  }
  if (e instanceof KuuloError) {
    const where = formatLocation(e.location);
    // The stable code in brackets: what a person quotes when asking for help, and what tests check.
    const code = e.message.endsWith("]") ? "" : ` ${c.dim(`[${e.code}]`)}`;
    err(io, `${where ? `${where}: ` : ""}${c.red(c.bold("error"))} ${capText(e.message, 600)}${code}`);
    for (const d of e.options.details ?? []) err(io, `  ${capText(d, 600)}`);
    if (e.hint) err(io, `  ${c.dim("hint:")} ${e.hint}`);
    return e.exitCode;
  }
  if (isInterrupt(e)) {
    err(io, "Interrupted.");
    return ExitCode.interrupted;
  }
  // A bug in Kuulo: say so plainly, keep the stack available for whoever fixes it.
  const error = e as Error;
  err(io, `${c.red(c.bold("internal error"))} ${error?.message ?? String(e)}`);
  err(io, "  This is a bug in Kuulo. Please report it with the command you ran.");
  if (io.env.KUULO_DEBUG) err(io, String(error?.stack ?? ""));
  return ExitCode.internal;
}

/** Entry for bin/kuulo.js: real streams, and `kuulo … | head` ends quietly with 0. */
export async function main(argv: string[]): Promise<number> {
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  };
  process.stdout.on("error", onPipeError);
  process.stderr.on("error", onPipeError);
  return run(argv, processIo());
}
