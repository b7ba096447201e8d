// The report formats a person can ask for with --format, which are written by default with --out,
// and which can go to standard output. Options only: the renderers are in renderers.ts.
import { ExitCode, KuuloError } from "../errors.js";

export const REPORT_FORMATS = ["terminal", "md", "html", "pdf", "png", "csv", "json", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Written with --out when --format is not given. */
export const DEFAULT_OUT_FORMATS: readonly ReportFormat[] = ["md", "html", "json", "csv", "png", "pdf"];
/** The formats one of which may be printed to standard output instead of written to a folder. */
export const STDOUT_FORMATS: readonly ReportFormat[] = ["md", "csv", "json"];

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

/**
 * The formats of one report command: those asked for, else the default ones with --out, else the
 * terminal summary. Without --out, at most one of md, csv and json may go to standard output.
 */
export function chooseFormats(format: string | undefined, out: string | undefined): ReportFormat[] {
  const formats = format ? parseFormats(format) : out ? [...DEFAULT_OUT_FORMATS] : ["terminal" as const];
  const toStdout = out ? [] : formats.filter((f) => f !== "terminal");
  if (toStdout.length > 1 || toStdout.some((f) => !STDOUT_FORMATS.includes(f)))
    throw new KuuloError(
      "USAGE_REPORT_NEEDS_OUT",
      `--format ${toStdout.join(",")} needs a folder to write into.`,
      ExitCode.usage,
      {
        hint: "Add --out DIR, or print one of md, csv or json without --out.",
      },
    );
  return formats;
}
