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
export function encodeAnswers(answers: Answers, order?: SlotOrder): string {
  if (order !== undefined) {
    const text = encodeInOrder(answers, order);
    if (text !== undefined) return text;
  }
  // canonicalJson(answers), without its general machinery: this runs once per stored response.
  const keys = Object.keys(answers).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const slot = keys[i]!;
    const v = answers[slot];
    if (v === undefined) continue;
    out += out.length === 1 ? quotedKey(slot) + valueJson(v) : `,${quotedKey(slot)}${valueJson(v)}`;
  }
  return `${out}}`;
}

/** A list of codes and every scalar is canonical as JSON.stringify writes it; points per code are not. */
function valueJson(v: AnswerValue): string {
  if (typeof v === "string" && v.length <= 40) return codeJson(v);
  if (Array.isArray(v) && isFlat(v)) {
    // A list of codes: each code's text from the same cache.
    let out = "[";
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      out +=
        (i === 0 ? "" : ",") + (typeof x === "string" && x.length <= 40 ? codeJson(x) : JSON.stringify(x));
    }
    return `${out}]`;
  }
  return v === null || typeof v !== "object" || isFlat(v) ? JSON.stringify(v) : canonicalJson(v);
}
/** A short string's JSON (a choice code, nearly always): the few dozen codes of a survey are quoted once. */
const codeTexts = new Map<string, string>();
function codeJson(s: string): string {
  let q = codeTexts.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (codeTexts.size < 10_000) codeTexts.set(s, q);
  }
  return q;
}

/**
 * A survey version's slot ids in the order encodeAnswers writes keys (sorted as Array.sort sorts
 * strings), each with its quoted key: made once per version, so that a million rows are not
 * each sorted again (sorting the keys was a third of encoding a row).
 */
export interface SlotOrder {
  readonly ids: readonly string[];
  readonly keys: readonly string[];
}

export function slotOrder(slotIds: Iterable<string>): SlotOrder {
  const ids = [...new Set(slotIds)].sort();
  return { ids, keys: ids.map((id) => `${JSON.stringify(id)}:`) };
}

/**
 * encodeAnswers by a slot order, or undefined when the answers hold a key the order lacks (or an
 * undefined value): the general path then writes exactly what it always did.
 */
function encodeInOrder(answers: Answers, { ids, keys }: SlotOrder): string | undefined {
  // A plain object inherits keys such as "constructor": only own ones count.
  const inherits = Object.getPrototypeOf(answers) !== null;
  let out = "{";
  let seen = 0;
  for (let i = 0; i < ids.length; i++) {
    const v = answers[ids[i]!];
    if (v === undefined || (inherits && !Object.hasOwn(answers, ids[i]!))) continue;
    seen++;
    out += seen === 1 ? keys[i]! + valueJson(v) : `,${keys[i]!}${valueJson(v)}`;
  }
  return ownKeyCount(answers) === seen ? `${out}}` : undefined;
}

/** How many own keys an object has (measured: cheaper than counting them with for…in). */
export function ownKeyCount(o: object): number {
  return Object.keys(o).length;
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
  if (r.sessionId !== undefined) key += `,"g":${JSON.stringify(r.sessionId)}`;
  if (r.surveyHash !== undefined) key += `,"h":${JSON.stringify(r.surveyHash)}`;
  if (r.language !== undefined) key += `,"l":${JSON.stringify(r.language)}`;
  if (r.plain !== undefined) key += `,"p":${JSON.stringify(r.plain)}`;
  if (r.source !== undefined) key += `,"s":${JSON.stringify(r.source)}`;
  if (r.status !== undefined) key += `,"st":${JSON.stringify(r.status)}`;
  if (r.startedAt !== undefined) key += `,"t0":${JSON.stringify(r.startedAt)}`;
  if (r.submittedAt !== undefined) key += `,"t1":${JSON.stringify(r.submittedAt)}`;
  if (r.wave !== undefined) key += `,"w":${JSON.stringify(r.wave)}`;
  key += "}";
  return sha256(key, "hex");
}
