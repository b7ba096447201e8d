// The HTML report is one self-contained, accessible file: checked for its structure here, then
// loaded in headless Chromium and audited with axe-core (CI installs Debian's chromium; without it
// this test fails and says so). A screenshot goes to the temp folder for a person to look at.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartSpecs, renderHtml } from "../../src/render/report/index.js";
import { minimalReport, sections } from "../helpers/report-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const report = minimalReport({ compare: "wave" });
const html = renderHtml(report, { lang: "fi", sections: sections() });

describe("HTML structure", () => {
  it("declares its language and has one h1", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fi">')).toBe(true);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it("never skips a heading level", () => {
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1);
    });
  });

  it("inlines every chart as a PNG with alt text, followed by its data table", () => {
    const imgs = [...html.matchAll(/<img src="([^"]*)" alt="([^"]*)"/g)];
    expect(imgs.length).toBe(chartSpecs(report, "fi").length);
    for (const [, src, alt] of imgs) {
      expect(src!.startsWith("data:image/png;base64,iVBORw0KGgo")).toBe(true);
      expect(alt!.length).toBeGreaterThan(20);
    }
    for (const article of html.split("<article").slice(1)) {
      const body = article.slice(0, article.indexOf("</article>"));
      if (body.includes("<img")) expect(body.indexOf("<table")).toBeGreaterThan(body.indexOf("<img"));
    }
  });

  it("gives every table a caption and scoped header cells", () => {
    const tables = html.split("<table>").slice(1);
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables.map((x) => x.slice(0, x.indexOf("</table>")))) {
      expect(t).toMatch(/^\n<caption>[^<]+<\/caption>/);
      expect(t).not.toMatch(/<th(?=[ >])(?! scope="(col|row)")/);
    }
  });

  it("loads nothing from outside the file and has a print stylesheet", () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link|<script|@import|url\(/);
    expect(html).toContain("@media print");
  });
});

describe("HTML accessibility audit in Chromium", () => {
  it("has no axe-core violations", { timeout: 120_000 }, async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: the accessibility audit needs Debian's chromium (apt-get install chromium).`,
      );
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
      // Any request leaving the page would be an external resource.
      const requests: string[] = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("data:") && !r.url().startsWith("about:")) requests.push(r.url());
      });
      await page.setContent(html, { waitUntil: "load" });
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve("axe-core/axe.min.js") });
      const result = await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run: () => Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      });
      const shot = join(tmpdir(), "kuulo-report-html.png");
      await page.screenshot({ path: shot, fullPage: false });
      await page.locator("article").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(tmpdir(), "kuulo-report-html-question.png") });
      expect(result).toEqual([]);
      expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
