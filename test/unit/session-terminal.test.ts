// The terminal screens' pure parts: word wrapping on 80 columns, scrolling long lists and the
// header. The tick, ranking and points screens' rules are in session-list-models.test.ts.
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { layoutFrame } from "../../src/session/terminal/frame.js";
import { displayWidth, renderHeader, wrapText } from "../../src/session/terminal/layout.js";
import { screenOf } from "../helpers/minimal-screens.js";

const plain = pc.createColors(false);

describe("wrapText and displayWidth", () => {
  it("wraps at word boundaries, keeps paragraphs, cuts over-long words", () => {
    expect(wrapText("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
    expect(wrapText("one\n\ntwo", 20)).toEqual(["one", "", "two"]);
    expect(wrapText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });
  it("never makes a line wider than asked, emoji counted as two columns", () => {
    const text = "😄 Täysin samaa mieltä 😄 ".repeat(12);
    for (const line of wrapText(text, 40, "  ")) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(displayWidth("😄x")).toBe(3);
    expect(displayWidth("\u001b[1mbold\u001b[22m")).toBe(4);
  });
});

describe("renderHeader", () => {
  it("shows progress, the statement number, the shared question and the marked statement", () => {
    const lines = renderHeader(screenOf("image.strict"), 78, plain);
    expect(lines[0]).toBe("5 / 9  ·  Statement 2 of 2");
    expect(lines).toContain("What do you think?");
    expect(lines).toContain("  » The library is strict");
  });
  it("says in words that a question must be answered, or was skipped before", () => {
    expect(renderHeader(screenOf("visit_freq"), 78, plain).join("\n")).toContain(
      "You need to answer this question.",
    );
    expect(renderHeader(screenOf("likes", { likes: null }), 78, plain).join("\n")).toContain(
      "You skipped this question.",
    );
    expect(renderHeader(screenOf("likes", {}, "fi"), 78, plain)[0]).toMatch(/^\d+ \/ \d+$/);
  });
});

describe("layoutFrame", () => {
  const rows = Array.from({ length: 20 }, (_, i) => [`row ${i}`]);
  const base = {
    top: ["1 / 9", ""],
    text: ["Question?"],
    bottom: ["", "Skip", "Back", "", "keys"],
    more: { above: "UP", below: "DOWN" },
  };
  it("shows everything when it fits", () => {
    const f = layoutFrame({ ...base, rows: rows.slice(0, 5), height: 24, active: 0 });
    expect(f.lines).toHaveLength(2 + 1 + 1 + 5 + 5);
    expect(f.scrolled).toBe(false);
  });
  it.each([0, 7, 19])(
    "keeps the active row %i visible within the height, the buttons always, with marks where lines are hidden",
    (active) => {
      const f = layoutFrame({ ...base, rows, height: 16, active });
      expect(f.lines.length).toBeLessThanOrEqual(16);
      expect(f.lines).toContain(`row ${active}`);
      expect(f.lines.slice(-5)).toEqual(base.bottom);
      expect(f.lines.includes("UP")).toBe(f.scroll > 0);
      expect(f.lines.includes("DOWN")).toBe(active < 19);
    },
  );
});
