#!/usr/bin/env node
// Counts how far question-type knowledge is spread over src/: files that name each type as a
// string literal, `switch (….type)` blocks and `….type === "…"` comparisons. Re-run after a
// change to see whether type knowledge stays in the per-layer tables.
// Usage: node scripts/count-type-switches.mjs [--json]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("../src/", import.meta.url).pathname;
// The names as the source lists them (QUESTION_TYPES), so that a new type is counted too; older
// trees kept the list in definition/schema.ts.
const listed = ["definition/question-type.ts", "definition/schema.ts"]
  .filter((f) => existsSync(join(root, f)))
  .map((f) => readFileSync(join(root, f), "utf8").match(/QUESTION_TYPES = \[([^\]]*)\]/))
  .find(Boolean);
if (!listed) throw new Error("QUESTION_TYPES not found under src/definition/");
const TYPES = [...listed[1].matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
// "allocation" is the tally's kind for allocate questions; count it with its type.
const ALIASES = { allocate: ["allocate", "allocation"] };

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const names = TYPES.flatMap((t) => ALIASES[t] ?? [t]).join("|");
const typeSwitch = /switch\s*\(\s*(?:q|question)\.type\s*\)/g;
const otherSwitch = /switch\s*\(\s*[\w.]+\.(?:type|kind)\s*\)/g;
const comparison = new RegExp(
  `\\b(?:q|question|\\w+)\\.type\\s*[!=]==?\\s*["'](?:${names})["']|["'](?:${names})["']\\s*[!=]==?\\s*\\w+\\.type\\b`,
  "g",
);

const files = sourceFiles(root).sort();
const perType = Object.fromEntries(TYPES.map((t) => [t, 0]));
let switches = 0;
let derivedSwitches = 0;
let comparisons = 0;
const comparisonFiles = new Set();
for (const file of files) {
  const text = readFileSync(file, "utf8");
  for (const t of TYPES) {
    const spelled = ALIASES[t] ?? [t];
    if (spelled.some((s) => text.includes(`"${s}"`) || text.includes(`'${s}'`))) perType[t]++;
  }
  const own = (text.match(typeSwitch) ?? []).length;
  switches += own;
  derivedSwitches += (text.match(otherSwitch) ?? []).length - own;
  const n = (text.match(comparison) ?? []).length;
  comparisons += n;
  if (n > 0) comparisonFiles.add(relative(root, file));
}

const result = {
  files: files.length,
  filesMentioningType: perType,
  questionTypeSwitches: switches,
  otherTypeOrKindSwitches: derivedSwitches,
  typeComparisons: comparisons,
  filesWithTypeComparisons: comparisonFiles.size,
};
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ ...result, comparisonFiles: [...comparisonFiles] }, null, 2));
} else {
  console.log(`source files: ${result.files}`);
  console.log("files naming a type as a string literal:");
  for (const t of TYPES) console.log(`  ${(ALIASES[t] ?? [t]).join("/").padEnd(20)} ${perType[t]}`);
  console.log(`switch (q.type) blocks: ${switches}`);
  console.log(`other switches on .type/.kind: ${derivedSwitches}`);
  console.log(`.type ===/!== "<type>" comparisons: ${comparisons} in ${comparisonFiles.size} files`);
}
