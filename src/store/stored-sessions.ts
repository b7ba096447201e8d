// `kuulo sessions create|list|close` as library calls, each opening the database by its path.
// Creating one may create the database; closing one needs it to exist.
import { withStore } from "./open.js";
import {
  closeSession,
  createSession,
  listSessions,
  type SessionInfo,
  type SessionInput,
} from "./sessions.js";

export function createSessionAt(dbPath: string, input: SessionInput): SessionInfo {
  return withStore(dbPath, { create: true }, (store) => createSession(store, input));
}

export function listSessionsAt(dbPath: string): SessionInfo[] {
  return withStore(dbPath, { readonly: true }, listSessions);
}

export function closeSessionAt(dbPath: string, id: string): ReturnType<typeof closeSession> {
  return withStore(dbPath, { create: false }, (store) => closeSession(store, id));
}
