// Between SQL rows and SurveyResponse: the one place that knows how a response and its answers
// are laid out in the tables, and the content hash merge uses to tell "same" from "changed".

import { canonicalJson } from "../canonical-json.js";
import type {
  Answers,
  AnswerValue,
  ResponseSource,
  ResponseStatus,
  SurveyResponse,
} from "../definition/answers.js";
import { sha256 } from "../sha256.js";
import { parseStored } from "./errors.js";

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

/** When each answer was given and how often it was changed, by slot id (responses.paradata). */
export type Paradata = Record<string, [answeredAt: string, changeCount: number]>;

/**
 * A response's answers as stored (responses.answers): one JSON object, keys in slot-id order,
 * so equal answers are equal text. Values: a code, a number, a list of codes, points per code,
 * or null (skipped). A key whose value is undefined is left out.
 */
export function encodeAnswers(answers: Answers): string {
  // canonicalJson(answers), without its general machinery: this runs once per stored response.
  const keys = Object.keys(answers).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const slot = keys[i]!;
    const v = answers[slot];
    if (v === undefined) continue;
    // A list of codes and every scalar is canonical as JSON.stringify writes it; points per code are not.
    const text = v === null || typeof v !== "object" || isFlat(v) ? JSON.stringify(v) : canonicalJson(v);
    out += out.length === 1 ? quotedKey(slot) + text : `,${quotedKey(slot)}${text}`;
  }
  return `${out}}`;
}
/** `"slot":` for each slot id seen, so that a million rows do not quote the same few dozen ids. */
const quotedKeys = new Map<string, string>();
function quotedKey(slot: string): string {
  let q = quotedKeys.get(slot);
  if (q === undefined) {
    q = `${JSON.stringify(slot)}:`;
    if (quotedKeys.size < 10_000) quotedKeys.set(slot, q);
  }
  return q;
}
function isFlat(v: readonly unknown[] | object): boolean {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (x !== null && typeof x === "object") return false;
  return true;
}
export function decodeAnswers(text: string): Answers {
  return parseStored<Answers>(text);
}
/** One answer value as text, to tell a changed answer from the same one given again. */
export function encodeValue(value: AnswerValue): string {
  return canonicalJson(value);
}
export function encodeParadata(paradata: Paradata): string {
  const sorted: Paradata = {};
  for (const slot of Object.keys(paradata).sort()) sorted[slot] = paradata[slot]!;
  return JSON.stringify(sorted);
}
export function decodeParadata(text: string): Paradata {
  return parseStored<Paradata>(text);
}

/**
 * The time and change count of each answer. Answers stored all at once (paper, import, a
 * finished response from a file) have no paradata of their own: they count as given when the
 * response was sent, or started, and never changed.
 */
export function paradataOf(
  row: Pick<ResponseRow, "started_at" | "submitted_at">,
  answers: Answers,
  paradata: Paradata,
): Paradata {
  const at = row.submitted_at ?? row.started_at;
  const out: Paradata = {};
  for (const slot of Object.keys(answers)) out[slot] = paradata[slot] ?? [at, 0];
  return out;
}

/**
 * What a response says, as a hash: everything listResponses returns except the id. Answer
 * times and change counts are left out: they describe the answering, not the answers.
 * `answersText` is encodeAnswers(r.answers) when the caller has it already.
 */
export function responseContentHash(
  r: Omit<SurveyResponse, "id" | "surveyId">,
  answersText: string = encodeAnswers(r.answers),
): string {
  // canonicalJson of { a, g, h, l, p, s, st, t0, t1, w } written out in that (sorted) order: this
  // runs for every stored response. Scalars only, so JSON.stringify is canonical for each value.
  let key = `{"a":${answersText}`;
  const field = (name: string, v: unknown) => {
    if (v !== undefined) key += `,"${name}":${JSON.stringify(v)}`;
  };
  field("g", r.sessionId);
  field("h", r.surveyHash);
  field("l", r.language);
  field("p", r.plain);
  field("s", r.source);
  field("st", r.status);
  field("t0", r.startedAt);
  field("t1", r.submittedAt);
  field("w", r.wave);
  key += "}";
  return sha256(key, "hex");
}
