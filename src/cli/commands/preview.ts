// `kuulo preview <file>`: the questionnaire as readable text for proofreading, in one
// language, with the plain wording if asked, and skip logic written out in words.
import { Command } from "commander";
import { out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

export function previewCommand(ctx: CommandContext): Command {
  return new Command("preview")
    .description("print a survey as readable text for proofreading")
    .argument("<file>", "survey file (.yaml)")
    .option("--lang <code>", "language (fi, sv, en); default: the survey's first language")
    .option("--plain", "use the plain-language (selkokieli) wording where there is one")
    .addHelpText(
      "after",
      `
Examples:
  npx kuulo preview surveys/welcome-baseline.yaml
  npx kuulo preview surveys/welcome-baseline.yaml --lang fi --plain`,
    )
    .action(async (file: string, opts: { lang?: string; plain?: boolean }) => {
      const { previewSurvey } = await import("../../render/preview-survey.js");
      out(ctx.io, previewSurvey(file, opts.lang, opts.plain === true));
    });
}
