// Free text: the answers to a text question and the "other, what?" texts, masked before they
// enter the Report, sorted (never in answering order), and listed only for at least minCell writers.
import type { Slot } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import { dictValue, VALID } from "./columns.js";
import { common } from "./common.js";
import { type Ctx, compareText, countOf, slotData } from "./context.js";
import { addMaskCounts, emptyMaskCounts, type MaskCounts, type Masked, maskText } from "./mask.js";
import type { AnswerStatus, TextList, TextResult } from "./report.js";
import { prepareStatus } from "./status.js";
import { countTerms } from "./terms.js";

/** The languages of the valid texts, aligned with validTexts(). */
function validLanguages(ctx: Ctx, slot: Slot): string[] {
  const out: string[] = [];
  const { state, rows } = slotData(ctx, slot);
  const language = ctx.cols.meta.language;
  for (let k = 0; k < state.length; k++) if (state[k] === VALID) out.push(dictValue(language, rows[k]!)!);
  return out;
}

function validTexts(ctx: Ctx, slot: Slot): string[] {
  const out: string[] = [];
  const { col, state, rows } = slotData(ctx, slot);
  if (!col.texts)
    throw new KuuloError("ANALYSIS_NO_TEXTS", `The texts of ${slot.id} were not read`, ExitCode.internal);
  for (let k = 0; k < state.length; k++) if (state[k] === VALID) out.push(col.texts[rows[k]!]!);
  return out;
}

/** Each text masked, in the same order; the same text is masked once (answers repeat: "-", "ei"). */
function maskEach(texts: string[], each?: (m: Masked) => void): string[] {
  const seen = new Map<string, Masked>();
  return texts.map((t) => {
    const key = t.trim();
    let m = seen.get(key);
    if (!m) {
      m = maskText(key);
      seen.set(key, m);
    }
    each?.(m);
    return m.text;
  });
}

function maskAll(texts: string[]): { texts: string[]; counts: MaskCounts } {
  const counts = emptyMaskCounts();
  const masked = maskEach(texts, (m) => addMaskCounts(counts, m.counts));
  return { texts: masked.sort(compareText), counts };
}

/** The listed texts, masked (their mask counts added to the report's), unless suppressed. */
function maskedListOf(ctx: Ctx, cellId: string, texts: string[]): { list: TextList; masked: MaskCounts } {
  const c = countOf(ctx, cellId, texts.length);
  if (c.suppressed)
    return { list: { count: null, texts: null, suppressed: true }, masked: emptyMaskCounts() };
  const m = maskAll(texts);
  addMaskCounts(ctx.masked, m.counts);
  return { list: { count: texts.length, texts: m.texts, suppressed: false }, masked: m.counts };
}

function listOf(ctx: Ctx, cellId: string, texts: string[]): TextList {
  return maskedListOf(ctx, cellId, texts).list;
}

/** The "other" texts of a single or multi question; null when the question has no "other". */
export function prepareOtherTexts(ctx: Ctx, otherSlot: Slot | undefined): () => TextList | null {
  if (!otherSlot) return () => null;
  const texts = validTexts(ctx, otherSlot);
  const id = ctx.ledger.cell(`q/${otherSlot.id}/texts`, texts.length);
  return () => listOf(ctx, id, texts);
}

export function prepareText(ctx: Ctx, slot: Slot): () => TextResult {
  const status = prepareStatus(ctx, slot, slotData(ctx, slot), `q/${slot.id}`);
  const texts = validTexts(ctx, slot);
  return () => {
    const q = slot.question;
    const { list: answers, masked } = maskedListOf(ctx, status.validId, texts);
    // Terms come from the masked texts (unmasked ones would show what the masks hide), each with
    // the language it was answered in; the listed texts are sorted, so they are masked again here.
    const terms: TextResult["terms"] = answers.texts
      ? countTerms(maskEach(texts), ctx.minCell, validLanguages(ctx, slot))
      : [];
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
