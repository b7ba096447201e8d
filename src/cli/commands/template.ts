// `kuulo template <survey>`: the data-entry sheet for typing in paper forms, as CSV (the header
// line) or XLSX (drop-downs, limits, codebook, instructions in the chosen language).
import { Command, Option } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
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
      const { loadSurvey } = await import("../../definition/load.js");
      const { checkLanguage } = await import("../../definition/language.js");
      const { templateColumns, renderCsvTemplate } = await import("../../import/template.js");
      const { parseDelimiterOption } = await import("../../import/delimiter.js");
      const { checkOutput, writeOutputFile } = await import("../../output-file.js");
      const rules = { reads: [surveyPath], force: opts.force === true };
      const survey = loadSurvey(surveyPath);
      // Refused before the workbook is built: a filled-in sheet of typed forms is never replaced silently.
      if (opts.out) checkOutput(opts.out, rules);
      const lang = checkLanguage(opts.lang, survey.languages);
      const format = opts.format ?? (opts.out?.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
      const columns = templateColumns(survey, lang);
      if (format === "xlsx") {
        if (!opts.out)
          throw new KuuloError(
            "USAGE_OUT_REQUIRED",
            "An Excel workbook needs --out FILE.xlsx",
            ExitCode.usage,
            {
              hint: "Add --out lomakkeet.xlsx (a workbook cannot be printed to the terminal).",
            },
          );
        const { renderXlsxTemplate } = await import("../../import/template-xlsx.js");
        writeOutputFile(opts.out, await renderXlsxTemplate(survey, columns, lang), rules);
      } else {
        const text = renderCsvTemplate(columns, parseDelimiterOption(opts.delimiter));
        if (!opts.out) {
          out(ctx.io, text.replace(/^\uFEFF/, "").replace(/\r\n$/, ""));
          return;
        }
        writeOutputFile(opts.out, text, rules);
      }
      err(ctx.io, `Wrote ${opts.out}: ${columns.length} columns (${format.toUpperCase()}, ${lang}).`);
    });
}
