// A numeric scale written by its ends (`scale: { min: 1, max: 9, labels: { 1: …, 9: … } }`)
// for likert and matrix questions: spelled out as the list of its points, where a point
// without a label is named by its number only.
import type { ChoiceFile, NumericScaleFile } from "./schema.js";

/** The most points a scale may have; a longer range is a mistake (and would flood the screen). */
export const MAX_SCALE_POINTS = 101;

export function isNumericScale(ref: unknown): ref is NumericScaleFile {
  return ref !== null && typeof ref === "object" && !Array.isArray(ref);
}

/**
 * The points min…max as choices (a label only where the file gives one; elsewhere the number in
 * every language), then "don't know" when asked for. `dontKnow` is its label.
 */
export function numericScalePoints(
  scale: NumericScaleFile,
  languages: readonly string[],
  dontKnow: Record<string, string>,
): ChoiceFile[] {
  const points: ChoiceFile[] = [];
  for (let v = scale.min; v <= scale.max && points.length < MAX_SCALE_POINTS; v++)
    points.push({
      value: v,
      label: scale.labels?.[String(v)] ?? Object.fromEntries(languages.map((l) => [l, String(v)])),
    });
  if (scale.dont_know) points.push({ value: "dk", label: dontKnow, missing: true });
  return points;
}
