// The reader's model of who is in which report: "atoms", the classes of respondents that no set
// of published reports can tell apart (same stored survey, arrived between the same two snapshots,
// same session, wave and source, inside the same date windows). Every report's population, and
// every compared group, is a union of atoms. Pure.
import type { Attr, Fact, ReportFacts } from "./facts.js";

export interface Atom {
  survey: string;
  /** Index of the snapshot interval the atom's responses arrived in. */
  epoch: number;
  session: string | null;
  wave: string | null;
  source: string | null;
  /** One bit per date window (--since/--until) used by some report: inside it or not. */
  windows: number;
}

export interface AtomModel {
  atoms: Atom[];
  /** Per report, the atoms it covers. */
  members: Set<number>[];
  /** Known sums of atom sizes besides the facts: per survey and epoch, the responses that arrived. */
  epochSizes: { atoms: number[]; size: number }[];
  /** Per survey, its snapshot boundaries (responses stored at each snapshot), ascending. */
  boundaries: Map<string, number[]>;
}

/** Any session, wave or source that no report names. */
const OTHER = "\u0000other";

const windowKey = (r: ReportFacts) =>
  r.filters.since || r.filters.until ? `${r.filters.since ?? ""}|${r.filters.until ?? ""}` : null;

export function buildAtoms(reports: ReportFacts[]): AtomModel {
  const boundaries = new Map<string, number[]>();
  for (const r of reports)
    for (const s of r.population.surveys) {
      const list = boundaries.get(s.id) ?? [];
      if (!list.includes(s.responses)) list.push(s.responses);
      boundaries.set(s.id, list);
    }
  for (const list of boundaries.values()) list.sort((a, b) => a - b);
  const vals = (a: Attr): (string | null)[] => {
    const set = new Set<string | null>();
    for (const r of reports) for (const v of r.values[a]) set.add(v);
    // Plus the values no report names: a filtered report's neighbours are people too.
    return [...set, OTHER];
  };
  const sessions = vals("session");
  const waves = vals("wave");
  const sources = vals("source");
  const windows = [...new Set(reports.map(windowKey).filter((k) => k !== null))];
  const atoms: Atom[] = [];
  for (const [survey, bounds] of boundaries)
    for (let epoch = 0; epoch < bounds.length; epoch++)
      for (const session of sessions)
        for (const wave of waves)
          for (const source of sources)
            for (let w = 0; w < 1 << windows.length; w++)
              atoms.push({ survey, epoch, session, wave, source, windows: w });

  const members = reports.map((r) => {
    const set = new Set<number>();
    const f = r.filters;
    const win = windowKey(r);
    const bit = win === null ? 0 : 1 << windows.indexOf(win);
    atoms.forEach((a, i) => {
      const s = r.population.surveys.find((x) => x.id === a.survey);
      if (!s) return;
      if (a.epoch > boundaries.get(a.survey)!.indexOf(s.responses)) return;
      if (f.sessionIds && !f.sessionIds.includes(a.session ?? "")) return;
      if (f.waves && !f.waves.includes(a.wave ?? "")) return;
      if (f.sources && !f.sources.includes(a.source ?? "")) return;
      if (bit && !(a.windows & bit)) return;
      set.add(i);
    });
    return set;
  });
  const epochSizes: AtomModel["epochSizes"] = [];
  for (const [survey, bounds] of boundaries)
    bounds.forEach((b, k) => {
      if (b < 0) return;
      const ids = atoms.flatMap((a, i) => (a.survey === survey && a.epoch === k ? [i] : []));
      epochSizes.push({ atoms: ids, size: b - (k > 0 ? Math.max(0, bounds[k - 1]!) : 0) });
    });
  return { atoms, members, epochSizes, boundaries };
}

/** The atoms a fact counts: its report's, narrowed to its compared group. */
export function atomsOf(model: AtomModel, fact: Fact): number[] {
  const attr = fact.scope.attr;
  // Many facts share a report and scope: the list is made once per model.
  const key = `${fact.report}|${attr ? `${attr.name}=${JSON.stringify(attr.value)}` : ""}`;
  let memo = cache.get(model);
  if (!memo) {
    memo = new Map();
    cache.set(model, memo);
  }
  const known = memo.get(key);
  if (known) return known;
  const out: number[] = [];
  for (const i of model.members[fact.report]!) {
    if (attr && model.atoms[i]![attr.name] !== attr.value) continue;
    out.push(i);
  }
  memo.set(key, out);
  return out;
}

const cache = new WeakMap<AtomModel, Map<string, number[]>>();

export function describeAtom(a: Atom, bounds: number[]): string {
  const from = a.epoch > 0 ? bounds[a.epoch - 1]! + 1 : 1;
  const parts = [`${a.survey} responses ${from}–${bounds[a.epoch]}`];
  if (a.session !== null) parts.push(a.session === OTHER ? "another session" : `session ${a.session}`);
  if (a.wave !== null) parts.push(a.wave === OTHER ? "another wave" : `wave ${a.wave}`);
  return parts.join(", ");
}
