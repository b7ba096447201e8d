// Workshop sessions: a name, a date, a place, a facilitator and a wave (baseline, follow-up…).
// Responses point to a session by its id; a session a response names but nobody created is
// created on the fly (paper forms are often typed in before anyone thinks of sessions).
import { closest } from "../definition/suggest.js";
import { ExitCode, KuuloError } from "../errors.js";
import { guard } from "./errors.js";
import type { Store } from "./open.js";

export type SessionStatus = "open" | "closed";

export interface SessionInput {
  id: string;
  name?: string;
  /** YYYY-MM-DD */
  date?: string;
  place?: string;
  facilitator?: string;
  wave?: string;
}

export interface SessionInfo {
  id: string;
  name: string;
  date: string | null;
  place: string | null;
  facilitator: string | null;
  wave: string | null;
  status: SessionStatus;
  createdAt: string;
  closedAt: string | null;
  responses: number;
}

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with a session's fields, as messages; empty when it is fine. */
export function checkSessionInput(s: SessionInput): string[] {
  const problems: string[] = [];
  if (!ID_PATTERN.test(s.id))
    problems.push(
      `"${s.id}" cannot be a session id: use letters, digits, "-", "_" or "." (no spaces), at most 64 characters, e.g. "itakeskus-2025-03-14".`,
    );
  if (s.date !== undefined && (!DATE_PATTERN.test(s.date) || Number.isNaN(Date.parse(`${s.date}T00:00:00Z`))))
    problems.push(`"${s.date}" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-14.`);
  return problems;
}

export function createSession(store: Store, input: SessionInput, at: Date = new Date()): SessionInfo {
  const problems = checkSessionInput(input);
  if (problems.length > 0)
    throw new KuuloError("STORE_BAD_SESSION", problems[0]!, ExitCode.usage, { details: problems.slice(1) });
  return guard(store.path, () => {
    const added = store
      .sql(
        `INSERT INTO sessions (id, name, date, place, facilitator, wave, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'open', ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(
        input.id,
        input.name ?? input.id,
        input.date ?? null,
        input.place ?? null,
        input.facilitator ?? null,
        input.wave ?? null,
        at.toISOString(),
      );
    if (added.changes === 0)
      throw new KuuloError(
        "STORE_SESSION_EXISTS",
        `A session "${input.id}" exists already.`,
        ExitCode.dataError,
        {
          hint: "Choose another id, or use the existing session (kuulo sessions list shows them).",
        },
      );
    return getSession(store, input.id)!;
  });
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM responses r WHERE r.session_id = s.id) AS responses FROM sessions s`;

export function getSession(store: Store, id: string): SessionInfo | undefined {
  const row = guard(store.path, () => store.sql(`${SELECT} WHERE s.id = ?`).get(id)) as
    | SessionRow
    | undefined;
  return row ? toInfo(row) : undefined;
}

/** The session, or an error naming the ones that exist. */
export function requireSession(store: Store, id: string): SessionInfo {
  const s = getSession(store, id);
  if (s) return s;
  const ids = listSessions(store).map((x) => x.id);
  const near = closest(id, ids);
  throw new KuuloError(
    "STORE_UNKNOWN_SESSION",
    `There is no session "${id}" in ${store.path}.`,
    ExitCode.noInput,
    {
      hint:
        (near ? `Did you mean "${near}"? ` : "") +
        (ids.length > 0
          ? "kuulo sessions list shows the sessions."
          : 'Create it first: kuulo sessions create ID --name "…".'),
    },
  );
}

/** Sessions by date (undated last), then id. */
export function listSessions(store: Store): SessionInfo[] {
  const rows = guard(store.path, () =>
    store.sql(`${SELECT} ORDER BY s.date IS NULL, s.date, s.created_at, s.id`).all(),
  ) as SessionRow[];
  return rows.map(toInfo);
}

/** Close a session: kiosks stop offering it. Closing a closed session changes nothing. */
export function closeSession(
  store: Store,
  id: string,
  at: Date = new Date(),
): { session: SessionInfo; changed: boolean } {
  requireSession(store, id);
  const r = guard(store.path, () =>
    store
      .sql("UPDATE sessions SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'")
      .run(at.toISOString(), id),
  );
  return { session: getSession(store, id)!, changed: r.changes > 0 };
}

/** Internal: make sure a session named by a response exists. Call inside a write transaction. */
export function ensureSession(store: Store, id: string, wave: string | null, at: string): void {
  if (!ID_PATTERN.test(id))
    throw new KuuloError("STORE_BAD_SESSION", `"${id}" cannot be a session id.`, ExitCode.dataError, {
      hint: 'Use letters, digits, "-", "_" or "." (no spaces).',
    });
  store
    .sql(
      "INSERT INTO sessions (id, name, wave, status, created_at) VALUES (?, ?, ?, 'open', ?) ON CONFLICT (id) DO NOTHING",
    )
    .run(id, id, wave, at);
}

interface SessionRow {
  id: string;
  name: string;
  date: string | null;
  place: string | null;
  facilitator: string | null;
  wave: string | null;
  status: SessionStatus;
  created_at: string;
  closed_at: string | null;
  responses: number;
}

function toInfo(r: SessionRow): SessionInfo {
  return {
    id: r.id,
    name: r.name,
    date: r.date,
    place: r.place,
    facilitator: r.facilitator,
    wave: r.wave,
    status: r.status,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    responses: r.responses,
  };
}
