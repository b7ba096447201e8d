// `kuulo import` as one library call: load the survey, check the rejects file and the session
// before a row is read, open the store (or nothing, for a dry run without a database), import,
// and say what came of it. Prints nothing; the command shows the outcome (summary.ts, outcomeJson).
import { existsSync } from "node:fs";
import type { ResponseSource } from "../definition/answers.js";
import { loadSurvey } from "../definition/load.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { newResponseId } from "../ids.js";
import { checkOutput } from "../output-file.js";
import { storeLabel } from "../store/errors.js";
import { parseDelimiterOption } from "./delimiter.js";
import { parseEncodingName } from "./encoding.js";
import { importFile } from "./import-file.js";
import { defaultRejectsPath } from "./rejects.js";
import type { ImportSummary } from "./run-import.js";
import { sessionTypo } from "./session-name.js";
import { failureOf } from "./summary.js";
import { type ImportTarget, MemoryTarget, type PreviousImport } from "./target.js";

/** The summary's lines for the terminal, for the command to print. */
export { summaryLines } from "./summary.js";

export interface ImportRequest {
  surveyPath: string;
  file: string;
  dbPath: string;
  session?: string;
  /** Create --session even though its id looks like a slip for an existing one. */
  newSession: boolean;
  wave?: string;
  source?: ResponseSource;
  dryRun: boolean;
  skipInvalid: boolean;
  rejectsPath?: string;
  /** Replace an existing rejects file. */
  force: boolean;
  /** --encoding and --delimiter as typed (default: detected). */
  encoding?: string;
  delimiter?: string;
  ignoreColumns: string[];
  maxDiagnostics: number;
  onProgress?: (p: { bytes: number; rows: number; total: number }) => void;
}

export type ImportOutcome =
  | { kind: "imported-before"; file: string; previous: PreviousImport }
  | {
      kind: "done";
      file: string;
      survey: Survey;
      summary: ImportSummary;
      outcome: "failed" | "nothing-new" | "dry-run" | "imported";
      /** Why nothing was stored; the command shows the summary, then fails with it. */
      failure?: KuuloError;
      /** The --session was not in the store and has been created. */
      newSession: boolean;
    };

