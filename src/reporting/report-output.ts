// Writing `kuulo report --out DIR`: renders every chosen format first, checks every file name
// against the output rules (src/output-file.ts), then writes each whole. Charts are drawn once and
// shared by HTML, PNG files and the PDF. This is the only place the report touches the file system.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../analysis/report.js";
import { ExitCode, KuuloError } from "../errors.js";
import { checkOutputs, type OutputRules, writeOutputFile } from "../output-file.js";
import type { RawData, SectionTitle } from "../render/report/index.js";

export const REPORT_FORMATS = ["terminal", "md", "html", "pdf", "png", "csv", "json", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Written with --out when --format is not given (pdf when its renderer is installed). */
export const DEFAULT_OUT_FORMATS: ReportFormat[] = ["md", "html", "json", "csv", "png", "pdf"];

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
}

/** The PDF renderer, when src/render/report/pdf.ts exists in this build. */
type PdfRenderer = (
  report: Report,
  opts: { lang: string; sections: SectionTitle[]; charts: ReadonlyMap<string, Buffer> },
) => Buffer | Promise<Buffer>;

async function loadPdfRenderer(): Promise<PdfRenderer | null> {
  // A variable specifier: the module is optional, and the type checker must not require it.
  const specifier = "../render/report/pdf.js";
  try {
    const mod = (await import(specifier)) as { renderPdf?: PdfRenderer; renderReportPdf?: PdfRenderer };
    return mod.renderPdf ?? mod.renderReportPdf ?? null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return null;
    throw e;
  }
}

export function parseFormats(list: string): ReportFormat[] {
  const asked = list
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => (s === "markdown" ? "md" : s));
  const bad = asked.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || asked.length === 0)
    throw new KuuloError(
      "USAGE_BAD_FORMAT",
      `Unknown report format: ${bad.join(", ") || "(none)"}`,
      ExitCode.usage,
      {
        hint: `Choose from ${REPORT_FORMATS.join(", ")}, separated by commas (e.g. --format md,html,pdf).`,
      },
    );
  return [...new Set(asked as ReportFormat[])];
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

/** Renders and writes the formats into `dir`; returns the files written and the formats skipped. */
export async function writeReportFiles(
  report: Report,
  formats: readonly ReportFormat[],
  dir: string,
  opts: ReportFileOptions,
): Promise<{ written: WrittenFile[]; skipped: { format: ReportFormat; reason: string }[] }> {
  const R = await import("../render/report/index.js");
  const written: WrittenFile[] = [];
  const skipped: { format: ReportFormat; reason: string }[] = [];
  makeDir(dir);
  const base = { lang: opts.lang, sections: opts.sections };
  const pdf = formats.includes("pdf") ? await loadPdfRenderer() : null;
  if (formats.includes("pdf") && !pdf)
    skipped.push({ format: "pdf", reason: "the PDF report is not part of this version of Kuulo" });

  const charts = new Map<string, Buffer>();
  if (formats.includes("html") || formats.includes("png") || pdf) {
    const { renderCharts } = await import("../render/charts/index.js");
    const entries = R.chartSpecs(report, opts.lang);
    const pngs = await renderCharts(
      entries.map((e) => e.spec),
      { locale: opts.lang },
    );
    for (const [i, e] of entries.entries()) charts.set(e.id, pngs[i]!);
  }
  const chartFiles: Record<string, string> = {};
  const files: { path: string; data: string | Uint8Array; mode?: number }[] = [];
  // Files that hold individual answers (free texts, the raw data sheet) are for their owner only,
  // like exports; tables of counts and charts are not.
  const freeTexts = report.questions.some((q) =>
    q.kind === "text"
      ? (q.answers.texts?.length ?? 0) > 0
      : (q.kind === "choice" || q.kind === "multi") && (q.otherTexts?.texts?.length ?? 0) > 0,
  );
  const own = (ext: string): { mode?: number } =>
    (freeTexts && ["md", "html", "json", "pdf", "xlsx"].includes(ext)) || (ext === "xlsx" && opts.raw)
      ? { mode: 0o600 }
      : {};
  if (formats.includes("png")) {
    for (const [id, png] of charts) {
      files.push({ path: join(dir, "charts", `${id}.png`), data: png });
      chartFiles[id] = `charts/${id}.png`;
    }
  }
  for (const f of formats) {
    const file = (ext: string) => join(dir, `report.${ext}`);
    if (f === "md")
      files.push({ path: file("md"), data: R.renderMarkdown(report, { ...base, chartFiles }), ...own("md") });
    else if (f === "html")
      files.push({ path: file("html"), data: R.renderHtml(report, { ...base, charts }), ...own("html") });
    else if (f === "json") files.push({ path: file("json"), data: R.renderJson(report), ...own("json") });
    else if (f === "csv") files.push({ path: file("csv"), data: R.renderCsv(report, base) });
    else if (f === "xlsx")
      files.push({
        path: file("xlsx"),
        data: await R.renderXlsx(report, { ...base, ...(opts.raw ? { raw: opts.raw } : {}) }),
        ...own("xlsx"),
      });
    else if (f === "pdf" && pdf)
      files.push({ path: file("pdf"), data: await pdf(report, { ...base, charts }), ...own("pdf") });
  }
  // Every name is checked before the first file is written: a refusal leaves the folder as it was.
  checkOutputs(
    files.map((f) => f.path),
    opts.rules,
  );
  if (formats.includes("png")) makeDir(join(dir, "charts"));
  for (const f of files)
    written.push(writeOutputFile(f.path, f.data, f.mode ? { ...opts.rules, mode: f.mode } : opts.rules));
  return { written, skipped };
}
