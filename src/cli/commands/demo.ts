// `kuulo demo [--out DIR]`: shows a new user what Kuulo does, in one go, on the bundled example
// (made-up paper forms from four workshops): a fresh store, the import, the reports.
import { relative, resolve } from "node:path";
import { Command } from "commander";
import { colorsFor, out } from "../../terminal/io.js";
import type { CommandContext } from "../context.js";

interface DemoCliOptions {
  out: string;
  lang: string;
}

export function demoCommand(ctx: CommandContext): Command {
  return new Command("demo")
    .description("the whole job on the bundled example: store, import, reports (PDF, HTML, charts)")
    .option("--out <dir>", "folder for the demo's store and reports", "kuulo-demo")
    .option("--lang <lang>", "report language: fi, sv or en", "fi")
    .addHelpText(
      "after",
      `
The example is made up: 62 paper forms from two spring workshops (baseline survey) and
46 from two autumn workshops (follow-up survey), typed in as Finnish Excel saves them.
The demo creates DIR/kuulo.db afresh, imports both files as "kuulo import" would, and
writes three reports under DIR/report/: the baseline, the follow-up, and the two waves
compared on the questions both surveys ask in the same words.

Running it again clears DIR/kuulo.db and DIR/report/ (only in a folder the demo made).

Examples:
  npx kuulo demo
  npx kuulo demo --out /tmp/kuulo-demo --lang en`,
    )
    .action(async (opts: DemoCliOptions) => {
      const { runDemoIn } = await import("../../demo/run-demo.js");
      const { io } = ctx;
      const c = colorsFor(io);
      const dir = resolve(io.cwd, opts.out);
      const started = Date.now();
      const result = await runDemoIn(dir, opts.lang, (line) => out(io, line));
      const show = (p: string) => {
        const r = relative(io.cwd, p);
        return r === "" ? "." : r.startsWith("..") ? p : r;
      };
      out(io);
      out(io, c.green(`✓ Demo done in ${((Date.now() - started) / 1000).toFixed(1)} s.`));
      out(io, `  Store:   ${show(result.db)} (try: npx kuulo sessions list --db ${show(result.db)})`);
      for (const r of result.reports) {
        const pdf = r.files.find((f) => f.path.endsWith(".pdf"));
        const html = r.files.find((f) => f.path.endsWith(".html"));
        out(
          io,
          `  ${r.name.padEnd(10)} ${r.responses} responses → ${show(pdf?.path ?? html?.path ?? r.dir)}`,
        );
      }
      out(io);
      out(
        io,
        `The comparison sets the waves side by side on the ${result.shared.questions.length} questions both surveys ask in the same words;` +
          " questions only one survey asks are in its own report.",
      );
      out(io, "The people are made up; the numbers are real computations on their answers.");
      out(io, `Open ${show(result.reports[0]?.dir ?? dir)}/report.pdf first.`);
    });
}
