// Export → import gives the same data back: responses exported as CSV by `kuulo export` and
// imported into a new database by `kuulo import` are the same responses (ids, meta, answers).
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { SurveyResponse } from "../../src/definition/answers.js";
import {
  checkStore,
  listResponses,
  openStore,
  registerSurvey,
  restoreNeutralized,
  saveResponses,
} from "../../src/store/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { MINIMAL_PATH, minimal, sampleResponse } from "../helpers/store-data.js";

const survey = minimal();
let tmp: ReturnType<typeof tempDir>;
afterEach(() => tmp.cleanup());

/**
 * What a CSV can carry: a skipped question (null) and one never shown are both an empty cell,
 * and points of 0 are the same as no points. The importer keeps the apostrophe that protects
 * formula-like text; restoring it here shows that nothing else changed.
 */
function comparable(r: SurveyResponse): SurveyResponse {
  const answers: SurveyResponse["answers"] = {};
  for (const [k, v] of Object.entries(r.answers)) {
    if (v === null) continue;
    if (typeof v === "string") answers[k] = restoreNeutralized(v);
    else if (typeof v === "object" && !Array.isArray(v))
      answers[k] = Object.fromEntries(Object.entries(v).filter(([, p]) => p !== 0));
    else answers[k] = v;
  }
  return { ...r, answers };
}

describe("export → import", () => {
  for (const flavour of [
    { name: "plain CSV", args: [] as string[] },
    {
      name: "Finnish Excel CSV with labels",
      args: ["--delimiter", ";", "--bom", "--decimal-comma", "--labels", "--lang", "sv"],
    },
  ])
    it(`gives the same responses back (${flavour.name})`, async () => {
      tmp = tempDir();
      const a = openStore(join(tmp.dir, "a.db"), { create: true });
      registerSurvey(a, survey);
      const original = Array.from({ length: 24 }, (_, i) => sampleResponse(survey, i));
      saveResponses(a, original);
      a.close();
      const csv = join(tmp.dir, "out.csv");
      const e = await runCli([
        "export",
        "minimal",
        "--db",
        join(tmp.dir, "a.db"),
        "--out",
        csv,
        ...flavour.args,
      ]);
      expect(e.code).toBe(0);
      const i = await runCli(["import", MINIMAL_PATH, csv, "--db", join(tmp.dir, "b.db")]);
      expect(i.stderr).toBe("");
      expect(i.code).toBe(0);
      const b = openStore(join(tmp.dir, "b.db"), { readonly: true });
      const back = listResponses(b, "minimal");
      // The import wrote each response's answer codes with it, saying what its answers say.
      expect(b.db.prepare("SELECT count(*) FROM responses WHERE codes IS NOT NULL").pluck().get()).toBe(24);
      expect(checkStore(b).codesOutOfStep).toEqual([]);
      b.close();
      expect(back.map(comparable)).toEqual(original.map(comparable));
    });
});
