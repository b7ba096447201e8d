// Writing an output file whole or not at all: a temporary name beside it, then a rename, so a
// crash or a full disk never leaves half a template or half a rejects file behind.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { fileError } from "../errors.js";

export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data, { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError(e, path, "write");
  }
}
