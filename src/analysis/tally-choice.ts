// Tallies for slots whose answer is one code (single, yes/no, likert, scale, a matrix item) or
// several (multi): status, counts per choice registered with the ledger, and the published rows.
import type { Slot } from "../definition/answers.js";
import { type Choice, hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { type Ctx, complementOf, countOf, slotData } from "./context.js";
import type { ChoiceRow, ScaleStats } from "./report.js";
import { codedSample, listSample } from "./sample.js";
import { type ScaleCell, scaleStats } from "./scale-stats.js";
import { type PreparedStatus, prepareStatus } from "./status.js";

export interface PreparedChoices {
  slot: Slot;
  prefix: string;
  status: PreparedStatus;
  /** The non-missing choices, in survey order. */
  choices: Choice[];
  counts: Map<string, number>;
  cellId(code: string): string;
  rows(): ChoiceRow[];
}

export function choiceCellId(prefix: string, code: string): string {
  return `${prefix}/c/${code}`;
}

/** Register a one-code or several-code slot: valid = Σ cells, or per choice valid = picked + not. */
export function prepareChoices(ctx: Ctx, slot: Slot): PreparedChoices {
  const prefix = `q/${slot.id}`;
  const data = slotData(ctx, slot);
  const status = prepareStatus(ctx, slot, data, prefix);
  const q = slot.question;
  const choices = hasChoices(q) ? q.choices.filter((c) => !c.missing) : [];
  const counts = new Map(choices.map((c) => [c.value, 0]));
  data.validByCode.forEach((n, i) => {
    const code = data.col.codes[i]!;
    if (n > 0) counts.set(code, (counts.get(code) ?? 0) + n);
  });
  const { ledger } = ctx;
  const cellId = (code: string) => choiceCellId(prefix, code);
  if (slot.kind === "choices") {
    // Each choice is a yes/no of its own: "did not pick" is never printed but a reader can
    // subtract, so it takes part in the sums and is protected like any count.
    for (const c of choices) {
      const n = counts.get(c.value)!;
      ledger.cell(cellId(c.value), n);
      const not = ledger.cell(`${prefix}/not/${c.value}`, status.valid - n, { publish: false });
      ledger.line(status.validId, [cellId(c.value), not]);
    }
  } else {
    for (const c of choices) ledger.cell(cellId(c.value), counts.get(c.value)!);
    ledger.line(
      status.validId,
      choices.map((c) => cellId(c.value)),
    );
  }
  return {
    slot,
    prefix,
    status,
    choices,
    counts,
    cellId,
    rows: () => {
      const validHidden = ctx.ledger.isHidden(status.validId);
      return choices.map((c) => {
        const n = counts.get(c.value)!;
        const cnt = countOf(ctx, cellId(c.value), n);
        const share = cnt.suppressed || validHidden || status.valid === 0 ? null : n / status.valid;
        return {
          code: c.value,
          label: c.label,
          count: cnt.value,
          share,
          suppressed: cnt.suppressed,
          ...complementOf(cnt),
        };
      });
    },
  };
}

/** Per choice index, its code as a number (null for codes that are not numbers). */
export function codeNumbers(codes: readonly string[]): (number | null)[] {
  return codes.map(codeNumber);
}

/** Scale statistics for a prepared one-code slot, after the ledger is solved. */
export function finishScaleStats(ctx: Ctx, p: PreparedChoices): ScaleStats {
  const cells = p.choices
    .map((c) => ({
      id: p.cellId(c.value),
      value: codeNumber(c.value),
      count: p.counts.get(c.value)!,
      hidden: ctx.ledger.isHidden(p.cellId(c.value)),
    }))
    .filter((c): c is ScaleCell => c.value !== null);
  const data = slotData(ctx, p.slot);
  const values =
    data.col.slot.kind === "choice" ? codedSample(data, codeNumbers(data.col.codes)) : listSample([]);
  return scaleStats(ctx, values, countOf(ctx, p.status.validId, p.status.valid), cells);
}
