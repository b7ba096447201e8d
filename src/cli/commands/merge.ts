// `kuulo merge A.db B.db … --into C.db`: several kiosk laptops' databases into one. Responses are
// matched by id: the same one is skipped, a different one with the same id is kept apart and
// reported. All of it happens in one transaction, so a failure leaves C as it was.
import { existsSync, realpathSync, rmSync } from "node:fs";
import { Command } from "commander";
import { ExitCode, KuuloError } from "../../errors.js";
import { colorsFor, out } from "../../terminal/io.js";
import { progressBar, responsesProgress } from "../../terminal/progress.js";
import type { CommandContext } from "../context.js";
import { isPostgresUrl, resolveDbPath } from "../db-option.js";

export function mergeCommand(ctx: CommandContext): Command {
  const { io } = ctx;
  return new Command("merge")
    .description("merge databases from several laptops into one, without duplicates")
    .argument("<databases...>", "the databases to merge (they are only read)")
    .requiredOption(
      "--into <file|url>",
      "the database to merge into (created if missing), a file or postgres:// URL",
    )
    .option(
      "--schema <name>",
      "PostgreSQL only: the schema of --into (a source URL names its own with ?schema=NAME)",
    )
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
Close Kuulo on the kiosks first and copy each kuulo.db together with its kuulo.db-wal
file, if there is one (it holds the latest answers).

Examples:
  npx kuulo merge kiosk1.db kiosk2.db --into kaikki.db
  npx kuulo merge /media/usb/*.db --into kaikki.db --json
  npx kuulo merge kiosk1.db kiosk2.db --into postgres://staff@db.example.fi/kuulo --schema espoo
  npx kuulo merge "postgres://staff@db.example.fi/kuulo?schema=espoo" --into laptop-copy.db`,
    )
    .action(async (sources: string[], opts: { into: string; json?: boolean; schema?: string }) => {
      const { openStore, mergeStores } = await import("../../store/index.js");
      const intoPath = resolveDbPath({ db: opts.into, schema: opts.schema }, io);
      const paths = sources.map((s) => resolveDbPath({ db: s }, io));
      checkDistinct(paths, intoPath);
      const opened: ReturnType<typeof openStore>[] = [];
      // A target file this merge creates is removed again when the merge fails: no empty file is left.
      const created = !isPostgresUrl(intoPath) && !existsSync(intoPath);
      let ok = false;
      try {
        for (const p of paths) opened.push(openStore(p, { readonly: true }));
        const target = openStore(intoPath, { create: true });
        opened.push(target);
        // A file as it was given; a PostgreSQL URL as the store names it, without its password.
        const pg = isPostgresUrl(intoPath);
        const into = pg ? target.path : opts.into;
        const progress = progressBar(io);
        let summary: ReturnType<typeof mergeStores>;
        try {
          summary = mergeStores(target, opened.slice(0, -1), new Date(), (done, total) =>
            progress.update(responsesProgress(done, total)),
          );
        } finally {
          progress.clear();
        }
        ok = true;
        if (opts.json)
          return out(io, JSON.stringify({ into: pg ? target.path : intoPath, sources: summary }, null, 2));
        const c = colorsFor(io);
        for (const s of summary) {
          out(io, `${s.path}:`);
          out(
            io,
            `  ${s.added} added, ${s.skipped} already there${s.updated ? `, ${s.updated} unfinished brought up to date` : ""}, ${s.conflicts.length} conflicting`,
          );
          if (s.surveysAdded || s.sessionsAdded)
            out(io, `  ${s.surveysAdded} survey version(s) and ${s.sessionsAdded} session(s) added`);
          for (const d of s.sessionsDiffering)
            out(io, `  ${c.yellow("note")} session ${d}: the details in ${into} were kept`);
          for (const k of s.conflicts)
            out(
              io,
              `  ${c.yellow("conflict")} ${k.responseId}: same id, other content (${k.differs.join("; ")}); kept apart, not merged`,
            );
        }
        const total = summary.reduce(
          (a, s) => ({ added: a.added + s.added, conflicts: a.conflicts + s.conflicts.length }),
          { added: 0, conflicts: 0 },
        );
        out(io, `${c.green("✓")} ${total.added} response(s) added to ${into}.`);
        if (total.conflicts > 0)
          out(
            io,
            `  ${total.conflicts} conflicting response(s) were kept apart in ${into}; kuulo doctor counts them. Check with the kiosks which copy is right.`,
          );
      } finally {
        for (const s of opened) s.close();
        if (!ok && created)
          for (const f of [intoPath, `${intoPath}-wal`, `${intoPath}-shm`, `${intoPath}-journal`])
            rmSync(f, { force: true });
      }
    });
}

function checkDistinct(sources: string[], into: string): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const target = real(into);
  const seen = new Set<string>();
  for (const s of sources) {
    const r = real(s);
    if (r === target)
      throw new KuuloError(
        "USAGE_MERGE_INTO_SOURCE",
        `${s} is both a source and the target.`,
        ExitCode.usage,
        {
          hint: "Merge into a new file: --into kaikki.db.",
        },
      );
    if (seen.has(r)) throw new KuuloError("USAGE_MERGE_TWICE", `${s} is given twice.`, ExitCode.usage);
    seen.add(r);
  }
}
