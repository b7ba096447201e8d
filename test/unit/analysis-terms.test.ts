import { describe, expect, it } from "vitest";
import { STOP_WORDS } from "../../src/analysis/stopwords.js";
import { countTerms, termsOf } from "../../src/analysis/terms.js";

describe("term counts", () => {
  it("lower-cases, strips punctuation, drops stop words in three languages and mask markers", () => {
    expect(termsOf("Enemmän SELKOKIRJOJA, ja äänikirjoja! [email] The books and the BÖCKER och")).toEqual([
      "selkokirjoja",
      "äänikirjoja",
      "books",
      "böcker",
    ]);
  });
  it("counts a term once per respondent and lists only terms used by minCell people", () => {
    const answers = ["kirja kirja kirja", "kirja", "kirja ja lehti", "lehti", "kirja"];
    expect(countTerms(answers, 3)).toEqual([{ term: "kirja", lang: "", count: 4 }]);
    expect(countTerms(answers, 2)).toEqual([
      { term: "kirja", lang: "", count: 4 },
      { term: "lehti", lang: "", count: 2 },
    ]);
  });
  it("orders ties alphabetically, independent of answer order", () => {
    const a = ["lehti kirja", "kirja lehti", "sarjakuva"];
    expect(countTerms(a, 1)).toEqual(countTerms([...a].reverse(), 1));
    expect(countTerms(a, 1).map((t) => t.term)).toEqual(["kirja", "lehti", "sarjakuva"]);
  });
  it("groups inflected forms by their stem, shown as the most frequent form, once per person", () => {
    const answers = ["Lisää kirjoja", "kirjoja ja kirjat", "uusia kirjoja", "kirjat", "kirjasto"];
    const langs = answers.map(() => "fi");
    expect(countTerms(answers, 4, langs)).toEqual([{ term: "kirjoja", lang: "fi", count: 4 }]);
  });
  it("counts each language's answers apart, so a Finnish table holds no English words", () => {
    const answers = ["thank you for asking", "thank you", "kiitos kysymästä", "kiitos", "kiitos paljon"];
    const langs = ["en", "en", "fi", "fi", "fi"];
    expect(countTerms(answers, 2, langs)).toEqual([
      { term: "kiitos", lang: "fi", count: 3 },
      { term: "thank", lang: "en", count: 2 },
    ]);
  });
  it("has a few hundred stop words", () => {
    expect(STOP_WORDS.size).toBeGreaterThan(300);
    for (const w of ["ja", "och", "the", "että", "inte"]) expect(STOP_WORDS.has(w)).toBe(true);
  });
});
