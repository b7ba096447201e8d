// `kuulo print <survey>`: the paper questionnaire as an A4 PDF, in one language, optionally in
// plain language. Written to a temporary file and renamed, so a failed run leaves no half file.
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { ExitCode, fileError, KuuloError } from "../../errors.js";
import { err, out } from "../io.js";
import type { CommandContext } from "../main.js";

export function printCommand(ctx: CommandContext): Command {
  return new Command("print")
    .description("make a printable paper questionnaire (A4 PDF) with data-entry codes")
    .argument("<survey>", "survey file (.yaml)")
    .option("--lang <code>", "language (fi, sv, en); default: the survey's first language")
    .option("--plain", "plain language (selkokieli): larger type, plain wordings, no grids")
    .option("--out <file>", "where to write the PDF; default: <survey-id>-<lang>[-plain].pdf here")
    .addHelpText(
      "after",
      `
Examples:
  kuulo print surveys/welcome-baseline.yaml --lang fi --plain
  kuulo print surveys/welcome-baseline.yaml --lang sv --out lomakkeet/ruotsi.pdf`,
    )
    .action(async (file: string, opts: { lang?: string; plain?: boolean; out?: string }) => {
      const { loadSurvey } = await import("../../definition/load.js");
      const { checkLanguage } = await import("../options.js");
      const { isUiLanguage } = await import("../../i18n/index.js");
      const { renderQuestionnairePdf } = await import("../../render/questionnaire-pdf.js");
      const { io } = ctx;
      const survey = loadSurvey(file);
      const lang = checkLanguage(opts.lang, survey.languages);
      const plain = opts.plain === true;
      if (!isUiLanguage(lang))
        err(io, `Note: the form's instructions are in English; Kuulo has them in fi, sv and en only.`);
      const target = opts.out ?? `${survey.id}-${lang}${plain ? "-plain" : ""}.pdf`;
      const { bytes, pages } = await renderQuestionnairePdf(survey, { lang, plain });
      writeFileAtomic(resolve(io.cwd, target), bytes, target);
      out(
        io,
        `Wrote ${target} (${pages} page${pages === 1 ? "" : "s"}, A4, ${lang}${plain ? ", plain language" : ""}).`,
      );
    });
}

/** Write to a temporary file beside the target, then rename: readers never see half a PDF. */
function writeFileAtomic(path: string, bytes: Buffer, shown: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, bytes, { mode: 0o644 });
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The temporary file was never created (e.g. the path runs through a file): nothing to clean.
    }
    throw writeError(e, shown);
  }
}

function writeError(e: unknown, shown: string): KuuloError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR")
    return new KuuloError("OUT_IS_DIRECTORY", `Cannot write ${shown}: it is a folder`, ExitCode.cantCreate, {
      hint: `Give a file name, for example --out ${join(shown, "form.pdf")}`,
    });
  if (code === "ENOTDIR")
    return new KuuloError(
      "DIR_NOT_FOUND",
      `Cannot write ${shown}: part of the path is a file, not a folder`,
      ExitCode.cantCreate,
      {
        hint: "Check the path, or choose another --out.",
      },
    );
  return fileError(e, shown, "write");
}