export async function importForms(req: ImportRequest): Promise<ImportOutcome> {
  const survey = loadSurvey(req.surveyPath);
  const encoding = req.encoding ? parseEncodingName(req.encoding) : undefined;
  const delimiter = req.delimiter ? parseDelimiterOption(req.delimiter) : undefined;
  const rejectsPath = req.rejectsPath ?? (req.skipInvalid ? defaultRejectsPath(req.file) : undefined);
  // Before anything is imported: a refused rejects file must not leave a half-done import.
  if (rejectsPath)
    checkOutput(rejectsPath, { reads: [req.dbPath, req.file, req.surveyPath], force: req.force });
  const newSession = req.session ? await checkSession(req.session, req.dbPath, req.newSession) : false;
  const target = await targetOpener(req, survey);
  let result: Awaited<ReturnType<typeof importFile>>;
  try {
    result = await importFile({
      survey,
      file: req.file,
      openTarget: target.open,
      ...(encoding ? { encoding } : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(req.skipInvalid ? { skipInvalid: true } : {}),
      ...(rejectsPath ? { rejectsPath } : {}),
      ...(req.dryRun ? { dryRun: true } : {}),
      ...(req.ignoreColumns.length > 0 ? { ignoreColumns: req.ignoreColumns } : {}),
      ...(req.session ? { sessionId: req.session } : {}),
      ...(req.wave ? { wave: req.wave } : {}),
      ...(req.source ? { source: req.source } : {}),
      maxDiagnostics: req.maxDiagnostics,
      now: () => new Date(),
      newId: newResponseId,
      ...(req.onProgress ? { onProgress: req.onProgress } : {}),
    });
  } catch (e) {
    throw withCode(e);
  } finally {
    target.close();
  }
  if (result.kind === "imported-before")
    return { kind: "imported-before", file: req.file, previous: result.previous };
  const s = result.summary;
  const failure = failureOf(s, { skipInvalid: req.skipInvalid, dryRun: req.dryRun });
  return {
    kind: "done",
    file: req.file,
    survey,
    summary: s,
    outcome: failure ? "failed" : s.imported === 0 ? "nothing-new" : req.dryRun ? "dry-run" : "imported",
    ...(failure ? { failure: withCode(failure) as KuuloError } : {}),
    newSession,
  };
}

/** The outcome as the JSON that `kuulo import --json` prints. */
export function outcomeJson(o: ImportOutcome): Record<string, unknown> {
  if (o.kind === "imported-before") return { file: o.file, outcome: "imported-before", previous: o.previous };
  const s = o.summary;
  return {
    file: o.file,
    outcome: o.outcome,
    format: s.info.format,
    encoding: s.info.encoding?.encoding ?? null,
    delimiter: s.info.delimiter ?? null,
    rowsRead: s.rowsRead,
    imported: s.imported,
    rejected: s.rejected,
    duplicates: s.duplicates,
    blankRows: s.blankRows,
    rejectsFile: s.rejectsFile ?? null,
    errors: s.log.errors,
    warnings: s.log.warnings,
    errorCount: s.log.errorCount,
    warningCount: s.log.warningCount,
  };
}

/** The store to import into, opened when the file is known to be readable, and closing it. */
async function targetOpener(
  req: ImportRequest,
  survey: Survey,
): Promise<{ open: () => ImportTarget; close: () => void }> {
  // A dry run against a database that does not exist yet must not create one; SQLite is loaded
  // only when there is a database to use.
  if (req.dryRun && !storeMayExist(req.dbPath))
    return { open: () => new MemoryTarget({ keepRows: false }), close: () => {} };
  const { openStoreTarget } = await import("./store-target.js");
  let opened: { close(): void } | undefined;
  return {
    open: () => {
      const t = openStoreTarget(req.dbPath, survey, req.dryRun ? { readonly: true } : {});
      opened = t;
      return t;
    },
    close: () => opened?.close(),
  };
}

/** A database file that exists, or a PostgreSQL database (which only the server can tell about). */
function storeMayExist(dbPath: string): boolean {
  return /^postgres(ql)?:\/\//i.test(dbPath) || existsSync(dbPath);
}

/**
 * Whether --session names a session the store does not have yet (it is then created with a
 * notice). One that looks like a slip for an existing session is refused, as `kuulo run` refuses
 * any unknown one, unless --new-session says it is meant.
 */
async function checkSession(id: string, dbPath: string, allowNew: boolean): Promise<boolean> {
  if (!storeMayExist(dbPath)) return true;
  const { openStore, listSessions } = await import("../store/index.js");
  let store: ReturnType<typeof openStore>;
  try {
    store = openStore(dbPath, { readonly: true });
  } catch (e) {
    // A PostgreSQL database (or schema) without Kuulo's tables yet: the session is new.
    if (e instanceof KuuloError && e.code === "STORE_NOT_FOUND") return true;
    throw e;
  }
  let ids: string[];
  try {
    ids = listSessions(store).map((x) => x.id);
  } finally {
    store.close();
  }
  if (ids.includes(id)) return false;
  const meant = allowNew ? undefined : sessionTypo(id, ids);
  if (meant)
    throw new KuuloError(
      "STORE_UNKNOWN_SESSION",
      `There is no session "${id}" in ${storeLabel(dbPath)}. Did you mean "${meant}"?`,
      ExitCode.noInput,
      {
        hint: `Use --session ${meant}. If "${id}" really is another workshop, add --new-session (or create it first: kuulo sessions create ${id}). Nothing was imported.`,
      },
    );
  return true;
}

/** Data-file errors carry their stable code in the message, as the row diagnostics do. */
function withCode(e: unknown): unknown {
  if (!(e instanceof KuuloError) || !/^(CSV|XLSX|JSON)_/.test(e.code) || e.message.endsWith("]")) return e;
  return new KuuloError(e.code, `${e.message} [${e.code}]`, e.exitCode, e.options);
}
