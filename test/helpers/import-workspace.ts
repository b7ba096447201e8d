// A temporary folder for end-to-end import cases with the built binary: fresh file names, files
// written there, a form stored through `run --answers`, and a store's responses read back through
// `export --format json`. Removed after the calling test file.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { runBin, tempDir } from "./cli.js";

/** The small paper-form survey of fixtures/import/, and the header of a CSV of its forms. */
export const SURVEY = "fixtures/import/forms-survey.yaml";
export const HEADER = "form_no;visit_freq;likes_reading;books;wishes";

export interface Stored {
  sessionId: string | null;
  answers: Record<string, unknown>;
}

/** Runs the built binary and expects success; its stdout and stderr together. */
export function ok(args: string[]): string {
  const r = runBin(args);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

export function importWorkspace(prefix: string) {
  const tmp = tempDir(prefix);
  afterAll(tmp.cleanup);
  let n = 0;

  /** A fresh path in the temporary folder. */
  const path = (name: string): string => join(tmp.dir, `${++n}-${name}`);

  const file = (name: string, content: string | Buffer): string => {
    const p = path(name);
    writeFileSync(p, content);
    return p;
  };

  /** The responses of the survey in a database, read back through `export --format json`. */
  const stored = (db: string): Stored[] => {
    const out = path("export.json");
    ok(["export", "paper_forms", "--db", db, "--format", "json", "--out", out]);
    return (JSON.parse(readFileSync(out, "utf8")) as { responses: Stored[] }).responses;
  };

  /** Stores one form through `kuulo run --answers` (a filled form stored without a terminal). */
  const runAnswers = (db: string, answers: Record<string, unknown>, extra: string[] = []): void => {
    const f = file("form.json", JSON.stringify({ language: "fi", answers }));
    ok(["run", SURVEY, "--db", db, "--answers", f, ...extra]);
  };

  /** The answers given; skipped ones (null) left out: a sheet cannot tell skipped from unanswered. */
  const answersOf = (db: string): Record<string, unknown>[] =>
    stored(db).map((r) => Object.fromEntries(Object.entries(r.answers).filter(([, v]) => v !== null)));

  return { path, file, stored, runAnswers, answersOf };
}
