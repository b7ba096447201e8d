// A survey version's identity: the sha256 of its model's canonical JSON. Apart from normalize.ts
// so that the store can check a stored version without loading the file format's code.
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json.js";
import type { Survey } from "./model.js";

export function hashDefinition(body: Omit<Survey, "hash">): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
