// Numbers, shares and dates as each report language writes them, and terminal text layout that
// wraps but never drops a character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reportFormats, suppressedMark } from "../../src/render/report/format.js";
import { bar } from "../../src/render/report/terminal.js";
import { textWidth, wrapLines } from "../../src/render/report/text-layout.js";

const NBSP = "\u00a0";

describe("report number formats", () => {
  it("writes shares the Finnish, Swedish and English way", () => {
    expect(reportFormats("fi", "fi").share(0.125)).toBe(`12,5${NBSP}%`);
    expect(reportFormats("sv", "fi").share(0.125)).toBe(`12,5${NBSP}%`);
    expect(reportFormats("en", "fi").share(0.125)).toBe("12.5%");
    expect(reportFormats("fi", "fi").share(1, 0)).toBe(`100${NBSP}%`);
  });

  it("writes decimals, counts and signed differences", () => {
    const fi = reportFormats("fi", "fi");
    expect(fi.number(3.456, 2)).toBe("3,46");
    expect(fi.count(1234)).toBe(`1${NBSP}234`);
    expect(reportFormats("en", "fi").count(1234)).toBe("1,234");
    expect(fi.points(0.042)).toBe("+4,2 %-yks.");
    expect(reportFormats("en", "fi").points(-0.042)).toBe("-4.2 pp");
    expect(fi.signed(0)).toBe("0,0");
  });

  it("writes dates as a day in UTC, whatever the time of day", () => {
    expect(reportFormats("fi", "fi").date("2025-03-04")).toBe("4.3.2025");
    expect(reportFormats("fi", "fi").date("2025-03-04T23:59:59Z")).toBe("4.3.2025");
    expect(reportFormats("en", "fi").date("2025-03-04")).toBe("Mar 4, 2025");
    expect(reportFormats("sv", "fi").date("2025-03-04")).toBe("4 mars 2025");
  });

  it("picks survey texts in the report language, else the survey's default language", () => {
    const en = reportFormats("en", "fi");
    expect(en.text({ fi: "Kyllä", en: "Yes" })).toBe("Yes");
    expect(en.text({ fi: "Kyllä" })).toBe("Kyllä");
  });

  it("marks a hidden count with the report's smallest shown count", () => {
    expect(suppressedMark(5)).toBe("< 5");
    expect(suppressedMark(3)).toBe("< 3");
  });
});

describe("terminal layout", () => {
  it("draws bars in eighths and never past full", () => {
    expect(bar(0, 20)).toBe("");
    expect(bar(1, 20)).toBe("█".repeat(20));
    expect(bar(0.5, 20)).toBe("█".repeat(10));
    expect(bar(0.525, 20)).toBe(`${"█".repeat(10)}▌`);
    expect(bar(0.53, 20)).toBe(`${"█".repeat(10)}▋`);
    expect(bar(2, 4)).toBe("████");
  });

  it("wraps text to the width and keeps every character", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const clean = text.replace(/\s/g, " ");
        const lines = wrapLines(clean, width);
        for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.join("").replace(/ /g, "")).toBe(
          clean.normalize("NFC").replace(/ /g, "").normalize("NFC"),
        );
      }),
    );
  });

  it("breaks a long Finnish compound word rather than cutting it", () => {
    const word = "työllisyyspalveluasiakkaiden";
    expect(wrapLines(`${word} kirjasto`, 10)).toEqual(["työllisyys", "palveluasi", "akkaiden", "kirjasto"]);
  });
});
