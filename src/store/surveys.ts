// Survey versions in the store: each kept whole (the normalised definition as JSON) under its
// content hash, so that a report or an export never needs the YAML file the data came from.

import { hashDefinition } from "../definition/hash.js";
import type { Survey, Text } from "../definition/model.js";
import { closest } from "../definition/suggest.js";
import { ExitCode, KuuloError } from "../errors.js";
import { guard, parseStored } from "./errors.js";
import type { Store } from "./open.js";

export interface SurveyVersion {
  id: string;
  hash: string;
  title: Text;
  registeredAt: string;
}

export interface SurveySummary extends SurveyVersion {
  responses: number;
  complete: number;
  partial: number;
  /** Earliest and latest start of a response, or null without responses. */
  firstStarted: string | null;
  lastStarted: string | null;
}

/** Store this survey version unless it is there already; true when it was added. */
export function registerSurvey(store: Store, survey: Survey, registeredAt: Date = new Date()): boolean {
  return guard(store.path, () => {
    const r = store
      .sql(
        "INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
      )
      .run(survey.hash, survey.id, JSON.stringify(survey), registeredAt.toISOString());
    return r.changes > 0;
  });
}

const cache = new WeakMap<Store, Map<string, Survey>>();

/** The stored definition of one version; checks that its content still matches its hash. */
export function surveyByHash(store: Store, hash: string): Survey {
  let byHash = cache.get(store);
  if (!byHash) {
    byHash = new Map();
    cache.set(store, byHash);
  }
  const hit = byHash.get(hash);
  if (hit) return hit;
  const row = guard(store.path, () => store.sql("SELECT definition FROM surveys WHERE hash = ?").get(hash)) as
    | { definition: string }
    | undefined;
  if (!row) throw unknownSurvey(store, hash);
  const survey = parseStored<Survey>(row.definition);
  const { hash: _h, ...body } = survey;
  if (hashDefinition(body) !== hash)
    throw new KuuloError(
      "STORE_SURVEY_CHANGED",
      `The stored survey version ${hash.slice(0, 12)} does not match its hash.`,
      ExitCode.ioError,
      {
        hint: "The database was edited by another program. Restore it from a backup; kuulo doctor shows what else is affected.",
      },
    );
  byHash.set(hash, survey);
  return survey;
}

/** Versions a reference names: every version of a survey id, or the one version a hash (prefix) names. */
export function findSurveyVersions(store: Store, ref: string): SurveyVersion[] {
  const rows = guard(store.path, () => {
    const byId = store
      .sql(
        "SELECT id, hash, definition, registered_at FROM surveys WHERE id = ? ORDER BY registered_at, hash",
      )
      .all(ref);
    if (byId.length > 0 || !/^[0-9a-f]{4,64}$/i.test(ref)) return byId;
    return store
      .sql(
        "SELECT id, hash, definition, registered_at FROM surveys WHERE hash >= ? AND hash < ? || 'g' ORDER BY registered_at",
      )
      .all(ref.toLowerCase(), ref.toLowerCase());
  }) as { id: string; hash: string; definition: string; registered_at: string }[];
  if (rows.length === 0) throw unknownSurvey(store, ref);
  return rows.map((r) => ({
    id: r.id,
    hash: r.hash,
    title: parseStored<Survey>(r.definition).title,
    registeredAt: r.registered_at,
  }));
}

/** The one version a reference names (a survey id with one version, or a hash prefix). */
export function getSurvey(store: Store, ref: string): Survey {
  const versions = findSurveyVersions(store, ref);
  if (versions.length > 1) {
    const counts = listSurveys(store);
    const lines = versions.map((v) => {
      const n = counts.find((c) => c.hash === v.hash)?.responses ?? 0;
      return `${v.hash.slice(0, 12)}  ${v.id}  registered ${v.registeredAt.slice(0, 10)}, ${n} response(s)`;
    });
    throw new KuuloError(
      "STORE_AMBIGUOUS_SURVEY",
      `"${ref}" names ${versions.length} survey versions.`,
      ExitCode.usage,
      {
        details: lines,
        hint: "Give the version instead: its hash, or the first 8 or more characters of it.",
      },
    );
  }
  return surveyByHash(store, versions[0]!.hash);
}

/** Every stored version with its response counts, by survey id and registration time. */
export function listSurveys(store: Store): SurveySummary[] {
  const rows = guard(store.path, () =>
    store
      .sql(
        `SELECT s.id, s.hash, s.definition, s.registered_at,
           count(r.rid) AS responses,
           coalesce(sum(r.status = 'complete'), 0) AS complete,
           min(r.started_at) AS first_started, max(r.started_at) AS last_started
         FROM surveys s LEFT JOIN responses r ON r.survey_hash = s.hash
         GROUP BY s.hash ORDER BY s.id, s.registered_at, s.hash`,
      )
      .all(),
  ) as {
    id: string;
    hash: string;
    definition: string;
    registered_at: string;
    responses: number;
    complete: number;
    first_started: string | null;
    last_started: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    hash: r.hash,
    title: parseStored<Survey>(r.definition).title,
    registeredAt: r.registered_at,
    responses: r.responses,
    complete: r.complete,
    partial: r.responses - r.complete,
    firstStarted: r.first_started,
    lastStarted: r.last_started,
  }));
}

function unknownSurvey(store: Store, ref: string): KuuloError {
  const ids = (
    guard(store.path, () => store.sql("SELECT DISTINCT id FROM surveys").all()) as { id: string }[]
  ).map((r) => r.id);
  const near = closest(ref, ids);
  return new KuuloError(
    "STORE_UNKNOWN_SURVEY",
    `The database ${store.path} holds no survey "${ref}".`,
    ExitCode.noInput,
    {
      hint:
        (near ? `Did you mean "${near}"? ` : "") +
        (ids.length > 0
          ? `Surveys in it: ${ids.join(", ")} (kuulo surveys list shows their versions).`
          : "It holds no surveys yet."),
    },
  );
}
