// `kuulo surveys list` as a library call: the survey versions a database holds (storing survey
// files is add-surveys.ts, apart because it loads the file format's code).
import { withStore } from "./open.js";
import { listSurveys, type SurveySummary } from "./surveys.js";

/** Every survey version in the database, with its response counts. */
export function listStoredSurveys(dbPath: string): SurveySummary[] {
  return withStore(dbPath, { readonly: true }, listSurveys);
}
