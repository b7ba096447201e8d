// Atoms the published respondent counts leave no room for, found by arithmetic alone (no solver):
// inside a count of 0, or outside every group of one attribute when a report's shown groups add
// up to its whole total (every session named: nobody is in "another session"). Pure.
import { type AtomModel, atomsOf } from "./atoms.js";
import type { Attr, Fact, ReportFacts } from "./facts.js";

const ATTRS: Attr[] = ["session", "wave", "source"];

/** Atoms that a count of 0 holds: they hold nobody. */
export function zeroAtoms(all: ReportFacts[], model: AtomModel): Set<number> {
  const empty = new Set<number>();
  for (const r of all)
    for (const f of r.facts)
      if (f.slot === "@size" && f.value === 0) for (const a of atomsOf(model, f)) empty.add(a);
  return empty;
}

/**
 * Atoms of a report outside every group of an attribute whose shown sizes add up to the report's
 * total: they hold nobody, since that total less the shown groups (less the hidden ones, which are
 * 0 or more) leaves 0 for them. Exactly what the solver would find for them (an upper bound of 0).
 */
export function leftOutAtoms(all: ReportFacts[], model: AtomModel): Set<number> {
  const empty = new Set<number>();
  for (const r of all) {
    const sizes = r.facts.filter((f) => f.slot === "@size");
    const total = sizes.find((f) => !f.scope.attr);
    if (!total || total.value === null) continue;
    for (const name of ATTRS) {
      const parts = sizes.filter((f) => f.scope.attr?.name === name);
      const shown = shownSum(parts);
      if (parts.length === 0 || shown === null || total.value !== shown) continue;
      const covered = new Set(parts.flatMap((f) => atomsOf(model, f)));
      for (const a of atomsOf(model, total)) if (!covered.has(a)) empty.add(a);
    }
  }
  return empty;
}

/**
 * The shown sizes of an attribute's groups added up, each group once (a session's size is both a
 * count by session and a compared group's n); null when two shown sizes of one group differ.
 */
function shownSum(parts: Fact[]): number | null {
  const byValue = new Map<string | null, number>();
  for (const f of parts) {
    if (f.value === null) continue;
    const v = f.scope.attr!.value;
    const seen = byValue.get(v);
    if (seen !== undefined && seen !== f.value) return null;
    byValue.set(v, f.value);
  }
  let sum = 0;
  for (const n of byValue.values()) sum += n;
  return sum;
}
