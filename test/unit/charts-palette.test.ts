// The palette stays readable for colour-blind readers: neighbouring categories of a scale and the
// two series of a comparison remain distinct under simulated deuteranopia, protanopia and
// tritanopia (Machado et al. 2009, full severity), and text on fills keeps WCAG contrast.
import { describe, expect, it } from "vitest";
import { COLOR, contrast, divergingColors, textOn } from "../../src/render/charts/theme.js";

type Vec = [number, number, number];
const MACHADO: Record<string, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string): Vec =>
  [1, 3, 5].map((i) => toLinear(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as Vec;

function simulate(lin: Vec, m: number[][]): Vec {
  return m.map((row) =>
    Math.min(1, Math.max(0, row[0]! * lin[0] + row[1]! * lin[1] + row[2]! * lin[2])),
  ) as Vec;
}

function lab([r, g, b]: Vec): Vec {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Vec, b: Vec) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

const SCALES = {
  "4-point": ["negative", "negative", "positive", "positive"],
  "5-point": ["negative", "negative", "neutral", "positive", "positive"],
  "7-point": ["negative", "negative", "negative", "neutral", "positive", "positive", "positive"],
} as const;

describe.each(Object.entries(MACHADO))("under %s", (_name, m) => {
  const seen = (hex: string) => lab(simulate(rgb(hex), m));

  it.each(Object.entries(SCALES))("keeps the categories of a %s scale apart", (_scale, sides) => {
    const colors = divergingColors(sides);
    for (let i = 1; i < colors.length; i++)
      expect(deltaE(seen(colors[i - 1]!), seen(colors[i]!))).toBeGreaterThan(10);
    // The two ends never look alike.
    expect(deltaE(seen(colors[0]!), seen(colors.at(-1)!))).toBeGreaterThan(30);
  });

  it("keeps baseline and follow-up apart", () => {
    expect(deltaE(seen(COLOR.baseline), seen(COLOR.followUp))).toBeGreaterThan(30);
  });

  it("keeps the gap markers apart from each other", () => {
    expect(deltaE(seen(COLOR.below), seen(COLOR.above))).toBeGreaterThan(15);
  });
});

describe("contrast", () => {
  it("labels inside scale segments meet WCAG AA (4.5:1)", () => {
    for (const sides of Object.values(SCALES))
      for (const fill of divergingColors(sides))
        expect(contrast(textOn(fill), fill), fill).toBeGreaterThanOrEqual(4.5);
  });

  it("text on white meets WCAG AA, lines and marks meet 3:1", () => {
    for (const c of [COLOR.text, COLOR.muted]) expect(contrast(c, "#FFFFFF")).toBeGreaterThanOrEqual(4.5);
    for (const c of [COLOR.bar, COLOR.followUp, COLOR.below, COLOR.above, COLOR.axis])
      expect(contrast(c, "#FFFFFF"), c).toBeGreaterThanOrEqual(3);
  });
});
