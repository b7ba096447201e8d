// The chart.js configuration every chart with one horizontal bar row per category shares (bars,
// ordered bars, paired bars, gaps, diverging): bars along the category axis, no chart.js legend,
// title or tooltip (the frame draws them), the row labels, and the chart's own drawing on top.
import type { ChartDataset, Plugin } from "chart.js";
import { framePlugin } from "./frame.js";
import type { ChartPlan } from "./plan.js";
import { type RowLayout, rowAxis, rowLabelsPlugin } from "./rows.js";

export interface HorizontalBars {
  datasets: ChartDataset<"bar">[];
  /** The value axis: usually valueAxis(…) with its min and max. */
  x: Record<string, unknown>;
  /** Stacked bars (the diverging chart); room between the label column and the plot. */
  stacked?: boolean;
  extraWidth?: number;
  /** Draws the values, marks and slots over the bars. */
  draw: Plugin;
}

/** The canvas size and configuration of a horizontal-bar chart laid out by layoutRows. */
export function planHorizontalBars(layout: RowLayout, rows: number, o: HorizontalBars): ChartPlan {
  const y = rowAxis(layout, rows, o.extraWidth);
  return {
    width: layout.width,
    height: layout.height,
    config: {
      type: "bar",
      data: { labels: Array.from({ length: rows }, (_, i) => String(i)), datasets: o.datasets },
      options: {
        indexAxis: "y",
        layout: { padding: layout.padding },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
        scales: { x: o.x, y: o.stacked ? { ...y, stacked: true } : y },
      },
      plugins: [framePlugin(layout.frame), rowLabelsPlugin(layout), o.draw],
    },
  };
}
