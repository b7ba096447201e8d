// Whether a --session given to import that no store session has is probably a slip of the
// keyboard for one that exists ("kirjasto1" for "kirjasto-1"), rather than a new workshop
// ("kirjasto-2" after "kirjasto-1"). Pure.
import { closest } from "../definition/suggest.js";

/**
 * The existing session the id was probably meant to be, or undefined when it reads as a new
 * one. A near miss counts only when both have the same numbers in them: sessions are numbered
 * or dated, and a new one differs exactly there.
 */
export function sessionTypo(id: string, existing: readonly string[]): string | undefined {
  if (existing.includes(id)) return undefined;
  const digits = (s: string) => s.replace(/\D+/g, " ").trim();
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  const same = existing.find((e) => squash(e) === squash(id));
  if (same) return same;
  const near = closest(id, existing);
  return near !== undefined && digits(near) === digits(id) ? near : undefined;
}
