// Reading a survey's code pages in the table's own order while the rows still land in id order:
// the ids come from the id index alone, then the table is read front to back and each row is
// placed by its rank among those ids. SQLite only (PostgreSQL reads in id order, code-pages.ts).
import { type CodePageOptions, type PageRowOf, pageSelect, surveyHashes } from "./code-pages.js";
import { damaged, guard } from "./errors.js";
import type { Store } from "./open.js";

/** A page row keyed by its table row number (rid). */
export type RidPageRow = PageRowOf<number>;

export interface RankedReader {
  /** First: every response's id in id order. A row's place is its index in this list. */
  ids(ids: string[]): void;
  /** Then pages of rows in table order: `places[k]` is the place of `rows[k]`. */
  page(rows: RidPageRow[], places: Int32Array): void;
}

/** Ids read from the id index per statement. */
const ID_PAGE = 20_000;

/**
 * Reads the responses of `survey` (id or version hash prefix) into `reader`, all from one read
 * snapshot; false, having read nothing, where the table order does not pay: on PostgreSQL, when
 * most of the table's rows are other surveys' (the table would be read for few rows), or when the
 * row numbers are much sparser than the rows (the table of places would be large).
 *
 * Why: read in id order, SQLite visits the table at random (a page per row, twice the CPU of
 * reading it in order); the id index holds each id with its row number, so the order comes from
 * the index alone.
 */
export function readRankedCodePages(
  store: Store,
  survey: string,
  reader: RankedReader,
  options: CodePageOptions = {},
): boolean {
  if (!store.sqlite) return false;
  const hashes = surveyHashes(store, survey);
  const own = !store.db.inTransaction;
  if (own) guard(store.path, () => store.db.exec("BEGIN"));
  try {
    return guard(store.path, () => readInSnapshot(store, hashes, reader, options));
  } finally {
    if (own && store.db.inTransaction) store.db.exec("COMMIT");
  }
}

function readInSnapshot(
  store: Store,
  hashes: readonly string[],
  reader: RankedReader,
  options: CodePageOptions,
): boolean {
  const all = store.sql("SELECT count(*) FROM responses").pluck().get() as number;
  const maxRid = (store.sql("SELECT max(rid) FROM responses").pluck().get() as number | null) ?? 0;
  const set = `(${hashes.map(() => "?").join(", ")})`;
  // The survey's rows by its own index (survey_hash, started_at), which holds each row's rid.
  const others = new Set(store.sql("SELECT hash FROM surveys").pluck().all() as string[]);
  for (const h of hashes) others.delete(h);
  let member: Uint8Array | null = null;
  let members = all;
  if (others.size > 0) {
    members = store
      .sql(`SELECT count(*) FROM responses WHERE survey_hash IN ${set}`)
      .pluck()
      .get(...hashes) as number;
    if (members * 2 < all) return false;
  }
  if (maxRid > 4 * members + 1_000_000) return false;
  if (others.size > 0) {
    member = new Uint8Array(maxRid + 1);
    for (const rid of store
      .sql(`SELECT rid FROM responses WHERE survey_hash IN ${set}`)
      .pluck()
      .iterate(...hashes))
      member[rid as number] = 1;
  }
  // The ids in order from the id index (it holds the rid too: the table is not touched).
  const place = new Int32Array(maxRid + 1).fill(-1);
  const ids: string[] = [];
  const first = store.sql(`SELECT rid, id FROM responses ORDER BY id LIMIT ${ID_PAGE}`).raw(true);
  const next = store.sql(`SELECT rid, id FROM responses WHERE id > ? ORDER BY id LIMIT ${ID_PAGE}`).raw(true);
  for (let page = first.all() as [number, string][]; ; ) {
    for (const [rid, id] of page) {
      if (member && member[rid] !== 1) continue;
      place[rid] = ids.length;
      ids.push(id);
    }
    if (page.length < ID_PAGE) break;
    page = next.all(page[page.length - 1]![1]) as [number, string][];
  }
  member = null;
  reader.ids(ids);
  // Then the table front to back; the expression on survey_hash keeps SQLite off its index.
  const size = options.pageSize ?? 2000;
  const { select, paths } = pageSelect(store, hashes, options.texts ?? [], "r.rid");
  const where = others.size > 0 ? `AND r.survey_hash || '' IN ${set}` : "";
  const params = others.size > 0 ? hashes : [];
  const rows = store.sql(`${select} WHERE r.rid > ? ${where} ORDER BY r.rid LIMIT ${size}`).raw(true);
  let placed = 0;
  for (let after = 0; ; ) {
    const page = rows.all(...paths, after, ...params) as RidPageRow[];
    const places = new Int32Array(page.length);
    for (let k = 0; k < page.length; k++) {
      const at = place[page[k]![0]] ?? -1;
      // The id index and the table disagree within one snapshot: a damaged index.
      if (at < 0) throw damaged(store.path);
      places[k] = at;
    }
    placed += page.length;
    if (page.length > 0) reader.page(page, places);
    if (page.length < size) break;
    after = page[page.length - 1]![0];
  }
  if (placed !== ids.length) throw damaged(store.path);
  return true;
}
