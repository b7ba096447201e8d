// The masking catalogue: every string of test/fixtures/mask/catalogue.json that holds a personal
// detail is masked as its kind, and every harmless one (years, prices, opening hours, ISBNs,
// dates, page and room numbers, postal codes alone) comes through unchanged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MASK_MARKERS, type MaskKind, maskText } from "../../src/analysis/mask.js";
import { ROOT } from "../helpers/cli.js";

const { items } = JSON.parse(readFileSync(join(ROOT, "test/fixtures/mask/catalogue.json"), "utf8")) as {
  items: { expect: MaskKind | "keep"; text: string }[];
};

describe("the masking catalogue", () => {
  it("holds at least 100 strings to mask and 50 to keep", () => {
    expect(items.filter((i) => i.expect !== "keep").length).toBeGreaterThanOrEqual(100);
    expect(items.filter((i) => i.expect === "keep").length).toBeGreaterThanOrEqual(50);
  });

  const masked = items.filter((i) => i.expect !== "keep");
  it.each(masked.map((i) => [i.expect, i.text] as const))("masks the %s in %s", (kind, text) => {
    const m = maskText(text);
    expect(m.counts[kind as MaskKind], m.text).toBeGreaterThanOrEqual(1);
    expect(m.text).toContain(MASK_MARKERS[kind as MaskKind]);
    // No run of 5 or more digits of the detail is left behind.
    expect(m.text.replace(/\[[a-z]+\]/g, "")).not.toMatch(/\d[\d ]{4,}\d/);
  });

  const kept = items.filter((i) => i.expect === "keep");
  it.each(kept.map((i) => [i.text] as const))("keeps %s", (text) => {
    expect(maskText(text).text).toBe(text);
  });
});
