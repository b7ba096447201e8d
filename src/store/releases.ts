// The publication ledger: one entry per report that left Kuulo (any format, a folder or standard
// output), with what it published and the responses it covered, so that a later report can be
// protected together with every earlier one. An entry can be forgotten when it was never shared.
import { ExitCode, KuuloError } from "../errors.js";
import { guard } from "./errors.js";
import type { Store } from "./open.js";

export interface ReleaseInput {
  surveyId: string;
  surveyHash: string;
  /** Stored survey ids the responses came from (two for a comparison of two instruments). */
  origins: string[];
  createdAt: string;
  options: Record<string, unknown>;
  /** Files written, or ["-"] for standard output. */
  outputs: string[];
  /** report.json as published, as text or as its UTF-8 bytes. */
  report: string | Uint8Array;
  responseIds: readonly string[];
}

/** An entry as listed: what was recorded, without the report and the ids it covered. */
export interface ReleaseSummary extends Omit<ReleaseInput, "report" | "responseIds"> {
  id: number;
  responses: number;
}

/** An entry with the report it published; the ids it covered are read one by one (releaseResponseIds). */
export interface Release extends ReleaseSummary {
  report: string;
}

interface Row {
  id: number;
  survey_id: string;
  survey_hash: string;
  origins: string;
  created_at: string;
  options: string;
  outputs: string;
  responses: number;
}

const summary = (r: Row): ReleaseSummary => ({
  id: r.id,
  surveyId: r.survey_id,
  surveyHash: r.survey_hash,
  origins: JSON.parse(r.origins) as string[],
  createdAt: r.created_at,
  options: JSON.parse(r.options) as Record<string, unknown>,
  outputs: JSON.parse(r.outputs) as string[],
  responses: r.responses,
});

const SELECT = `SELECT r.id, r.survey_id, r.survey_hash, r.origins, r.created_at, r.options, r.outputs,
  (SELECT count(*) FROM release_responses x WHERE x.release_id = r.id) AS responses FROM releases r`;

/** A read-only copy of a store made before the ledger existed has no ledger tables. */
export function hasLedger(store: Store): boolean {
  // A PostgreSQL store is always brought up to date when opened.
  if (!store.sqlite) return true;
  return guard(
    store.path,
    () => store.sql("SELECT count(*) FROM sqlite_schema WHERE name = 'releases'").pluck().get() === 1,
  );
}

/**
 * The ids in order (the given array when it is already sorted). The ledger's two indexes are then
 * written front to back: at random places each id dirtied a page of its own, and a report over a
 * million responses spent most of its time recording them.
 */
export function inIdOrder(ids: readonly string[]): readonly string[] {
  for (let k = 1; k < ids.length; k++) if (ids[k - 1]! > ids[k]!) return [...ids].sort();
  return ids;
}

export function recordRelease(store: Store, input: ReleaseInput): number {
  // Bytes go into SQLite as they are and are stored as TEXT (CAST reads them as UTF-8): no string
  // of twice their size is made to hand them over. PostgreSQL is given the text.
  const bytes = typeof input.report !== "string";
  const r = input.report;
  const report =
    typeof r !== "string" && !store.sqlite
      ? Buffer.from(r.buffer, r.byteOffset, r.length).toString("utf8")
      : r;
  const value = bytes && store.sqlite ? "CAST(? AS TEXT)" : "?";
  return guard(store.path, () =>
    store.write(() => {
      const id = store
        .sql(
          `INSERT INTO releases (survey_id, survey_hash, origins, created_at, options, outputs, report) VALUES (?, ?, ?, ?, ?, ?, ${value}) RETURNING id`,
        )
        .pluck()
        .get(
          input.surveyId,
          input.surveyHash,
          JSON.stringify(input.origins),
          input.createdAt,
          JSON.stringify(input.options),
          JSON.stringify(input.outputs),
          report,
        ) as number;
      const ids = inIdOrder(input.responseIds);
      if (store.sqlite) {
        const add = store.sql(
          "INSERT OR IGNORE INTO release_responses (release_id, response_id) VALUES (?, ?)",
        );
        for (const r of ids) add.run(id, r);
      } else addInChunks(store, id, ids);
      return id;
    }),
  );
}

/**
 * PostgreSQL: many rows per statement, since each statement is a round trip to the server (a
 * report over 100 000 responses took minutes one id at a time).
 */
function addInChunks(store: Store, id: number, ids: readonly string[]): void {
  const CHUNK = 1000;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const values = part.map(() => "(?, ?)").join(", ");
    store
      .sql(`INSERT OR IGNORE INTO release_responses (release_id, response_id) VALUES ${values}`)
      .run(...part.flatMap((r) => [id, r]));
  }
}

/** Sets the files an entry wrote, once they are written. */
export function setReleaseOutputs(store: Store, id: number, outputs: string[]): void {
  guard(store.path, () =>
    store.sql("UPDATE releases SET outputs = ? WHERE id = ?").run(JSON.stringify(outputs), id),
  );
}

/** Entries, oldest first; with `origins`, only those whose responses came from one of them. */
export function listReleases(store: Store, origins?: readonly string[]): ReleaseSummary[] {
  return guard(store.path, () => {
    const rows = (store.sql(`${SELECT} ORDER BY r.id`).all() as Row[]).map(summary);
    return origins ? rows.filter((r) => r.origins.some((o) => origins.includes(o))) : rows;
  });
}

/** The release's row, or RELEASE_UNKNOWN (exit 66) naming the store. */
function releaseRow(store: Store, id: number): Row {
  const row = store.sql(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!row) throw unknownRelease(store, id);
  return row;
}

function unknownRelease(store: Store, id: number): KuuloError {
  return new KuuloError("RELEASE_UNKNOWN", `There is no release ${id} in ${store.path}.`, ExitCode.noInput, {
    hint: "See the releases with: npx kuulo releases list",
  });
}

/** An entry and its report: its row read once, and none of the ids it covered. */
export function getRelease(store: Store, id: number): Release {
  return guard(store.path, () => {
    const row = releaseRow(store, id);
    return { ...summary(row), report: reportOf(store, id) };
  });
}

/** The report an entry published (report.json), without the ids it covered. */
export function releaseReport(store: Store, id: number): string {
  return guard(store.path, () => reportOf(store, id));
}

function reportOf(store: Store, id: number): string {
  const report = store.sql("SELECT report FROM releases WHERE id = ?").pluck().get(id) as string | undefined;
  if (report === undefined) throw unknownRelease(store, id);
  return report;
}

/**
 * The ids of the responses an entry covered, in order, one at a time: a comparison with them
 * need not hold a million of them at once.
 */
export function* releaseResponseIds(store: Store, id: number): Generator<string> {
  const ids = guard(store.path, () =>
    store
      .sql("SELECT response_id FROM release_responses WHERE release_id = ? ORDER BY response_id")
      .pluck()
      .iterate(id),
  ) as IterableIterator<string>;
  for (;;) {
    const next = guard(store.path, () => ids.next());
    if (next.done) return;
    yield next.value;
  }
}

export function forgetRelease(store: Store, id: number): ReleaseSummary {
  return guard(store.path, () =>
    store.write(() => {
      const row = releaseRow(store, id);
      store.sql("DELETE FROM releases WHERE id = ?").run(id);
      return summary(row);
    }),
  );
}
