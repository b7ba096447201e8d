// Erasure: removing responses with all their answers (and any copies merge kept apart), saying
// exactly what went. Deleted pages are overwritten (secure_delete) and the log is emptied, so
// the answers do not linger in the file. Unknown ids stop the whole request: nothing is removed.
import type { ResponseStatus } from "../definition/answers.js";
import { guard } from "./errors.js";
import { forgetImportRows } from "./imports.js";
import type { Store } from "./open.js";
import { unknownResponse } from "./responses.js";
import { decodeAnswers } from "./rows.js";

export interface DeletedResponse {
  id: string;
  surveyId: string | null;
  surveyHash: string | null;
  sessionId: string | null;
  status: ResponseStatus | null;
  startedAt: string | null;
  answers: number;
  /** Copies of this response that merge kept apart as conflicts. */
  conflictCopies: number;
}

export function deleteResponses(store: Store, ids: readonly string[]): DeletedResponse[] {
  const wanted = [...new Set(ids.map((id) => id.trim().toLowerCase()))];
  const run = () => {
    const found = wanted.map((id) => {
      const row = store
        .sql(
          "SELECT rid, id, survey_id, survey_hash, session_id, status, started_at, answers FROM responses WHERE id = ?",
        )
        .get(id) as
        | {
            rid: number;
            id: string;
            survey_id: string;
            survey_hash: string;
            session_id: string | null;
            status: ResponseStatus;
            started_at: string;
            answers: string;
          }
        | undefined;
      const copies = store
        .sql("SELECT count(*) FROM conflicts WHERE response_id = ?")
        .pluck()
        .get(id) as number;
      if (!row && copies === 0) throw unknownResponse(id, store.path);
      return { id, row, copies };
    });
    return found.map(({ id, row, copies }): DeletedResponse => {
      let answers = 0;
      if (row) {
        answers = Object.keys(decodeAnswers(row.answers)).length;
        store.sql("DELETE FROM responses WHERE rid = ?").run(row.rid);
      }
      if (copies > 0) store.sql("DELETE FROM conflicts WHERE response_id = ?").run(id);
      forgetImportRows(store, id);
      return {
        id,
        surveyId: row?.survey_id ?? null,
        surveyHash: row?.survey_hash ?? null,
        sessionId: row?.session_id ?? null,
        status: row?.status ?? null,
        startedAt: row?.started_at ?? null,
        answers,
        conflictCopies: copies,
      };
    });
  };
  return guard(store.path, () => {
    store.db.pragma("secure_delete = ON");
    try {
      const removed = store.write(run);
      // Old copies of the pages live on in the write-ahead log until it is checkpointed.
      store.db.pragma("wal_checkpoint(TRUNCATE)");
      return removed;
    } finally {
      store.db.pragma("secure_delete = OFF");
    }
  });
}
