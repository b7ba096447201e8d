// Tallies for slots whose answer is one code (single, yes/no, likert, scale, a matrix item) or
// several (multi): status, counts per choice registered with the ledger, and the published rows.
import type { Slot } from "../definition/answers.js";
import { type Choice, hasChoices } from "../definition/model.js";
import { codeNumber } from "./classify.js";
import { type Ctx, complementOf, countOf, statesOf } from "./context.js";
import type { ChoiceRow, ScaleStats } from "./report.js";
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
  const states = statesOf(ctx, slot);
  const status = prepareStatus(ctx, slot, states, prefix);
  const q = slot.question;
  const choices = hasChoices(q) ? q.choices.filter((c) => !c.missing) : [];
  const counts = new Map(choices.map((c) => [c.value, 0]));
  for (const s of states) {
    if (s.state !== "valid") continue;
    if (Array.isArray(s.value)) for (const code of s.value) counts.set(code, (counts.get(code) ?? 0) + 1);
    else {
      const code = s.value as string;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
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

/** Valid answers of a one-code slot as numbers (scale values). */
export function scaleValues(ctx: Ctx, slot: Slot): number[] {
  const out: number[] = [];
  const numbers = new Map<string, number | null>();
  for (const s of statesOf(ctx, slot)) {
    if (s.state !== "valid" || typeof s.value !== "string") continue;
    let v = numbers.get(s.value);
    if (v === undefined) {
      v = codeNumber(s.value);
      numbers.set(s.value, v);
    }
    if (v !== null) out.push(v);
  }
  return out;
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
  return scaleStats(ctx, scaleValues(ctx, p.slot), countOf(ctx, p.status.validId, p.status.valid), cells);
}
