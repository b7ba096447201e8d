// `kuulo audit SURVEY | FILE.json…`: the independent check. Reads the reports as a reader holds
// them (the ledger's published copies, or report.json files) and computes by linear programming
// what every hidden count is confined to. Exit 65 when anything is disclosed or weak.
import { resolve } from "node:path";
import { Command } from "commander";
import type { Report } from "../../analysis/report.js";
import { ExitCode, KuuloError } from "../../errors.js";
import { MAX_JSON_BYTES, readInputText } from "../../input-file.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath } from "../db-option.js";

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

/** What `kuulo audit --help` says after the options. */
const HELP = `
With a survey id, every report recorded in the ledger on that survey's responses is
audited together (kuulo releases list shows them). With report.json files, exactly those.
Only what a reader sees is used. A hidden count is "disclosed" when the reports pin it
to one value of 1 to min-cell − 1, "weak" when they confine a possibly small count to
fewer than min-cell values.

Exit status: 0 nothing found, 65 something disclosed or weak (or bad input), 66 a file
or the database is missing, 74 database problem.

Examples:
  npx kuulo audit welcome-baseline
  npx kuulo audit raportti/report.json seuranta/report.json --json`;

/** Every report recorded in the ledger on one survey's responses (or under the names given). */
async function ledgerSources(what: string[], dbPath: string): Promise<Source[]> {
  const { openStore, listReleases, getRelease } = await import("../../store/index.js");
  const store = openStore(dbPath, { readonly: true });
  try {
    const list = listReleases(store, what);
    const named = listReleases(store).filter(
      (r) => r.surveyId === what[0] && !list.some((l) => l.id === r.id),
    );
    return [...list, ...named].map((r) => ({
      name: `release ${r.id}`,
      report: JSON.parse(getRelease(store, r.id).report) as Report,
    }));
  } finally {
    store.close();
  }
}

export function auditCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("audit")
    .description("check published reports together: can any hidden count be worked out?")
    .argument("<what...>", "a survey id (audits the ledger), or report.json files")
    .option("--json", "print the findings as JSON")
    .addOption(dbOption())
    .addHelpText("after", HELP)
    .action(async (what: string[], opts: { db?: string; json?: boolean }) => {
      let sources: Source[];
      if (what.every((w) => /\.json$/i.test(w))) sources = what.map((w) => readReportFile(w, io.cwd));
      else if (what.length === 1) {
        sources = await ledgerSources(what, resolveDbPath(opts, io));
        if (sources.length === 0) {
          out(io, `No reports on ${what[0]} are recorded: nothing to audit.`);
          return;
        }
      } else
        throw new KuuloError("USAGE_AUDIT", "Give one survey id, or report.json files.", ExitCode.usage, {
          hint: "npx kuulo audit welcome-baseline, or npx kuulo audit a/report.json b/report.json",
        });
      const { loadSolver } = await import("../../privacy/lp.js");
      const { auditFacts } = await import("../../privacy/audit.js");
      const { extractFacts } = await import("../../privacy/facts.js");
      const { auditJson, auditLines } = await import("../../render/audit-findings.js");
      const res = auditFacts(
        await loadSolver(),
        sources.map((s, i) => extractFacts(s.report, i)),
      );
      const names = sources.map((s) => s.name);
      if (opts.json) out(io, auditJson(names, res));
      else for (const line of auditLines(names, res, colorsFor(io))) out(io, line);
      ctx.exitCode = res.findings.length > 0 ? ExitCode.dataError : ExitCode.ok;
    });
}
