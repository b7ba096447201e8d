// The ledger keeps report.json as published. A large report is handed to it as UTF-8 bytes (no
// second string of twice their size): it must be stored as the same text, readable as text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/report.js";
import { jsonPieces, renderJson, renderJsonBytes } from "../../src/render/report/json.js";
import { getRelease, recordRelease, releaseReport } from "../../src/store/index.js";
import { ROOT } from "../helpers/cli.js";
import { tempStore } from "../helpers/store-data.js";

const temps: ReturnType<typeof tempStore>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});

const report = () =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/report/minimal-compare-waves.json"), "utf8")) as Report;

describe("report.json as bytes", () => {
  it("are renderJson's text in UTF-8, newline included", () => {
    const r = report();
    // Letters beyond Latin-1 make V8 keep the text as two-byte characters: the case that costs.
    r.survey.title = { ...r.survey.title, en: "Kirjasto – “welcome” ✓ åäö" };
    const bytes = renderJsonBytes(r);
    expect(bytes.equals(Buffer.from(renderJson(r), "utf8"))).toBe(true);
    expect(bytes.at(-1)).toBe(0x0a);
  });

  it("go into the ledger as the same text, stored as text", () => {
    const t = tempStore();
    temps.push(t);
    const s = t.open();
    const r = report();
    r.survey.title = { ...r.survey.title, en: "Kirjasto – “welcome” ✓ åäö" };
    const bytes = renderJsonBytes(r);
    const id = recordRelease(s, {
      surveyId: "minimal",
      surveyHash: r.survey.hash,
      origins: ["minimal"],
      createdAt: "2025-05-01T00:00:00.000Z",
      options: {},
      outputs: ["-"],
      report: bytes,
      responseIds: [],
    });
    expect(releaseReport(s, id)).toBe(renderJson(r));
    expect(getRelease(s, id).report).toBe(renderJson(r));
    if (s.sqlite)
      expect(s.sqlite.prepare("SELECT typeof(report) FROM releases WHERE id = ?").pluck().get(id)).toBe(
        "text",
      );
    s.close();
  });
});

describe("report.json made in pieces", () => {
  it("is JSON.stringify's text with two spaces of indent and a newline, for any object", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect([...jsonPieces(value)].join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
    const odd = { a: undefined, b: [1, undefined, () => 0, { c: [] }], d: [], e: {}, f: "x\ny" };
    expect([...jsonPieces(odd)].join("")).toBe(`${JSON.stringify(odd, null, 2)}\n`);
    expect([...jsonPieces({})].join("")).toBe("{}\n");
  });
});
