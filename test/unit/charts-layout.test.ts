// Labels are never cut: measured with the real font as drawn, every text lies inside the image,
// category labels stay in their column left of the plot with every letter present, and no two
// texts overlap.
import { describe, expect, it } from "vitest";
import { type ChartSpec, type DrawnText, inspectChart } from "../../src/render/charts/index.js";
import { ALL_SPECS, bars, diverging, ipa } from "../helpers/charts-specs.js";

const letters = (s: string) => s.replace(/[\s\u00AD-]/g, "");
const ROW_CHARTS = new Set(["bars", "diverging", "ordered-bars", "paired-bars", "gaps"]);

function rowLabels(spec: ChartSpec): string[] {
  switch (spec.type) {
    case "bars":
    case "ordered-bars":
    case "paired-bars":
      return spec.items.map((i) => i.label);
    case "diverging":
    case "gaps":
      return spec.rows.map((r) => r.label);
    default:
      return [];
  }
}

const overlaps = (a: DrawnText, b: DrawnText) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

describe.each(ALL_SPECS.flatMap((s) => ["fi", "en"].map((l) => [s.type, l, s] as const)))(
  "%s in %s",
  (type, locale, spec) => {
    const result = inspectChart(spec, { locale });

    it("draws every text inside the image", () => {
      for (const t of result.texts) {
        expect(t.left, t.text).toBeGreaterThanOrEqual(0);
        expect(t.top, t.text).toBeGreaterThanOrEqual(0);
        expect(t.right, t.text).toBeLessThanOrEqual(result.width);
        expect(t.bottom, t.text).toBeLessThanOrEqual(result.height);
      }
    });

    it("draws no text over another", () => {
      const texts = result.texts.filter((t) => t.text.trim() !== "");
      for (const [i, a] of texts.entries())
        for (const b of texts.slice(i + 1)) expect(overlaps(a, b), `"${a.text}" / "${b.text}"`).toBe(false);
    });

    it("draws the whole title", () => {
      const all = letters(result.texts.map((t) => t.text).join(""));
      expect(all).toContain(letters(spec.title));
    });

    it.runIf(ROW_CHARTS.has(type))("keeps category labels whole, in their column left of the plot", () => {
      const plot = result.plot!;
      const inRows = result.texts.filter(
        (t) =>
          t.left < plot.left && (t.top + t.bottom) / 2 > plot.top && (t.top + t.bottom) / 2 < plot.bottom,
      );
      const labelLines = inRows.filter((t) => !/^[≥<\d]/.test(t.text));
      for (const t of labelLines) expect(t.right, t.text).toBeLessThanOrEqual(plot.left);
      const drawn = letters(labelLines.map((t) => t.text).join(""));
      for (const label of rowLabels(spec)) expect(drawn).toContain(letters(label));
    });
  },
);

describe("hard cases", () => {
  it("fits a single very long Finnish word without cutting it", () => {
    const word = "Työllisyyspalveluasiakkaidentietotekniikkaneuvontapalvelukokonaisuusjärjestelmä";
    const spec = { ...bars, items: [{ label: word, share: 0.5, count: 20 }] };
    const { texts, plot } = inspectChart(spec, { locale: "fi" });
    const lines = texts.filter(
      (t) => t.right <= plot!.left && /^[A-Za-zäöå]/.test(t.text) && t.top > plot!.top - 5,
    );
    expect(letters(lines.map((t) => t.text).join(""))).toBe(word);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("keeps forty rows apart", () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      label: `Vaihtoehto ${i + 1}, joka on aika pitkä kuvaus`,
      share: 0.01 * i,
      count: i,
    }));
    const { texts } = inspectChart({ ...bars, items }, { locale: "fi" });
    for (const [i, a] of texts.entries())
      for (const b of texts.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it("keeps long statements and a long don't-know header apart", () => {
    const spec = {
      ...diverging,
      dontKnowLabel: "En osaa sanoa tai en halua vastata tähän kysymykseen",
      rows: diverging.rows.map((r) => ({
        ...r,
        label: `${r.label} – ja vielä pitkä lisäselitys väittämälle`,
      })),
    };
    const { texts } = inspectChart(spec, { locale: "fi" });
    for (const [i, a] of texts.entries())
      for (const b of texts.slice(i + 1)) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
  });

  it("numbers twelve crowded IPA points, without overlaps, with a key under the plot", () => {
    const points = Array.from({ length: 12 }, (_, i) => ({
      label: `Palvelu ${i + 1}`,
      importance: 3.8 + ((i * 7) % 12) / 30,
      performance: 3.6 + ((i * 5) % 12) / 30,
    }));
    const { texts } = inspectChart({ ...ipa, points }, { locale: "fi" });
    const labels = texts.filter((t) => /^\d+$/.test(t.text) && Number(t.text) >= 1 && Number(t.text) <= 12);
    expect(new Set(labels.map((t) => t.text)).size).toBe(12);
    const key = texts.map((t) => t.text).join(" ");
    for (let i = 1; i <= 12; i++) expect(key).toContain(`${i} Palvelu ${i}`);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) expect(overlaps(a, b), `${a.text} / ${b.text}`).toBe(false);
  });
});
