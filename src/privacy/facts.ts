// What a reader learns from one published report, as linear facts: every shown count is a sum of
// unknown counts of people, every hidden count an unknown of its own. Pure; reads only the Report
// as published (report.json), never the suppressor's bookkeeping, so it audits what was shown.
import type { PopulationMarker, Report } from "../analysis/report.js";
import { questionFacts } from "./fact-questions.js";
import { createSink, setFloor } from "./fact-sink.js";
import { comparisonFacts, crossTabFacts } from "./fact-tables.js";
import type { Attr, ReportFacts } from "./fact-types.js";

export type { Attr, Fact, FactScope, ReportFacts, SlotDef } from "./fact-types.js";

/** The report's population marker; a report made before markers existed counts its own base. */
export function populationOf(report: Report): PopulationMarker {
  if (report.population) return report.population;
  return { surveys: [{ id: report.survey.id, responses: report.counts.analysed.value ?? -1 }] };
}

export function extractFacts(report: Report, index: number): ReportFacts {
  setFloor(report.options.minCell);
  const sink = createSink(index);
  const { facts, slots, values, push } = sink;
  const f = report.options.filters;
  for (const v of f.sessionIds ?? []) values.session.add(v);
  for (const v of f.waves ?? []) values.wave.add(v);
  for (const v of f.sources ?? []) values.source.add(v);

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

  for (const q of report.questions) questionFacts(sink, q);
  if (report.crossTabs) crossTabFacts(sink, report.crossTabs);
  if (report.comparison) comparisonFacts(sink, report.comparison);
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
