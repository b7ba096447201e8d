// Poppler's command-line tools on a PDF held in memory, for the print tests: text in drawing
// order, page texts, embedded fonts and page count. Skips nothing: a missing tool fails the test.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function tool(name: string, args: string[], pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "kuulo-pdf-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync(name, [...args, file, ...(name === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text in the order it was drawn, one string per page, whitespace collapsed. */
export function pageTexts(pdf: Buffer): string[] {
  return tool("pdftotext", ["-raw"], pdf)
    .split("\f")
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, " ").trim());
}

export function pdfText(pdf: Buffer): string {
  return pageTexts(pdf).join(" ");
}

export interface FontRow {
  name: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Buffer): FontRow[] {
  return tool("pdffonts", [], pdf)
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name, type (may be two words), encoding, emb, sub, uni, object ID (two columns)
      return { name: cols[0] ?? "", embedded: cols.at(-5) === "yes" };
    });
}

export function pdfPages(pdf: Buffer): number {
  const m = /Pages:\s+(\d+)/.exec(tool("pdfinfo", [], pdf));
  return m ? Number(m[1]) : 0;
}

/** Where each needle first occurs, searching from where the previous one was found (-1 if not). */
export function positionsInOrder(haystack: string, needles: string[]): { needle: string; at: number }[] {
  let from = 0;
  return needles.map((needle) => {
    const at = haystack.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    return { needle, at };
  });
}

/** The lowest bottom edge of any word on each page, in points from the top, below `above`. */
export function textBottoms(pdf: Buffer, above: (pageHeight: number) => number): number[] {
  const out: number[] = [];
  let height = 0;
  for (const line of tool("pdftotext", ["-bbox"], pdf).split("\n")) {
    const page = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (page) {
      height = Number(page[1]);
      out.push(0);
    }
    const m = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">/.exec(line);
    if (m && out.length) {
      const y = Number(m[1]);
      if (y < above(height)) out[out.length - 1] = Math.max(out.at(-1) ?? 0, y);
    }
  }
  return out;
}
