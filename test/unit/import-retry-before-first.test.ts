// A source read again only when it failed before giving anything: never a lost or doubled row.
import { describe, expect, it } from "vitest";
import { retryBeforeFirst } from "../../src/import/retry-before-first.js";

class Flaky extends Error {}

/** A source that fails `failures` times before its first item, then gives `items`. */
function source(failures: number, items: number[], failAfterFirst = false) {
  let made = 0;
  const make = async function* () {
    made++;
    if (made <= failures) throw new Flaky(`attempt ${made}`);
    for (const [i, item] of items.entries()) {
      if (failAfterFirst && i === 1) throw new Flaky("after the first");
      yield item;
    }
  };
  return { make, made: () => made };
}

async function all<T>(g: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
}

const flaky = (e: unknown) => e instanceof Flaky;

describe("retryBeforeFirst", () => {
  it("reads again after failures before the first item, each item once", async () => {
    const s = source(2, [1, 2, 3]);
    expect(await all(retryBeforeFirst(s.make, flaky, 3))).toEqual([1, 2, 3]);
    expect(s.made()).toBe(3);
  });

  it("gives up after the last attempt with the source's own error", async () => {
    const s = source(5, [1]);
    await expect(all(retryBeforeFirst(s.make, flaky, 3))).rejects.toThrow("attempt 3");
    expect(s.made()).toBe(3);
  });

  it("never reads again once an item was given (it would double it)", async () => {
    const s = source(0, [1, 2], true);
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const x of retryBeforeFirst(s.make, flaky, 3)) got.push(x);
      })(),
    ).rejects.toThrow("after the first");
    expect([got, s.made()]).toEqual([[1], 1]);
  });

  it("throws another kind of error at once", async () => {
    const s = source(1, [1]);
    await expect(all(retryBeforeFirst(s.make, () => false, 3))).rejects.toThrow("attempt 1");
    expect(s.made()).toBe(1);
  });
});
