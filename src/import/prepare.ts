// A mapped row → the SurveyResponse to store, and the row's content hash. Meta columns (form_no,
// session, language…) are checked here; options given on the command line win over them.
// Pure apart from the injected clock and id source.
import type {
  Answers,
  AnswerValue,
  ResponseSource,
  ResponseStatus,
  SurveyResponse,
} from "../definition/answers.js";
import { defaultLanguage, type Survey } from "../definition/model.js";
import { sha256 } from "../sha256.js";
import { ownKeyCount, type SlotOrder } from "../store/index.js";
import type { MetaName } from "./columns.js";
import type { CellProblem } from "./map-row.js";
import { isTrueFlag } from "./values.js";

export interface PrepareOptions {
  sessionId?: string;
  wave?: string;
  source?: ResponseSource;
  /** ISO time of the import: a form's started time when neither the file nor its session dates it. */
  now: string;
  /** The date of a workshop session: the day its paper forms were filled in. */
  sessionDate?: (id: string) => string | null;
  newId: () => string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SOURCES: ResponseSource[] = ["interactive", "paper", "import"];
const STATUSES: ResponseStatus[] = ["partial", "complete"];

export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}

/** ISO dates and times, and Finnish d.m.yyyy (with an optional hh:mm or hh.mm). */
export function parseWhen(raw: string): string | null {
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/.exec(raw.trim());
  if (fi) {
    const [, d, m, y, hh, mm] = fi;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0)));
    return date.getUTCDate() === Number(d) ? date.toISOString() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw.trim())) return null;
  const t = Date.parse(raw.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function prepareResponse(
  survey: Survey,
  answers: Answers,
  meta: Partial<Record<MetaName, string>>,
  opts: PrepareOptions,
): { response: SurveyResponse; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const bad = (column: MetaName, message: string) =>
    problems.push({ severity: "error", code: "CSV_BAD_VALUE", column, value: meta[column] ?? "", message });

  let id: string | undefined;
  if (meta.response_id !== undefined) {
    if (isUuid(meta.response_id)) id = meta.response_id.toLowerCase();
    else
      bad(
        "response_id",
        "is not a response id (a UUID such as 0b9f…-…); leave the column blank for paper forms",
      );
  }
  let language = defaultLanguage(survey);
  if (meta.language !== undefined) {
    const l = meta.language.toLowerCase();
    if (survey.languages.includes(l)) language = l;
    else
      bad("language", `is not a language of this survey (expected one of: ${survey.languages.join(", ")})`);
  }
  let source: ResponseSource = opts.source ?? "paper";
  if (!opts.source && meta.source !== undefined) {
    const s = meta.source.toLowerCase() as ResponseSource;
    if (SOURCES.includes(s)) source = s;
    else bad("source", `is not a source (expected one of: ${SOURCES.join(", ")})`);
  }
  let status: ResponseStatus = "complete";
  if (meta.status !== undefined) {
    const s = meta.status.toLowerCase() as ResponseStatus;
    if (STATUSES.includes(s)) status = s;
    else bad("status", `is not a status (expected one of: ${STATUSES.join(", ")})`);
  }
  const when = (column: "started_at" | "submitted_at"): string | null => {
    const raw = meta[column];
    if (raw === undefined) return null;
    const t = parseWhen(raw);
    if (t === null) bad(column, "is not a date (expected e.g. 2025-03-14, 2025-03-14T10:30 or 14.3.2025)");
    return t;
  };
  // Forms without a date of their own were filled in on the day of their session, if it has one:
  // the data's date, which the report shows, rather than the day they were typed in. A form with
  // neither has no date: it keeps no submitted time, and its started time is the import's, so
  // the report can say "imported on" that day instead of passing it off as the data's date.
  const sessionId = opts.sessionId ?? meta.session ?? null;
  const sessionDay = sessionId !== null ? (opts.sessionDate?.(sessionId) ?? null) : null;
  const sessionNoon =
    sessionDay !== null && /^\d{4}-\d{2}-\d{2}$/.test(sessionDay) ? `${sessionDay}T12:00:00.000Z` : null;
  const submittedAt = when("submitted_at") ?? (status === "complete" ? sessionNoon : null);
  const startedAt = when("started_at") ?? submittedAt ?? opts.now;

  const response: SurveyResponse = {
    id: id ?? opts.newId(),
    surveyId: survey.id,
    surveyHash: survey.hash,
    sessionId,
    wave: opts.wave ?? meta.wave ?? null,
    source,
    language,
    plain: meta.plain !== undefined && isTrueFlag(meta.plain),
    startedAt,
    submittedAt,
    status,
    answers,
  };
  return { response, problems };
}

/**
 * What a row says, independent of the file it came in and of when it was imported: the answers,
 * the identifying meta columns and the session the row goes into (the `--session` given, else
 * the file's session column), so that the same form number with the same answers from another
 * workshop is another person. Equal rows in one file are told apart by their occurrence.
 * The "2." prefix tells these hashes from the older ones that left out `--session`
 * (legacyRowContentHash), which stores made by earlier versions still hold.
 */
export function rowContentHash(
  surveyId: string,
  answers: Answers,
  meta: Partial<Record<MetaName, string>>,
  sessionId: string | null,
  order?: SlotOrder,
): string {
  return `2.${sha256(hashKey(surveyId, answers, meta, sessionId ?? "", order), "base64url")}`;
}

/** The hash older versions recorded: the session column only, never `--session`. */
export function legacyRowContentHash(
  surveyId: string,
  answers: Answers,
  meta: Partial<Record<MetaName, string>>,
  order?: SlotOrder,
): string {
  return sha256(hashKey(surveyId, answers, meta, meta.session ?? "", order), "base64url");
}

function hashKey(
  surveyId: string,
  answers: Answers,
  meta: Partial<Record<MetaName, string>>,
  session: string,
  order: SlotOrder | undefined,
): string {
  // A fixed layout built as one string rather than canonical JSON: this runs for every row.
  const head = `${surveyId}\u0000${meta.form_no ?? ""}\u0000${meta.response_id?.toLowerCase() ?? ""}\u0000${session}\u0000${meta.wave ?? ""}`;
  if (order !== undefined) {
    const key = answersKeyInOrder(answers, order.ids);
    if (key !== undefined) return head + key;
  }
  let key = head;
  for (const k of Object.keys(answers).sort()) key += answerKey(k, answers[k]);
  return key;
}

function answerKey(k: string, v: AnswerValue | undefined): string {
  const name = `\u0001${k}\u0002`;
  if (typeof v === "string") return `${name}s${v}`;
  if (typeof v === "number") return `${name}n${v}`;
  if (Array.isArray(v)) return `${name}l${v.join("\u0003")}`;
  if (v !== null && v !== undefined) return `${name}p${JSON.stringify(Object.entries(v).sort())}`;
  return name;
}

/**
 * The answers' part of the key by the survey's sorted slot ids, without sorting each row's keys;
 * undefined when the answers hold a key the survey lacks (then the keys are sorted as before).
 */
function answersKeyInOrder(answers: Answers, ids: readonly string[]): string | undefined {
  // A plain object inherits keys such as "constructor": only own ones count.
  const inherits = Object.getPrototypeOf(answers) !== null;
  let key = "";
  let seen = 0;
  for (const id of ids) {
    const v = answers[id];
    // Every own key counts, even one whose value is undefined (it adds its name, as it always did).
    if (v === undefined ? !Object.hasOwn(answers, id) : inherits && !Object.hasOwn(answers, id)) continue;
    seen++;
    key += answerKey(id, v);
  }
  return ownKeyCount(answers) === seen ? key : undefined;
}
