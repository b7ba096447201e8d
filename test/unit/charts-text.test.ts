// Label wrapping (src/render/charts/text.ts) with a fake measurer: every character 10 px wide at
// size 10, scaled with the font size. Lines must fit, and no character may be lost. And the
// locale formats (format.ts) the charts print numbers with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatsFor } from "../../src/render/charts/format.js";
import { fitText, type Measure } from "../../src/render/charts/text.js";

const sizeOf = (font: string) => Number(/([\d.]+)px/.exec(font)?.[1] ?? 10);
const measure: Measure = (text, font) => [...text].length * sizeOf(font);
const widest = (lines: string[], font: string) => Math.max(...lines.map((l) => measure(l, font)));
/** The letters of a text, without the spaces and hyphens that wrapping may add or use. */
const letters = (s: string) => s.replace(/[\s\u00AD-]/g, "");

describe("fitText", () => {
  it("keeps a short label on one line at full size", () => {
    expect(fitText("Aukioloajat", 200, 10, measure)).toEqual({
      lines: ["Aukioloajat"],
      size: 10,
      font: "10px KuuloSans",
    });
  });

  it("breaks at spaces, greedily", () => {
    const r = fitText("Kirjastoon on helppo tulla", 130, 10, measure);
    expect(r.lines).toEqual(["Kirjastoon on", "helppo tulla"]);
  });

  it("breaks a long word after its hyphen, keeping the hyphen", () => {
    const r = fitText("Lukemis-ja-kirjoittamisvaikeudet", 220, 10, measure);
    expect(r.lines).toEqual(["Lukemis-ja-", "kirjoittamisvaikeudet"]);
    expect(r.size).toBe(10);
  });

  it("never breaks inside the negative statement's mark (–), a dash after a bracket", () => {
    const r = fitText("hiljainen paikka (–)", 195, 10, measure);
    expect(r.lines).toEqual(["hiljainen paikka", "(–)"]);
    // A dash between letters or digits still is a joint to break after.
    expect(fitText("alku–loppukysely", 100, 10, measure).lines).toEqual(["alku–", "loppukysely"]);
  });

  it("breaks at a soft hyphen and shows a hyphen only there", () => {
    const r = fitText("kirjasto\u00ADpalvelu\u00ADkokonaisuus", 160, 10, measure);
    expect(r.lines).toEqual(["kirjastopalvelu-", "kokonaisuus"]);
  });

  it("never breaks at a no-break space", () => {
    // With an ordinary space this would be "vastaajat 42" + "%".
    const r = fitText("vastaajat 42\u00A0%", 120, 10, measure);
    expect(r.lines).toEqual(["vastaajat", "42\u00A0%"]);
  });

  it("keeps explicit line breaks", () => {
    expect(fitText("Ensimmäinen\nToinen", 500, 10, measure).lines).toEqual(["Ensimmäinen", "Toinen"]);
  });

  it("shrinks the type a little before breaking a word", () => {
    // 21 letters: 210 px at size 10, 189 px at 0.9.
    const r = fitText("Työllisyyspalveluiden", 190, 10, measure);
    expect(r.lines).toEqual(["Työllisyyspalveluiden"]);
    expect(r.size).toBe(9);
  });

  it("hyphenates between letters at a Finnish syllable boundary as a last resort", () => {
    const r = fitText("kirjastopalvelut", 80, 10, measure, { minScale: 1 });
    expect(r.lines[0]).toBe("kirjas-");
    expect(letters(r.lines.join(""))).toBe("kirjastopalvelut");
    expect(widest(r.lines, r.font)).toBeLessThanOrEqual(80);
  });

  it("never loses a character and never exceeds the width (property)", () => {
    const word = fc.stringMatching(/^[a-zåäöA-Z\u00AD-]{1,40}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 40, max: 400 }),
        (words, max) => {
          const text = words.join(" ");
          const r = fitText(text, max, 10, measure);
          expect(widest(r.lines, r.font)).toBeLessThanOrEqual(max);
          expect(letters(r.lines.join(""))).toBe(letters(text));
          expect(r.size).toBeGreaterThanOrEqual(8.5);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("formatsFor", () => {
  it("formats shares and numbers for the language", () => {
    const fi = formatsFor("fi");
    expect(fi.share(0.42)).toBe("42\u00A0%");
    expect(fi.share(0.004)).toBe("0,4\u00A0%");
    expect(fi.number(3.456, 1)).toBe("3,5");
    expect(fi.n(1234)).toBe("n = 1\u00A0234");
    expect(formatsFor("en").share(0.42)).toBe("42%");
    expect(formatsFor("sv-FI").t("chart.dontKnow")).toBe("Vet inte");
  });

  it("falls back to English for an unknown or malformed language", () => {
    expect(formatsFor("xx").t("chart.dontKnow")).toBe("Don't know");
    expect(formatsFor("not a tag!").share(0.5)).toBe("50%");
  });
});
