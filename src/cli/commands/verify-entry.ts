// `kuulo verify-entry <survey> FIRST SECOND`: compare two typings of the same paper forms and
// list every cell where they disagree, so the paper can be checked before import.
import { Command } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
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
      const { loadSurvey } = await import("../../definition/load.js");
      const { columnCatalog } = await import("../../import/columns.js");
      const { openSource, readWholeFile, sniffFormat } = await import("../../import/open-source.js");
      const { parseEncodingName } = await import("../../import/encoding.js");
      const { parseDelimiterOption } = await import("../../import/delimiter.js");
      const { compareEntries } = await import("../../import/verify-entry.js");
      const { quoteValue } = await import("../../import/diagnostics.js");
      const survey = loadSurvey(surveyPath);
      const catalog = columnCatalog(survey);
      const read = async (path: string) => {
        const source = openSource(path, sniffFormat(path), {
          isKnown: (h) => catalog.has(h.trim().toLowerCase()),
          ...(opts.encoding ? { encoding: parseEncodingName(opts.encoding) } : {}),
          ...(opts.delimiter ? { delimiter: parseDelimiterOption(opts.delimiter) } : {}),
        });
        const whole = await readWholeFile(source);
        if (whole.header.length === 0)
          throw new KuuloError("CSV_EMPTY_FILE", `${path} is empty`, ExitCode.dataError, {
            location: { file: path },
          });
        return { name: path, ...whole };
      };
      const a = await read(first);
      const b = await read(second);
      const cmp = compareEntries(survey, a, b);
      const agree =
        cmp.differences.length === 0 &&
        cmp.onlyFirstForms.length + cmp.onlySecondForms.length === 0 &&
        cmp.onlyFirstColumns.length + cmp.onlySecondColumns.length === 0 &&
        cmp.duplicateForms.length === 0;
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
