// Proof that every layer's table of question types is exhaustive: compile src/ with a toy type
// added to QUESTION_TYPES (in memory, the files on disk untouched) and check that the compiler
// stops in each layer's table, and nowhere when nothing is added.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const typeNames = join(root, "src/definition/question-type.ts");

/** Where each layer keeps its table; a new type must get a row in every one. */
const LAYER_TABLES: Record<string, string> = {
  definition: "src/definition/types/index.ts",
  "synthetic responses": "src/fixtures/synthetic.ts",
  import: "src/import/question-types.ts",
  session: "src/session/question-types.ts",
  analysis: "src/analysis/question-types.ts",
  render: "src/render/question-types.ts",
};

let previous: ts.Program | undefined;
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Files with type errors when src/ is compiled with `patch` applied to question-type.ts. */
function filesWithErrors(patch: (text: string) => string): Set<string> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.build.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.build.json could not be read");
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) => {
    if (resolve(file) === typeNames)
      return ts.createSourceFile(file, patch(readFileSync(typeNames, "utf8")), language);
    // The same object for an unchanged file lets the next program reuse it (lib and node types).
    if (!parsed.has(file)) parsed.set(file, getSourceFile(file, language, onError));
    return parsed.get(file);
  };
  const options = { ...config.options, noEmit: true };
  const program = ts.createProgram({ rootNames: config.fileNames, options, host, oldProgram: previous });
  previous = program;
  const files = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program)) if (d.file) files.add(relative(root, d.file.fileName));
  return files;
}

describe("question-type tables", () => {
  it("the patch below really adds a type", () => {
    expect(readFileSync(typeNames, "utf8")).toContain('  "info",\n] as const;');
  });

  it("a new question type fails the build in every layer's table until it has a row there", () => {
    const failing = filesWithErrors((text) =>
      text.replace('  "info",\n] as const;', '  "info",\n  "toy",\n] as const;'),
    );
    const missing = Object.entries(LAYER_TABLES)
      .filter(([, file]) => !failing.has(file))
      .map(([layer, file]) => `${layer} (${file})`);
    expect(missing).toEqual([]);
  }, 120_000);

  it("the same sources compile without the toy type", () => {
    expect([...filesWithErrors((text) => text)]).toEqual([]);
  }, 120_000);
});
