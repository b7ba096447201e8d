// The answer status of one slot (valid, don't know, skipped, not shown, not reached, invalid),
// registered with the suppression ledger as one line that adds up to the analysed responses.
import type { Slot } from "../definition/answers.js";
import { hasChoices } from "../definition/model.js";
import { INVALID, NOT_REACHED, NOT_SHOWN, SKIPPED, VALID } from "./columns.js";
import { BASE_CELL, type Ctx, complementOf, countOf, type SlotData } from "./context.js";
import type { AnswerStatus } from "./report.js";
import { type CellOptions, LOCKED } from "./suppress.js";

export interface PreparedStatus {
  /** Ledger id of the valid count (the denominator of shares). */
  validId: string;
  /** Ledger ids of "not shown" and of all non-answers together (unpublished). */
  notShownId: string;
  nonAnswerId: string;
  valid: number;
  finish(): AnswerStatus;
}

export function prepareStatus(ctx: Ctx, slot: Slot, data: SlotData, prefix: string): PreparedStatus {
  const { state, col, byState, missingByCode } = data;
  const tally = {
    valid: byState[VALID]!,
    skipped: byState[SKIPPED]!,
    notShown: byState[NOT_SHOWN]!,
    notReached: byState[NOT_REACHED]!,
    invalid: byState[INVALID]!,
  };
  const missing = new Map<string, number>();
  missingByCode.forEach((c, i) => {
    if (c > 0) missing.set(col.codes[i]!, (missing.get(col.codes[i]!) ?? 0) + c);
  });
  const q = slot.question;
  const missingChoices = hasChoices(q) ? q.choices.filter((c) => c.missing) : [];
  const { ledger } = ctx;
  // The valid n is base minus the counts below, all shown: published too, whatever its size.
  // Except when fewer than minCell people answered: then the valid n is "< 5" and the counts
  // below are hidden with it, so that each answer's count keeps its 0 to minCell − 1 (with the
  // n shown, a count of such a question could only lie between 0 and that small n).
  const few = tally.valid >= 1 && tally.valid < ctx.minCell;
  const exact: CellOptions = few ? { hide: true, exempt: true } : { exempt: true, cost: LOCKED, shown: true };
  const validId = ledger.cell(`${prefix}/valid`, tally.valid, few ? { hide: true } : exact);
  // Counts without a valid answer ("don't know", skipped, not shown, not reached, invalid) are
  // published exactly, whatever their size: base and valid n stay shown (the valid n is every
  // share's denominator), so base − valid tells their total anyway, and hiding a count a reader
  // can work out would be a false promise. They still tie the line together for the solver.
  const nonAnswers = [
    ...(["skipped", "notReached", "invalid"] as const).map((k) => ({
      id: `${prefix}/${k}`,
      value: tally[k],
    })),
    ...missingChoices.map((c) => ({ id: `${prefix}/missing/${c.value}`, value: missing.get(c.value) ?? 0 })),
  ];
  const nonAnswer = nonAnswers.map((o) => ledger.cell(o.id, o.value, exact));
  const nonAnswerTotal = state.length - tally.valid - tally.notShown;
  const nonAnswerId = ledger.cell(`${prefix}/nonanswer`, nonAnswerTotal, { publish: false, exempt: true });
  ledger.line(nonAnswerId, nonAnswer);
  const notShownId = ledger.cell(`${prefix}/notShown`, tally.notShown, exact);
  ledger.line(BASE_CELL, [validId, notShownId, nonAnswerId]);
  return {
    validId,
    notShownId,
    nonAnswerId,
    valid: tally.valid,
    finish: () => ({
      base: countOf(ctx, BASE_CELL, state.length),
      valid: countOf(ctx, validId, tally.valid),
      skipped: countOf(ctx, `${prefix}/skipped`, tally.skipped),
      notShown: countOf(ctx, `${prefix}/notShown`, tally.notShown),
      notReached: countOf(ctx, `${prefix}/notReached`, tally.notReached),
      invalid: countOf(ctx, `${prefix}/invalid`, tally.invalid),
      missing: missingChoices.map((c) => {
        const n = missing.get(c.value) ?? 0;
        const cnt = countOf(ctx, `${prefix}/missing/${c.value}`, n);
        return {
          code: c.value,
          label: c.label,
          count: cnt.value,
          suppressed: cnt.suppressed,
          ...complementOf(cnt),
        };
      }),
    }),
  };
}
