// Places point labels in a scatter so that they overlap each other, the points and fixed texts as
// little as it can: a greedy search over positions around each point, nearest first, most crowded
// point first. Pure geometry in pixels; deterministic for the same input.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placed {
  box: Box;
  /** The label sits away from its point: draw a line from the point to it. */
  leader: boolean;
}

// Directions in order of preference: right, left, above, below, then the diagonals.
const DIRECTIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function outside(box: Box, bounds: Box): number {
  const dx = Math.max(0, bounds.left - box.left) + Math.max(0, box.right - bounds.right);
  const dy = Math.max(0, bounds.top - box.top) + Math.max(0, box.bottom - bounds.bottom);
  return dx * (box.bottom - box.top) + dy * (box.right - box.left);
}

function candidate(x: number, y: number, w: number, h: number, d: number, [dx, dy]: [number, number]): Box {
  const k = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
  const cx = x + dx * d * k;
  const cy = y + dy * d * k;
  const left = dx > 0 ? cx : dx < 0 ? cx - w : cx - w / 2;
  const top = dy > 0 ? cy : dy < 0 ? cy - h : cy - h / 2;
  return { left, top, right: left + w, bottom: top + h };
}

const inside = (x: number, y: number, b: Box) => x > b.left && x < b.right && y > b.top && y < b.bottom;

/** How many of a dozen points along the leader line from `p` to `box` fall inside other labels. */
function leaderCrossings(p: { x: number; y: number }, box: Box, taken: readonly Box[]): number {
  const tx = Math.min(Math.max(p.x, box.left), box.right);
  const ty = Math.min(Math.max(p.y, box.top), box.bottom);
  let hits = 0;
  for (let k = 1; k < 12; k++) {
    const x = p.x + ((tx - p.x) * k) / 12;
    const y = p.y + ((ty - p.y) * k) / 12;
    if (taken.some((b) => inside(x, y, b))) hits++;
  }
  return hits;
}

/**
 * One box per point for labels of the given sizes, inside `bounds` where possible, avoiding the
 * points themselves (radius `r`), the other labels and the `obstacles`.
 */
export function placeLabels(
  points: readonly { x: number; y: number }[],
  sizes: readonly { w: number; h: number }[],
  bounds: Box,
  obstacles: readonly Box[],
  r: number,
): Placed[] {
  // Generous room around the points: a label close to another point reads as that point's label.
  const dots = points.map((p) => ({
    left: p.x - r - 6,
    top: p.y - r - 6,
    right: p.x + r + 6,
    bottom: p.y + r + 6,
  }));
  const crowd = points.map((p) => points.filter((q) => Math.hypot(p.x - q.x, p.y - q.y) < 90).length);
  const order = points.map((_, i) => i).sort((a, b) => crowd[b]! - crowd[a]! || a - b);
  const distances = [r + 4, r + 16, r + 32, r + 56, r + 84];
  const best = (i: number, others: readonly Box[]): Placed => {
    const p = points[i]!;
    const { w, h } = sizes[i]!;
    let found: (Placed & { score: number }) | null = null;
    for (const [di, d] of distances.entries()) {
      for (const [k, dir] of DIRECTIONS.entries()) {
        const box = candidate(p.x, p.y, w, h, d, dir);
        let score = outside(box, bounds) * 50 + di * 40 + k * 2;
        for (const t of others) score += overlap(box, t) * 20;
        for (const [j, dot] of dots.entries()) if (j !== i) score += overlap(box, dot) * 20;
        for (const o of obstacles) score += overlap(box, o) * 8;
        if (di >= 1) score += leaderCrossings(p, box, others) * 300;
        if (found === null || score < found.score) found = { box, score, leader: di >= 1 };
      }
    }
    return { box: found!.box, leader: found!.leader };
  };
  // First pass: each label against those placed before it; second pass: against all the others,
  // which also untangles leader lines that cross labels placed later.
  const placed: (Placed | undefined)[] = new Array(points.length);
  for (const i of order)
    placed[i] = best(
      i,
      placed.filter((x): x is Placed => x !== undefined).map((x) => x.box),
    );
  for (const i of order) {
    const others = placed.filter((x, j): x is Placed => x !== undefined && j !== i).map((x) => x.box);
    placed[i] = best(i, others);
  }
  return placed as Placed[];
}
