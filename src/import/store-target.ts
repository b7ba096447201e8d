// Placeholder until the store API lands: imports other than --dry-run need it.
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import type { ImportTarget } from "./target.js";

export function openStoreTarget(_db: string, _survey: Survey): ImportTarget & { close(): void } {
  throw new KuuloError("STORE_UNAVAILABLE", "storing imports is not available yet", ExitCode.ioError);
}
