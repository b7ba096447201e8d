import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Choice } from "../../src/definition/model.js";
import {
  type ChoiceIndex,
  exactChoiceList,
  indexChoices,
  parseChoice,
  parseChoiceList,
  parseFlag,
  parseNumber,
} from "../../src/import/values.js";

const choices: Choice[] = [
  { value: "weekly", label: { fi: "Viikoittain", sv: "Varje vecka", en: "Weekly" } },
  { value: "monthly", label: { fi: "Kuukausittain", sv: "Varje månad", en: "Monthly" } },
  { value: "other", label: { fi: "Muu, mikä?", sv: "Annat, vad?", en: "Other, what?" } },
  { value: "dk", label: { fi: "En osaa sanoa", en: "Don't know" }, missing: true },
];
const ix = indexChoices(choices, "fi");

describe("parseChoice", () => {
  it("accepts codes and labels in any language, ignoring case and spaces", () => {
    expect(parseChoice("weekly", ix)).toEqual({ ok: true, value: "weekly" });
    expect(parseChoice("  VIIKOITTAIN ", ix)).toEqual({ ok: true, value: "weekly" });
    expect(parseChoice("varje  månad", ix)).toEqual({ ok: true, value: "monthly" });
    expect(parseChoice("en osaa sanoa", ix)).toEqual({ ok: true, value: "dk" });
    expect(parseChoice("Muu, mikä", ix)).toEqual({ ok: true, value: "other" });
  });
  it("suggests the closest label for a typo and lists what is expected", () => {
    const r = parseChoice("viikottain", ix);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('did you mean "Viikoittain"?');
      expect(r.message).toContain("expected one of: weekly = Viikoittain, monthly = Kuukausittain");
    }
  });
  it("reads 3.0 from a spreadsheet as the code 3", () => {
    const n = indexChoices([{ value: "3", label: { fi: "Kolme" } }], "fi");
    expect(parseChoice("3.0", n)).toEqual({ ok: true, value: "3" });
    expect(parseChoice("3,5", n).ok).toBe(false);
  });
});

describe("parseChoiceList", () => {
  it("splits on ; , | and keeps labels that contain commas whole", () => {
    expect(parseChoiceList("weekly;monthly", ix)).toEqual({ codes: ["weekly", "monthly"], bad: [] });
    expect(parseChoiceList("Viikoittain, Muu, mikä?", ix)).toEqual({ codes: ["weekly", "other"], bad: [] });
    expect(parseChoiceList("weekly|nope", ix)).toEqual({ codes: ["weekly"], bad: ["nope"] });
  });

  it("tries runs of pieces only as long as a label's separators allow, and any run across a line break", () => {
    const lists = indexChoices(
      [
        { value: "a", label: { fi: "Kirjat; lehdet, sarjakuvat" } },
        { value: "b", label: { fi: "Äänikirjat" } },
        { value: "c", label: { fi: "Pelit ja kirjat" } },
      ],
      "fi",
    );
    expect(lists.maxSeparators).toBe(2);
    expect(parseChoiceList("b|Kirjat; lehdet, sarjakuvat|b", lists)).toEqual({
      codes: ["b", "a", "b"],
      bad: [],
    });
    expect(parseChoiceList("kirjat;lehdet|x,y,z", lists)).toEqual({
      codes: [],
      bad: ["kirjat", "lehdet", "x", "y", "z"],
    });
    expect(parseChoiceList("pelit\nja kirjat;b", lists)).toEqual({ codes: ["c", "b"], bad: [] });
  });
});

describe("parseNumber", () => {
  it("reads decimal commas, spaces between thousands and a typographic minus", () => {
    expect(parseNumber("3,5")).toEqual({ ok: true, value: 3.5 });
    expect(parseNumber(" 12 ")).toEqual({ ok: true, value: 12 });
    expect(parseNumber("1 000")).toEqual({ ok: true, value: 1000 });
    expect(parseNumber("\u22122")).toEqual({ ok: true, value: -2 });
  });
  it("refuses what is not plainly a number", () => {
    for (const s of ["", "12a", "0x10", "1e3", "3,5,1", "kolme"]) expect(parseNumber(s).ok).toBe(false);
  });
});

describe("parseFlag", () => {
  it("knows ticks in three languages", () => {
    for (const s of ["x", "X", "1", "kyllä", "ja", "yes", "TRUE"])
      expect(parseFlag(s)).toEqual({ ok: true, value: true });
    for (const s of ["0", "ei", "nej", "no"]) expect(parseFlag(s)).toEqual({ ok: true, value: false });
    expect(parseFlag(" ")).toEqual({ ok: true, value: null });
    expect(parseFlag("maybe").ok).toBe(false);
  });
});

describe("exactChoiceList", () => {
  const plain = indexChoices(
    [
      { value: "1", label: { fi: "Kirjat", en: "Books" } },
      { value: "2", label: { fi: "Lehdet", en: "Magazines" } },
      { value: "x", label: { fi: "Muu" } },
    ],
    "fi",
  );
  it("reads exactly written pieces, and leaves anything else to parseChoiceList", () => {
    expect(exactChoiceList("1;2", plain)).toEqual(["1", "2"]);
    expect(exactChoiceList("Lehdet|1", plain)).toEqual(["2", "1"]);
    expect(exactChoiceList("1;;2,", plain)).toEqual(["1", "2"]);
    expect(exactChoiceList("1; 2", plain)).toBeUndefined();
    expect(exactChoiceList("kirjat", plain)).toBeUndefined();
    expect(exactChoiceList("1\n2", plain)).toBeUndefined();
    // A cell using a separator that some label holds needs the search for longer runs; a cell
    // using only others does not ("Muu, mikä?" holds a comma, not a semicolon).
    expect(exactChoiceList("weekly,monthly", ix)).toBeUndefined();
    expect(exactChoiceList("Muu, mikä?", ix)).toBeUndefined();
    expect(exactChoiceList("weekly;monthly", ix)).toEqual(["weekly", "monthly"]);
    expect(exactChoiceList("Muu, mikä?|weekly", ix)).toBeUndefined();
  });
  /** Whenever exactChoiceList gives codes, parseChoiceList gives the same and calls nothing bad. */
  const agrees = (index: ChoiceIndex, pieces: string[], seps: string[]) =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...seps)), { maxLength: 6 }),
        fc.constantFrom(...pieces),
        (pairs, last) => {
          const raw = pairs.map(([p, s]) => p + s).join("") + last;
          const exact = exactChoiceList(raw, index);
          if (exact !== undefined) expect(parseChoiceList(raw, index)).toEqual({ codes: exact, bad: [] });
        },
      ),
      { numRuns: 1000 },
    );
  it("gives what parseChoiceList gives whenever it gives anything", () => {
    agrees(
      plain,
      ["1", "2", "x", "Kirjat", "Lehdet", "Muu", "kirjat", " 1", "3", "", " "],
      [";", ",", "|", "\n", "; "],
    );
  });
  it("agrees with parseChoiceList also where labels hold separators", () => {
    agrees(
      ix,
      ["weekly", "other", "Muu", " mikä?", "Muu, mikä?", "Annat", "x", "", "Other"],
      [";", ",", "|", "\n", ", "],
    );
  });
});
