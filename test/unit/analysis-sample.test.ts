// A slot's scale statistics from its columns (counts per point, one ordered pass) are exactly,
// to the last bit, those of stats.ts on the list of values, whatever the scale's numbers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SlotColumn } from "../../src/analysis/columns.js";
import { MISSING, SKIPPED, VALID } from "../../src/analysis/columns.js";
import type { SlotData } from "../../src/analysis/context.js";
import { codedSample, listSample } from "../../src/analysis/sample.js";

/** A one-code slot's data: per response its state and code; rows in a shuffled order. */
function slotDataOf(answers: { state: number; code: number }[], codes: number, order: number[]): SlotData {
  const n = answers.length;
  const code = new Uint16Array(n);
  const colState = new Uint8Array(n);
  answers.forEach((a, i) => {
    code[i] = a.code;
    colState[i] = a.state;
  });
  const rows = Int32Array.from(order);
  const state = Uint8Array.from(order, (i) => colState[i]!);
  const validByCode = new Float64Array(codes);
  for (let k = 0; k < n; k++) if (state[k] === VALID) validByCode[code[rows[k]!]!]!++;
  const col = { code, state: colState, slot: { kind: "choice" } } as unknown as SlotColumn;
  return {
    col,
    state,
    rows,
    byState: new Float64Array(8),
    validByCode,
    missingByCode: new Float64Array(codes),
  };
}

const scaleNumber = fc.oneof(
  fc.integer({ min: -3, max: 10 }),
  fc.constantFrom(0.1, 0.2, 2.5, 1e-3, -0, 3.3333333333333335, 2 ** 50, -(2 ** 50), 1e15 + 1),
  fc.constant(null),
);

describe("codedSample", () => {
  it("gives the same mean, median, SD and interval as the list of values, bit for bit", () => {
    fc.assert(
      fc.property(
        fc.array(scaleNumber, { minLength: 1, maxLength: 7 }),
        fc.array(
          fc.record({ state: fc.constantFrom(VALID, VALID, VALID, MISSING, SKIPPED), code: fc.nat() }),
          {
            maxLength: 200,
          },
        ),
        fc.integer(),
        (numbers, raw, seed) => {
          const answers = raw.map((a) => ({ state: a.state, code: a.code % numbers.length }));
          // Any order of the rows: the analysed order is not the stored one.
          const order = answers.map((_, i) => i);
          let s = seed;
          for (let i = order.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) | 0;
            const j = Math.abs(s) % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const data = slotDataOf(answers, numbers.length, order);
          const list: number[] = [];
          for (const i of order) {
            const v = numbers[answers[i]!.code]!;
            if (answers[i]!.state === VALID && v !== null) list.push(v);
          }
          const a = codedSample(data, numbers);
          const b = listSample(list);
          expect(a.n).toBe(b.n);
          expect(Object.is(a.mean(), b.mean())).toBe(true);
          expect(Object.is(a.median(), b.median())).toBe(true);
          expect(Object.is(a.sd(), b.sd())).toBe(true);
          expect(a.ci()).toStrictEqual(b.ci());
          expect(Object.is(a.variance(), b.variance())).toBe(true);
          // One group of them (a column of a table by groups): every other response in it.
          const columnOf = Int32Array.from(order, (_, k) => k % 2);
          const groupCounts = new Float64Array(numbers.length);
          const groupList: number[] = [];
          order.forEach((i, k) => {
            const v = numbers[answers[i]!.code]!;
            if (k % 2 !== 1 || answers[i]!.state !== VALID) return;
            groupCounts[answers[i]!.code]!++;
            if (v !== null) groupList.push(v);
          });
          const g = codedSample(data, numbers, { columnOf, column: 1, validByCode: groupCounts });
          const h = listSample(groupList);
          expect(g.n).toBe(h.n);
          for (const stat of ["mean", "median", "sd", "variance"] as const)
            expect(Object.is(g[stat](), h[stat]())).toBe(true);
          expect(g.ci()).toStrictEqual(h.ci());
        },
      ),
      { numRuns: 500 },
    );
  });

  it("counts only valid answers whose code is a number", () => {
    const data = slotDataOf(
      [
        { state: VALID, code: 0 },
        { state: VALID, code: 1 },
        { state: MISSING, code: 2 },
        { state: VALID, code: 2 },
        { state: VALID, code: 1 },
      ],
      3,
      [4, 3, 2, 1, 0],
    );
    const s = codedSample(data, [1, 5, null]);
    expect(s.n).toBe(3);
    expect(s.mean()).toBe(11 / 3);
    expect(s.median()).toBe(5);
  });
});
