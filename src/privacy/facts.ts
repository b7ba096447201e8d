// What a reader learns from one published report, as linear facts: every shown count is a sum of
// unknown counts of people, every hidden count an unknown of its own. Pure; reads only the Report
// as published (report.json), never the suppressor's bookkeeping, so it audits what was shown.
import type {
  AnswerStatus,
  ChoiceRow,
  Count,
  GroupTable,
  PopulationMarker,
  Report,
  ScaleStats,
  StatName,
} from "../analysis/report.js";

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
   * What a hidden count's mark tells: "small" ("< minCell": 0 to minCell − 1) or "complement"
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

const STATUS = ["skipped", "notShown", "notReached", "invalid"] as const;

function statusCats(status: AnswerStatus): string[] {
  return [...status.missing.map((m) => `m:${m.code}`), ...STATUS];
}

/** The report's population marker; a report made before markers existed counts its own base. */
export function populationOf(report: Report): PopulationMarker {
  if (report.population) return report.population;
  return { surveys: [{ id: report.survey.id, responses: report.counts.analysed.value ?? -1 }] };
}

// A count hidden here is never a small one (those are hidden already): marked as a complement
// ("–", which claims no size), a zero too (src/analysis/suppress.ts).
let floor = 5;
const complementMark = (v: number | null) => v !== null && (v >= floor || v === 0);
const hideCount = (c: Count) => () => {
  if (complementMark(c.value)) c.complement = true;
  c.value = null;
  c.suppressed = true;
};
const hideRow =
  (r: { count: number | null; share: number | null; suppressed: boolean; complement?: true }) => () => {
    if (complementMark(r.count)) r.complement = true;
    r.count = null;
    r.share = null;
    r.suppressed = true;
  };
const shown = (c: Count | null) => (c === null || c.suppressed ? null : c.value);

/** A published count as the report holds it: a Count, or a row with `count`. */
type Published = Count | { count: number | null; suppressed: boolean; complement?: true };

/** The shown value, and for a hidden one the range its mark tells. */
function read(p: Published | null): { value: number | null; mark?: Fact["mark"] } {
  if (p === null) return { value: null };
  const value = "value" in p ? p.value : p.count;
  if (!p.suppressed) return { value };
  return { value: null, mark: p.complement ? "complement" : "small" };
}

/** Publishes an exact mean to one decimal, and its CI likewise (the CI's midpoint is the mean). */
function coarsen(stats: ScaleStats): () => void {
  const round = (x: number) => Math.round(x * 10) / 10;
  return () => {
    if (stats.mean === null) return;
    stats.mean = round(stats.mean);
    stats.meanDecimals = 1;
    if (stats.ci) stats.ci = { ...stats.ci, low: round(stats.ci.low), high: round(stats.ci.high) };
  };
}

/** Withholds statistics of a ScaleStats, and the ones computed from them. */
function withhold(stats: ScaleStats, names: StatName[]): () => void {
  return () => {
    for (const n of names) {
      if (n === "ci") stats.ci = null;
      else if (n === "mean" || n === "median" || n === "sd" || n === "topBox" || n === "bottomBox")
        stats[n] = null;
      if (!stats.withheld.includes(n)) stats.withheld.push(n);
    }
  };
}

