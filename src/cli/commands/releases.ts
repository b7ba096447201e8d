// `kuulo releases list|show|forget`: the publication ledger. Every report that left Kuulo is
// listed with what it covered; an entry never shared can be forgotten (with --yes), since each
// entry makes later reports on the same responses more cautious.
import { Command } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";
import { dbOption, resolveDbPath, schemaOption } from "../db-option.js";
import { formatTable } from "../format-table.js";

function releaseId(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new KuuloError("USAGE_BAD_RELEASE", `"${text}" is not a release number.`, ExitCode.usage, {
      hint: "Release numbers are whole numbers; npx kuulo releases list shows them.",
    });
  return n;
}

function describeOptions(o: Record<string, unknown>): string {
  const parts: string[] = [];
  if (o.by) parts.push(`--by ${String(o.by)}`);
  if (o.compare) parts.push(`--compare ${String(o.compare)}`);
  const f = (o.filters ?? {}) as Record<string, unknown>;
  for (const [k, flag] of [
    ["sessionIds", "--session"],
    ["waves", "--wave"],
    ["sources", "--source"],
  ] as const)
    if (Array.isArray(f[k])) parts.push(`${flag} ${(f[k] as string[]).join(",")}`);
  if (f.since) parts.push(`--since ${String(f.since)}`);
  if (f.until) parts.push(`--until ${String(f.until)}`);
  if (f.includePartial) parts.push("--include-partial");
  return parts.join(" ") || "all responses";
}

/** The library behind every subcommand, loaded only when one runs (not for --help). */
const library = () => import("../../store/index.js");

export function releasesCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  const cmd = new Command("releases")
    .description("the publication ledger: every report that left Kuulo")
    .addHelpText(
      "after",
      `
Every kuulo report run (files or standard output, the terminal summary too) is recorded
here with the responses it covered. A new report is protected together with every earlier
one on the same responses. Forget an entry only if that report was never shared.

Examples:
  npx kuulo releases list
  npx kuulo releases show 3 --json
  npx kuulo releases forget 3 --yes`,
    );
  cmd
    .command("list")
    .description("list the recorded reports, oldest first")
    .option("--survey <id>", "only reports on this survey's responses")
    .option("--json", "print as JSON")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  npx kuulo releases list --survey welcome-baseline")
    .action(async (opts: { db?: string; survey?: string; json?: boolean }) => {
      const { withStore, listReleases } = await library();
      const list = withStore(resolveDbPath(opts, io), { readonly: true }, (store) =>
        listReleases(store, opts.survey ? [opts.survey] : undefined),
      );
      if (opts.json) return out(io, JSON.stringify(list, null, 2));
      if (list.length === 0) return out(io, "No reports recorded yet.");
      out(
        io,
        formatTable(
          ["id", "created", "survey", "responses", "options", "output"],
          list.map((r) => [
            String(r.id),
            r.createdAt.slice(0, 16).replace("T", " "),
            r.surveyId,
            String(r.responses),
            describeOptions(r.options),
            r.outputs.length === 0
              ? "(not written)"
              : r.outputs[0] === "-"
                ? "standard output"
                : `${r.outputs.length} file(s)`,
          ]),
        ),
      );
    });
  cmd
    .command("show")
    .description("show one recorded report: options, files and what it published")
    .argument("<id>", "the release number (see kuulo releases list)")
    .option("--json", "print as JSON (with the published report)")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText("after", "\nExample:\n  npx kuulo releases show 3")
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      const { withStore, getRelease } = await library();
      const r = withStore(resolveDbPath(opts, io), { readonly: true }, (store) =>
        getRelease(store, releaseId(id)),
      );
      const { report, ...rest } = r;
      if (opts.json) return out(io, JSON.stringify({ ...rest, report: JSON.parse(report) }, null, 2));
      const p = (JSON.parse(report) as { privacy?: Record<string, unknown> }).privacy ?? {};
      out(
        io,
        [
          `Release ${r.id}: survey ${r.surveyId} (version ${r.surveyHash.slice(0, 8)})`,
          `  created    ${r.createdAt}`,
          `  responses  ${r.responses} (from ${r.origins.join(", ")})`,
          `  options    ${describeOptions(r.options)}`,
          `  language   ${String(r.options.lang ?? "")}, formats ${((r.options.formats as string[]) ?? []).join(",")}`,
          `  hidden     ${String(p.suppressedCells ?? 0)} numbers, ${String(p.withheldStatistics ?? 0)} statistics`,
          `  output     ${r.outputs.length === 0 ? "(not written)" : r.outputs.map((o) => (o === "-" ? "standard output" : o)).join("\n             ")}`,
        ].join("\n"),
      );
    });
  cmd
    .command("forget")
    .description("remove a report from the ledger (only one that was never shared)")
    .argument("<id>", "the release number")
    .option("--yes", "confirm: this report was never shared with anyone")
    .addOption(dbOption())
    .addOption(schemaOption())
    .addHelpText(
      "after",
      `
Forget a report only if its files were never given to anyone: later reports are no longer
protected against it, so sharing it afterwards could reveal hidden numbers.

Example:
  npx kuulo releases forget 3 --yes`,
    )
    .action(async (id: string, opts: { db?: string; yes?: boolean }) => {
      const n = releaseId(id);
      if (!opts.yes)
        throw new KuuloError(
          "USAGE_CONFIRM",
          `Forgetting release ${n} needs a confirmation: add --yes.`,
          ExitCode.usage,
          {
            hint: "Forget only a report that was never shared: delete its files too.",
          },
        );
      const { withStore, forgetRelease } = await library();
      const r = withStore(resolveDbPath(opts, io), {}, (store) => forgetRelease(store, n));
      out(
        io,
        `${colorsFor(io).green("✓")} Release ${r.id} (${r.surveyId}, ${r.createdAt.slice(0, 10)}) forgotten. Delete its files too: ${r.outputs.filter((o) => o !== "-").join(", ") || "(none were written)"}`,
      );
    });
  return cmd;
}
