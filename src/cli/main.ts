// The command-line entry: builds the commander program and is the one place that catches
// errors and chooses exit codes. Commands live in ./commands/*, one file each, loaded only when
// named on the command line; their heavy dependencies (SQLite, inquirer, chart.js, canvas) are
// imported inside their actions only, so `kuulo --help` stays fast.
import { Command, CommanderError, Help } from "commander";
import { capText, ExitCode, formatLocation, KuuloError } from "../errors.js";
import { colorsFor, err, type Io, processIo } from "../terminal/io.js";
import { COMMANDS, type CommandEntry } from "./commands/index.js";
import type { CommandContext } from "./context.js";
import { VERSION } from "./version.js";

/**
 * The program. Given the arguments, it builds only the commands they name; the others are in the
 * list of commands by their line alone (commands/index.ts), so `kuulo --help` loads no command
 * module. Without arguments, every command is built (for tests and documentation).
 */
export async function buildProgram(ctx: CommandContext, argv?: readonly string[]): Promise<Command> {
  const { io } = ctx;
  const placeholders = new WeakMap<Command, string>();
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
    .configureHelp({
      subcommandTerm(cmd) {
        return placeholders.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
      },
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
  const factories = await Promise.all(
    COMMANDS.map((entry) => (!argv || argv.includes(entry.name) ? entry.load() : undefined)),
  );
  for (const [i, entry] of COMMANDS.entries()) {
    const make = factories[i];
    const cmd = make ? make(ctx) : placeholder(entry, placeholders);
    cmd.copyInheritedSettings(program);
    for (const sub of cmd.commands) sub.copyInheritedSettings(cmd);
    program.addCommand(cmd);
  }
  return program;
}

/** A command not named on the command line: its line in the list of commands, nothing more. */
function placeholder(entry: CommandEntry, lines: WeakMap<Command, string>): Command {
  const cmd = new Command(entry.name).description(entry.description).action(() => {
    throw new Error(`The command ${entry.name} was not loaded.`);
  });
  lines.set(cmd, entry.usage ? `${entry.name} ${entry.usage}` : entry.name);
  return cmd;
}

/** Run Kuulo with these arguments; never throws; returns the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const ctx: CommandContext = { io, exitCode: ExitCode.ok };
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    return e instanceof CommanderError ? commanderExit(e) : await reportError(e, io);
  }
}

/** Help and version are "errors" to commander's exitOverride; they are a success to us. */
function commanderExit(e: CommanderError): number {
  if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
    return ExitCode.ok;
  if (e.code === "commander.executeSubCommandAsync") return ExitCode.ok;
  return ExitCode.usage;
}

async function reportError(thrown: unknown, io: Io): Promise<number> {
  // Loaded on the way out only, so that `kuulo --help` and a success never load them.
  const [{ escapedStoreError }, { isInterrupt }] = await Promise.all([
    import("../store/errors.js"),
    import("../terminal/interrupt.js"),
  ]);
  const e = escapedStoreError(thrown) ?? thrown;
  const c = colorsFor(io, io.stderr);
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