export function extractFacts(report: Report, index: number): ReportFacts {
  floor = report.options.minCell;
  const facts: Fact[] = [];
  const slots = new Map<string, SlotDef>();
  const values: Record<Attr, Set<string | null>> = {
    session: new Set(),
    wave: new Set(),
    source: new Set(),
  };
  const f = report.options.filters;
  for (const v of f.sessionIds ?? []) values.session.add(v);
  for (const v of f.waves ?? []) values.wave.add(v);
  for (const v of f.sources ?? []) values.source.add(v);

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

  // Sizes: the analysed responses, and by session, wave and source.
  push("responses", "@size", ["all"], report.counts.analysed, { role: "size" });
  const keyed: [Attr, Report["counts"]["bySession"]][] = [
    ["session", report.counts.bySession],
    ["wave", report.counts.byWave],
    ["source", report.counts.bySource],
  ];
  for (const [attr, list] of keyed)
    for (const k of list) {
      values[attr].add(k.key);
      push(`responses ${attr}=${k.key ?? "–"}`, "@size", ["all"], k, {
        scope: { attr: { name: attr, value: k.key } },
        role: "size",
        hide: () => {
          k.count = null;
          k.suppressed = true;
        },
      });
    }

  /** `shares` are the figures divided by the valid n: hiding it hides them too. */
  const statusFacts = (slot: string, status: AnswerStatus, validCats: string[], shares: () => void) => {
    const all = [...validCats, ...statusCats(status)];
    defineSlot(slot, all);
    push(`${slot} base`, slot, all, status.base, { role: "base" });
    push(`${slot} valid`, slot, validCats, status.valid, {
      role: "valid",
      hide: () => {
        hideCount(status.valid)();
        shares();
      },
    });
    for (const m of status.missing)
      push(`${slot} ${m.code}`, slot, [`m:${m.code}`], m, {
        role: "status",
        hide: () => {
          m.count = null;
          m.suppressed = true;
        },
      });
    for (const s of STATUS)
      push(`${slot} ${s}`, slot, [s], status[s], { role: "status", hide: hideCount(status[s]) });
  };
  const noShares = (rows: { share: number | null }[], st: ScaleStats | null) => () => {
    for (const r of rows) r.share = null;
    if (st) {
      hideCount(st.n)();
      withhold(st, ["mean", "median", "sd", "ci", "topBox", "bottomBox"])();
    }
  };
  /** Mean, SD and box shares of a scale as weighted sums of its counts. */
  const statFacts = (label: string, slot: string, codes: string[], st: ScaleStats, more: Partial<Fact>) => {
    const n = shown(st.n);
    const v = codes.map(Number);
    if (n === null || n === 0 || v.some((x) => !Number.isFinite(x))) return;
    const cats = codes.map((c) => `c:${c}`);
    const order = v
      .map((x, i) => [x, i] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, i]) => i);
    // The box's size is in the report (older files: two points on scales of five or more).
    const k = st.box ?? (order.length >= 5 ? 2 : 1);

    const box = (name: "topBox" | "bottomBox", idx: readonly number[]) => {
      const share = st[name];
      if (share === null) return;
      push(
        `${label} ${name}`,
        slot,
        idx.map((i) => cats[i]!),
        Math.round(share * n),
        {
          ...more,
          kind: "stat",
          role: "stat",
          hide: withhold(st, [name]),
        },
      );
    };
    if (k > 0) {
      box("topBox", order.slice(-k));
      box("bottomBox", order.slice(0, k));
    }
    if (st.mean === null) return;
    // A mean published rounded (the headline rule) is known only to half a unit of its last
    // decimal: Σ value × count is then known to ± n × that half unit.
    const half = st.meanDecimals !== undefined ? 0.5 * 10 ** -st.meanDecimals : 0;
    const tol = st.meanDecimals !== undefined ? (half + 1e-9) * n : 1e-6 * Math.max(1, n);
    push(`${label} mean`, slot, cats, st.mean * n, {
      ...more,
      weights: v,
      slack: tol,
      kind: "stat",
      role: "stat",
      hide: withhold(st, ["mean", "median", "sd", "ci"]),
      ...(st.meanDecimals === undefined ? { coarsen: coarsen(st) } : {}),
    });
    if (st.sd === null || n < 2) return;
    // Σ value² × count = (n − 1) SD² + n mean²: with a rounded mean, known to n (2|mean| h + h²).
    const sq = (n - 1) * st.sd * st.sd + n * st.mean * st.mean;
    push(`${label} sd`, slot, cats, sq, {
      ...more,
      weights: v.map((x) => x * x),
      slack: 1e-6 * Math.max(1, sq) + n * (2 * Math.abs(st.mean) * half + half * half),
      kind: "stat",
      role: "stat",
      hide: withhold(st, ["sd", "ci"]),
    });
  };
  const choiceFacts = (slot: string, status: AnswerStatus, rows: ChoiceRow[], st: ScaleStats | null) => {
    const cats = rows.map((r) => `c:${r.code}`);
    statusFacts(slot, status, cats, noShares(rows, st));
    for (const r of rows) push(`${slot} ${r.code}`, slot, [`c:${r.code}`], r, { hide: hideRow(r) });
    if (st)
      statFacts(
        slot,
        slot,
        rows.map((r) => r.code),
        st,
        {},
      );
  };
  const pickFacts = (slot: string, code: string, value: Published | null, what: string, hide: () => void) => {
    const sub = `${slot}#${what}:${code}`;
    defineSlot(sub, ["yes", "no"], { slot, cat: "valid" });
    push(`${slot} ${what} ${code}`, sub, ["yes"], value, { hide });
  };

  for (const q of report.questions) {
    if (q.kind === "choice") choiceFacts(q.id, q.status, q.choices, null);
    else if (q.kind === "scale") choiceFacts(q.id, q.status, q.choices, q.stats);
    else if (q.kind === "matrix")
      for (const it of q.items) choiceFacts(it.id, it.status, it.choices, it.stats);
    else if (q.kind === "multi") {
      statusFacts(q.id, q.status, ["valid"], noShares(q.choices, null));
      for (const r of q.choices) pickFacts(q.id, r.code, r, "picked", hideRow(r));
    } else if (q.kind === "ranking") {
      statusFacts(q.id, q.status, ["valid"], () => {
        for (const r of q.choices) {
          r.firstShare = null;
          r.inTopShare = null;
          r.meanRank = null;
          r.borda = null;
        }
      });
      for (const r of q.choices) {
        pickFacts(q.id, r.code, r.first, "first", () => {
          hideCount(r.first)();
          r.firstShare = null;
        });
        pickFacts(q.id, r.code, r.inTop, "top", () => {
          hideCount(r.inTop)();
          r.inTopShare = null;
        });
      }
    } else if (q.kind === "allocate") {
      statusFacts(q.id, q.status, ["valid"], () => {
        for (const r of q.choices) r.meanPoints = null;
      });
      for (const r of q.choices) pickFacts(q.id, r.code, r.supporters, "supports", hideCount(r.supporters));
    } else statusFacts(q.id, q.status, ["valid"], () => {});
  }

  const tableFacts = (t: GroupTable, groupOf: (g: number) => Partial<Fact>, label: (g: number) => string) => {
    const validCats =
      t.kind === "multi" || t.kind === "number" ? ["valid"] : t.rows.map((r) => `c:${r.code}`);
    defineSlot(t.slot, validCats);
    t.valid.forEach((v, g) => {
      push(`${label(g)} ${t.slot} valid`, t.slot, validCats, v, {
        ...groupOf(g),
        role: "valid",
        hide: () => {
          hideCount(v)();
          for (const r of t.rows) r.cells[g]!.share = null;
          const st = t.stats?.[g];
          if (st) {
            hideCount(st.n)();
            withhold(st, ["mean", "median", "sd", "ci", "topBox", "bottomBox"])();
          }
        },
      });
    });
    for (const r of t.rows)
      r.cells.forEach((c, g) => {
        const value = c;
        const more = { ...groupOf(g), hide: hideRow(c) };
        if (t.kind === "multi") {
          const sub = `${t.slot}#picked:${r.code}`;
          defineSlot(sub, ["yes", "no"], { slot: t.slot, cat: "valid" });
          push(`${label(g)} ${t.slot} picked ${r.code}`, sub, ["yes"], value, more);
        } else push(`${label(g)} ${t.slot} ${r.code}`, t.slot, [`c:${r.code}`], value, more);
      });
    if (t.kind === "scale" && t.stats)
      t.stats.forEach((st, g) => {
        statFacts(
          `${label(g)} ${t.slot}`,
          t.slot,
          t.rows.map((r) => r.code),
          st,
          groupOf(g),
        );
      });
  };

  const x = report.crossTabs;
  if (x) {
    const validBy = x.groups.filter((g) => g.code !== null).map((g) => `c:${g.code}`);
    const otherBy = (slots.get(x.by)?.cats ?? []).filter((c) => !validBy.includes(c));
    const catsOf = (g: number) => {
      const code = x.groups[g]!.code;
      return code === null ? otherBy : [`c:${code}`];
    };
    const groupOf = (g: number): Partial<Fact> => ({
      by: { slot: x.by, cats: catsOf(g) },
      ...(x.groups[g]!.tooFew ? { few: true as const } : {}),
    });
    const label = (g: number) => `${x.by}=${x.groups[g]!.code ?? "–"}`;
    x.groups.forEach((g, i) => {
      push(`${label(i)} size`, x.by, catsOf(i), g.size, { role: "size" });
    });
    for (const t of x.tables) tableFacts(t, groupOf, label);
  }
  const c = report.comparison;
  if (c) {
    const scopeOf = (g: number): Partial<Fact> => ({
      scope: { attr: { name: c.by, value: c.groups[g]!.code } },
      ...(c.groups[g]!.tooFew ? { few: true as const } : {}),
    });
    const label = (g: number) => `${c.by}=${c.groups[g]!.code ?? "–"}`;
    c.groups.forEach((g, i) => {
      values[c.by].add(g.code);
      push(`${label(i)} size`, "@size", ["all"], g.size, { ...scopeOf(i), role: "size" });
    });
    for (const t of c.tables) tableFacts(t, scopeOf, label);
  }
  return {
    report: index,
    population: populationOf(report),
    filters: f,
    minCell: report.options.minCell,
    facts,
    slots,
    values,
  };
}
