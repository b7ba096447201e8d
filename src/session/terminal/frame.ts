// Lays out one screen so that it fits the terminal by construction: pinned lines at the top
// (progress), a scrolling column (texts, then the answers) with "more above / below" marks, and
// pinned lines at the bottom (buttons, messages, keys). Pure; the prompts only draw the result.

export interface FrameInput {
  /** Pinned at the top (the progress line). */
  top: string[];
  /** The texts above the answers (section, question, help, statement), already wrapped. */
  text: string[];
  /** The answers, each as its drawn lines. */
  rows: string[][];
  /** Pinned right under the window (the line an answer is typed on). */
  after?: string[];
  /** Pinned at the bottom: buttons, status, message, keys. */
  bottom: string[];
  /** Lines the terminal will add by wrapping a pinned line (a long typed answer). */
  reserve?: number;
  height: number;
  /** First line of the column shown (from the last drawing), or undefined on the first one. */
  scroll?: number;
  /** The answer row that must be visible, or null when the cursor is on a button. */
  active: number | null;
  more: { above: string; below: string };
}

export interface Frame {
  lines: string[];
  /** First column line shown: keep it for the next drawing so the view does not jump. */
  scroll: number;
  /** The column's lines in view, of `total`. */
  shown: { from: number; to: number };
  total: number;
  /** Whether the column did not fit (a mark is shown). */
  scrolled: boolean;
  /** The answer rows wholly in view, and the text lines in view (for reading aloud). */
  rows: number[];
  text: { from: number; to: number };
}

/** The fewest lines the scrolling column gets, even on a tiny terminal. */
export const MIN_WINDOW = 3;

export function layoutFrame(f: FrameInput): Frame {
  const gap = f.text.length > 0 && f.rows.length > 0 ? [""] : [];
  const column = [...f.text, ...gap, ...f.rows.flat()];
  const rowStart: number[] = [];
  let at = f.text.length + gap.length;
  for (const r of f.rows) {
    rowStart.push(at);
    at += r.length;
  }
  const after = f.after ?? [];
  const room = Math.max(
    MIN_WINDOW,
    f.height - f.top.length - after.length - f.bottom.length - (f.reserve ?? 0),
  );
  const total = column.length;
  const seen = (from: number, to: number) => ({
    rows: f.rows
      .map((_, i) => i)
      .filter((i) => rowStart[i]! >= from && rowStart[i]! + f.rows[i]!.length <= to),
    text: { from: Math.min(from, f.text.length), to: Math.min(to, f.text.length) },
  });
  if (total <= room)
    return {
      lines: [...f.top, ...column, ...after, ...f.bottom],
      scroll: 0,
      shown: { from: 0, to: total },
      total,
      scrolled: false,
      ...seen(0, total),
    };
  // [a, b) is the part of the column in view; a mark takes one line at each cut end.
  const endFor = (a: number) => {
    const b = a + room - (a > 0 ? 1 : 0);
    return b >= total ? total : b - 1;
  };
  const maxStart = (() => {
    let a = Math.max(0, total - room);
    while (a > 0 && endFor(a - 1) >= total) a--;
    while (endFor(a) < total) a++;
    return a;
  })();
  // First drawing: from the top, moved down only as far as the chosen answer needs; the texts
  // right above the answers (the question, the statement) come into view with it.
  let a = Math.min(Math.max(0, f.scroll ?? 0), maxStart);
  if (f.active !== null && f.rows[f.active]) {
    const r0 = rowStart[f.active]!;
    const r1 = r0 + f.rows[f.active]!.length;
    if (r0 < a) a = r0;
    while (endFor(a) < r1 && a < maxStart) a++;
  }
  const b = endFor(a);
  return {
    lines: [
      ...f.top,
      ...(a > 0 ? [f.more.above] : []),
      ...column.slice(a, b),
      ...(b < total ? [f.more.below] : []),
      ...after,
      ...f.bottom,
    ],
    scroll: a,
    shown: { from: a, to: b },
    total,
    scrolled: true,
    ...seen(a, b),
  };
}
