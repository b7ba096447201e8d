// Merge's copies of what has no content to compare: survey versions (checked against their
// hash), sessions (differing details reported, the target's kept), kept conflicts and imports.

import { hashDefinition } from "../definition/hash.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { guard, parseStored } from "./errors.js";
import type { Store } from "./open.js";

export function copySurveys(target: Store, source: Store): number {
  const rows = guard(source.path, () =>
    source.sql("SELECT hash, id, definition, registered_at FROM surveys").all(),
  ) as {
    hash: string;
    id: string;
    definition: string;
    registered_at: string;
  }[];
  let added = 0;
  for (const r of rows) {
    const { hash: _h, ...body } = parseStored<Survey>(r.definition);
    if (hashDefinition(body) !== r.hash)
      throw new KuuloError(
        "STORE_SURVEY_CHANGED",
        `${source.path}: survey version ${r.hash.slice(0, 12)} does not match its hash.`,
        ExitCode.ioError,
        {
          hint: "That database was edited by another program; nothing was merged. Check it with kuulo doctor.",
        },
      );
    added += target
      .sql(
        "INSERT INTO surveys (hash, id, definition, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING",
      )
      .run(r.hash, r.id, r.definition, r.registered_at).changes;
  }
  return added;
}

type SessionRow = Record<"id" | "name" | "status" | "created_at", string> &
  Record<"date" | "place" | "facilitator" | "wave" | "closed_at", string | null>;

/** Sessions the target lacks are added; one with the same id but other details is reported. */
export function copySessions(target: Store, source: Store): { added: number; differing: string[] } {
  const out = { added: 0, differing: [] as string[] };
  const rows = guard(source.path, () =>
    source.sql("SELECT * FROM sessions ORDER BY id").all(),
  ) as SessionRow[];
  for (const s of rows) {
    const mine = target.sql("SELECT * FROM sessions WHERE id = ?").get(s.id) as SessionRow | undefined;
    if (!mine) {
      target
        .sql(
          "INSERT INTO sessions (id, name, date, place, facilitator, wave, status, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .run(s.id, s.name, s.date, s.place, s.facilitator, s.wave, s.status, s.created_at, s.closed_at);
      out.added++;
      continue;
    }
    const fields = ["name", "date", "place", "facilitator", "wave"] as const;
    const diff = fields
      .filter((k) => mine[k] !== s[k])
      .map((k) => `${k} ${String(mine[k])} ≠ ${String(s[k])}`);
    if (diff.length > 0) out.differing.push(`${s.id} (${diff.join(", ")})`);
  }
  return out;
}

export function copyConflicts(target: Store, source: Store): void {
  const rows = guard(source.path, () => source.sql("SELECT * FROM conflicts").all()) as Record<
    string,
    string
  >[];
  const insert = target.sql(
    "INSERT INTO conflicts (response_id, content_hash, source_file, found_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  for (const c of rows) insert.run(c.response_id, c.content_hash, c.source_file, c.found_at, c.data);
}

export function copyImports(target: Store, source: Store): number {
  const files = guard(source.path, () => source.sql("SELECT * FROM imports").all()) as Record<
    string,
    string | number
  >[];
  let added = 0;
  for (const f of files)
    added += target
      .sql(
        "INSERT INTO imports (file_hash, file_name, survey_id, imported_at, rows_stored, rows_rejected) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      )
      .run(f.file_hash, f.file_name, f.survey_id, f.imported_at, f.rows_stored, f.rows_rejected).changes;
  const rows = guard(source.path, () =>
    source.sql("SELECT survey_id, row_hash, file_hash, response_id, line FROM import_rows").all(),
  ) as {
    survey_id: string;
    row_hash: string;
    file_hash: string;
    response_id: string | null;
    line: number | null;
  }[];
  const insert = target.sql(
    "INSERT INTO import_rows (survey_id, row_hash, file_hash, response_id, line) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  // Erased rows stay erased in the merged store: neither their hash nor the response comes back.
  const erased = guard(source.path, () =>
    source.sql("SELECT file_hash, line FROM erased_import_rows").all(),
  ) as { file_hash: string; line: number }[];
  const tomb = target.sql(
    "INSERT INTO erased_import_rows (file_hash, line) VALUES (?, ?) ON CONFLICT DO NOTHING",
  );
  for (const e of erased) tomb.run(e.file_hash, e.line);
  const gone = new Set(
    (target.sql("SELECT file_hash || ':' || line FROM erased_import_rows").pluck().all() as string[]) ?? [],
  );
  for (const r of rows)
    if (r.line === null || !gone.has(`${r.file_hash}:${r.line}`))
      insert.run(r.survey_id, r.row_hash, r.file_hash, r.response_id, r.line);
  return added;
}
