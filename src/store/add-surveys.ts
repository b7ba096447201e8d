// `kuulo surveys add` as a library call: storing survey files in a database (all files are read
// first, so a bad one stores none and creates nothing). Reached through files.ts, as it reads files.
import { resolve } from "node:path";
import { loadSurvey } from "../definition/load.js";
import type { Survey } from "../definition/model.js";
import { withStore } from "./open.js";
import { registerSurvey } from "./surveys.js";

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
