// `kuulo surveys list|add` as library calls: the survey versions a database holds, and storing
// survey files in it (all files are read first, so a bad one stores none and creates nothing).
import { resolve } from "node:path";
import { loadSurvey } from "../definition/load.js";
import type { Survey } from "../definition/model.js";
import { withStore } from "./open.js";
import { listSurveys, registerSurvey, type SurveySummary } from "./surveys.js";

/** Every survey version in the database, with its response counts. */
export function listStoredSurveys(dbPath: string): SurveySummary[] {
  return withStore(dbPath, { readonly: true }, listSurveys);
}

/** Stores the surveys of `files` (relative to `cwd`); says of each whether it was new. */
export function addSurveyFiles(
  dbPath: string,
  cwd: string,
  files: string[],
): { file: string; survey: Survey; added: boolean }[] {
  const surveys = files.map((file) => ({ file, survey: loadSurvey(resolve(cwd, file)) }));
  return withStore(dbPath, { create: true }, (store) =>
    surveys.map((s) => ({ ...s, added: registerSurvey(store, s.survey) })),
  );
}
