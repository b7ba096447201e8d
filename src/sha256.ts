// SHA-256 of a string, for the hashes computed once per stored or imported row.
import * as crypto from "node:crypto";

/** crypto.hash (Node ≥ 20.12) is a one-shot call, about three times cheaper than a Hash object. */
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: "hex" | "base64url") => string }).hash;

export function sha256(text: string, encoding: "hex" | "base64url"): string {
  return oneShot
    ? oneShot("sha256", text, encoding)
    : crypto.createHash("sha256").update(text).digest(encoding);
}
