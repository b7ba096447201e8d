// The ledger's comparison of a report's responses with an earlier release's: a walk of two sorted
// lists of ids, which must count exactly what sets would, also when the database's order differs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differenceCount } from "../../src/reporting/publish.js";
import { inIdOrder } from "../../src/store/releases.js";

/** The number of ids in one list and not the other, with sets. */
function bySets(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  return [...x].filter((id) => !y.has(id)).length + [...y].filter((id) => !x.has(id)).length;
}

describe("differenceCount", () => {
  it("counts the ids only one side has", () => {
    expect(differenceCount(["a", "b", "c"], () => ["a", "b", "c"])).toBe(0);
    expect(differenceCount(["a", "b", "c"], () => ["b"])).toBe(2);
    expect(differenceCount([], () => ["a", "b"])).toBe(2);
    expect(differenceCount(["a", "d"], () => [])).toBe(2);
    expect(differenceCount(["a", "c", "e"], () => ["b", "c", "d", "f"])).toBe(5);
  });

  it("agrees with sets for any two lists of distinct ids, sorted or not on the database's side", () => {
    const ids = fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 30 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (mine, theirs, sortTheirs) => {
        const sorted = inIdOrder(mine);
        const other = sortTheirs ? [...theirs].sort() : theirs;
        expect(differenceCount(sorted, () => other)).toBe(bySets(mine, theirs));
      }),
    );
  });
});

describe("inIdOrder", () => {
  it("gives sorted ids back as they are, and sorts a copy of others", () => {
    const sorted = ["a", "b", "c"];
    expect(inIdOrder(sorted)).toBe(sorted);
    const other = ["b", "a", "c"];
    expect(inIdOrder(other)).toEqual(["a", "b", "c"]);
    expect(other).toEqual(["b", "a", "c"]);
  });
});
