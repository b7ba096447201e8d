// `kuulo validate <files...>`: every problem of every survey file at once, errors and
// warnings apart, as text with source excerpts or as JSON; exit 65 when any file has errors.
import { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

export function validateCommand(ctx: CommandContext): Command {
  return new Command("validate")
    .description("check survey files and report every problem with its line and column")
    .argument("<files...>", "survey files (.yaml)")
    .option("--json", "print the problems as JSON (for scripts and editors)")
    .option("--no-warnings", "show errors only")
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo validate surveys/welcome-baseline.yaml
  npx kuulo validate surveys/*.yaml --json`,
    )
    .action(async (files: string[], opts: { json?: boolean; warnings: boolean }) => {
      const { validateFiles } = await import("../../definition/validate-files.js");
      const { io } = ctx;
      const paint = colorsFor(io);
      const { files: checks, errors, warnings, exitCode } = validateFiles(files, opts.warnings, paint);
      if (opts.json) {
        const results = checks.map((c) => ({
          file: c.file,
          valid: c.valid,
          ...(c.hash ? { hash: c.hash } : {}),
          diagnostics: c.diagnostics,
        }));
        out(io, JSON.stringify({ files: results, errors, warnings }, null, 2));
      } else {
        for (const c of checks) {
          for (const d of c.drawn) out(io, d);
          if (c.valid && c.hash)
            out(io, `${paint.green("✓")} ${c.file}: valid (${c.id}, version ${c.hash.slice(0, 12)})`);
        }
        if (files.length > 1 || errors + warnings > 0)
          out(io, `\n${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
      }
      if (exitCode !== ExitCode.ok) ctx.exitCode = exitCode;
    });
}
