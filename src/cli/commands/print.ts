// `kuulo print <survey>`: the paper questionnaire as an A4 PDF, in one language, optionally in
// plain language. Written to a temporary file and renamed, so a failed run leaves no half file.
import { resolve } from "node:path";
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
      const { loadSurvey } = await import("../../definition/load.js");
      const { checkLanguage } = await import("../../definition/language.js");
      const { isUiLanguage } = await import("../../i18n/index.js");
      const { renderQuestionnairePdf } = await import("../../render/questionnaire-pdf.js");
      const { checkOutput, writeOutputFile } = await import("../../output-file.js");
      const { io } = ctx;
      const survey = loadSurvey(file);
      const lang = checkLanguage(opts.lang, survey.languages);
      const plain = opts.plain === true;
      if (!isUiLanguage(lang))
        err(io, `Note: the form's instructions are in English; Kuulo has them in fi, sv and en only.`);
      const target = opts.out ?? `${survey.id}-${lang}${plain ? "-plain" : ""}.pdf`;
      const rules = {
        reads: [resolve(io.cwd, file)],
        force: opts.force === true,
        shown: target,
        example: "form.pdf",
      };
      checkOutput(resolve(io.cwd, target), rules);
      const { bytes, pages } = await renderQuestionnairePdf(survey, { lang, plain });
      writeOutputFile(resolve(io.cwd, target), bytes, rules);
      out(
        io,
        `Wrote ${target} (${pages} page${pages === 1 ? "" : "s"}, A4, ${lang}${plain ? ", plain language" : ""}).`,
      );
    });
}
