// The sha256 of a file's bytes, streamed (a 1 GB file is hashed without being held in memory):
// the same file imported twice is recognised before a single row is read.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { fileError } from "../errors.js";

export async function hashFile(path: string): Promise<{ hash: string; size: number }> {
  const h = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      h.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (e) {
    throw fileError(e, path, "read");
  }
  return { hash: h.digest("hex"), size };
}
