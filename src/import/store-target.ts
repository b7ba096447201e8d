// The import target backed by the Kuulo store: one write transaction from the first batch to the
// commit (BEGIN IMMEDIATE … COMMIT, rolled back on any error or interruption), the survey version
// registered, rows and their hashes recorded batch by batch so memory stays flat.
import type { Survey } from "../definition/model.js";
import {
  beginTransaction,
  erasedLines,
  getSession,
  hasLegacyRowHashes,
  hasRowHashes,
  listSurveys,
  openStore,
  previousImport,
  recordedRowHashes,
  recordImport,
  registerSurvey,
  type Store,
  saveResponses,
  surveyByHash,
} from "../store/index.js";
import type { ImportTarget, ImportTotals, PreparedRow, PreviousImport, RowOutcome } from "./target.js";

const NOTHING: ReadonlySet<string> = new Set();

export interface StoreTarget extends ImportTarget {
  close(): void;
}

export function openStoreTarget(
  path: string,
  survey: Survey,
  opts: { readonly?: boolean } = {},
): StoreTarget {
  const store: Store = openStore(path, opts.readonly ? { readonly: true } : { create: true });
  let tx: { commit(): void; rollback(): void } | undefined;
  // Lines of this very file whose responses were erased since an earlier import of it.
  let erased: Set<number> = new Set();
  // Whether the store holds row hashes from before they included the session.
  let legacy = false;
  // Whether this import must look its rows up among earlier ones: not in an SQLite store holding
  // none of the survey's yet, which no other import can add to while this one holds the write lock.
  let lookUp = true;
  let current: { file: string; fileHash: string; at: Date } | undefined;
  const readonly = opts.readonly === true;

  const dates = new Map<string, string | null>();
  return {
    sessionDate(id: string): string | null {
      if (!dates.has(id)) dates.set(id, getSession(store, id)?.date ?? null);
      return dates.get(id) ?? null;
    },

    previousImport(fileHash: string): PreviousImport | undefined {
      const p = previousImport(store, fileHash);
      return p
        ? {
            importedAt: p.importedAt,
            file: p.fileName,
            surveyId: p.surveyId,
            stored: p.stored,
            rejected: p.rejected,
          }
        : undefined;
    },

    otherSurveys() {
      // listSurveys gives the versions oldest first: the last of each id is its newest.
      const newest = new Map<string, string>();
      for (const v of listSurveys(store)) if (v.id !== survey.id) newest.set(v.id, v.hash);
      return [...newest.values()].map((hash) => surveyByHash(store, hash));
    },

    begin(info) {
      current = { file: info.file, fileHash: info.fileHash, at: new Date() };
      erased = erasedLines(store, info.fileHash);
      legacy = hasLegacyRowHashes(store, survey.id);
      if (readonly) return;
      tx = beginTransaction(store);
      lookUp = store.sqlite === undefined || hasRowHashes(store, survey.id);
      registerSurvey(store, survey, current.at);
    },

    write(rows: readonly PreparedRow[]): RowOutcome[] {
      const fresh: PreparedRow[] = [];
      // Only this batch's hashes are looked up: the store's may be millions.
      const asked = rows.map((r) => r.contentHash);
      const legacyHashes = legacy ? rows.map((r) => r.legacyHash?.()) : [];
      if (legacy) for (const h of legacyHashes) if (h !== undefined) asked.push(h);
      const known = lookUp ? recordedRowHashes(store, survey.id, asked) : NOTHING;
      const outcomes: RowOutcome[] = rows.map((r, i) => {
        // An older row hash does not know its session: it still counts, so that an old file
        // imported again adds nothing, as it did when that row was recorded.
        const old = legacyHashes[i];
        if (known.has(r.contentHash) || (old !== undefined && known.has(old))) return "duplicate";
        // An erased person's row in the same file stays out (counted with the duplicates).
        if (erased.has(r.line)) return "duplicate";
        fresh.push(r);
        return "stored";
      });
      if (readonly || fresh.length === 0) return outcomes;
      const saved = saveResponses(
        store,
        fresh.map((r) => r.response),
      );
      // A response id stored before (an export imported back) is a duplicate too.
      let j = 0;
      const hashes: string[] = [];
      const stored: { responseId: string; line: number }[] = [];
      for (let i = 0; i < outcomes.length; i++) {
        if (outcomes[i] !== "stored") continue;
        const s = saved[j]!;
        if (s === "duplicate") outcomes[i] = "duplicate";
        else {
          hashes.push(fresh[j]!.contentHash);
          stored.push({ responseId: fresh[j]!.response.id, line: fresh[j]!.line });
        }
        j++;
      }
      recordImport(store, {
        fileHash: current!.fileHash,
        fileName: current!.file,
        surveyId: survey.id,
        importedAt: current!.at,
        stored: hashes.length,
        rejected: 0,
        rowHashes: hashes,
        rows: stored,
      });
      return outcomes;
    },

    commit(totals: ImportTotals) {
      if (readonly) return;
      recordImport(store, {
        fileHash: current!.fileHash,
        fileName: current!.file,
        surveyId: survey.id,
        importedAt: current!.at,
        stored: 0,
        rejected: totals.rejected,
        rowHashes: [],
      });
      tx?.commit();
      tx = undefined;
    },

    rollback() {
      tx?.rollback();
      tx = undefined;
    },

    close() {
      tx?.rollback();
      store.close();
    },
  };
}
