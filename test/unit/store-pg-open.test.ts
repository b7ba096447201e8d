// Opening a PostgreSQL store: schemas per organisation, migrations recorded once, a failed write
// rolled back whole, and failures that never show the password. (Refusals of what is not Kuulo's
// or is a newer Kuulo's, and read-only opens: store-open.test.ts on both backends.) Needs the
// test run's PostgreSQL (pg-global-setup.ts).
import { afterEach, describe, expect, it } from "vitest";
import {
  countResponses,
  listSurveys,
  openStore,
  registerSurvey,
  SCHEMA_VERSION,
  type Store,
  saveResponses,
} from "../../src/store/index.js";
import { TEST_PASSWORD } from "../helpers/pg-cluster.js";
import { refusal } from "../helpers/store-backend.js";
import { minimal, PG_URL, pgStoreUrl, sampleResponse } from "../helpers/store-data.js";

const opened: Store[] = [];
const open = (url: string, o = {}) => {
  const s = openStore(url, o);
  opened.push(s);
  return s;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const survey = minimal();

describe.skipIf(!PG_URL)("a PostgreSQL store", () => {
  it("is created in its own schema, with every migration recorded once", () => {
    const url = pgStoreUrl();
    const s = open(url, { create: true });
    expect(s.backend).toBe("postgres");
    expect(s.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const versions = s.sql("SELECT version FROM kuulo_schema ORDER BY version").pluck().all();
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    const schema = s.sql("SELECT current_schema()").pluck().get();
    expect(url).toContain(`schema=${schema}`);
  });

  it("keeps organisations apart: a schema sees only its own answers", () => {
    const a = open(pgStoreUrl(), { create: true });
    const b = open(pgStoreUrl(), { create: true });
    registerSurvey(a, survey);
    saveResponses(a, [sampleResponse(survey, 1), sampleResponse(survey, 2)]);
    expect(countResponses(a, undefined)).toBe(2);
    expect(countResponses(b, undefined)).toBe(0);
    expect(listSurveys(b)).toEqual([]);
  });

  it("rolls back a failed write transaction as a whole", () => {
    const s = open(pgStoreUrl(), { create: true });
    registerSurvey(s, survey);
    const bad = { ...sampleResponse(survey, 2), answers: { no_such_question: 1 } };
    expect(() => saveResponses(s, [sampleResponse(survey, 1), bad])).toThrow(/does not ask/);
    expect(countResponses(s, undefined)).toBe(0);
  });

  it("with a reply limit (a kiosk), gives up a call the server does not answer in time, and has the server end abandoned transactions", () => {
    const s = open(pgStoreUrl(), { create: true, replyLimit: 2000 });
    expect(s.sql("SHOW idle_in_transaction_session_timeout").pluck().get()).toBe("1min");
    const started = Date.now();
    expect(refusal(() => s.sql("SELECT pg_sleep(6)").get())).toMatchObject({
      code: "STORE_UNAVAILABLE",
      exitCode: 74,
      message: expect.stringMatching(/did not answer within 2 s\.$/),
    });
    expect(Date.now() - started).toBeLessThan(5000);
    // The connection is given up: a late reply must never answer the next call.
    expect(refusal(() => s.sql("SELECT 1").get())).toMatchObject({ code: "STORE_UNAVAILABLE" });
    // Without a limit, the same call waits for its reply; nothing ends the server's transactions.
    const t = open(pgStoreUrl(), { create: true });
    expect(t.sql("SELECT 1 FROM pg_sleep(2.5)").pluck().get()).toBe(1);
    expect(t.sql("SHOW idle_in_transaction_session_timeout").pluck().get()).toBe("0");
  });
});

describe.skipIf(!process.env.KUULO_TEST_PG_TCP)("PostgreSQL connection failures", () => {
  const tcp = process.env.KUULO_TEST_PG_TCP ?? "";

  it("a wrong password: a clear error (exit 74) that never shows the password", () => {
    const wrong = tcp.replace(TEST_PASSWORD, "Väärä-salasana-123");
    const e = refusal(() => open(wrong, { create: true }));
    expect(e.code).toBe("STORE_AUTH");
    expect(e.exitCode).toBe(74);
    const shown = [e.message, e.hint, String((e.cause as Error | undefined)?.message)].join("\n");
    expect(shown).not.toContain("Väärä-salasana-123");
    expect(shown).toContain("kuulo_pw:***@127.0.0.1");
  });

  it("the right password works, and is not in the store's name either", () => {
    const s = open(`${tcp}?schema=pw_${process.pid}`, { create: true });
    expect(s.path).not.toContain(TEST_PASSWORD);
    expect(s.path).toContain("kuulo_pw:***@");
  });

  it("a host that does not answer: STORE_UNAVAILABLE with a retry hint, no password", () => {
    const port = Number(new URL(tcp).port) + 1;
    const nobody = tcp.replace(/@127\.0\.0\.1:\d+/, `@127.0.0.1:${port}`);
    const e = refusal(() => open(nobody, { create: true }));
    expect(e.code).toBe("STORE_UNAVAILABLE");
    expect(e.exitCode).toBe(74);
    expect(e.hint).toMatch(/Try again/);
    expect([e.message, e.hint].join("\n")).not.toContain(TEST_PASSWORD);
  });
});
