// Invariants of whole Reports on random synthetic data: shares sum to 1, medians lie within the
// data, no small count is printed or left alone to be subtracted, order does not matter, and the
// same input gives the same bytes. Also the options' guard rails.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analysis/index.js";
import type { AnswerStatus, ChoiceRow, Count, Report } from "../../src/analysis/report.js";
import { loadSurvey } from "../../src/definition/load.js";
import { KuuloError } from "../../src/errors.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { ROOT } from "../helpers/cli.js";

const survey = loadSurvey(join(ROOT, "test/fixtures/surveys/analysis-reference.yaml"));

const data = fc.record({
  count: fc.integer({ min: 0, max: 45 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  minCell: fc.integer({ min: 3, max: 7 }),
  by: fc.constantFrom(undefined, "visit_freq", "likes", "image.welcoming"),
  compare: fc.constantFrom(undefined, "wave" as const, "source" as const),
  includePartial: fc.boolean(),
});

function responsesFor(count: number, seed: number) {
  const half = Math.floor(count / 2);
  return [
    ...generateResponses(survey, { count: half, seed, wave: "baseline", sessionId: "s1" }),
    ...generateResponses(survey, {
      count: count - half,
      seed: seed + 1,
      wave: "followup",
      sessionId: "s2",
      source: "paper",
      start: "2025-06-02T09:00:00Z",
    }),
  ];
}

/** Every Count-shaped and ChoiceRow-shaped object in the report. */
function walk(value: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value !== null && typeof value === "object") {
    visit(value as Record<string, unknown>);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** Slot id of the k-th entry of choiceLists(report). */
function ownSlot(report: Report, k: number): string {
  const ids: string[] = [];
  for (const q of report.questions) {
    if (q.kind === "choice" || q.kind === "scale" || q.kind === "multi") ids.push(q.id);
    if (q.kind === "matrix") for (const it of q.items) ids.push(it.id);
  }
  return ids[k]!;
}

function choiceLists(report: Report): { valid: Count; rows: ChoiceRow[]; multi: boolean }[] {
  const out: { valid: Count; rows: ChoiceRow[]; multi: boolean }[] = [];
  for (const q of report.questions) {
    if (q.kind === "choice" || q.kind === "scale")
      out.push({ valid: q.status.valid, rows: q.choices, multi: false });
    if (q.kind === "multi") out.push({ valid: q.status.valid, rows: q.choices, multi: true });
    if (q.kind === "matrix")
      for (const it of q.items) out.push({ valid: it.status.valid, rows: it.choices, multi: false });
  }
  return out;
}

/** The answer status of every question and matrix item. */
function statuses(report: Report): { id: string; status: AnswerStatus }[] {
  const out: { id: string; status: AnswerStatus }[] = [];
  for (const q of report.questions) {
    if (q.kind === "matrix") for (const it of q.items) out.push({ id: it.id, status: it.status });
    else out.push({ id: q.id, status: q.status });
  }
  return out;
}

/** The counts of a status besides base and valid, "don't know" rows as counts. */
function nonValid(st: AnswerStatus): Count[] {
  return [
    st.notShown,
    st.skipped,
    st.notReached,
    st.invalid,
    ...st.missing.map((m) => ({ value: m.count, suppressed: m.suppressed })),
  ];
}

/** 1. No printed count of people is below minCell, and the non-answers add up. */
function checkCounts(report: Report): void {
  walk(report, (o) => {
    if ("suppressed" in o && o.suppressed === true) {
      expect(o.value ?? null).toBeNull();
      expect(o.count ?? null).toBeNull();
    }
  });
  for (const { id, status: st } of statuses(report)) {
    // Non-answers ("don't know", skipped, not shown …) and so the valid n are published
    // exactly: base − valid n gives their total anyway, so hiding one would be a false promise.
    // Unless fewer than minCell answered: then the valid n is hidden, and the rest with it.
    const others = nonValid(st);
    if (st.base.value !== null)
      for (const c of others) expect(c.suppressed, `${id}: status counts`).toBe(st.valid.suppressed);
    if (st.base.value !== null && st.valid.value !== null)
      expect(st.base.value - st.valid.value).toBe(others.reduce((a, c) => a + (c.value ?? 0), 0));
  }
}

/** 2–4. Choice rows: no small count shown, no lone hidden cell, shares that sum to 1. */
function checkChoiceRows(report: Report, minCell: number): void {
  for (const { valid, rows, multi } of choiceLists(report)) {
    for (const r of rows) if (r.count !== null) expect(r.count === 0 || r.count >= minCell).toBe(true);
    // 2. Complement: with n shown, a single hidden cell could be subtracted out.
    const hidden = rows.filter((r) => r.suppressed);
    if (!multi && valid.value !== null) expect(hidden.length).not.toBe(1);
    // 3. Multi: a hidden "did not pick" count is never n − a shown count below minCell.
    if (multi && valid.value !== null)
      for (const r of rows)
        if (r.count !== null)
          expect(valid.value - r.count === 0 || valid.value - r.count >= minCell).toBe(true);
    // 4. Shares of a single-choice question sum to 1 when all are shown.
    if (!multi && valid.value && hidden.length === 0) {
      const s = rows.reduce((a, r) => a + r.share!, 0);
      expect(Math.abs(s - 1)).toBeLessThanOrEqual(1e-12);
    }
  }
}

/** Group tables: no hidden count that the shown ones and the group's n determine. */
function checkGroupTables(report: Report, minCell: number): void {
  // Over-suppression in group tables: a group's n shown and one hidden cell in its column
  // would be that n minus the shown ones, so no hidden count is one the shown ones determine.
  for (const g of [report.crossTabs, report.comparison]) {
    if (!g) continue;
    for (const t of g.tables) {
      if (t.kind !== "choice" && t.kind !== "scale") continue;
      g.groups.forEach((grp, i) => {
        if (grp.tooFew || grp.withheld) return;
        expect(grp.tooFew).toBe(grp.size.value !== null && grp.size.value > 0 && grp.size.value < minCell);
        if (t.valid[i]!.value === null) return;
        const hidden = t.rows.filter((r) => r.cells[i]!.suppressed);
        expect(hidden.length, `${t.slot} group ${i}`).not.toBe(1);
      });
    }
  }
}

/** 5–7. Medians within the data; small groups only as too few, and not recoverable. */
function checkMediansAndGroups(report: Report, minCell: number): void {
  // 5. Medians lie within the data.
  for (const q of report.questions) {
    if (q.kind === "number" && q.median !== null) {
      expect(q.median).toBeGreaterThanOrEqual(q.min!);
      expect(q.median).toBeLessThanOrEqual(q.max!);
      expect(q.q1!).toBeLessThanOrEqual(q.median);
      expect(q.median).toBeLessThanOrEqual(q.q3!);
    }
    if (q.kind === "scale" && q.stats.median !== null) {
      const pts = q.choices.map((c) => Number(c.code));
      expect(q.stats.median).toBeGreaterThanOrEqual(Math.min(...pts));
      expect(q.stats.median).toBeLessThanOrEqual(Math.max(...pts));
    }
  }
  // 6. Groups too small are shown only as too few.
  for (const g of [...(report.crossTabs?.groups ?? []), ...(report.comparison?.groups ?? [])])
    if (g.size.value !== null && g.size.value > 0 && g.size.value < minCell) expect(g.tooFew).toBe(true);
  for (const t of [...(report.crossTabs?.tables ?? []), ...(report.comparison?.tables ?? [])]) {
    const groups = report.crossTabs?.tables.includes(t) ? report.crossTabs.groups : report.comparison!.groups;
    groups.forEach((g, i) => {
      if (g.tooFew) {
        expect(t.valid[i]!.value).toBeNull();
        for (const r of t.rows) expect(r.cells[i]!.count).toBeNull();
      }
    });
    // 7. The groups not shown cannot be recovered as the question's own count minus the
    // shown groups: whatever can be subtracted is 0 or at least minCell.
    const own = choiceLists(report).find((_, k) => ownSlot(report, k) === t.slot);
    if (!own) continue;
    for (const row of t.rows) {
      const total = own.rows.find((r) => r.code === row.code)?.count ?? null;
      const shown = row.cells.filter((_, i) => !groups[i]!.tooFew);
      if (total === null || shown.some((c) => c.count === null)) continue;
      const rest = total - shown.reduce((a, c) => a + c.count!, 0);
      expect(rest === 0 || rest >= minCell, `${t.slot} ${row.code}: rest ${rest}`).toBe(true);
    }
  }
}

describe("Report invariants", () => {
  it("holds for random data, groupings and thresholds", () => {
    fc.assert(
      fc.property(data, ({ count, seed, minCell, by, compare, includePartial }) => {
        const responses = responsesFor(count, seed);
        const report = analyze(survey, responses, { minCell, by, compare, filters: { includePartial } });
        checkCounts(report);
        checkChoiceRows(report, minCell);
        checkGroupTables(report, minCell);
        checkMediansAndGroups(report, minCell);
      }),
      { numRuns: 30, endOnFailure: true },
    );
  }, 120_000);

  it("does not depend on the order of the responses and gives byte-identical JSON", () => {
    fc.assert(
      fc.property(
        data,
        fc.integer({ min: 1, max: 1000 }),
        ({ count, seed, minCell, by, compare, includePartial }, shuffleSeed) => {
          const responses = responsesFor(count, seed);
          const shuffled = fc.sample(fc.shuffledSubarray(responses, { minLength: responses.length }), {
            numRuns: 1,
            seed: shuffleSeed,
          })[0]!;
          const opts = {
            minCell,
            by,
            compare,
            filters: { includePartial },
            generatedAt: "2025-07-01T12:00:00Z",
          };
          const a = JSON.stringify(analyze(survey, responses, opts));
          expect(JSON.stringify(analyze(survey, responses, opts))).toBe(a);
          expect(JSON.stringify(analyze(survey, shuffled, opts))).toBe(a);
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  }, 120_000);

  it("masks personal details in free text before they reach the Report", () => {
    const responses = responsesFor(120, 3);
    const json = JSON.stringify(analyze(survey, responses, {}));
    for (const secret of [
      "matti.virtanen@example.fi",
      "040 123 4567",
      "+358 50 765 4321",
      "anna.k@posti.example",
      "(09) 310 8500",
    ])
      expect(json).not.toContain(secret);
    const report = analyze(survey, responses, {});
    expect(report.privacy.masked.total).toBeGreaterThan(0);
    expect(report.privacy.masked.total).toBe(
      report.privacy.masked.email +
        report.privacy.masked.phone +
        report.privacy.masked.hetu +
        report.privacy.masked.address,
    );
  });
});

describe("options", () => {
  const responses = responsesFor(30, 9);
  it("refuses a minCell below 3 unless asked for on purpose", () => {
    expect(() => analyze(survey, responses, { minCell: 2 })).toThrow(KuuloError);
    try {
      analyze(survey, responses, { minCell: 2 });
    } catch (e) {
      expect((e as KuuloError).code).toBe("ANALYSIS_MIN_CELL_TOO_SMALL");
      expect((e as KuuloError).exitCode).toBe(2);
      expect((e as KuuloError).hint).toMatch(/--min-cell 3/);
    }
    expect(analyze(survey, responses, { minCell: 2, allowSmallCells: true }).privacy.smallCellsAllowed).toBe(
      true,
    );
  });
  it("suggests the question meant by a misspelled --by", () => {
    expect(() => analyze(survey, responses, { by: "visit_frq" })).toThrow(/visit_freq/);
    expect(() => analyze(survey, responses, { by: "books" })).toThrow(/only a question with one answer/);
  });
  it("filters by wave, source, date and status", () => {
    const all = analyze(survey, responses, { filters: { includePartial: true } });
    const base = analyze(survey, responses, { filters: { waves: ["baseline"] }, minCell: 3 });
    const paper = analyze(survey, responses, { filters: { sources: ["paper"] }, minCell: 3 });
    const late = analyze(survey, responses, { filters: { since: "2025-06-01" }, minCell: 3 });
    const early = analyze(survey, responses, { filters: { until: "2025-03-31" }, minCell: 3 });
    expect(all.counts.analysed.value).toBe(all.counts.matched.value);
    expect(base.counts.byWave.map((w) => w.key)).toEqual(["baseline"]);
    expect(paper.counts.bySource.find((s) => s.key === "interactive")!.count).toBe(0);
    expect(late.counts.byWave.map((w) => w.key)).toEqual(["followup"]);
    expect(early.counts.byWave.map((w) => w.key)).toEqual(["baseline"]);
    expect(() => analyze(survey, responses, { filters: { since: "last week" } })).toThrow(/not a date/);
  });
  it("refuses responses of another survey", () => {
    const other = responses.map((r) => ({ ...r, surveyId: "someone_else" }));
    expect(() => analyze(survey, other, {})).toThrow(/belongs to survey/);
  });
});
