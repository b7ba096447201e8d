// Test data for the store: the small every-type survey and deterministic responses to it, plus
// a temporary database that cleans up after itself.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { loadSurvey } from "../../src/definition/load.js";
import type { Survey } from "../../src/definition/model.js";
import { countResponses, type OpenOptions, openStore, type Store } from "../../src/store/index.js";
import { ROOT, tempDir } from "./cli.js";

export const MINIMAL_PATH = resolve(ROOT, "fixtures/surveys/valid/minimal.yaml");
export const minimal = (): Survey => loadSurvey(MINIMAL_PATH);

/** Where tempStore makes its stores: files, or schemas in the test run's PostgreSQL (pg-global-setup.ts). */
let backend: "sqlite" | "postgres" = "sqlite";

/** The throw-away PostgreSQL database of this test run, when PostgreSQL is installed. */
export const PG_URL = process.env.KUULO_TEST_PG;

export function useBackend(b: "sqlite" | "postgres"): void {
  backend = b;
}

export function currentBackend(): "sqlite" | "postgres" {
  return backend;
}

let schemas = 0;
/** A new, empty schema of the test database each time: a store no other test sees. */
export function pgStoreUrl(base = PG_URL): string {
  if (!base) throw new Error("No PostgreSQL for the tests (KUULO_TEST_PG)");
  const schema = `t${process.pid}_${Date.now().toString(36)}_${++schemas}`;
  return `${base}${base.includes("?") ? "&" : "?"}schema=${schema}`;
}

/**
 * Run a store test file's tests again against PostgreSQL: `useBackend("postgres")`, then import
 * the file. Without PostgreSQL the copy says it was skipped.
 */
export async function againOnPostgres(load: () => Promise<unknown>): Promise<void> {
  const { it } = await import("vitest");
  if (!PG_URL) {
    it.skip("PostgreSQL is not installed: these store tests ran on SQLite only", () => {});
    return;
  }
  useBackend("postgres");
  await load();
}

/** A throwaway database file (or PostgreSQL schema); `cleanup` closes every store opened through `open`. */
export function tempStore(name = "kuulo.db"): {
  dir: string;
  path: string;
  open: (o?: OpenOptions) => Store;
  cleanup: () => void;
} {
  const t = tempDir("kuulo-store-");
  const opened: Store[] = [];
  const path = backend === "postgres" ? pgStoreUrl() : join(t.dir, name);
  return {
    dir: t.dir,
    path,
    open: (o = { create: true }) => {
      const s = openStore(path, o);
      opened.push(s);
      return s;
    },
    cleanup: () => {
      for (const s of opened) s.close();
      t.cleanup();
    },
  };
}

/** How many responses a database file holds (0 when there is no file), read without writing. */
export function storedCount(db: string): number {
  if (!db.startsWith("postgres") && !existsSync(db)) return 0;
  const s = openStore(db, { readonly: true });
  try {
    return countResponses(s, undefined);
  } finally {
    s.close();
  }
}

/** A fresh store for each test of the calling file, handed to `use` (with its file); removed after. */
export function storeForEachTest(use: (store: Store, temp: ReturnType<typeof tempStore>) => void): void {
  let t: ReturnType<typeof tempStore>;
  beforeEach(() => {
    t = tempStore();
    use(t.open(), t);
  });
  afterEach(() => t.cleanup());
}

/** The i-th response: answers of every type, varied by i; ids are stable UUIDs. */
export function sampleResponse(
  survey: Survey,
  i: number,
  over: Partial<SurveyResponse> = {},
): SurveyResponse {
  const freq = ["weekly", "monthly", "never"][i % 3]!;
  const answers: SurveyResponse["answers"] = {
    visit_freq: freq,
    likes: i % 4 === 0 ? null : ["yes", "no", "dk"][i % 3]!,
    enjoy: String((i % 3) + 1),
    grade: String(4 + (i % 7)),
    "image.welcoming": String((i % 3) + 1),
    "image.strict": i % 5 === 0 ? "dk" : "2",
    books: i * 2,
    rank: i % 2 === 0 ? ["easy", "quiet"] : ["help", "easy"],
    dots: i % 2 === 0 ? { quiet: 3, easy: 2 } : { easy: 5 },
  };
  if (freq !== "weekly") answers.barriers = i % 2 === 0 ? ["hours", "other"] : ["none"];
  if (freq !== "weekly" && i % 2 === 0)
    answers["barriers.other"] = i % 4 === 0 ? '=HYPERLINK("x")' : "Too far away";
  if (freq !== "never")
    answers.wishes = i % 3 === 0 ? 'More easy-read books; "quiet" room, please\nand coffee' : "+358 40 123";
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    surveyId: survey.id,
    surveyHash: survey.hash,
    sessionId: i % 2 === 0 ? "s1" : null,
    wave: i % 2 === 0 ? "baseline" : null,
    source: i % 3 === 0 ? "paper" : "interactive",
    language: ["fi", "sv", "en"][i % 3]!,
    plain: i % 5 === 0,
    startedAt: new Date(Date.UTC(2025, 2, 14, 9, i, 0)).toISOString(),
    submittedAt: i % 6 === 5 ? null : new Date(Date.UTC(2025, 2, 14, 9, i, 30)).toISOString(),
    status: i % 6 === 5 ? "partial" : "complete",
    answers,
    ...over,
  };
}
