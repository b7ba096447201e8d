// A Report as a short text that a person can read in a diff: every number, mark and flag the
// analysis decided, one line per question, choice row, group row or statistic block. Texts in
// fi/sv/en (labels, titles) are left out: they come from the survey, not from the analysis.
import { createHash } from "node:crypto";
import type { Report } from "../../src/analysis/index.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const LANGS = new Set(["fi", "sv", "en"]);
/** Keys whose values are survey texts or repeat what the line already says. */
const SKIP = new Set(["label", "text", "plain", "title", "description", "unit"]);

const isObj = (v: Json): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** A language map ({ fi, sv, en }): survey wording, not a result. */
const isText = (v: Json) =>
  isObj(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => LANGS.has(k));
/** `{ value, suppressed, complement? }`: a count as a reader sees it. */
const isCount = (v: Json): boolean =>
  isObj(v) && "value" in v && "suppressed" in v && Object.keys(v).length <= 3;
const identity = (v: Obj): string | undefined => {
  for (const k of ["slot", "id", "code", "key"]) if (typeof v[k] === "string") return v[k] as string;
  return "code" in v || "key" in v ? "∅" : undefined;
};

/** A number to six decimals (enough to see any change in a count of hundreds); others as they are. */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

/** A count: the number, `s` when suppressed (`s–` when hidden as a complement, not as small). */
function count(c: Obj): string {
  if (c.suppressed) return c.complement ? "s–" : "s";
  return c.value === null ? "null" : num(c.value as number);
}

const CELL_KEYS = new Set(["count", "share", "suppressed", "complement"]);

/**
 * A counted cell ({ count, share?, suppressed, complement? }) as a reader sees it: `17 0.223684`,
 * or `s` for a count hidden as too small, `s–` for one hidden so that it cannot be worked out.
 */
function cell(v: Obj): string | undefined {
  const keys = Object.keys(v).filter((k) => !SKIP.has(k) && !["code", "key"].includes(k));
  if (!("count" in v) || !("suppressed" in v) || !keys.every((k) => CELL_KEYS.has(k))) return undefined;
  if (v.suppressed) return v.complement ? "s–" : "s";
  const c = v.count === null ? "null" : num(v.count as number);
  return "share" in v ? `${c} ${v.share === null ? "null" : num(v.share as number)}` : c;
}

/** Lists short enough to read on their parent's line: missing-answer codes, scale points. */
const INLINE_LISTS = new Set(["missing", "scale"]);

/** An object on one line: key=value pairs; false flags, texts and identities left out. */
function inline(v: Obj, skipIdentity: boolean): string {
  const asCell = skipIdentity ? cell(v) : undefined;
  if (asCell !== undefined) return asCell;
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (SKIP.has(k) || isText(x) || x === false) continue;
    if (skipIdentity && ["slot", "id", "code", "key"].includes(k) && typeof x === "string") continue;
    const s = scalar(x, k);
    if (s !== undefined) parts.push(x === true ? k : `${k}=${s}`);
  }
  return parts.join(" ");
}

/** A value that fits on the line, or undefined for a list of rows (those get lines of their own). */
function scalar(x: Json, key = ""): string | undefined {
  if (x === null) return "null";
  if (typeof x === "number") return num(x);
  if (typeof x === "string" || typeof x === "boolean") return String(x);
  if (isObj(x) && isCount(x)) return count(x);
  if (Array.isArray(x)) {
    if (key === "texts") {
      // Free texts: how many, and a fingerprint that changes when any of them does.
      const hash = createHash("sha256").update(x.join("\u0000")).digest("hex").slice(0, 8);
      return `[${x.length} texts #${hash}]`;
    }
    if (x.every((e) => typeof e === "string")) return `[${x.join(",")}]`;
    if (INLINE_LISTS.has(key))
      return `[${x.map((e) => [identity(e as Obj), inline(e as Obj, true)].filter(Boolean).join(" ")).join(", ")}]`;
    if (x.some((e) => isObj(e) && !isCount(e) && identity(e) !== undefined)) return undefined;
    return `[${x.map((e) => (isObj(e) && !isCount(e) ? (cell(e) ?? inline(e, false)) : (scalar(e) ?? "?"))).join(" | ")}]`;
  }
  if (isObj(x)) {
    if (Object.keys(x).length === 2 && typeof x.low === "number" && typeof x.high === "number")
      return `[${num(x.low)}, ${num(x.high)}]`;
    if (Object.entries(x).some(([k, e]) => Array.isArray(e) && scalar(e, k) === undefined)) return undefined;
    return `{${inline(x, false)}}`;
  }
  return undefined;
}

function lines(name: string, v: Obj, depth: number, out: string[]): void {
  out.push(`${"  ".repeat(depth)}${name}${inline(v, true) ? ` ${inline(v, true)}` : ""}`);
  for (const [k, x] of Object.entries(v)) {
    if (SKIP.has(k) || isText(x) || scalar(x, k) !== undefined) continue;
    if (Array.isArray(x))
      for (const e of x)
        if (isObj(e)) lines(`${k}[${identity(e) ?? "?"}]`, e, depth + 1, out);
        else out.push(`${"  ".repeat(depth + 1)}${k}: ${scalar(e)}`);
    else if (isObj(x)) lines(k, x, depth + 1, out);
  }
}

/** The Report's results as lines of text, in the Report's own order. */
export function reportDigest(report: Report): string {
  const r = report as unknown as Obj;
  const out: string[] = [];
  for (const [k, x] of Object.entries(r)) {
    if (k === "survey" || k === "format") continue;
    if (x === null || (Array.isArray(x) && x.length === 0)) out.push(`${k} ${x === null ? "null" : "[]"}`);
    else if (isObj(x)) lines(k, x, 0, out);
    else if (Array.isArray(x))
      for (const e of x) lines(`${k}[${identity(e as Obj) ?? "?"}]`, e as Obj, 0, out);
    else out.push(`${k} ${scalar(x)}`);
  }
  return `${out.join("\n")}\n`;
}
