// A value axis of whole numbers prints each tick once: with every point total withheld the axis
// runs 0…1, and ticks at 0.2, 0.4… printed as "0 0 0 1 1 1".
import { describe, expect, it } from "vitest";
import { inspectChart } from "../../src/render/charts/index.js";
import type { OrderedBarsSpec } from "../../src/render/charts/types.js";

const spec = (values: (number | null)[]): OrderedBarsSpec => ({
  type: "ordered-bars",
  title: "Share 3 points",
  suppressedLabel: "< 5",
  n: 12,
  measure: "points",
  decimals: 0,
  items: values.map((value, i) => ({
    label: `Choice ${i + 1}`,
    value,
    ...(value === null ? { mark: "–" } : {}),
  })),
});

/** The texts drawn that are numbers alone: the ticks (and any value drawn beside a bar). */
const numbers = (s: OrderedBarsSpec) =>
  inspectChart(s, { locale: "en" })
    .texts.map((t) => t.text)
    .filter((t) => /^\d+$/.test(t));

describe("a whole-number value axis", () => {
  it("prints no tick twice when every value is withheld", () => {
    const ticks = numbers(spec([null, null, null]));
    expect(ticks.length).toBeGreaterThan(0);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
  it("prints no tick twice when the values are small", () => {
    const ticks = numbers(spec([null, null, 3]));
    // The value "3" beside its bar is drawn once more than the tick "3" at most.
    const counts = new Map<string, number>();
    for (const t of ticks) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) expect(c, t).toBeLessThanOrEqual(t === "3" ? 2 : 1);
  });
});
