// One renderer per report format, each loaded by one dynamic import of its own module, so that a
// report asks only for what its formats need: `--format json` never loads the canvas, chart.js,
// pdfkit or exceljs. A new format is a new row here (CONTRIBUTING.md, "How to add a report format").
import type { Report } from "../analysis/report.js";
import type { ChartPool } from "../render/charts/pool.js";
import type { RawData, SectionTitle } from "../render/report/index.js";
import type { Paint } from "../render/report/terminal.js";
import type { ReportFormat } from "./formats.js";

export interface RenderInput {
  report: Report;
  lang: string;
  sections: SectionTitle[];
  /**
   * Chart PNGs by chart id, each as soon as it is drawn (once for every format with `charts:
   * true`; empty otherwise): the PDF is laid out while the later charts are still being drawn.
   */
  charts: ReadonlyMap<string, Promise<Buffer>>;
  /** Chart files written beside the report (charts/ID.png), for the Markdown's image links. */
  chartFiles: Readonly<Record<string, string>>;
  /** Standard output: no byte-order mark, no chart links. */
  toStdout: boolean;
  /** The Excel report's optional sheet of individual responses (--raw). */
  raw?: RawData;
  /** The terminal summary: columns to fit and colours. */
  width?: number;
  paint?: Paint;
}

/** One output file, its path relative to the report folder. */
export interface RenderedFile {
  name: string;
  data: string | Uint8Array;
}

export interface Renderer {
  /**
   * Whether its file holds individual answers (the report's free texts, the Excel file's --raw
   * sheet): such a file is written for its owner only (mode 0600), like an export.
   */
  answers(input: RenderInput, freeTexts: boolean): boolean;
  /** Shown on the screen, never written into the --out folder. */
  screen?: true;
  /** A folder of its own in the --out folder, made even when it stays empty. */
  folder?: string;
  render(input: RenderInput): Promise<RenderedFile[]>;
}

/**
 * A format's row: whether it draws on the report's charts (drawn once and shared, on worker
 * threads started before the analysis), and its renderer, loaded when the format is asked for.
 */
export interface RendererRow {
  charts: boolean;
  load(): Promise<Renderer>;
}

const never = () => false;
/** The charts once every one is drawn. */
const allDrawn = async (charts: ReadonlyMap<string, Promise<Buffer>>) =>
  new Map(await Promise.all([...charts].map(async ([id, png]) => [id, await png] as const)));
const withFreeTexts = (_: RenderInput, freeTexts: boolean) => freeTexts;
const one = (name: string, data: string | Uint8Array): RenderedFile[] => [{ name, data }];

export const RENDERERS: Record<ReportFormat, RendererRow> = {
  terminal: {
    charts: false,
    load: async () => {
      const { renderTerminal } = await import("../render/report/terminal.js");
      return {
        answers: never,
        screen: true,
        render: async (i) =>
          one(
            "terminal",
            renderTerminal(i.report, { lang: i.lang, sections: i.sections, width: i.width, paint: i.paint }),
          ),
      };
    },
  },
  md: {
    charts: false,
    load: async () => {
      const { renderMarkdown } = await import("../render/report/markdown.js");
      return {
        answers: withFreeTexts,
        render: async (i) =>
          one(
            "report.md",
            renderMarkdown(i.report, {
              lang: i.lang,
              sections: i.sections,
              ...(i.toStdout ? {} : { chartFiles: i.chartFiles }),
            }),
          ),
      };
    },
  },
  html: {
    charts: true,
    load: async () => {
      const { renderHtmlPage } = await import("../render/report/html-page.js");
      return {
        answers: withFreeTexts,
        render: async (i) =>
          one(
            "report.html",
            renderHtmlPage(i.report, {
              lang: i.lang,
              sections: i.sections,
              charts: await allDrawn(i.charts),
            }),
          ),
      };
    },
  },
  pdf: {
    charts: true,
    load: async () => {
      const { renderReportPdf } = await import("../render/report/pdf.js");
      return {
        answers: withFreeTexts,
        render: async (i) =>
          one(
            "report.pdf",
            await renderReportPdf(i.report, { lang: i.lang, sections: i.sections, charts: i.charts }),
          ),
      };
    },
  },
  png: {
    charts: true,
    load: async () => ({
      folder: "charts",
      answers: never,
      render: async (i) =>
        [...(await allDrawn(i.charts))].map(([id, png]) => ({ name: `charts/${id}.png`, data: png })),
    }),
  },
  csv: {
    charts: false,
    load: async () => {
      const { renderCsv } = await import("../render/report/csv.js");
      return {
        answers: never,
        render: async (i) =>
          one(
            "report.csv",
            renderCsv(i.report, {
              lang: i.lang,
              sections: i.sections,
              ...(i.toStdout ? { bom: false } : {}),
            }),
          ),
      };
    },
  },
  json: {
    charts: false,
    load: async () => {
      const { renderJson } = await import("../render/report/json.js");
      return {
        answers: withFreeTexts,
        render: async (i) => one("report.json", renderJson(i.report)),
      };
    },
  },
  xlsx: {
    charts: false,
    load: async () => {
      const { renderXlsx } = await import("../render/report/xlsx.js");
      return {
        answers: (i, freeTexts) => freeTexts || i.raw !== undefined,
        render: async (i) =>
          one(
            "report.xlsx",
            await renderXlsx(i.report, {
              lang: i.lang,
              sections: i.sections,
              ...(i.raw ? { raw: i.raw } : {}),
            }),
          ),
      };
    },
  },
};

/** The renderers of these formats, loaded. */
export async function loadRenderers(formats: readonly ReportFormat[]): Promise<Map<ReportFormat, Renderer>> {
  return new Map(await Promise.all(formats.map(async (f) => [f, await RENDERERS[f].load()] as const)));
}

/** Whether any of these formats draws on the charts. */
export function drawsCharts(formats: readonly ReportFormat[]): boolean {
  return formats.some((f) => RENDERERS[f].charts);
}

/**
 * Chart workers for a report whose formats draw charts into an --out folder, else none. Started
 * before the report's own code is loaded, they load chart.js, the canvas and the fonts on the
 * other cores meanwhile; loading the pool loads no chart code.
 */
export async function startReportCharts(
  formats: readonly ReportFormat[],
  out: string | undefined,
): Promise<ChartPool | undefined> {
  if (!out || !drawsCharts(formats)) return undefined;
  return (await import("../render/charts/pool.js")).startChartPool();
}

/**
 * Chart PNGs by id, each a promise kept as soon as the chart is drawn, drawn once when one of the
 * formats needs them (else an empty map): on `pool` when the caller started one early, else on
 * workers started here.
 */
export async function drawCharts(
  report: Report,
  lang: string,
  formats: readonly ReportFormat[],
  pool?: ChartPool,
): Promise<Map<string, Promise<Buffer>>> {
  const charts = new Map<string, Promise<Buffer>>();
  if (!drawsCharts(formats)) return charts;
  const { renderChartsAsTheyCome } = await import("../render/charts/pool.js");
  const { chartSpecs } = await import("../render/report/chart-specs.js");
  const entries = chartSpecs(report, lang);
  // Charts that are written nowhere but into the PDF are compressed the fast way (same pixels).
  const pdfOnly = formats.every((f) => f === "pdf" || !RENDERERS[f].charts);
  const pngs = renderChartsAsTheyCome(
    entries.map((e) => e.spec),
    { locale: lang, ...(pdfOnly ? { compression: "fast" as const } : {}) },
    pool,
  );
  for (const [i, e] of entries.entries()) charts.set(e.id, pngs[i]!);
  return charts;
}
