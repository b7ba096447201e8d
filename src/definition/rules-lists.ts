// The rules for choice lists and numeric scales, and resolving a question's list by its name
// (reporting an unknown one). Pure; part of rules.ts.
import { isNumericScale, MAX_SCALE_POINTS, numericScalePoints } from "./numeric-scale.js";
import type { RuleIssue } from "./rule-issue.js";
import type { ChoiceFile, NumericScaleFile, SurveyFile } from "./schema.js";
import type { Path } from "./source.js";
import { didYouMean } from "./suggest.js";

type Add = (i: RuleIssue) => void;

/** Resolve a list reference (a name, the choices, or a numeric scale), checking what it finds. */
export function listResolver(
  file: Pick<SurveyFile, "choices" | "languages">,
  add: Add,
): (ref: string | ChoiceFile[] | NumericScaleFile, path: Path) => ChoiceFile[] | undefined {
  const lists = file.choices ?? {};
  const listNames = Object.keys(lists);
  return (ref, path) => {
    if (isNumericScale(ref)) {
      checkNumericScale(ref, path, add);
      return numericScalePoints(ref, file.languages, {});
    }
    if (typeof ref !== "string") {
      checkChoiceList(ref, path, add);
      return ref;
    }
    const list = lists[ref];
    if (!list)
      add({
        severity: "error",
        code: "SURVEY_UNKNOWN_LIST",
        message: `There is no choice list called "${ref}".`,
        hint:
          didYouMean(ref, listNames) ??
          (listNames.length
            ? `Defined lists: ${listNames.join(", ")}.`
            : "Define it under `choices:` at the top."),
        path,
      });
    return list;
  };
}

function checkNumericScale(scale: NumericScaleFile, path: Path, add: Add): void {
  if (scale.min >= scale.max)
    add({
      severity: "error",
      code: "SURVEY_MIN_GT_MAX",
      message: `The scale's min (${scale.min}) must be smaller than its max (${scale.max}).`,
      hint: "E.g. scale: { min: 1, max: 9, labels: { 1: …, 9: … } }.",
      path: [...path, "min"],
    });
  else if (scale.max - scale.min + 1 > MAX_SCALE_POINTS)
    add({
      severity: "error",
      code: "SURVEY_SCALE_TOO_LONG",
      message: `The scale has ${scale.max - scale.min + 1} points; at most ${MAX_SCALE_POINTS} fit on a screen or a form.`,
      path: [...path, "max"],
    });
  for (const point of Object.keys(scale.labels ?? {}))
    if (Number(point) < scale.min || Number(point) > scale.max)
      add({
        severity: "error",
        code: "SURVEY_BAD_VALUE",
        message: `labels: ${point} is not a point of the scale ${scale.min}–${scale.max}.`,
        hint: `Label points between ${scale.min} and ${scale.max}, usually the two ends.`,
        path: [...path, "labels"],
        key: point,
      });
}

export function checkChoiceList(list: ChoiceFile[], path: Path, add: Add): void {
  const seen = new Map<string, Path>();
  list.forEach((c, i) => {
    const v = String(c.value);
    if (seen.has(v))
      add({
        severity: "error",
        code: "SURVEY_DUPLICATE_CHOICE",
        message: `Choice value "${v}" appears twice in the list.`,
        hint: "Each choice needs its own code.",
        path: [...path, i, "value"],
        first: seen.get(v)!,
      });
    else seen.set(v, [...path, i, "value"]);
  });
}
