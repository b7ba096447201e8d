// Colours, type sizes and spacing shared by every chart. The palette is Okabe–Ito for categories
// and ColorBrewer PuOr for agreement scales: both stay distinguishable with deuteranopia.

/** The family name our bundled fonts are registered under (see surface.ts). */
export const FONT_FAMILY = "KuuloSans";

/** Sizes in CSS pixels of an 800 px wide layout (16 cm in print: 1 px ≈ 0.57 pt). */
export const SIZE = {
  title: 18,
  subtitle: 14,
  label: 14.5,
  value: 13.5,
  tick: 13,
  legend: 13.5,
  note: 12.5,
  pointLabel: 12.5,
  pad: 16,
  lineHeight: 1.25,
} as const;

export const COLOR = {
  text: "#222222",
  muted: "#555555",
  grid: "#E3E3E3",
  axis: "#8C8C8C",
  background: "#FFFFFF",
  slot: "#8C8C8C",
  bar: "#0072B2",
  barMuted: "#9E9E9E",
  baseline: "#E69F00",
  followUp: "#0072B2",
  whisker: "#222222",
  neutral: "#CFCFCF",
  dontKnow: "#A6A6A6",
  zone: "#A9D6F2",
  zoneEdge: "#56B4E9",
  inside: "#000000",
  below: "#D55E00",
  above: "#009E73",
  mean: "#D55E00",
  median: "#000000",
  point: "#0072B2",
  quadrant: "#777777",
} as const;

export function font(size: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight === "bold" ? "bold " : ""}${size}px ${FONT_FAMILY}`;
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}
function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex([0, 1, 2].map((i) => x[i]! + (y[i]! - x[i]!) * t) as Rgb);
}

// PuOr ends: orange for disagreement, purple for agreement, light next to the middle.
export const NEG_DARK = "#B35806";
const NEG_LIGHT = "#FDB863";
const POS_LIGHT = "#B2ABD2";
export const POS_DARK = "#542788";

/** Colours for `count` categories on one side, ordered from the outer end to the middle. */
function ramp(count: number, dark: string, light: string): string[] {
  if (count <= 0) return [];
  if (count === 1) return [mix(dark, light, 0.35)];
  return Array.from({ length: count }, (_, i) => mix(dark, light, i / (count - 1)));
}

/** Colours for a scale given each category's side, in the scale's order. */
export function divergingColors(sides: readonly ("negative" | "neutral" | "positive")[]): string[] {
  const neg = ramp(sides.filter((s) => s === "negative").length, NEG_DARK, NEG_LIGHT);
  const pos = ramp(sides.filter((s) => s === "positive").length, POS_DARK, POS_LIGHT).reverse();
  let ni = 0;
  let pi = 0;
  return sides.map((s) => (s === "negative" ? neg[ni++]! : s === "positive" ? pos[pi++]! : COLOR.neutral));
}

function luminance(hex: string): number {
  const lin = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** WCAG contrast ratio between two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Dark or white text, whichever reads better on `fill`. */
export function textOn(fill: string): string {
  return contrast(fill, "#FFFFFF") >= contrast(fill, COLOR.text) ? "#FFFFFF" : COLOR.text;
}
