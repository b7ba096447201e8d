// What `kuulo audit` prints: the findings as JSON, or as lines a person reads (DISCLOSED / WEAK,
// the interval, and the published figures that pin it). Rendering only: returns strings.
import type { AuditResult } from "../privacy/audit.js";
import type { Colors } from "../terminal/io.js";

/** The findings as JSON, reports named instead of numbered. */
export function auditJson(names: readonly string[], res: AuditResult): string {
  return JSON.stringify(
    {
      reports: names,
      checked: res.checked,
      findings: res.findings.map((f) => ({
        ...f,
        report: f.report === null ? null : names[f.report]!,
        because: f.because.map((b) => ({ ...b, report: names[b.report]! })),
      })),
    },
    null,
    2,
  );
}

/** One line (or two, with the arithmetic) per finding, then a line that sums up. */
export function auditLines(names: readonly string[], res: AuditResult, c: Colors): string[] {
  const name = (i: number | null) => (i === null ? "together" : names[i]!);
  const lines: string[] = [];
  for (const f of res.findings) {
    const what =
      f.min === f.max ? `exactly ${f.min}` : `between ${f.min} and ${Number.isFinite(f.max) ? f.max : "…"}`;
    const label = f.kind === "disclosed" ? c.red("DISCLOSED") : c.yellow("WEAK");
    lines.push(`${label}  ${name(f.report)}: ${f.fact} is ${what}`);
    if (f.because.length > 0) {
      const terms = f.because
        .filter((b) => b.value !== null)
        .map(
          (b) =>
            `${b.coef >= 0 ? "+" : "−"}${Math.abs(b.coef) === 1 ? "" : `${Math.abs(b.coef)}×`}${b.value} (${name(b.report)}: ${b.fact})`,
        );
      lines.push(`    from ${terms.join(" ").replace(/^\+/, "")}`);
    }
  }
  const disclosed = res.findings.filter((f) => f.kind === "disclosed").length;
  lines.push(
    `${names.length} report(s) audited together, ${res.checked} hidden counts checked: ${disclosed} disclosed, ${res.findings.length - disclosed} weak.`,
  );
  return lines;
}
