// `kuulo print <survey>`: the paper questionnaire as an A4 PDF, in one language, optionally in
// plain language. Written to a temporary file and renamed, so a failed run leaves no half file.
import { Command } from "commander";
import { err, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

export function printCommand(ctx: CommandContext): Command {
  return new Command("print")
    .description("make a printable paper questionnaire (A4 PDF) with data-entry codes")
    .argument("<survey>", "survey file (.yaml)")
    .option("--lang <code>", "language (fi, sv, en); default: the survey's first language")
    .option("--plain", "plain language (selkokieli): 14 pt type, plain wordings, one statement per line")
    .option("--out <file>", "where to write the PDF; default: <survey-id>-<lang>[-plain].pdf here")
    .option("--force", "replace an existing PDF of that name (never the survey file or a database)")
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo print surveys/welcome-baseline.yaml --lang fi --plain
  npx kuulo print surveys/welcome-baseline.yaml --lang sv --out lomakkeet/ruotsi.pdf`,
    )
    .action(async (file: string, opts: { lang?: string; plain?: boolean; out?: string; force?: boolean }) => {
      const { printQuestionnaire } = await import("../../render/print-questionnaire.js");
      const { io } = ctx;
      const plain = opts.plain === true;
      const { target, pages, lang } = await printQuestionnaire({
        file,
        cwd: io.cwd,
        ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
        plain,
        ...(opts.out !== undefined ? { out: opts.out } : {}),
        force: opts.force === true,
        note: (text) => err(io, text),
      });
      out(
        io,
        `Wrote ${target} (${pages} page${pages === 1 ? "" : "s"}, A4, ${lang}${plain ? ", plain language" : ""}).`,
      );
    });
}
