// From the validated file (SurveyFile) to the model (Survey): resolve named choice lists,
// turn codes into strings, spell out yes/no, numeric scales and "other" as choices, and hash.
// Pure. Assumes rules.ts found no errors (unknown list names are skipped here, not reported).
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";
import { BUILTIN_TEXTS } from "../i18n/builtin.js";
import type { Choice, Question, Section, Survey, Text } from "./model.js";
import { DEFAULT_TEXT_MAX } from "./model.js";
import { isNumericScale, numericScalePoints } from "./numeric-scale.js";
import type { ChoiceFile, NumericScaleFile, QuestionFile, SurveyFile } from "./schema.js";

type ChoiceRef = string | ChoiceFile[] | NumericScaleFile;

function normChoice(c: ChoiceFile): Choice {
  const out: Choice = { value: String(c.value), label: c.label };
  if (c.plain) out.plain = c.plain;
  if (c.missing) out.missing = true;
  return out;
}

function builtin(key: keyof typeof BUILTIN_TEXTS, languages: string[]): Text {
  const all = BUILTIN_TEXTS[key];
  const out: Text = {};
  for (const lang of languages) out[lang] = all[lang as keyof typeof all] ?? all.en;
  return out;
}

export function normalizeSurvey(file: SurveyFile): Survey {
  const lists = file.choices ?? {};
  const langs = file.languages;
  const resolve = (ref: ChoiceRef): { choices: Choice[]; choiceList?: string } =>
    isNumericScale(ref)
      ? { choices: numericScalePoints(ref, langs, builtin("dontKnow", langs)).map(normChoice) }
      : typeof ref === "string"
        ? { choices: (lists[ref] ?? []).map(normChoice), choiceList: ref }
        : { choices: ref.map(normChoice) };
  const dk = (): Choice => ({ value: "dk", label: builtin("dontKnow", langs), missing: true });

  const question = (q: QuestionFile, sectionId: string): Question => {
    const base = {
      id: q.id,
      sectionId,
      text: q.text,
      ...(q.plain ? { plain: q.plain } : {}),
      ...("help" in q && q.help ? { help: q.help } : {}),
      required: "required" in q ? q.required === true : false,
      ...(q.show_if ? { showIf: q.show_if.trim() } : {}),
    };
    switch (q.type) {
      case "single": {
        const r = resolve(q.choices);
        const choices = withOther(r.choices, q.other === true, langs);
        return { ...base, type: "single", ...r, choices, other: q.other === true };
      }
      case "multi": {
        const r = resolve(q.choices);
        const choices = withOther(r.choices, q.other === true, langs);
        return {
          ...base,
          type: "multi",
          ...r,
          choices,
          ...(q.min !== undefined ? { min: q.min } : {}),
          ...(q.max !== undefined ? { max: q.max } : {}),
          exclusive: (q.exclusive ?? []).map(String),
          other: q.other === true,
        };
      }
      case "yesno":
        return {
          ...base,
          type: "yesno",
          choices: [
            { value: "yes", label: builtin("yes", langs) },
            { value: "no", label: builtin("no", langs) },
            ...(q.dont_know ? [dk()] : []),
          ],
        };
      case "likert":
        return { ...base, type: "likert", ...resolve(q.scale), smileys: q.smileys === true };
      case "scale": {
        const choices: Choice[] = [];
        for (let v = q.min; v <= q.max && choices.length < 101; v++)
          choices.push({ value: String(v), label: Object.fromEntries(langs.map((l) => [l, String(v)])) });
        if (q.dont_know) choices.push(dk());
        const labels: { min?: Text; max?: Text } = {};
        if (q.labels?.min) labels.min = q.labels.min;
        if (q.labels?.max) labels.max = q.labels.max;
        return {
          ...base,
          type: "scale",
          choices,
          min: q.min,
          max: q.max,
          labels,
          smileys: q.smileys === true,
        };
      }
      case "matrix":
        return {
          ...base,
          type: "matrix",
          ...resolve(q.scale),
          items: q.items.map((it) => ({
            id: it.id,
            text: it.text,
            ...(it.plain ? { plain: it.plain } : {}),
            ...(it.reverse ? { reverse: true } : {}),
          })),
          smileys: q.smileys === true,
        };
      case "number":
        return {
          ...base,
          type: "number",
          ...(q.min !== undefined ? { min: q.min } : {}),
          ...(q.max !== undefined ? { max: q.max } : {}),
          integer: q.integer === true,
          ...(q.unit ? { unit: q.unit } : {}),
        };
      case "text":
        return { ...base, type: "text", maxLength: q.max_length ?? DEFAULT_TEXT_MAX };
      case "ranking":
        return { ...base, type: "ranking", ...resolve(q.choices), top: q.top };
      case "allocate":
        return { ...base, type: "allocate", ...resolve(q.choices), points: q.points };
      case "info":
        return { ...base, type: "info" };
    }
  };

  const sections: Section[] = file.sections.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.plain ? { plain: s.plain } : {}),
    ...(s.intro ? { intro: s.intro } : {}),
    questions: s.questions.map((q) => question(q, s.id)),
  }));

  // Matrix items marked `reverse: true` count as reverse-coded in every index that uses them.
  const reverseItems = new Set(
    sections.flatMap((s) =>
      s.questions.flatMap((q) =>
        q.type === "matrix" ? q.items.filter((i) => i.reverse).map((i) => `${q.id}.${i.id}`) : [],
      ),
    ),
  );

  const body: Omit<Survey, "hash"> = {
    id: file.id,
    title: file.title,
    ...(file.description ? { description: file.description } : {}),
    languages: langs,
    ...(file.intro ? { intro: file.intro } : {}),
    ...(file.outro ? { outro: file.outro } : {}),
    // Only when given, so that a survey without waves keeps the hash it had before the block existed.
    ...(file.waves && Object.keys(file.waves).length > 0 ? { waves: file.waves } : {}),
    sections,
    indices: (file.indices ?? []).map((ix) => ({
      id: ix.id,
      title: ix.title,
      items: ix.items,
      reverse: [...new Set([...(ix.reverse ?? []), ...ix.items.filter((i) => reverseItems.has(i))])],
    })),
    ipa: file.ipa ?? [],
    gaps: file.gaps ?? [],
  };
  return { ...body, hash: hashDefinition(body) };
}

function withOther(choices: Choice[], other: boolean, langs: string[]): Choice[] {
  if (!other || choices.some((c) => c.value === "other")) return choices;
  return [...choices, { value: "other", label: builtin("other", langs) }];
}

export function hashDefinition(body: Omit<Survey, "hash">): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
