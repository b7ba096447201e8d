// Writing responses: one answer at a time as a person gives it (each durable on return), or many
// finished responses in one transaction (imports, merges). Every write checks that the survey
// version is stored and the slot exists in it, so the data never holds what no survey asked.
import {
  type Answers,
  type AnswerValue,
  type ResponseSource,
  type SurveyResponse,
  surveySlots,
} from "../definition/answers.js";
import { defaultLanguage, type Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { newResponseId } from "../ids.js";
import { codesFor } from "./codes.js";
import { guard } from "./errors.js";
import { flushStagedRowHashes, startStagingRowHashes } from "./imports.js";
import type { Store } from "./open.js";
import {
  decodeAnswers,
  decodeParadata,
  encodeAnswers,
  encodeParadata,
  encodeValue,
  type Paradata,
  RESPONSE_COLUMNS,
  type ResponseRow,
  responseContentHash,
  type SlotOrder,
  slotOrder,
  toResponse,
} from "./rows.js";
import { ensureSession, getSession } from "./sessions.js";
import { registerSurvey, surveyByHash } from "./surveys.js";

export interface NewResponse {
  survey: Survey;
  /** Default: a new time-ordered UUID (v7). */
  id?: string;
  sessionId?: string | null;
  /** Default: the session's wave. */
  wave?: string | null;
  source: ResponseSource;
  language?: string;
  plain?: boolean;
  startedAt: Date;
}

/** Start a response (status partial). Registers the survey version if it is new. */
export function createResponse(store: Store, input: NewResponse): SurveyResponse {
  const run = () => {
    registerSurvey(store, input.survey, input.startedAt);
    const sessionId = input.sessionId ?? null;
    let wave = input.wave ?? null;
    if (sessionId !== null) {
      ensureSession(store, sessionId, wave, input.startedAt.toISOString());
      wave ??= getSession(store, sessionId)?.wave ?? null;
    }
    const response: SurveyResponse = {
      id: input.id ?? newResponseId(),
      surveyId: input.survey.id,
      surveyHash: input.survey.hash,
      sessionId,
      wave,
      source: input.source,
      language: input.language ?? defaultLanguage(input.survey),
      plain: input.plain ?? false,
      startedAt: input.startedAt.toISOString(),
      submittedAt: null,
      status: "partial",
      answers: {},
    };
    insertResponse(store, response, response.startedAt);
    return response;
  };
  return guard(store.path, () => store.write(run));
}

/** Save (or change) one answer in its own transaction: on return it survives a crash or power cut. */
export function saveAnswer(
  store: Store,
  responseId: string,
  slotId: string,
  value: AnswerValue,
  answeredAt: Date,
): void {
  const run = () => {
    const row = openResponse(store, responseId);
    checkSlot(store, row.survey_hash, slotId, responseId);
    const answers = decodeAnswers(row.answers);
    const paradata = decodeParadata(row.paradata);
    const before = Object.hasOwn(answers, slotId) ? answers[slotId]! : undefined;
    const changed = before !== undefined && encodeValue(before) !== encodeValue(value) ? 1 : 0;
    const at = answeredAt.toISOString();
    answers[slotId] = value;
    paradata[slotId] = [at, (paradata[slotId]?.[1] ?? 0) + changed];
    rewrite(store, row, answers, paradata, at);
  };
  guard(store.path, () => store.write(run));
}

/** Forget an answer whose question is no longer shown. True when there was one. */
export function removeAnswer(
  store: Store,
  responseId: string,
  slotId: string,
  at: Date = new Date(),
): boolean {
  const run = () => {
    const row = openResponse(store, responseId);
    const answers = decodeAnswers(row.answers);
    if (!Object.hasOwn(answers, slotId)) return false;
    const paradata = decodeParadata(row.paradata);
    delete answers[slotId];
    delete paradata[slotId];
    rewrite(store, row, answers, paradata, at.toISOString());
    return true;
  };
  return guard(store.path, () => store.write(run));
}

/** Mark a response complete (the person pressed "send"). */
export function completeResponse(store: Store, responseId: string, submittedAt: Date): void {
  const run = () => {
    const row = openResponse(store, responseId);
    const at = submittedAt.toISOString();
    const hash = responseContentHash(
      toResponse({ ...row, status: "complete", submitted_at: at }, decodeAnswers(row.answers)),
      row.answers,
    );
    store
      .sql(
        "UPDATE responses SET status = 'complete', submitted_at = ?, content_hash = ?, updated_at = ? WHERE rid = ?",
      )
      .run(at, hash, at, row.rid);
  };
  guard(store.path, () => store.write(run));
}

export type SaveOutcome = "stored" | "duplicate";

/**
 * Store finished responses all at once or not at all. A response whose id is stored already is
 * a "duplicate" and left as it is. Their survey versions must be registered first.
 */
export function saveResponses(store: Store, responses: readonly SurveyResponse[]): SaveOutcome[] {
  const run = () => {
    const exists = store.sql("SELECT 1 FROM responses WHERE id = ?").pluck();
    const sessionWave = new Map<string, string | null>();
    return responses.map((r): SaveOutcome => {
      // The id's UNIQUE constraint tells a stored id apart at the INSERT, with no lookup first. Only
      // a response that would fail a check, or open a session, is looked up before: a stored id is
      // a duplicate whatever it says, and a duplicate creates no session.
      const newSession = r.sessionId !== null && !sessionWave.has(r.sessionId);
      // Codes made means the version is stored and asks every slot answered (the layout has no
      // field for any other), so only a response without them needs slotsKnown's look.
      const codes = codesFor(store, r.surveyHash, r.answers);
      if (newSession || (codes === null && !slotsKnown(store, r))) {
        if (exists.get(r.id) !== undefined) return "duplicate";
        for (const slot of Object.keys(r.answers)) checkSlot(store, r.surveyHash, slot, r.id);
      }
      let wave = r.wave;
      if (r.sessionId !== null) {
        if (newSession) {
          ensureSession(store, r.sessionId, r.wave, r.startedAt);
          sessionWave.set(r.sessionId, getSession(store, r.sessionId)?.wave ?? null);
        }
        wave ??= sessionWave.get(r.sessionId) ?? null;
      }
      const response = wave === r.wave ? r : { ...r, wave };
      // No paradata: answers stored at once count as given when the response was sent.
      return insertResponse(store, response, r.submittedAt ?? r.startedAt, true, codes)
        ? "stored"
        : "duplicate";
    });
  };
  return guard(store.path, () => store.write(run));
}

/**
 * A manual write transaction for work that spans several calls (an import reads its file between
 * writes). Row hashes recorded in it are written at commit, sorted (see recordImport).
 */
export function beginTransaction(store: Store): { commit(): void; rollback(): void } {
  guard(store.path, () => {
    store.begin();
    try {
      startStagingRowHashes(store);
    } catch (e) {
      store.db.exec("ROLLBACK");
      throw e;
    }
  });
  return {
    commit: () =>
      guard(store.path, () => {
        flushStagedRowHashes(store);
        store.db.exec("COMMIT");
      }),
    rollback: () => {
      flushStagedRowHashes(store, false);
      if (store.db.inTransaction) guard(store.path, () => store.db.exec("ROLLBACK"));
    },
  };
}

const INSERT_RESPONSE = `INSERT INTO responses (id, survey_hash, survey_id, session_id, wave, source, language, plain,
  started_at, submitted_at, status, content_hash, updated_at, answers, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_NEW_RESPONSE = `${INSERT_RESPONSE} ON CONFLICT (id) DO NOTHING`;

/** Insert a response row. With `ifNew`, an id stored already is left alone and false returned. */
function insertResponse(
  store: Store,
  r: SurveyResponse,
  updatedAt: string,
  ifNew = false,
  codes: Buffer | null = codesFor(store, r.surveyHash, r.answers),
): boolean {
  const answers = encodeAnswers(r.answers, orderOf(store, r.surveyHash));
  const { changes } = store
    .sql(ifNew ? INSERT_NEW_RESPONSE : INSERT_RESPONSE)
    .run(
      r.id,
      r.surveyHash,
      r.surveyId,
      r.sessionId,
      r.wave,
      r.source,
      r.language,
      r.plain ? 1 : 0,
      r.startedAt,
      r.submittedAt,
      r.status,
      responseContentHash(r, answers),
      updatedAt,
      answers,
      codes,
    );
  return changes > 0;
}

type OpenRow = ResponseRow & { answers: string; paradata: string };

/** The response row with its answers and paradata, which must exist and still be open for answers. */
function openResponse(store: Store, id: string): OpenRow {
  const row = store
    .sql(`SELECT ${RESPONSE_COLUMNS}, r.answers, r.paradata FROM responses r WHERE r.id = ?`)
    .get(id) as OpenRow | undefined;
  if (!row) throw unknownResponse(id, store.path);
  if (row.status === "complete")
    throw new KuuloError(
      "STORE_RESPONSE_COMPLETE",
      `Response ${id} was sent already; its answers cannot change.`,
      ExitCode.dataError,
    );
  return row;
}

/** Write a response's changed answers back with its new content hash: one UPDATE, one transaction. */
function rewrite(store: Store, row: OpenRow, answers: Answers, paradata: Paradata, at: string): void {
  const text = encodeAnswers(answers, orderOf(store, row.survey_hash));
  const hash = responseContentHash(toResponse(row, answers), text);
  store
    .sql(
      "UPDATE responses SET answers = ?, paradata = ?, codes = ?, content_hash = ?, updated_at = ? WHERE rid = ?",
    )
    .run(text, encodeParadata(paradata), codesFor(store, row.survey_hash, answers), hash, at, row.rid);
}

const slotCache = new WeakMap<Store, Map<string, Set<string>>>();

function slotsOf(store: Store, surveyHash: string): Set<string> {
  let bySurvey = slotCache.get(store);
  if (!bySurvey) {
    bySurvey = new Map();
    slotCache.set(store, bySurvey);
  }
  let slots = bySurvey.get(surveyHash);
  if (!slots) {
    slots = new Set(surveySlots(surveyByHash(store, surveyHash)).map((s) => s.id));
    bySurvey.set(surveyHash, slots);
  }
  return slots;
}

const orders = new WeakMap<Set<string>, SlotOrder>();

/** The version's slot ids as encodeAnswers orders keys; undefined when it is not stored (its checks speak). */
function orderOf(store: Store, surveyHash: string): SlotOrder | undefined {
  let slots: Set<string>;
  try {
    slots = slotsOf(store, surveyHash);
  } catch {
    return undefined;
  }
  let order = orders.get(slots);
  if (order === undefined) {
    order = slotOrder(slots);
    orders.set(slots, order);
  }
  return order;
}

/** Whether the response's survey version is stored and asks every slot the response answers. */
function slotsKnown(store: Store, r: SurveyResponse): boolean {
  let slots: Set<string>;
  try {
    slots = slotsOf(store, r.surveyHash);
  } catch {
    return false;
  }
  for (const slot of Object.keys(r.answers)) if (!slots.has(slot)) return false;
  return true;
}

function checkSlot(store: Store, surveyHash: string, slot: string, responseId: string): void {
  if (!slotsOf(store, surveyHash).has(slot))
    throw new KuuloError(
      "STORE_UNKNOWN_SLOT",
      `Response ${responseId} has an answer to "${slot}", which survey version ${surveyHash.slice(0, 12)} does not ask.`,
      ExitCode.dataError,
    );
}

export function unknownResponse(id: string, path: string): KuuloError {
  return new KuuloError(
    "STORE_UNKNOWN_RESPONSE",
    `There is no response ${id} in ${path}.`,
    ExitCode.noInput,
    {
      hint: "kuulo responses list shows the ids (for show, the last 8 characters are enough).",
    },
  );
}
