// Exact-enough linear algebra for the suppression ledger: reduced row echelon form of small sparse
// systems, used to tell whether a hidden count is fixed by the published sums. Pure numerics.

const EPS = 1e-9;

/** Reduced row echelon form of sparse rows (column → coefficient). */
export function reduceRows(input: Map<number, number>[]): Map<number, number>[] {
  const rows = input.map((r) => new Map(r));
  const pivots: Map<number, number>[] = [];
  const pivotCol: number[] = [];
  for (const row of rows) {
    // Eliminate existing pivots from this row.
    for (let p = 0; p < pivots.length; p++) {
      const col = pivotCol[p]!;
      const k = row.get(col);
      if (k === undefined) continue;
      for (const [c, v] of pivots[p]!) {
        const nv = (row.get(c) ?? 0) - k * v;
        if (Math.abs(nv) < EPS) row.delete(c);
        else row.set(c, nv);
      }
    }
    if (row.size === 0) continue;
    // Pivot on the smallest column index for a stable, order-independent result.
    const col = Math.min(...row.keys());
    const k = row.get(col)!;
    for (const [c, v] of row) row.set(c, v / k);
    // Back-substitute into earlier pivots.
    for (const other of pivots) {
      const f = other.get(col);
      if (f === undefined) continue;
      for (const [c, v] of row) {
        const nv = (other.get(c) ?? 0) - f * v;
        if (Math.abs(nv) < EPS) other.delete(c);
        else other.set(c, nv);
      }
    }
    pivots.push(row);
    pivotCol.push(col);
  }
  return pivots;
}

/** Columns whose value the rows fix: the unit vectors that lie in the row space. */
export function determinedColumns(rows: Map<number, number>[]): Set<number> {
  const out = new Set<number>();
  for (const row of reduceRows(rows)) if (row.size === 1) out.add([...row.keys()][0]!);
  return out;
}
