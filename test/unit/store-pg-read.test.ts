// How PostgreSQL reads a survey for a report: the pages in id order walk the id index, never a
// sort of the whole survey for every page (what an expression on survey_hash led its planner to).
// Needs the test run's PostgreSQL (pg-global-setup.ts).
import { afterEach, describe, expect, it } from "vitest";
import { openStore, registerSurvey, type Store, saveResponses } from "../../src/store/index.js";
import { whereClause } from "../../src/store/read.js";
import { minimal, PG_URL, pgStoreUrl, sampleResponse } from "../helpers/store-data.js";

const opened: Store[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

describe.skipIf(!PG_URL)("a PostgreSQL report's pages", () => {
  it("follow the id index, with the survey and the filters checked on the way", () => {
    const s = openStore(pgStoreUrl(), { create: true });
    opened.push(s);
    const survey = minimal();
    registerSurvey(s, survey);
    saveResponses(s, [sampleResponse(survey, 1)]);
    // Enough rows, all of one survey, that sorting them is clearly the worse plan.
    s.db.exec(`INSERT INTO responses (id, survey_hash, survey_id, source, language, started_at, status,
        content_hash, updated_at, answers, paradata)
      SELECT id || lpad(n::text, 6, '0'), survey_hash, survey_id, source, language, started_at, status,
        content_hash, updated_at, answers, paradata FROM responses, generate_series(1, 20000) n`);
    s.db.exec("ANALYZE responses");
    for (const filters of [{}, { status: "complete" as const }]) {
      const { where, params } = whereClause(s, "minimal", filters, "id");
      const plan = s
        .sql(`EXPLAIN SELECT r.id, r.codes FROM responses r ${where} AND r.id > ? ORDER BY r.id LIMIT 2000`)
        .pluck()
        .all(...params, "0") as string[];
      expect(plan.join("\n")).toMatch(/Index Scan using responses_id_key/);
      expect(plan.join("\n")).not.toMatch(/Sort/);
    }
  });
});
