// The HTML report (html-page.ts), with every chart the caller has not drawn drawn here, on this
// thread: for callers without drawn charts. `kuulo report` draws them on worker threads and uses
// html-page.ts, so that this thread never loads chart.js or the canvas.
import type { Report } from "../../analysis/report.js";
import { renderChart } from "../charts/index.js";
import { chartSpecs } from "./chart-specs.js";
import { type HtmlOptions, renderHtmlPage } from "./html-page.js";

export type { HtmlOptions } from "./html-page.js";

/** The HTML report; charts come from `opts.charts` or are drawn (deterministically) here. */
export function renderHtml(report: Report, opts: HtmlOptions): string {
  const pngs = new Map(opts.charts ?? []);
  for (const e of chartSpecs(report, opts.lang))
    if (!pngs.has(e.id)) pngs.set(e.id, renderChart(e.spec, { locale: opts.lang }));
  return renderHtmlPage(report, { ...opts, charts: pngs });
}
