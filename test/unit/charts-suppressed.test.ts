// Suppressed values (null: fewer answers than the privacy threshold) are drawn as an empty slot
// with the spec's label, explained in a note, and never as a number.
import { describe, expect, it } from "vitest";
import { type ChartSpec, type DrawnText, inspectChart } from "../../src/render/charts/index.js";
import { ALL_SPECS, bars, diverging, histogram, ipa, ordered, paired } from "../helpers/charts-specs.js";

const hasDigit = (t: DrawnText) => /\d/.test(t.text);
const centreY = (t: DrawnText) => (t.top + t.bottom) / 2;
const centreX = (t: DrawnText) => (t.left + t.right) / 2;

function drawn(spec: ChartSpec, locale = "fi") {
  const r = inspectChart(spec, { locale });
  const plot = r.plot!;
  const inPlot = r.texts.filter(
    (t) =>
      centreY(t) > plot.top && centreY(t) < plot.bottom && centreX(t) > plot.left && centreX(t) < plot.right,
  );
  return { ...r, plot, inPlot, slots: inPlot.filter((t) => t.text === "< 5") };
}

describe("suppressed values", () => {
  it("every sample chart with a suppressed value says so in a note", () => {
    for (const spec of ALL_SPECS) {
      const { texts } = inspectChart(spec, { locale: "en" });
      expect(
        texts.some((t) => t.text.startsWith("< 5: too few answers to show")),
        spec.type,
      ).toBe(true);
    }
  });

  it("bars: an empty slot labelled < 5 and nothing numeric on its row", () => {
    const { inPlot, slots } = drawn(bars);
    expect(slots).toHaveLength(1);
    const slot = slots[0]!;
    const sameRow = inPlot.filter((t) => t !== slot && t.bottom > slot.top && t.top < slot.bottom);
    expect(sameRow.filter(hasDigit)).toEqual([]);
    // One value label per known item.
    expect(inPlot.filter((t) => /%/.test(t.text))).toHaveLength(
      bars.items.filter((i) => i.share !== null).length,
    );
  });

  it("bars: a count next to a suppressed share is not printed either", () => {
    const spec = {
      ...bars,
      items: [{ label: "Pieni ryhmä", share: null, count: 3 }, ...bars.items.slice(0, 2)],
    };
    const { texts } = drawn(spec);
    expect(texts.some((t) => t.text.includes("(3)") || t.text === "3")).toBe(false);
  });

  it("ordered bars: suppressed items last, as slots, without a number", () => {
    const { inPlot, slots } = drawn(ordered);
    expect(slots).toHaveLength(1);
    const values = inPlot.filter((t) => hasDigit(t) && t !== slots[0]);
    expect(values).toHaveLength(ordered.items.length - 1);
    expect(slots[0]!.top).toBeGreaterThan(Math.max(...values.map((t) => t.bottom)));
  });

  it("diverging: a fully suppressed row is a slot; a partly suppressed side is a lower bound", () => {
    const { inPlot, slots, texts } = drawn(diverging);
    // The slot in the plot (the "don't know" column's "< 5" lies right of the plot).
    expect(slots).toHaveLength(1);
    const slot = slots[0]!;
    const sameRow = inPlot.filter((t) => t !== slot && t.bottom > slot.top && t.top < slot.bottom);
    expect(sameRow.filter(hasDigit)).toEqual([]);
    expect(texts.some((t) => t.text === "≥ 20\u00A0%")).toBe(true);
  });

  it("paired bars: the missing follow-up is a slot beside the known baseline", () => {
    const { slots, inPlot } = drawn(paired);
    expect(slots).toHaveLength(1);
    const slot = slots[0]!;
    const sameBand = inPlot.filter((t) => t !== slot && t.bottom > slot.top && t.top < slot.bottom);
    expect(sameBand.filter(hasDigit)).toEqual([]);
    expect(inPlot.some((t) => t.text === "33\u00A0%")).toBe(true);
  });

  it("histogram: a suppressed bin shows < 5 and no count in its column", () => {
    const { slots, inPlot } = drawn(histogram);
    expect(slots).toHaveLength(2);
    for (const slot of slots) {
      const column = inPlot.filter((t) => t !== slot && t.right > slot.left && t.left < slot.right);
      expect(column.filter(hasDigit)).toEqual([]);
    }
  });

  it("ipa: a suppressed point is listed in a note, not plotted", () => {
    const { texts, inPlot } = drawn(ipa);
    expect(inPlot.some((t) => t.text.includes("Neuvonta työnhakuun"))).toBe(false);
    expect(texts.some((t) => t.text === "Ei näytetä (< 5): Neuvonta työnhakuun")).toBe(true);
  });

  it("a wholly suppressed chart shows n < 5 and no values", () => {
    const spec = { ...bars, n: null, items: bars.items.map((i) => ({ ...i, share: null, count: null })) };
    const { texts, inPlot, slots } = drawn(spec);
    expect(texts.some((t) => t.text.startsWith("n < 5"))).toBe(true);
    expect(slots).toHaveLength(bars.items.length);
    expect(inPlot.filter((t) => t.text !== "< 5")).toEqual([]);
  });
});

describe("a count hidden only as a complement", () => {
  it("bars: its slot says '–', not '< 5', and a note says what '–' means", () => {
    if (bars.type !== "bars") throw new Error("bars sample");
    const spec: ChartSpec = {
      ...bars,
      items: [
        ...bars.items.filter((i) => i.share !== null),
        { label: "Muu", share: null, count: null, mark: "–" },
      ],
    };
    expectOneDashExplained(spec);
  });

  it("paired bars: a withheld mean's slot says '–', explained; no '< 5' note where none is drawn", () => {
    const spec: ChartSpec = {
      ...paired,
      items: [
        ...paired.items.slice(0, 2),
        {
          label: "Alle 30-vuotiaat",
          values: [
            { value: 0.33, low: 0.15, high: 0.57 },
            { value: null, mark: "–" },
          ],
        },
      ],
    };
    expectOneDashExplained(spec);
  });
});

/** One "–" drawn and explained, and no "< 5" drawn or explained. */
function expectOneDashExplained(spec: ChartSpec): void {
  const { inPlot, texts } = drawn(spec, "en");
  expect(inPlot.filter((t) => t.text === "–")).toHaveLength(1);
  expect(inPlot.filter((t) => t.text === "< 5")).toHaveLength(0);
  expect(
    texts.some((t) => t.text.startsWith("–: hidden so that a smaller number cannot be worked out")),
  ).toBe(true);
  expect(texts.some((t) => t.text.startsWith("< 5: too few answers"))).toBe(false);
}
