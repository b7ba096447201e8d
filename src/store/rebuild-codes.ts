// The answer codes kept beside each response's JSON answers (responses.codes, see
// definition/answer-codes.ts): a response's block as stored, and rebuilding the blocks of stored
// rows on a bare connection (the migration that adds them, kuulo doctor --repair).

import { type CodeLayout, codeLayout, encodeAnswersInto } from "../definition/answer-codes.js";
import type { Answers } from "../definition/answers.js";
import { hashDefinition } from "../definition/hash.js";
import type { Survey } from "../definition/model.js";
import type { Connection } from "./connection.js";

/** Per layout, the buffer blocks are made in before they are copied out (one, not one a row). */
const scratch = new WeakMap<CodeLayout, Uint8Array>();

/** A response's block as stored: null when the answers cannot be held exactly (readers take the JSON). */
export function codesBlob(layout: CodeLayout | undefined, answers: Answers): Buffer | null {
  if (layout === undefined) return null;
  let out = scratch.get(layout);
  if (out === undefined) {
    out = new Uint8Array(layout.size);
    scratch.set(layout, out);
  } else out.fill(0);
  // Buffer.from copies into Node's shared pool: no memory of its own per row.
  return encodeAnswersInto(layout, answers, out) ? Buffer.from(out) : null;
}

/** The layouts of the versions whose definitions still match their hash (others get no codes). */
function storedLayouts(db: Connection): Map<string, CodeLayout> {
  const out = new Map<string, CodeLayout>();
  const rows = db.prepare("SELECT hash, definition FROM surveys").raw(true).all() as [string, string][];
  for (const [hash, definition] of rows) {
    try {
      const { hash: _h, ...body } = JSON.parse(definition) as Survey;
      if (hashDefinition(body) === hash) out.set(hash, codeLayout(body));
    } catch {
      // Not a definition Kuulo wrote: its responses keep no codes and are read from their JSON.
    }
  }
  return out;
}

const PAGE = 1000;

/**
 * Write the block of every stored response (or only of the rids given), inside the caller's
 * transaction; answers that do not parse or fit get NULL. Returns how many rows changed.
 * `progress` hears of the rows done (of all) after each page.
 */
export function rebuildCodes(
  db: Connection,
  rids?: readonly number[],
  progress?: (done: number, total: number) => void,
): number {
  const layouts = storedLayouts(db);
  const update = db.prepare("UPDATE responses SET codes = ? WHERE rid = ? AND codes IS NOT ?");
  let changed = 0;
  const fix = (rid: number, hash: string, text: string) => {
    let blob: Buffer | null = null;
    try {
      blob = codesBlob(layouts.get(hash), JSON.parse(text) as Answers);
    } catch {
      // Answers that are not JSON keep no codes (kuulo doctor reports them as changed outside).
    }
    changed += update.run(blob, rid, blob).changes;
  };
  if (rids) {
    const get = db.prepare("SELECT survey_hash, answers FROM responses WHERE rid = ?").raw(true);
    for (const rid of rids) {
      const row = get.get(rid) as [string, string] | undefined;
      if (row) fix(rid, row[0], row[1]);
    }
    return changed;
  }
  const page = db
    .prepare(`SELECT rid, survey_hash, answers FROM responses WHERE rid > ? ORDER BY rid LIMIT ${PAGE}`)
    .raw(true);
  const total = progress ? (db.prepare("SELECT count(*) FROM responses").pluck().get() as number) : 0;
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = page.all(after) as [number, string, string][];
    for (const [rid, hash, text] of rows) fix(rid, hash, text);
    done += rows.length;
    progress?.(done, total);
    if (rows.length < PAGE) return changed;
    after = rows[rows.length - 1]![0];
  }
}
