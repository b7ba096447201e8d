// Numbers, shares, dates and hidden values as the report's language writes them ("12,5 %" with a
// no-break space in Finnish, "12.5%" in English) and the report's own words from the locale files.
// Formatting only: never rounds what it does not print, never computes a statistic.
import type { Text } from "../../definition/model.js";
import { type MessageKey, pickText, translator } from "../../i18n/index.js";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface ReportFormats {
  lang: string;
  t: Translate;
  /** 0.125 → "12,5 %" (fi), "12.5%" (en); one decimal by default. */
  share: (v: number, decimals?: number) => string;
  /** A difference of two shares in percentage points with a sign: "+4,2 %-yks." / "+4.2 pp". */
  points: (v: number, decimals?: number) => string;
  /** A number with exactly `decimals` decimals (default 1). */
  number: (v: number, decimals?: number) => string;
  /** A signed number: "+0,4", "−0,4". */
  signed: (v: number, decimals?: number) => string;
  /** A whole count: "1 234" (fi), "1,234" (en). */
  count: (v: number) => string;
  /** "2025-03-04" → "4.3.2025" (fi), "2025-03-04" (sv), "Mar 4, 2025" (en); UTC day, no clock. */
  date: (iso: string) => string;
  /** A survey text in the report's language, falling back to the survey's default language. */
  text: (t: Text | undefined) => string;
}

const cache = new Map<string, ReportFormats>();

/** Formatters for a report language; `fallback` is the survey's default language for texts. */
export function reportFormats(lang: string, fallback: string): ReportFormats {
  const key = `${lang}|${fallback}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tag = Intl.NumberFormat.supportedLocalesOf([lang]).length > 0 ? lang : "en";
  const numbers = new Map<string, Intl.NumberFormat>();
  const nf = (style: "decimal" | "percent", decimals: number, sign = false): Intl.NumberFormat => {
    const k = `${style}${decimals}${sign}`;
    let f = numbers.get(k);
    if (!f) {
      f = new Intl.NumberFormat(tag, {
        style,
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        ...(sign ? { signDisplay: "exceptZero" as const } : {}),
      });
      numbers.set(k, f);
    }
    return f;
  };
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "UTC" });
  const t = translator(lang);
  const formats: ReportFormats = {
    lang,
    t,
    share: (v, d = 1) => nf("percent", d).format(v),
    points: (v, d = 1) => t("report.unit.pp", { value: nf("decimal", d, true).format(v * 100) }),
    number: (v, d = 1) => nf("decimal", d).format(v),
    signed: (v, d = 1) => nf("decimal", d, true).format(v),
    count: (v) => nf("decimal", 0).format(v),
    date: (iso) => {
      const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(ms) ? iso : dates.format(new Date(ms));
    },
    text: (x) => pickText(x, lang, fallback),
  };
  cache.set(key, formats);
  return formats;
}

/** The mark shown instead of a hidden count: "< 5" with the report's smallest shown count. */
export function suppressedMark(minCell: number): string {
  return `< ${minCell}`;
}

/** The mark for a statistic withheld for privacy (explained in a footnote). */
export const WITHHELD_MARK = "–";
