// `kuulo audit` as one library call: read the reports as a reader holds them (the ledger's
// published copies, or report.json files) and compute by linear programming what every hidden
// count is confined to. The findings are drawn by render/audit-findings.ts (re-exported here).
import { resolve } from "node:path";
import type { Report } from "../analysis/report.js";
import { ExitCode, KuuloError } from "../errors.js";
import { MAX_JSON_BYTES, readInputText } from "../input-file.js";
import { auditFacts } from "../privacy/audit.js";
import { extractFacts } from "../privacy/facts.js";
import { loadSolver } from "../privacy/lp.js";
import { listReleases, openStore, releaseReport } from "../store/index.js";

export { auditJson, auditLines } from "../render/audit-findings.js";

interface Source {
  name: string;
  report: Report;
}

function readReportFile(given: string, cwd: string): Source {
  const path = resolve(cwd, given);
  // A device, a pipe or a huge file is refused before reading, as every input is.
  const text = readInputText(path, {
    maxBytes: MAX_JSON_BYTES,
    code: "AUDIT_FILE_TOO_LARGE",
    what: "a report.json file",
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new KuuloError("AUDIT_NOT_JSON", `${path} is not JSON.`, ExitCode.dataError, {
      hint: "Give the report.json files of the reports (npx kuulo report --format json).",
    });
  }
  const r = data as Partial<Report>;
  if (!r || typeof r !== "object" || r.format !== 1 || !r.questions || !r.counts || !r.options)
    throw new KuuloError("AUDIT_NOT_A_REPORT", `${path} is not a Kuulo report.json.`, ExitCode.dataError, {
      hint: "Give the report.json files that kuulo report writes.",
    });
  return { name: given, report: r as Report };
}

/** Every report recorded in the ledger on one survey's responses (or under the names given). */
function ledgerSources(what: string[], dbPath: string): Source[] {
  const store = openStore(dbPath, { readonly: true });
  try {
    const list = listReleases(store, what);
    const named = listReleases(store).filter(
      (r) => r.surveyId === what[0] && !list.some((l) => l.id === r.id),
    );
    return [...list, ...named].map((r) => ({
      name: `release ${r.id}`,
      report: JSON.parse(releaseReport(store, r.id)) as Report,
    }));
  } finally {
    store.close();
  }
}

/**
 * Audits report files, or the ledger's reports on one survey; null when the ledger records
 * none (nothing to audit).
 */
export async function auditReports(
  what: string[],
  cwd: string,
  dbPath: string,
): Promise<{ names: string[]; result: ReturnType<typeof auditFacts> } | null> {
  let sources: Source[];
  if (what.every((w) => /\.json$/i.test(w))) sources = what.map((w) => readReportFile(w, cwd));
  else if (what.length === 1) {
    sources = ledgerSources(what, dbPath);
    if (sources.length === 0) return null;
  } else
    throw new KuuloError("USAGE_AUDIT", "Give one survey id, or report.json files.", ExitCode.usage, {
      hint: "npx kuulo audit welcome-baseline, or npx kuulo audit a/report.json b/report.json",
    });
  const result = auditFacts(
    await loadSolver(),
    sources.map((s, i) => extractFacts(s.report, i)),
  );
  return { names: sources.map((s) => s.name), result };
}
