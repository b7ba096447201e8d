// `kuulo template <survey>`: the data-entry sheet for typing in paper forms, as CSV (the header
// line) or XLSX (drop-downs, limits, codebook, instructions in the chosen language).
import { Command, Option } from "commander";
import { err, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

interface TemplateOptions {
  format?: "csv" | "xlsx";
  lang?: string;
  out?: string;
  delimiter: string;
  force?: boolean;
}

export function templateCommand(ctx: CommandContext): Command {
  return new Command("template")
    .description("print a data-entry sheet (CSV or Excel) for typing in paper forms")
    .argument("<survey>", "survey file (.yaml)")
    .addOption(
      new Option("--format <format>", "csv or xlsx (default: from --out, else csv)").choices(["csv", "xlsx"]),
    )
    .option(
      "--lang <code>",
      "language of the drop-downs, codebook and instructions (default: the survey's first)",
    )
    .option("--out <file>", "where to write (CSV goes to standard output without it)")
    .option("--delimiter <char>", 'CSV delimiter: ";" (Finnish Excel), "," or tab', ";")
    .option("--force", "replace an existing --out file (never the survey file or a database)")
    .addHelpText(
      "after",
      `
One column per answer: multi-select, ranking and points spelled out per choice
(barriers.fines), matrix statements as image.welcoming, ids as headers, form_no first.
The workbook has a drop-down on every closed column, number limits, a frozen header,
a codebook sheet and instructions.

Examples:
  npx kuulo template surveys/welcome-baseline.yaml --format xlsx --lang fi --out lomakkeet.xlsx
  npx kuulo template surveys/welcome-baseline.yaml --out forms.csv`,
    )
    .action(async (surveyPath: string, opts: TemplateOptions) => {
      const { makeTemplate } = await import("../../import/template-file.js");
      const result = await makeTemplate({
        surveyPath,
        ...(opts.format ? { format: opts.format } : {}),
        ...(opts.lang ? { lang: opts.lang } : {}),
        ...(opts.out ? { out: opts.out } : {}),
        delimiter: opts.delimiter,
        force: opts.force === true,
      });
      if (result.kind === "text") out(ctx.io, result.text);
      else
        err(
          ctx.io,
          `Wrote ${result.path}: ${result.columns} columns (${result.format.toUpperCase()}, ${result.lang}).`,
        );
    });
}
