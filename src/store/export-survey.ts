// `kuulo export` as one library call: find the survey version (by id, hash or survey file), refuse
// an empty selection, and write the responses with their codebook through write-export.ts.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { ResponseStatus } from "../definition/answers.js";
import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { openStore, type Store } from "./open.js";
import { countResponses, iterateStoredResponses } from "./read.js";
import { findSurveyVersions, getSurvey } from "./surveys.js";
import { type ExportFormat, type ExportResult, writeExport } from "./write-export.js";

export interface ExportRequest {
  dbPath: string;
  /** Survey id, version hash or survey file, as typed. */
  ref: string;
  cwd: string;
  format: ExportFormat;
  /** Absolute path; without it CSV and JSON go to `stdout`. */
  out?: string;
  stdout: { write(chunk: string): unknown };
  labels: boolean;
  lang?: string;
  delimiter?: string;
  bom: boolean;
  decimalComma: boolean;
  force: boolean;
  status?: ResponseStatus;
  sessionId?: string;
  wave?: string;
  /** Responses written so far, of all: called now and then while writing. */
  onProgress?: (done: number, total: number) => void;
}

/** Writes the export and says what was written, of which survey version. */
export async function exportSurvey(r: ExportRequest): Promise<ExportResult & { survey: Survey }> {
  const store = openStore(r.dbPath, { readonly: true });
  try {
    const survey = findSurvey(store, r.ref, r.cwd);
    const lang = checkLanguage(r.lang, survey.languages);
    const filters = {
      ...(r.status ? { status: r.status } : {}),
      ...(r.sessionId ? { sessionId: r.sessionId } : {}),
      ...(r.wave ? { wave: r.wave } : {}),
    };
    // Nothing to export is missing input (66), as for a report: an empty file would look like a
    // finished export of nobody.
    const total = countResponses(store, survey.hash, filters);
    if (total === 0)
      throw new KuuloError(
        "EXPORT_NO_RESPONSES",
        `No responses of ${survey.id} (version ${survey.hash.slice(0, 12)}) match.`,
        ExitCode.noInput,
        {
          hint:
            Object.keys(filters).length > 0
              ? "Check --status, --session and --wave (kuulo responses list shows what is stored)."
              : "Collect or import answers first: kuulo run / kuulo import.",
        },
      );
    const result = await writeExport(survey, iterateStoredResponses(store, survey.hash, filters), {
      format: r.format,
      ...(r.out ? { out: r.out } : {}),
      stdout: r.stdout,
      labels: r.labels,
      lang,
      ...(r.delimiter ? { delimiter: r.delimiter } : {}),
      bom: r.bom,
      decimalComma: r.decimalComma,
      ...(r.onProgress ? { onProgress: (done: number) => r.onProgress!(done, total) } : {}),
      rules: { reads: [store.path, resolve(r.cwd, r.ref)], force: r.force },
    });
    return { ...result, survey };
  } finally {
    store.close();
  }
}

/** The stored version a reference names; a survey file names the version with its hash. */
function findSurvey(store: Store, ref: string, cwd: string): Survey {
  if (!(/\.ya?ml$/i.test(ref) || existsSync(resolve(cwd, ref)))) return getSurvey(store, ref);
  const fromFile = loadSurvey(resolve(cwd, ref));
  try {
    return getSurvey(store, fromFile.hash);
  } catch (e) {
    if (!(e instanceof KuuloError) || e.code !== "STORE_UNKNOWN_SURVEY") throw e;
    let others: string[] = [];
    try {
      others = findSurveyVersions(store, fromFile.id).map((v) => v.hash.slice(0, 12));
    } catch {
      // no version of this survey at all
    }
    throw versionNotStored(ref, fromFile.id, others);
  }
}

function versionNotStored(file: string, id: string, others: string[]): KuuloError {
  return new KuuloError(
    "STORE_UNKNOWN_SURVEY",
    `The database holds no responses to this version of ${file}.`,
    ExitCode.noInput,
    {
      hint:
        others.length > 0
          ? `The file was changed after the answers were collected. Stored versions of ${id}: ${others.join(", ")} (export one by its version).`
          : `The database holds no survey "${id}". Check --db.`,
    },
  );
}
