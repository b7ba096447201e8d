// The one word wrapper of the kiosk screens and the report's terminal summary.
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/render/report/text-layout.js";
import { displayWidth, wrapText } from "../../src/terminal/wrap.js";

describe("wrapText", () => {
  it("never breaks at a no-break space", () => {
    expect(wrapText("vastaukset olivat 47\u00a0% ja", 20)).toEqual(["vastaukset olivat", "47\u00a0% ja"]);
  });

  it("measures with the given width: emoji take two terminal columns, one character", () => {
    const text = "🙂 🙂 🙂 🙂";
    expect(wrapText(text, 7).every((l) => displayWidth(l) <= 7)).toBe(true);
    expect(wrapText(text, 7)).toEqual(["🙂 🙂", "🙂 🙂"]);
    expect(wrapText(text, 7, "", textWidth)).toEqual(["🙂 🙂 🙂 🙂"]);
  });

  it("indents every line and breaks a word longer than the line, keeping every character", () => {
    expect(wrapText("a bbbbbbbbbbbb", 8, "  ")).toEqual(["  a", "  bbbbbb", "  bbbbbb"]);
  });
});
