// `kuulo validate` as one library call: check survey files and return, per file, what to show
// (the diagnostics already drawn), with the totals that decide the exit status.
import { ExitCode, KuuloError } from "../errors.js";
import { countErrors, type Diagnostic, type Paint, renderDiagnostic } from "./diagnostics.js";
import { readSurveyFile } from "./load.js";

export interface FileCheck {
  file: string;
  valid: boolean;
  hash?: string;
  /** The survey's id, when the file is valid. */
  id?: string;
  diagnostics: Diagnostic[];
  /** Each diagnostic drawn with its source lines, in the order of `diagnostics`. */
  drawn: string[];
  /** The file could not be read at all (missing, a folder, too big). */
  missing: boolean;
}

export interface ValidateResult {
  files: FileCheck[];
  errors: number;
  warnings: number;
  /** 0, 65 when any file has errors, 66 when the only problem is files that cannot be read. */
  exitCode: ExitCode;
}

/** Checks every file; warnings are counted always and shown when `showWarnings`. */
export function validateFiles(files: string[], showWarnings: boolean, paint?: Paint): ValidateResult {
  const checks: FileCheck[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    let result: ReturnType<typeof readSurveyFile>;
    try {
      result = readSurveyFile(file);
    } catch (e) {
      if (!(e instanceof KuuloError)) throw e;
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
      checks.push({
        file,
        valid: false,
        diagnostics: [diag],
        drawn: [renderDiagnostic(diag, undefined, paint)],
        missing: true,
      });
      continue;
    }
    const shown = showWarnings
      ? result.diagnostics
      : result.diagnostics.filter((d) => d.severity === "error");
    const nErr = countErrors(result.diagnostics);
    errors += nErr;
    warnings += result.diagnostics.length - nErr;
    checks.push({
      file,
      valid: result.survey !== undefined,
      ...(result.survey ? { hash: result.survey.hash, id: result.survey.id } : {}),
      diagnostics: shown,
      drawn: shown.map((d) => `${renderDiagnostic(d, result.source, paint)}\n`),
      missing: false,
    });
  }
  const missing = checks.filter((c) => c.missing).length;
  const exitCode =
    missing > 0 && errors === 0
      ? ExitCode.noInput
      : errors > 0 || missing > 0
        ? ExitCode.dataError
        : ExitCode.ok;
  return { files: checks, errors, warnings, exitCode };
}
