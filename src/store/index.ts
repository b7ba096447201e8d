// The store's public API: everything other parts of Kuulo may call. No SQL outside src/store/.

export {
  type CodePageMeta,
  type CodePageOptions,
  type CodePageRow,
  codePageMeta,
  iterateCodePages,
  PAGE_ROW,
  type PageRowOf,
} from "./code-pages.js";
export { type RankedReader, type RidPageRow, readRankedCodePages } from "./code-pages-ranked.js";
export { type CodebookRow, codebookMarkdown, codebookRows } from "./codebook.js";
export { codeLayoutOf } from "./codes.js";
export { type DeletedResponse, deleteResponses } from "./delete.js";
export { checkStore, repairCodes, type StoreHealth } from "./doctor.js";
export { type Cell, type ExportColumn, exportColumns, exportRow } from "./export-table.js";
export {
  erasedLines,
  hasLegacyRowHashes,
  hasRowHashes,
  isFileImported,
  knownRowHashes,
  type PreviousImport,
  previousImport,
  recordedRowHashes,
  recordImport,
} from "./imports.js";
export { type MergeSourceSummary, mergeStores } from "./merge.js";
export { SCHEMA_VERSION } from "./migrations.js";
export { neutralizeCell, restoreNeutralized } from "./neutralize.js";
export { type OpenOptions, openStore, Store, withStore } from "./open.js";
export { isPostgresUrl } from "./pg/url.js";
export {
  type AnswerParadata,
  answerParadata,
  countResponses,
  getResponse,
  iterateResponses,
  listResponses,
  type ResponseFilters,
} from "./read.js";
export {
  forgetRelease,
  getRelease,
  hasLedger,
  inIdOrder,
  listReleases,
  type Release,
  type ReleaseInput,
  type ReleaseSummary,
  recordRelease,
  releaseReport,
  releaseResponseIds,
  setReleaseOutputs,
} from "./releases.js";
export {
  beginTransaction,
  completeResponse,
  createResponse,
  type NewResponse,
  removeAnswer,
  type SaveOutcome,
  saveAnswer,
  saveResponses,
} from "./responses.js";
export { decodeAnswers, ownKeyCount, responseContentHash, type SlotOrder, slotOrder } from "./rows.js";
export {
  closeSession,
  createSession,
  getSession,
  listSessions,
  requireSession,
  type SessionInfo,
  type SessionInput,
} from "./sessions.js";
export { closeSessionAt, createSessionAt, listSessionsAt } from "./stored-sessions.js";
export { listStoredSurveys } from "./stored-surveys.js";
export {
  findSurveyVersions,
  getSurvey,
  listSurveys,
  registerSurvey,
  type SurveySummary,
  surveyByHash,
} from "./surveys.js";
export { codebookPaths, type ExportFormat, type ExportOptions, writeExport } from "./write-export.js";
