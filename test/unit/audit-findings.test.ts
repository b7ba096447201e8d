// What `kuulo audit` prints for its findings: a line per finding with the published figures
// that pin it, a closing sum, and the same findings as JSON with the reports named.
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/privacy/audit.js";
import { auditJson, auditLines } from "../../src/render/audit-findings.js";

const names = ["a/report.json", "b/report.json"];
const res: AuditResult = {
  checked: 12,
  atoms: 3,
  findings: [
    {
      kind: "disclosed",
      report: 1,
      fact: "visit_freq=weekly",
      slot: "visit_freq",
      min: 2,
      max: 2,
      because: [
        { report: 0, fact: "n", value: 14, coef: 1 },
        { report: 1, fact: "visit_freq=daily", value: 12, coef: -1 },
        { report: 1, fact: "visit_freq=never", value: null, coef: -2 },
      ],
    },
    { kind: "weak", report: null, fact: "one respondent", slot: "@size", min: 1, max: Infinity, because: [] },
  ],
};

describe("audit findings", () => {
  it("prints a line per finding, the arithmetic under it, and a sum", () => {
    expect(auditLines(names, res, pc.createColors(false))).toEqual([
      "DISCLOSED  b/report.json: visit_freq=weekly is exactly 2",
      "    from 14 (a/report.json: n) −12 (b/report.json: visit_freq=daily)",
      "WEAK  together: one respondent is between 1 and …",
      "2 report(s) audited together, 12 hidden counts checked: 1 disclosed, 1 weak.",
    ]);
  });

  it("names the reports in the JSON", () => {
    const json = JSON.parse(auditJson(names, res));
    expect(json.reports).toEqual(names);
    expect(json.checked).toBe(12);
    expect(json.findings[0].report).toBe("b/report.json");
    expect(json.findings[0].because.map((b: { report: string }) => b.report)).toEqual([
      "a/report.json",
      "b/report.json",
      "b/report.json",
    ]);
    expect(json.findings[1].report).toBeNull();
  });
});
