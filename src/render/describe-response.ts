// One response as text for `kuulo responses show`: its details, then every answer in
// questionnaire order with the question, the label of the chosen code, when it was given and
// how often it was changed. Rendering only: returns a string.

import { type AnswerValue, type SurveyResponse, surveySlots } from "../definition/answers.js";
import { type Choice, defaultLanguage, hasItems, type Survey } from "../definition/model.js";
import { pickText } from "../i18n/index.js";
import type { AnswerParadata } from "../store/index.js";

export function describeResponse(
  survey: Survey,
  r: SurveyResponse,
  paradata: readonly AnswerParadata[],
  lang?: string,
): string {
  const fb = defaultLanguage(survey);
  const l = lang ?? r.language;
  const when = new Map(paradata.map((p) => [p.slotId, p]));
  const lines = [
    `Response ${r.id}`,
    `  survey     ${survey.id} (version ${survey.hash.slice(0, 12)})`,
    `  session    ${r.sessionId ?? "—"}${r.wave ? ` (wave ${r.wave})` : ""}`,
    `  source     ${r.source}, language ${r.language}${r.plain ? ", plain language" : ""}`,
    `  status     ${r.status}; started ${r.startedAt}${r.submittedAt ? `, sent ${r.submittedAt}` : ""}`,
    "",
  ];
  const slots = surveySlots(survey);
  let shown = 0;
  for (const slot of slots) {
    if (!Object.hasOwn(r.answers, slot.id)) continue;
    const q = slot.question;
    const item = slot.item && hasItems(q) ? q.items.find((i) => i.id === slot.item) : undefined;
    const text =
      pickText(q.text, l, fb) + (item ? ` — ${pickText(item.text, l, fb)}` : slot.other ? " — other" : "");
    const choices = "choices" in q && !slot.other ? q.choices : [];
    const p = when.get(slot.id);
    const meta = p
      ? `  (${p.answeredAt.slice(0, 16).replace("T", " ")}${p.changeCount > 0 ? `, changed ${p.changeCount}×` : ""})`
      : "";
    lines.push(
      `${slot.id}: ${text}`,
      `    ${valueText(r.answers[slot.id]!, choices, l, fb, slot.kind === "ranking")}${meta}`,
    );
    shown++;
  }
  const unknown = Object.keys(r.answers).filter((k) => !slots.some((s) => s.id === k));
  for (const k of unknown) lines.push(`${k}: ${JSON.stringify(r.answers[k])}`);
  if (shown + unknown.length === 0) lines.push("(no answers)");
  return lines.join("\n");
}

function valueText(
  v: AnswerValue,
  choices: readonly Choice[],
  lang: string,
  fb: string,
  ranked: boolean,
): string {
  const label = (code: string) => {
    const c = choices.find((x) => x.value === code);
    return c ? `${code} = ${pickText(c.label, lang, fb)}` : code;
  };
  if (v === null) return "(skipped)";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return choices.length > 0 ? label(v) : v;
  if (Array.isArray(v))
    return v
      .map((code, i) => (choices.length > 0 ? label(code) : code) + (ranked ? ` [${i + 1}]` : ""))
      .join("; ");
  return Object.entries(v)
    .map(([code, points]) => `${label(code)}: ${points}`)
    .join("; ");
}
