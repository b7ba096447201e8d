// Reading a survey file from disk (the I/O edge of definition/): size check before reading,
// then the pure parser. Throws KuuloError for files that cannot be read at all.
import { readFileSync } from "node:fs";
import { ExitCode, fileError, KuuloError } from "../errors.js";
import { checkInputFile } from "../input-file.js";
import { countErrors } from "./diagnostics.js";
import type { Survey } from "./model.js";
import { type ParseResult, parseSurveyBytes } from "./parse.js";
import { MAX_SURVEY_BYTES } from "./source.js";

export function readSurveyFile(path: string): ParseResult {
  // Not a folder, a device or a pipe (/dev/zero would be read for ever); the size is checked below.
  const size = checkInputFile(path, {
    maxBytes: Number.POSITIVE_INFINITY,
    code: "SURVEY_TOO_LARGE",
    what: "a survey file",
  });
  if (size > MAX_SURVEY_BYTES)
    return {
      diagnostics: [
        {
          severity: "error",
          code: "SURVEY_TOO_LARGE",
          message: `The file is ${(size / 1e6).toFixed(1)} MB; a survey file may be at most ${MAX_SURVEY_BYTES / 1e6} MB.`,
          hint: "Is this the right file? Survey definitions are usually a few kilobytes.",
          file: path,
          line: 0,
          col: 0,
          length: 1,
        },
      ],
    };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fileError(e, path, "read");
  }
  return parseSurveyBytes(bytes, path);
}

/** Load a survey that must be valid; errors become one KuuloError (exit 65) listing them. */
export function loadSurvey(path: string): Survey {
  const result = readSurveyFile(path);
  if (!result.survey) {
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    throw new KuuloError(
      "SURVEY_INVALID",
      `${path} has ${countErrors(result.diagnostics)} error(s); the first: ${errors[0]?.message ?? "unknown"}`,
      ExitCode.dataError,
      {
        hint: `Run "kuulo validate ${path}" to see every problem with its line and column.`,
        location: errors[0] ? { file: path, line: errors[0].line, col: errors[0].col } : { file: path },
      },
    );
  }
  return result.survey;
}
