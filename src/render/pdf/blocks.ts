// Small building blocks for flowing documents: text, vertical stacks, space, indents and
// shaded panels. Each returns a Block (see flow.ts) that measures and draws with the same code.
import type { Block } from "./flow.js";
import { Pen, type TextStyle } from "./pen.js";

/** Wrapped text across the block's width (after an optional indent), then `spaceAfter`. */
export function textBlock(
  text: string,
  style: TextStyle,
  opts: { indent?: number; spaceAfter?: number } = {},
): Block {
  const indent = opts.indent ?? 0;
  return (pen, x, y, width) => {
    if (text === "") return 0;
    return pen.text(text, x + indent, y, width - indent, style) + (opts.spaceAfter ?? 0);
  };
}

/** Blocks one under another as one block (kept together by placeGroup). */
export function stack(...blocks: Block[]): Block {
  return (pen, x, y, width) => {
    let h = 0;
    for (const b of blocks) h += b(pen, x, y + h, width);
    return h;
  };
}

export function space(height: number): Block {
  return () => height;
}

export function indent(by: number, block: Block): Block {
  return (pen, x, y, width) => block(pen, x + by, y, width - by);
}

/** A block on a light background with padding, e.g. an instruction or an intro text. */
export function panel(block: Block, opts: { fill?: string; padding?: number; rule?: string } = {}): Block {
  const pad = opts.padding ?? 8;
  // The background is painted before the text, so the panel first learns its height.
  return (pen, x, y, width) => {
    const inner = block(pen.drawing ? new Pen(pen.doc, false) : pen, x + pad, y + pad, width - 2 * pad);
    const h = inner + 2 * pad;
    if (pen.drawing) {
      pen.rect(x, y, width, h, { fill: opts.fill ?? "#f0f0f0" });
      if (opts.rule) pen.rect(x, y, 3, h, { fill: opts.rule });
      block(pen, x + pad, y + pad, width - 2 * pad);
    }
    return h;
  };
}
