// The facts of a report's group tables: a cross-tabulation by a question's answer (--by), and a
// comparison of groups of responses (--compare), each group's counts beside its size. Pure apart
// from the `hide` actions they carry.
import type { GroupTable, Report } from "../analysis/report.js";
import { statFacts } from "./fact-questions.js";
import { type FactSink, hideCount, hideRow, withhold } from "./fact-sink.js";
import type { Fact } from "./fact-types.js";

function tableFacts(
  sink: FactSink,
  t: GroupTable,
  groupOf: (g: number) => Partial<Fact>,
  label: (g: number) => string,
): void {
  const { push, defineSlot } = sink;
  const validCats = t.kind === "multi" || t.kind === "number" ? ["valid"] : t.rows.map((r) => `c:${r.code}`);
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
        sink,
        `${label(g)} ${t.slot}`,
        t.slot,
        t.rows.map((r) => r.code),
        st,
        groupOf(g),
      );
    });
}

/** A cross-tabulation: each group is the people whose answer to the --by question is its code. */
export function crossTabFacts(sink: FactSink, x: NonNullable<Report["crossTabs"]>): void {
  const validBy = x.groups.filter((g) => g.code !== null).map((g) => `c:${g.code}`);
  const otherBy = (sink.slots.get(x.by)?.cats ?? []).filter((c) => !validBy.includes(c));
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
    sink.push(`${label(i)} size`, x.by, catsOf(i), g.size, { role: "size" });
  });
  for (const t of x.tables) tableFacts(sink, t, groupOf, label);
}

/** A comparison: each group is the responses with one value of a session, wave or source. */
export function comparisonFacts(sink: FactSink, c: NonNullable<Report["comparison"]>): void {
  const scopeOf = (g: number): Partial<Fact> => ({
    scope: { attr: { name: c.by, value: c.groups[g]!.code } },
    ...(c.groups[g]!.tooFew ? { few: true as const } : {}),
  });
  const label = (g: number) => `${c.by}=${c.groups[g]!.code ?? "–"}`;
  c.groups.forEach((g, i) => {
    sink.values[c.by].add(g.code);
    sink.push(`${label(i)} size`, "@size", ["all"], g.size, { ...scopeOf(i), role: "size" });
  });
  for (const t of c.tables) tableFacts(sink, t, scopeOf, label);
}
