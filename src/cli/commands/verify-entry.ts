// `kuulo verify-entry <survey> FIRST SECOND`: compare two typings of the same paper forms and
// list every cell where they disagree, so the paper can be checked before import.
import { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

interface VerifyOptions {
  encoding?: string;
  delimiter?: string;
  json?: boolean;
}

export function verifyEntryCommand(ctx: CommandContext): Command {
  return new Command("verify-entry")
    .description("compare two typings of the same paper forms (double data entry) cell by cell")
    .argument("<survey>", "survey file (.yaml)")
    .argument("<first>", "the first person's file (CSV or XLSX)")
    .argument("<second>", "the second person's file (CSV or XLSX)")
    .option("--encoding <name>", "character encoding of both files (default: detected)")
    .option("--delimiter <char>", "CSV delimiter of both files (default: detected)")
    .option("--json", "print the differences as JSON")
    .addHelpText(
      "after",
      `
Rows are paired by the form_no column (or by row order when a file has none). Cells
are compared by meaning: "Viikoittain" and "weekly", "3,0" and "3", "x" and "1" agree.

Exit status: 0 when the two files agree, 65 when any cell, form or column differs,
66 when a file is not found.

Example:
  npx kuulo verify-entry surveys/welcome-baseline.yaml anna.csv pekka.csv`,
    )
    .action(async (surveyPath: string, first: string, second: string, opts: VerifyOptions) => {
      const { verifyEntry, quoteValue } = await import("../../import/verify-entry-files.js");
      const { agree, ...cmp } = await verifyEntry({
        surveyPath,
        first,
        second,
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
      });
      ctx.exitCode = agree ? ExitCode.ok : ExitCode.dataError;
      if (opts.json) {
        out(ctx.io, JSON.stringify({ first, second, agree, ...cmp }, null, 2));
        return;
      }
      const c = colorsFor(ctx.io);
      const io = ctx.io;
      out(
        io,
        `Paired ${cmp.pairs} form(s) by ${cmp.pairedBy}${cmp.pairedBy === "row order" ? " (no form_no column in both files)" : ""}.`,
      );
      for (const d of cmp.differences)
        out(
          io,
          `${cmp.pairedBy === "form_no" ? `form ${d.form}` : d.form}, column ${d.column}: ${first}:${d.firstLine} ${quoteValue(d.first)} ≠ ${second}:${d.secondLine} ${quoteValue(d.second)}`,
        );
      for (const f of cmp.onlyFirstForms) out(io, `form ${f.form} is only in ${first} (line ${f.line})`);
      for (const f of cmp.onlySecondForms) out(io, `form ${f.form} is only in ${second} (line ${f.line})`);
      for (const d of cmp.duplicateForms)
        out(
          io,
          `form ${d.form} appears on ${d.lines.length} rows of ${d.file} (lines ${d.lines.join(", ")})`,
        );
      if (cmp.onlyFirstColumns.length)
        out(io, `columns only in ${first}: ${cmp.onlyFirstColumns.join(", ")}`);
      if (cmp.onlySecondColumns.length)
        out(io, `columns only in ${second}: ${cmp.onlySecondColumns.join(", ")}`);
      out(
        io,
        agree
          ? c.green(`✓ The two files agree (${cmp.pairs} forms).`)
          : c.red(
              `✗ ${cmp.differences.length} cell(s) disagree. Check these on the paper forms, correct the files and compare again.`,
            ),
      );
    });
}
