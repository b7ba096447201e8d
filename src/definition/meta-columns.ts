// The column names Kuulo itself puts beside the answers in exports, templates and rejects files.
// A question may not take one as its id: its column would clash with the response's own.

/** Columns that describe the response rather than answer a question (read back by import). */
export const META_COLUMNS = [
  "response_id",
  "form_no",
  "session",
  "wave",
  "source",
  "language",
  "status",
  "started_at",
  "submitted_at",
  "survey_id",
  "survey_version",
  "plain",
] as const;

/** The reason column of a rejects file. */
export const REASON_COLUMN = "reject_reason";

/** Every name a question id cannot have, with what the column holds (for the message). */
export const RESERVED_COLUMNS: ReadonlyMap<string, string> = new Map([
  ["response_id", "the response's id"],
  ["form_no", "the paper form's number"],
  ["session", "the workshop session"],
  ["wave", "the wave"],
  ["source", "how the answers were collected"],
  ["language", "the language answered in"],
  ["status", "whether the response is complete"],
  ["started_at", "when answering started"],
  ["submitted_at", "when the answers were saved"],
  ["survey_id", "the survey's id"],
  ["survey_version", "the survey's version"],
  ["plain", "whether plain wording was used"],
  [REASON_COLUMN, "why a row was rejected"],
]);
