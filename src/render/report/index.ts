// Report renderers: a Report in, a string or bytes out, in one language. Pure: no store, no file
// system, no clock. The command (src/cli/commands/report.ts) decides where the output goes.
export { buildView } from "./build-view.js";
export { chartSpecs } from "./chart-specs.js";
export type { ChartEntry } from "./chart-specs-common.js";
export { type CsvOptions, renderCsv } from "./csv.js";
export { type Finding, keyFindings } from "./findings.js";
export { type HtmlOptions, renderHtml } from "./html.js";
export { renderJson } from "./json.js";
export { type LongRow, longRows } from "./long-rows.js";
export { type MarkdownOptions, renderMarkdown } from "./markdown.js";
export { type ReportRenderOptions, type SectionTitle, sectionTitles } from "./options.js";
export { type Paint, renderTerminal, type TerminalOptions } from "./terminal.js";
export type * from "./view.js";
export { type RawData, renderXlsx, type XlsxOptions } from "./xlsx.js";
