// The import graph of src/ has no cycles and follows the layer order in scripts/check-layers.mjs;
// the check itself is shown to catch a cycle, an upward import and a reach past store/index.ts.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

interface LayerCheck {
  files: number;
  cycles: string[][];
  folderCycles: string[][];
  upward: string[];
}

function checkLayers(src?: string): { code: number | null; result: LayerCheck } {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "scripts/check-layers.mjs"), "--json", ...(src ? [src] : [])],
    {
      encoding: "utf8",
    },
  );
  return { code: r.status, result: JSON.parse(r.stdout) as LayerCheck };
}

const temp = mkdtempSync(join(tmpdir(), "kuulo-layers-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(temp, "src-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("layers", () => {
  it("src/ has no import cycle and no import against the layer order", () => {
    const { code, result } = checkLayers();
    expect(result.files).toBeGreaterThan(200);
    expect(result.cycles).toEqual([]);
    expect(result.folderCycles).toEqual([]);
    expect(result.upward).toEqual([]);
    expect(code).toBe(0);
  });

  it("the check finds a cycle, an upward import and a reach past the store's entry", () => {
    const src = tree({
      "cli/main.ts": 'import { out } from "../terminal/io.js";\nexport const main = out;\n',
      "terminal/io.ts": 'import type { main } from "../cli/main.js";\nexport const out = 1;\n',
      "session/sink.ts":
        'import { saveAnswer } from "../store/responses.js";\nexport const s = saveAnswer;\n',
      "store/responses.ts": "export const saveAnswer = 1;\n",
      "stray/thing.ts": 'export const x = await import("../cli/main.js");\n',
    });
    const { code, result } = checkLayers(src);
    expect(code).toBe(1);
    expect(result.cycles).toEqual([["cli/main.ts", "terminal/io.ts"]]);
    expect(result.folderCycles).toEqual([["cli", "terminal"]]);
    expect(result.upward).toEqual([
      "session/sink.ts imports store/responses.ts: outside store/ import store/index.ts or store/files.ts or store/table.ts or store/errors.ts",
      "stray/thing.ts is in no layer: add its folder to LAYERS in scripts/check-layers.mjs",
      "terminal/io.ts imports cli/main.ts, which is in a higher layer",
    ]);
  });
});
