// Free text: the answers to a text question and the "other, what?" texts, masked before they
// enter the Report, sorted (never in answering order), and listed only for at least minCell writers.
import type { Slot } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import { VALID } from "./columns.js";
import { common } from "./common.js";
import { type Ctx, compareText, countOf, slotData } from "./context.js";
import {
  addMaskCounts,
  emptyMaskCounts,
  MASK_KINDS,
  type MaskCounts,
  type Masked,
  maskText,
} from "./mask.js";
import type { AnswerStatus, TextList, TextResult } from "./report.js";
import { prepareStatus } from "./status.js";
import { countTermGroups, type TextGroup } from "./terms.js";

/**
 * The valid texts of a slot grouped by text and answer language, in the order of their first
 * answer (the analysed order): answers repeat ("-", "ei"), so each distinct text is worked once.
 */
function textGroups(ctx: Ctx, slot: Slot): TextGroup[] {
  const { col, state, rows } = slotData(ctx, slot);
  const texts = col.texts;
  if (!texts)
    throw new KuuloError("ANALYSIS_NO_TEXTS", `The texts of ${slot.id} were not read`, ExitCode.internal);
  const language = ctx.cols.meta.language;
  const byLanguage: Map<string, TextGroup>[] = [];
  const groups: TextGroup[] = [];
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID) continue;
    const i = rows[k]!;
    const text = texts[i]!;
    const lc = language.codes[i]!;
    let m = byLanguage[lc];
    if (!m) {
      m = new Map();
      byLanguage[lc] = m;
    }
    const g = m.get(text);
    if (g) g.count++;
    else {
      const added = { text, lang: language.values[lc] ?? "", count: 1 };
      m.set(text, added);
      groups.push(added);
    }
  }
  return groups;
}

/** The groups with their texts masked (each distinct text once) and the masks of all their answers. */
function maskGroups(groups: readonly TextGroup[]): { groups: TextGroup[]; counts: MaskCounts } {
  const counts = emptyMaskCounts();
  const seen = new Map<string, Masked>();
  const masked = groups.map((g) => {
    const key = g.text.trim();
    let m = seen.get(key);
    if (!m) {
      m = maskText(key);
      seen.set(key, m);
    }
    for (const kind of MASK_KINDS) counts[kind] += m.counts[kind] * g.count;
    return { ...g, text: m.text };
  });
  return { groups: masked, counts };
}

/** Every answer's text, sorted (never in answering order). */
function sortedTexts(groups: readonly TextGroup[]): string[] {
  const byText = new Map<string, number>();
  let n = 0;
  for (const g of groups) {
    byText.set(g.text, (byText.get(g.text) ?? 0) + g.count);
    n += g.count;
  }
  const out = new Array<string>(n);
  let at = 0;
  for (const t of [...byText.keys()].sort(compareText)) {
    const end = at + byText.get(t)!;
    out.fill(t, at, end);
    at = end;
  }
  return out;
}

/**
 * The listed texts of `count` answers, masked (their mask counts added to the report's), unless
 * suppressed; the texts are read only for a list that is shown.
 */
function maskedListOf(
  ctx: Ctx,
  cellId: string,
  count: number,
  groupsOf: () => TextGroup[],
): { list: TextList; masked: MaskCounts; groups: TextGroup[] } {
  const c = countOf(ctx, cellId, count);
  if (c.suppressed)
    return { list: { count: null, texts: null, suppressed: true }, masked: emptyMaskCounts(), groups: [] };
  const m = maskGroups(groupsOf());
  addMaskCounts(ctx.masked, m.counts);
  return {
    list: { count, texts: sortedTexts(m.groups), suppressed: false },
    masked: m.counts,
    groups: m.groups,
  };
}

/** The "other" texts of a single or multi question; null when the question has no "other". */
export function prepareOtherTexts(ctx: Ctx, otherSlot: Slot | undefined): () => TextList | null {
  if (!otherSlot) return () => null;
  const count = slotData(ctx, otherSlot).byState[VALID]!;
  const id = ctx.ledger.cell(`q/${otherSlot.id}/texts`, count);
  return () => maskedListOf(ctx, id, count, () => textGroups(ctx, otherSlot)).list;
}

export function prepareText(ctx: Ctx, slot: Slot): () => TextResult {
  const status = prepareStatus(ctx, slot, slotData(ctx, slot), `q/${slot.id}`);
  return () => {
    const q = slot.question;
    const {
      list: answers,
      masked,
      groups,
    } = maskedListOf(ctx, status.validId, status.valid, () => textGroups(ctx, slot));
    // Terms come from the masked texts (unmasked ones would show what the masks hide), each with
    // the language it was answered in.
    const terms: TextResult["terms"] = answers.texts ? countTermGroups(groups, ctx.minCell) : [];
    const st: AnswerStatus = status.finish();
    return {
      ...common(q),
      kind: "text",
      status: st,
      answers,
      terms,
      masked,
    };
  };
}
