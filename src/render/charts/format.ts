// Numbers in the report's language ("42 %" with a no-break space and "3,5" in Finnish) and the
// chart's own words from the locale files. Formatters are cached: Intl objects are slow to build.
import { type MessageKey, translator } from "../../i18n/index.js";

export interface Formats {
  /** 0.42 → "42 %"; shares under 1 % keep one decimal so that they do not read as zero. */
  share: (v: number) => string;
  /** A number with exactly `decimals` decimals (default 1). */
  number: (v: number, decimals?: number) => string;
  /** "n = 57" */
  n: (v: number) => string;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const cache = new Map<string, Formats>();

/** A well-formed language tag that Intl knows; anything else falls back to English. */
function isSupported(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

export function formatsFor(locale: string): Formats {
  const hit = cache.get(locale);
  if (hit) return hit;
  const tag = isSupported(locale) ? locale : "en";
  const pct0 = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 });
  const pct1 = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
  const nums = new Map<number, Intl.NumberFormat>();
  const number = (v: number, decimals = 1) => {
    let f = nums.get(decimals);
    if (!f) {
      f = new Intl.NumberFormat(tag, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      nums.set(decimals, f);
    }
    return f.format(v);
  };
  const formats: Formats = {
    share: (v) => (v > 0 && v < 0.01 ? pct1 : pct0).format(v),
    number,
    n: (v) => `n = ${number(v, 0)}`,
    t: translator(tag.split("-")[0]!.toLowerCase()),
  };
  cache.set(locale, formats);
  return formats;
}
