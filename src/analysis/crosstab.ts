// Builds the groups for `by` (the choices of a grouping question, then "no answer") and for
// `compare` (waves, sessions or sources), and the group tables of every question over them.
import { findSlot, type Slot, surveySlots } from "../definition/answers.js";
import { didYouMean } from "../definition/suggest.js";
import { ExitCode, KuuloError } from "../errors.js";
import { VALID } from "./columns.js";
import { BASE_CELL, COST_TOTAL, type Ctx, compareText, countOf, slotData } from "./context.js";
import { type CountDimension, dimColumn, keyCellId } from "./counts.js";
import { prepareGroupTable } from "./group-table.js";
import { type GroupSpec, groupableSlots, settleGroups, shownGroup, testTable } from "./groups.js";
import { analysisRowOf } from "./question-types.js";
import type { Comparison, CrossTabs, Group, GroupTable } from "./report.js";
import { chiSquareTest, expectedCountsAllow } from "./stats.js";
import { choiceCellId } from "./tally-choice.js";

/** Check `by` before anything is counted, so a typo is a usage error with a suggestion. */
export function checkBy(ctx: Ctx, by: string): void {
  const slot = findSlot(ctx.survey, by);
  const groups = (s: Slot) => !s.other && s.kind === "choice" && analysisRowOf(s.question).groups;
  if (!slot || !groups(slot)) {
    const candidates = surveySlots(ctx.survey)
      .filter(groups)
      .map((s) => s.id);
    const guess = didYouMean(by, candidates);
    throw new KuuloError(
      "ANALYSIS_BAD_BY",
      slot
        ? `Cannot group by "${by}": only a question with one answer from a list can form groups`
        : `There is no question "${by}" in survey ${ctx.survey.id}${guess ? `. ${guess}` : ""}`,
      ExitCode.usage,
      { hint: `Group by one of: ${candidates.join(", ") || "(none in this survey)"}.` },
    );
  }
}

function publicGroup(ctx: Ctx, g: GroupSpec): Group {
  return {
    code: g.code,
    label: g.label,
    size: countOf(ctx, g.sizeId, g.size),
    tooFew: g.tooFew,
    withheld: g.withheld === true,
  };
}

export function prepareCrossTabs(ctx: Ctx, by: string): () => () => CrossTabs {
  const slot = findSlot(ctx.survey, by)!;
  const { col, state, rows } = slotData(ctx, slot);
  const choices = "choices" in slot.question ? slot.question.choices.filter((c) => !c.missing) : [];
  const n = state.length;
  const groups: GroupSpec[] = choices.map((c) => {
    const members = new Uint8Array(n);
    let size = 0;
    for (let k = 0; k < n; k++)
      if (state[k] === VALID && col.codes[col.code[rows[k]!]!] === c.value) {
        members[k] = 1;
        size++;
      }
    return {
      code: c.value,
      label: c.label,
      members,
      size,
      sizeId: choiceCellId(`q/${slot.id}`, c.value),
      tooFew: false,
    };
  });
  const noneMembers = state.map((s) => (s !== VALID ? 1 : 0));
  const noneSize = noneMembers.reduce((a, m) => a + m, 0);
  // No valid answer = not shown + non-answers, which base − valid already tells a reader.
  const noneId = ctx.ledger.cell("by/none", noneSize, { exempt: true });
  ctx.ledger.line(BASE_CELL, [...groups.map((g) => g.sizeId), noneId]);
  groups.push({
    code: null,
    label: null,
    members: noneMembers,
    size: noneSize,
    sizeId: noneId,
    tooFew: false,
  });
  for (const g of groups) ctx.ledger.protect(g.sizeId, COST_TOTAL);
  return () => {
    // Second stage, after the question counts are settled: which groups can be shown.
    ctx.ledger.solve(ctx.minCell);
    const { restId } = settleGroups(ctx, "by", groups);
    const tables = groupableSlots(ctx, by).map(({ slot: s, kind }) => ({
      kind,
      p: prepareGroupTable(ctx, "by", s, kind, groups, restId),
    }));
    return () => ({
      by,
      groups: groups.map((g) => publicGroup(ctx, g)),
      tables: tables.map(({ kind, p }) => withTest(p.finish("by", null), kind, groups)),
    });
  };
}

function withTest(table: GroupTable, kind: GroupTable["kind"], groups: GroupSpec[]): GroupTable {
  if (kind === "multi" || kind === "number") return { ...table, test: null, testNote: "not-applicable" };
  const { counts, hidden } = testTable(table, groups);
  if (hidden) return { ...table, test: null, testNote: "suppressed-cells" };
  const res = chiSquareTest(counts);
  if (!res) return { ...table, test: null, testNote: "too-few-groups" };
  if (!expectedCountsAllow(res.expected))
    return { ...table, test: null, testNote: "expected-counts-too-small" };
  return { ...table, test: { chi2: res.chi2, df: res.df, p: res.p, cramersV: res.cramersV }, testNote: "ok" };
}

/** Each key's earliest response time (ISO), the order the groups are compared in. */
function firstTimes(ctx: Ctx, dim: CountDimension): Map<string | null, string> {
  // As instants, turned into ISO text once per key.
  const ms = new Map<string | null, number>();
  const { values, codes } = dimColumn(ctx.cols, dim);
  const { time } = ctx.cols.meta;
  for (const i of ctx.rows) {
    const k = values[codes[i]!]!;
    const t = time[i]!;
    const f = ms.get(k);
    if (f === undefined || t < f) ms.set(k, t);
  }
  return new Map([...ms].map(([k, t]) => [k, new Date(t).toISOString()]));
}

export function prepareComparison(
  ctx: Ctx,
  by: "wave" | "session" | "source",
  sessionNames: Record<string, string> = {},
): () => () => Comparison {
  const dim: CountDimension = by;
  const first = firstTimes(ctx, dim);
  const keys = [...first.keys()].sort((a, b) => {
    if (a === null) return 1;
    if (b === null) return -1;
    return compareText(first.get(a)!, first.get(b)!) || compareText(a, b);
  });
  const { values, codes } = dimColumn(ctx.cols, dim);
  const groups: GroupSpec[] = keys.map((k) => {
    const members = Uint8Array.from(ctx.rows, (i) => (values[codes[i]!] === k ? 1 : 0));
    const size = members.reduce((a, m) => a + m, 0);
    // A session is shown by its name, the same in every language of the report.
    const name = by === "session" && k !== null ? sessionNames[k] : undefined;
    const wave = by === "wave" && k !== null ? ctx.survey.waves?.[k] : undefined;
    const label =
      name !== undefined ? Object.fromEntries(ctx.survey.languages.map((l) => [l, name])) : (wave ?? null);
    return { code: k, label, members, size, sizeId: keyCellId(dim, k), tooFew: false };
  });
  for (const g of groups) ctx.ledger.protect(g.sizeId, COST_TOTAL);
  return () => {
    ctx.ledger.solve(ctx.minCell);
    const { restId } = settleGroups(ctx, "cmp", groups);
    const refIndex = groups.findIndex((g) => g.code !== null && shownGroup(g) && g.size > 0);
    const reference = refIndex < 0 ? null : refIndex;
    const tables = groupableSlots(ctx, null).map(({ slot, kind }) =>
      prepareGroupTable(ctx, "cmp", slot, kind, groups, restId),
    );
    return () => ({
      by,
      groups: groups.map((g) => publicGroup(ctx, g)),
      reference: reference === null ? null : groups[reference]!.code,
      tables: tables.map((p) => p.finish("compare", reference)),
    });
  };
}
