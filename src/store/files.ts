// The store's calls that read survey files: storing survey files, and exporting a survey that may
// be named by its file. An entry of its own, apart from index.ts, so that a report from a stored
// survey loads none of the file format's code (zod, yaml).

export { addSurveyFiles } from "./add-surveys.js";
export { type ExportRequest, exportSurvey } from "./export-survey.js";
