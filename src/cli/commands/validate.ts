// `kuulo validate <files...>`: every problem of every survey file at once, errors and
// warnings apart, as text with source excerpts or as JSON; exit 65 when any file has errors.
import { Command } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
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
      const { readSurveyFile } = await import("../../definition/load.js");
      const { renderDiagnostic, countErrors } = await import("../../definition/diagnostics.js");
      const { io } = ctx;
      const paint = colorsFor(io);
      const results: { file: string; valid: boolean; hash?: string; diagnostics: unknown[] }[] = [];
      let errors = 0;
      let warnings = 0;
      let missing = 0;
      for (const file of files) {
        let result: ReturnType<typeof readSurveyFile>;
        try {
          result = readSurveyFile(file);
        } catch (e) {
          if (!(e instanceof KuuloError)) throw e;
          missing++;
          const diag = {
            severity: "error",
            code: e.code,
            message: e.message,
            hint: e.hint,
            file,
            line: 0,
            col: 0,
            length: 1,
          } as const;
          results.push({ file, valid: false, diagnostics: [diag] });
          if (!opts.json) out(io, renderDiagnostic(diag, undefined, paint));
          continue;
        }
        const shown = opts.warnings
          ? result.diagnostics
          : result.diagnostics.filter((d) => d.severity === "error");
        const nErr = countErrors(result.diagnostics);
        errors += nErr;
        warnings += result.diagnostics.length - nErr;
        results.push({
          file,
          valid: result.survey !== undefined,
          ...(result.survey ? { hash: result.survey.hash } : {}),
          diagnostics: shown,
        });
        if (opts.json) continue;
        for (const d of shown) out(io, `${renderDiagnostic(d, result.source, paint)}\n`);
        if (result.survey)
          out(
            io,
            `${paint.green("✓")} ${file}: valid (${result.survey.id}, version ${result.survey.hash.slice(0, 12)})`,
          );
      }
      if (opts.json) out(io, JSON.stringify({ files: results, errors, warnings }, null, 2));
      else if (files.length > 1 || errors + warnings > 0)
        out(io, `\n${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).`);
      if (missing > 0 && errors === 0) ctx.exitCode = ExitCode.noInput;
      else if (errors > 0 || missing > 0) ctx.exitCode = ExitCode.dataError;
    });
}
