// The library entry of `kuulo import`: which reader, the file's hash, "imported before?", then
// the pipeline. Knows nothing of terminals; the command prints what this returns.
import type { Survey } from "../definition/model.js";
import { hashFile } from "./hash-file.js";
import { sniffFormat } from "./open-source.js";
import { type ImportOptions, type ImportSummary, runImport } from "./run-import.js";
import type { ImportTarget, PreviousImport } from "./target.js";

export type ImportFileOptions = Omit<
  ImportOptions,
  "format" | "fileHash" | "target" | "survey" | "file" | "onProgress"
> & {
  survey: Survey;
  file: string;
  /** Opened only after the file is known to exist and be readable. */
  openTarget: () => ImportTarget;
  onProgress?: (p: { bytes: number; rows: number; total: number }) => void;
};

export type ImportFileResult =
  | { kind: "done"; summary: ImportSummary; fileHash: string; size: number }
  | { kind: "imported-before"; previous: PreviousImport; fileHash: string; size: number };

export async function importFile(o: ImportFileOptions): Promise<ImportFileResult> {
  const format = sniffFormat(o.file);
  const { hash, size } = await hashFile(o.file);
  const target = o.openTarget();
  const previous = target.previousImport(hash);
  if (previous && !o.dryRun) return { kind: "imported-before", previous, fileHash: hash, size };
  const { openTarget: _t, onProgress, ...rest } = o;
  const summary = await runImport({
    ...rest,
    format,
    fileHash: hash,
    target,
    ...(onProgress
      ? { onProgress: (p: { bytes: number; rows: number }) => onProgress({ ...p, total: size }) }
      : {}),
  });
  return { kind: "done", summary, fileHash: hash, size };
}
