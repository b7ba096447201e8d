// Writing `kuulo report --out DIR`: renders the chosen formats and writes each file whole (a
// temporary name, then a rename), charts drawn once and shared by HTML, PNG files and the PDF.
// The renderers are pure; this is the only place the report touches the file system.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../analysis/report.js";
import { ExitCode, fileError, KuuloError } from "../errors.js";
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

function writeWhole(path: string, data: string | Uint8Array): WrittenFile {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError(e, path, "write");
  }
  return { path, bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength };
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
  if (formats.includes("png")) {
    makeDir(join(dir, "charts"));
    for (const [id, png] of charts) {
      written.push(writeWhole(join(dir, "charts", `${id}.png`), png));
      chartFiles[id] = `charts/${id}.png`;
    }
  }
  for (const f of formats) {
    const file = (ext: string) => join(dir, `report.${ext}`);
    if (f === "md") written.push(writeWhole(file("md"), R.renderMarkdown(report, { ...base, chartFiles })));
    else if (f === "html") written.push(writeWhole(file("html"), R.renderHtml(report, { ...base, charts })));
    else if (f === "json") written.push(writeWhole(file("json"), R.renderJson(report)));
    else if (f === "csv") written.push(writeWhole(file("csv"), R.renderCsv(report, base)));
    else if (f === "xlsx")
      written.push(
        writeWhole(
          file("xlsx"),
          await R.renderXlsx(report, { ...base, ...(opts.raw ? { raw: opts.raw } : {}) }),
        ),
      );
    else if (f === "pdf" && pdf)
      written.push(writeWhole(file("pdf"), await pdf(report, { ...base, charts })));
  }
  return { written, skipped };
}
