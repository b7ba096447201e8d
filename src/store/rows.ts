// Between SQL rows and SurveyResponse: the one place that knows how a response and its answers
// are laid out in the tables, and the content hash merge uses to tell "same" from "changed".
import { createHash } from "node:crypto";
import type {
  Answers,
  AnswerValue,
  ResponseSource,
  ResponseStatus,
  SurveyResponse,
} from "../definition/answers.js";
import { canonicalJson } from "../definition/normalize.js";

export interface ResponseRow {
  rid: number;
  id: string;
  survey_id: string;
  survey_hash: string;
  session_id: string | null;
  wave: string | null;
  source: ResponseSource;
  language: string;
  plain: number;
  started_at: string;
  submitted_at: string | null;
  status: ResponseStatus;
  content_hash: string;
}

export const RESPONSE_COLUMNS =
  "r.rid, r.id, r.survey_id, r.survey_hash, r.session_id, r.wave, r.source, r.language, r.plain, r.started_at, r.submitted_at, r.status, r.content_hash";

export function toResponse(row: ResponseRow, answers: Answers): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyHash: row.survey_hash,
    sessionId: row.session_id,
    wave: row.wave,
    source: row.source,
    language: row.language,
    plain: row.plain === 1,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    status: row.status,
    answers,
  };
}

/** Answer values are stored as JSON text: a code, a number, a list of codes, points per code, or null. */
export function encodeValue(value: AnswerValue): string {
  return JSON.stringify(value);
}
export function decodeValue(text: string): AnswerValue {
  return JSON.parse(text) as AnswerValue;
}

/**
 * What a response says, as a hash: everything listResponses returns except the id. Answer
 * times and change counts are left out: they describe the answering, not the answers.
 */
export function responseContentHash(r: Omit<SurveyResponse, "id" | "surveyId">): string {
  const key = canonicalJson({
    h: r.surveyHash,
    g: r.sessionId,
    w: r.wave,
    s: r.source,
    l: r.language,
    p: r.plain,
    t0: r.startedAt,
    t1: r.submittedAt,
    st: r.status,
    a: r.answers,
  });
  return createHash("sha256").update(key).digest("hex");
}
