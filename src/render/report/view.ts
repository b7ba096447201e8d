// The report as the text renderers lay it out: sections of blocks, each block a question (or an
// analysis such as IPA) with its tables already worded and formatted in the report's language.
// Built once from a Report (build-view.ts) so that terminal, Markdown, HTML and XLSX agree.

/** What a cell holds, so that XLSX can keep numbers as numbers and the terminal can draw bars. */
export type CellKind = "label" | "count" | "share" | "number" | "diff" | "text";

/** Why a cell shows no number: a count below minCell, a statistic withheld, a group too small. */
export type Hidden = "suppressed" | "withheld" | "too-few";

export interface Cell {
  /** As printed, in the report's language ("12,5 %", "< 5", "–"). */
  text: string;
  /** The number behind it at full precision (a share as 0…1); null for labels and hidden values. */
  value: number | null;
  kind: CellKind;
  hidden?: Hidden;
  /** Decimals the text shows, so that a spreadsheet can format the number the same way. */
  decimals?: number;
}

export interface Row {
  cells: Cell[];
  /** "Don't know" and totals: shown apart from the answers proper. */
  muted?: boolean;
}

export interface Column {
  title: string;
  kind: CellKind;
}

export interface Table {
  /** Names the table for screen readers and the spreadsheet ("Answers to …"). */
  caption: string;
  /** The first column holds the row headers. */
  columns: Column[];
  rows: Row[];
  /** A column of shares (0…1) that the terminal may draw as bars. */
  barColumn?: number;
}

export interface Block {
  /** Question id, or the analysis it shows ("ipa", "gaps", "indices", "compare.visit_freq"). */
  id: string;
  /** The question as asked, or the analysis's title. */
  title: string;
  /** "n = 56 · several answers allowed" and the like. */
  meta: string;
  tables: Table[];
  /** Id of the chart that goes with it (chart-specs.ts), when there is one. */
  chartId?: string;
  /** Footnotes: what "< 5" and "–" mean here, what was masked, how shares are counted. */
  notes: string[];
}

export interface SectionView {
  id: string;
  title: string;
  blocks: Block[];
}

/** Free texts of one question, for the appendix; masked already by analysis. */
export interface TextGroup {
  id: string;
  title: string;
  /** Null when too few people wrote one (the texts are hidden too). */
  texts: string[] | null;
  note: string;
}

export interface ReportView {
  lang: string;
  title: string;
  /** Period and number of responses, one line. */
  subtitle: string;
  /** Key numbers: responses by status, source, session, wave. */
  overview: Table;
  /** The privacy rules that shaped this report, as sentences. */
  privacy: string[];
  /** Short sentences on the most wanted, the least agreed with, the change since baseline. */
  findings: string[];
  sections: SectionView[];
  /** Cross-tabulation, comparison, indices, IPA and gaps, as further sections. */
  analyses: SectionView[];
  appendix: TextGroup[];
  /** The legend of the marks used anywhere in the report. */
  legend: string[];
  /** Headings and words of the report's frame, in its language. */
  words: ViewWords;
}

export interface ViewWords {
  overview: string;
  privacy: string;
  findings: string;
  contents: string;
  appendix: string;
  legend: string;
  notes: string;
  /** Alt text prefix for a chart image, with "{title}". */
  generated: string;
  /** "{n} more columns …" for the terminal, with "{n}". */
  moreColumns: string;
}
