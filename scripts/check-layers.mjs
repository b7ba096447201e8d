// The import graph of src/: no cycles between modules, and no import from a lower layer to a
// higher one. LAYERS below is the one place the layer order is written down (CONTRIBUTING.md
// explains it). Run: node scripts/check-layers.mjs [--json]; exits 1 on any violation.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * Layers from the bottom up; a module may import its own layer and the layers below it.
 * A key is a folder under src/ or a top-level file (without .ts).
 */
export const LAYERS = [
  ["errors", "sha256", "ids", "input-file", "output-file", "canonical-json"],
  ["i18n"],
  ["definition"],
  ["terminal", "analysis"],
  ["privacy", "store"],
  ["import", "session", "render", "fixtures"],
  ["reporting"],
  ["demo"],
  ["cli"],
];

/**
 * Folders whose other modules are private: from outside, import only these files. store/table.ts
 * and store/errors.ts are the parts that need no database, so that using them does not load SQLite;
 * store/files.ts the calls that read survey files, so that the rest does not load the file format.
 */
export const ENTRIES = { store: ["store/index.ts", "store/files.ts", "store/table.ts", "store/errors.ts"] };

const here = dirname(fileURLToPath(import.meta.url));

/** Every .ts file under a folder, as paths relative to it. */
function listTs(dir, base = dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listTs(path, base));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) files.push(relative(base, path));
  }
  return files;
}

/** The relative imports of each file (static, re-exports, type-only and dynamic `import()`). */
export function importGraph(srcDir) {
  const files = listTs(srcDir);
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(srcDir, file), "utf8"), true, true);
    const targets = new Set();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = relative(srcDir, resolve(srcDir, dirname(file), fileName)).replace(/\.js$/, ".ts");
      if (known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan): each is one import cycle. */
export function findCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The folder (or top-level file) a module belongs to. */
function keyOf(file) {
  return file.split("/")[0].replace(/\.ts$/, "");
}

/** The graph between folders: a cycle here is two parts of Kuulo that lean on each other. */
export function folderGraph(graph) {
  const folders = new Map();
  for (const [file, targets] of graph) {
    const from = keyOf(file);
    if (!folders.has(from)) folders.set(from, new Set());
    for (const t of targets) if (keyOf(t) !== from) folders.get(from).add(keyOf(t));
  }
  return new Map([...folders].map(([k, v]) => [k, [...v].sort()]));
}

/** The layer number of a file, from its first path segment (folder, or file name without .ts). */
export function layerOf(file) {
  const key = keyOf(file);
  const at = LAYERS.findIndex((keys) => keys.includes(key));
  return at < 0 ? undefined : at;
}

/** Imports that go up the layer order or past a folder's entry, and files in no layer. */
export function findUpwardImports(graph) {
  const problems = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    if (from === undefined) {
      problems.push(`${file} is in no layer: add its folder to LAYERS in scripts/check-layers.mjs`);
      continue;
    }
    for (const target of targets) {
      const to = layerOf(target);
      if (to !== undefined && to > from)
        problems.push(`${file} imports ${target}, which is in a higher layer`);
      const entries = ENTRIES[keyOf(target)];
      if (entries && keyOf(file) !== keyOf(target) && !entries.includes(target))
        problems.push(`${file} imports ${target}: outside ${keyOf(target)}/ import ${entries.join(" or ")}`);
    }
  }
  return problems;
}

export function checkLayers(srcDir = resolve(here, "../src")) {
  const graph = importGraph(srcDir);
  return {
    files: graph.size,
    cycles: findCycles(graph),
    folderCycles: findCycles(folderGraph(graph)),
    upward: findUpwardImports(graph),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = checkLayers(process.argv.slice(2).find((a) => !a.startsWith("-")));
  if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
  else {
    for (const c of result.cycles) console.log(`cycle of ${c.length} files: ${c.join(" → ")}`);
    for (const c of result.folderCycles) console.log(`folders leaning on each other: ${c.join(" ↔ ")}`);
    for (const p of result.upward) console.log(p);
    console.log(
      `${result.files} modules: ${result.cycles.length} import cycles between modules, ` +
        `${result.folderCycles.length} between folders, ${result.upward.length} imports against the layer order`,
    );
  }
  const problems = result.cycles.length + result.folderCycles.length + result.upward.length;
  process.exitCode = problems === 0 ? 0 : 1;
}
