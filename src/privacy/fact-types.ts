// The facts a published report tells a reader (facts.ts builds them): counts of people as sums of
// unknowns, the answer slots they partition, and a report's facts together. Type contracts only.
import type { PopulationMarker, Report } from "../analysis/report.js";

/** Response attributes a report can select or split by (filters, --compare groups, counts). */
export type Attr = "session" | "wave" | "source";

/** Which of a report's people a fact counts: all, or those with one attribute value. */
export interface FactScope {
  attr?: { name: Attr; value: string | null };
}

/** A published (or hidden) count of people: Σ over the report's population of slot ∈ cats. */
export interface Fact {
  /** Stable within the report: what a person would call the cell. */
  id: string;
  report: number;
  scope: FactScope;
  /** "@size" counts people; otherwise a slot of the answer model (see SlotDef). */
  slot: string;
  cats: string[];
  /** A cross-tabulation cell: only people whose answer to `by.slot` is in `by.cats`. */
  by?: { slot: string; cats: string[] };
  /** A weighted sum (Σ weight × count, e.g. a mean × n); absent = plain counts. */
  weights?: number[];
  /** The printed count or sum; null when hidden. */
  value: number | null;
  /** Half-width of the printed value's uncertainty (a rounded mean); 0 for counts. */
  slack?: number;
  /** What the fact is: a count of people, or a statistic (mean, SD, box share) over them. */
  kind?: "count" | "stat";
  /** Its place in a table: an answer cell, a status count, a valid n or base, a size. */
  role?: "cell" | "status" | "valid" | "base" | "size" | "stat";
  /**
   * What a hidden count's mark tells: "small" ("< minCell": 1 to minCell − 1; 0 to
   * minCell − 1 for a size or in a group of too few) or "complement"
   * ("–": hidden beside a small one; a zero or minCell or more, so as a range only ≥ 0). Absent
   * for shown facts.
   */
  mark?: "small" | "complement";
  /**
   * In a group printed as "too few" (fewer than minCell people): each of its counts is below
   * minCell by that mark alone, so only one pinned to a value is a finding, never a narrow one.
   */
  few?: true;
  /** Hides this fact in the Report it came from (used by the cross-report protection). */
  hide?: () => void;
  /** For an exact mean: publishes it to one decimal instead (with its CI), which tells less. */
  coarsen?: () => void;
  /** For a count marked "< minCell": marks it "–" instead, which claims no size. */
  vague?: () => void;
}

/**
 * One answer slot as a partition of people into categories. A sub-slot (a multi-select choice:
 * picked or not) partitions only the people in its parent's category.
 */
export interface SlotDef {
  cats: string[];
  parent?: { slot: string; cat: string };
}

export interface ReportFacts {
  report: number;
  population: PopulationMarker;
  filters: Report["options"]["filters"];
  minCell: number;
  facts: Fact[];
  slots: Map<string, SlotDef>;
  /** Attribute values the report names (filters, counts by key, compared groups). */
  values: Record<Attr, Set<string | null>>;
}
