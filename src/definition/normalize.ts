// From the validated file (SurveyFile) to the model (Survey): resolve named choice lists,
// turn codes into strings, spell out yes/no, numeric scales and "other" as choices, and hash.
// What each type becomes is its row's normalize (types/); this file does what they share.
// Pure. Assumes rules.ts found no errors (unknown list names are skipped here, not reported).
import { BUILTIN_TEXTS } from "../i18n/builtin.js";
import { hashDefinition } from "./hash.js";
import type { Choice, Question, Section, Survey, Text } from "./model.js";
import { hasItems } from "./model.js";
import { isNumericScale, numericScalePoints } from "./numeric-scale.js";
import type { ChoiceFile, QuestionFile, SurveyFile } from "./schema.js";
import { rowOf } from "./types/index.js";
import type { ChoiceRef, NormalizeContext } from "./types/row.js";

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
  const context = (base: NormalizeContext["base"]): NormalizeContext => ({
    base,
    languages: langs,
    resolve,
    dontKnow: () => ({ value: "dk", label: builtin("dontKnow", langs), missing: true }),
    builtin: (key) => builtin(key, langs),
    withOther: (choices, other) => withOther(choices, other, langs),
  });

  const question = (q: QuestionFile, sectionId: string): Question =>
    rowOf(q).normalize(
      q,
      context({
        id: q.id,
        sectionId,
        text: q.text,
        ...(q.plain ? { plain: q.plain } : {}),
        ...("help" in q && q.help ? { help: q.help } : {}),
        required: "required" in q ? q.required === true : false,
        ...(q.show_if ? { showIf: q.show_if.trim() } : {}),
      }),
    );

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
        hasItems(q) ? q.items.filter((i) => i.reverse).map((i) => `${q.id}.${i.id}`) : [],
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
