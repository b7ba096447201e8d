// Where a report goes: the terminal summary or one text format on standard output, or the files
// of `kuulo report --out DIR`: every chosen format rendered first (charts drawn once and shared),
// every file name checked against the output rules (src/output-file.ts), then each written whole.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../analysis/report.js";
import { ExitCode, KuuloError } from "../errors.js";
import { checkOutputs, type OutputRules, writeOutputFile } from "../output-file.js";
import type { ChartPool } from "../render/charts/pool.js";
import type { RawData, SectionTitle } from "../render/report/index.js";
import type { Paint } from "../render/report/terminal.js";
import type { ReportFormat } from "./formats.js";
import { drawCharts, loadRenderers, type Renderer, type RenderInput } from "./renderers.js";

export interface WrittenFile {
  path: string;
  bytes: number;
}

export interface ReportFileOptions {
  lang: string;
  sections: SectionTitle[];
  raw?: RawData;
  /** The database the report reads, --force: see src/output-file.ts. */
  rules?: OutputRules;
  /** Chart workers started early (startChartPool); else they are started when the charts are due. */
  chartPool?: ChartPool;
  /** The formats' renderers, when their loading was started early (loadRenderers). */
  renderers?: Promise<Map<ReportFormat, Renderer>>;
}

/** The terminal summary, or one of md, csv and json, as the text to print. */
export async function renderForScreen(
  report: Report,
  format: ReportFormat,
  opts: { lang: string; sections: SectionTitle[]; width?: number; paint?: Paint },
): Promise<string | Uint8Array> {
  const renderer = (await loadRenderers([format])).get(format)!;
  const [file] = await renderer.render({
    report,
    ...opts,
    charts: new Map(),
    chartFiles: {},
    toStdout: true,
  });
  return file!.data;
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new KuuloError(
      "REPORT_CANNOT_WRITE",
      `Cannot create the folder ${dir} (${code ?? "error"})`,
      ExitCode.cantCreate,
      {
        hint: "Choose another --out folder, one you may write to.",
      },
    );
  }
}

/** Whether the report quotes any individual answer (free texts, "other" texts). */
function hasFreeTexts(report: Report): boolean {
  return report.questions.some((q) =>
    q.kind === "text"
      ? (q.answers.texts?.length ?? 0) > 0
      : (q.kind === "choice" || q.kind === "multi") && (q.otherTexts?.texts?.length ?? 0) > 0,
  );
}

/** Renders and writes the formats (all but the terminal summary) into `dir`; returns the files. */
export async function writeReportFiles(
  report: Report,
  formats: readonly ReportFormat[],
  dir: string,
  opts: ReportFileOptions,
): Promise<{ written: WrittenFile[] }> {
  makeDir(dir);
  // The charts are drawn on the workers while this thread loads the renderers.
  const [charts, renderers] = await Promise.all([
    drawCharts(report, opts.lang, formats, opts.chartPool),
    opts.renderers ?? loadRenderers(formats),
  ]);
  const chartFiles: Record<string, string> = formats.includes("png")
    ? Object.fromEntries([...charts.keys()].map((id) => [id, `charts/${id}.png`]))
    : {};
  const input: RenderInput = {
    report,
    lang: opts.lang,
    sections: opts.sections,
    charts,
    chartFiles,
    toStdout: false,
    ...(opts.raw ? { raw: opts.raw } : {}),
  };
  const freeTexts = hasFreeTexts(report);
  // Chart files first, then the formats in the order asked for. All render at once: the PDF is
  // laid out as its charts come from the workers, the others wait for the charts they show.
  const order = [...renderers]
    .filter(([, r]) => !r.screen)
    .sort(([a], [b]) => Number(b === "png") - Number(a === "png"));
  const rendered = await Promise.all(order.map(([, renderer]) => renderer.render(input)));
  const files = order.flatMap(([, renderer], k) => {
    // Files that hold individual answers are for their owner only, like exports.
    const mode = renderer.answers(input, freeTexts) ? { mode: 0o600 } : {};
    return rendered[k]!.map((f) => ({ path: join(dir, f.name), data: f.data, ...mode }));
  });
  // Every name is checked before the first file is written: a refusal leaves the folder as it was.
  checkOutputs(
    files.map((f) => f.path),
    opts.rules,
  );
  for (const [, r] of renderers) if (r.folder) makeDir(join(dir, r.folder));
  const written = files.map((f) =>
    writeOutputFile(f.path, f.data, f.mode ? { ...opts.rules, mode: f.mode } : opts.rules),
  );
  return { written };
}
