// Where a report's facts are gathered while they are built (facts.ts), and what hiding a published
// count or statistic does to the Report: the `hide`, `coarsen` and `vague` actions facts carry.
import type { AnswerStatus, Count, ScaleStats, StatName } from "../analysis/report.js";
import type { Attr, Fact, SlotDef } from "./fact-types.js";

export const STATUS = ["skipped", "notShown", "notReached", "invalid"] as const;

export function statusCats(status: AnswerStatus): string[] {
  return [...status.missing.map((m) => `m:${m.code}`), ...STATUS];
}

// A count hidden here is never a small one (those are hidden already): marked as a complement
// ("–", which claims no size), a zero too (src/analysis/suppress.ts).
let floor = 5;

/** Sets the minCell of the report being extracted: `hideCount` and `hideRow` take it when made. */
export function setFloor(minCell: number): void {
  floor = minCell;
}

const complementMark = (v: number | null, minCell: number) => v !== null && (v >= minCell || v === 0);
/** Hides a Count; its mark judged by the minCell of the report being extracted (taken now). */
export const hideCount = (c: Count) => {
  const minCell = floor;
  return () => {
    if (complementMark(c.value, minCell)) c.complement = true;
    c.value = null;
    c.suppressed = true;
  };
};
export const hideRow = (r: {
  count: number | null;
  share: number | null;
  suppressed: boolean;
  complement?: true;
}) => {
  const minCell = floor;
  return () => {
    if (complementMark(r.count, minCell)) r.complement = true;
    r.count = null;
    r.share = null;
    r.suppressed = true;
  };
};
/** Hides a histogram bin; `also` runs after (what else the bin's hiding takes with it). */
export const hideBin = (
  b: { count: number | null; suppressed: boolean; complement?: true },
  also: () => void,
) => {
  const minCell = floor;
  return () => {
    if (complementMark(b.count, minCell)) b.complement = true;
    b.count = null;
    b.suppressed = true;
    also();
  };
};
export const shown = (c: Count | null) => (c === null || c.suppressed ? null : c.value);

/** A published count as the report holds it: a Count, or a row with `count`. */
export type Published = Count | { count: number | null; suppressed: boolean; complement?: true };

/** The shown value, and for a hidden one the range its mark tells. */
function read(p: Published | null): { value: number | null; mark?: Fact["mark"] } {
  if (p === null) return { value: null };
  const value = "value" in p ? p.value : p.count;
  if (!p.suppressed) return { value };
  return { value: null, mark: p.complement ? "complement" : "small" };
}

/** Publishes an exact mean to one decimal, and its CI likewise (the CI's midpoint is the mean). */
export function coarsen(stats: ScaleStats): () => void {
  const round = (x: number) => Math.round(x * 10) / 10;
  return () => {
    if (stats.mean === null) return;
    stats.mean = round(stats.mean);
    stats.meanDecimals = 1;
    if (stats.ci) stats.ci = { ...stats.ci, low: round(stats.ci.low), high: round(stats.ci.high) };
  };
}

/** Withholds statistics of a ScaleStats, and the ones computed from them. */
export function withhold(stats: ScaleStats, names: StatName[]): () => void {
  return () => {
    for (const n of names) {
      if (n === "ci") stats.ci = null;
      else if (n === "mean" || n === "median" || n === "sd" || n === "topBox" || n === "bottomBox")
        stats[n] = null;
      if (!stats.withheld.includes(n)) stats.withheld.push(n);
    }
  };
}

/** A report's facts, slots and named attribute values, and how to add to them. */
export interface FactSink {
  facts: Fact[];
  slots: Map<string, SlotDef>;
  values: Record<Attr, Set<string | null>>;
  push(
    id: string,
    slot: string,
    cats: string[],
    shownAs: number | null | Published,
    more?: Partial<Fact>,
  ): void;
  defineSlot(slot: string, cats: string[], parent?: SlotDef["parent"]): void;
}

export function createSink(index: number): FactSink {
  const facts: Fact[] = [];
  const slots = new Map<string, SlotDef>();
  const values: Record<Attr, Set<string | null>> = {
    session: new Set(),
    wave: new Set(),
    source: new Set(),
  };
  const push = (
    id: string,
    slot: string,
    cats: string[],
    shownAs: number | null | Published,
    more: Partial<Fact> = {},
  ) => {
    const { value, mark } =
      shownAs === null || typeof shownAs === "number" ? { value: shownAs } : read(shownAs);
    const published = shownAs !== null && typeof shownAs === "object" ? shownAs : null;
    facts.push({
      id,
      report: index,
      scope: {},
      slot,
      cats,
      value,
      kind: "count",
      role: "cell",
      ...(mark ? { mark } : {}),
      ...(mark === "small" && published
        ? {
            vague: () => {
              published.complement = true;
            },
          }
        : {}),
      ...more,
    });
  };
  const defineSlot = (slot: string, cats: string[], parent?: SlotDef["parent"]) => {
    const old = slots.get(slot);
    if (old) for (const c of cats) if (!old.cats.includes(c)) old.cats.push(c);
    if (!old) slots.set(slot, { cats: [...cats], ...(parent ? { parent } : {}) });
  };
  return { facts, slots, values, push, defineSlot };
}
