// Masks personal details in free text before it reaches a Report: e-mail addresses (also written
// as "(at)"), phone numbers, Finnish personal identity codes (henkilötunnus), street addresses and
// PO boxes, and bank account numbers (IBAN). Pure. It cannot
// find names or other identifying stories: the report still needs a human read before it is shared.

export type MaskKind = "email" | "phone" | "hetu" | "address" | "iban";
export const MASK_KINDS: readonly MaskKind[] = ["email", "phone", "hetu", "address", "iban"];
/**
 * The markers in a Report's texts, language-neutral; renderers show them as words of the
 * report's language from the locale files (`mask.phone` → "[puhelinnumero]").
 */
export const MASK_MARKERS: Record<MaskKind, string> = {
  email: "[email]",
  phone: "[phone]",
  hetu: "[id]",
  address: "[address]",
  iban: "[iban]",
};

export type MaskCounts = Record<MaskKind, number>;

export function emptyMaskCounts(): MaskCounts {
  return { email: 0, phone: 0, hetu: 0, address: 0, iban: 0 };
}

const HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const CENTURY = "+-ABCDEFYXWVU";

/** True for a henkilötunnus whose date exists and whose check character is right. */
export function isValidHetu(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code.toUpperCase());
  if (!m) return false;
  const [, dd, mm, , century, zzz, check] = m;
  if (!CENTURY.includes(century!)) return false;
  if (!plausibleDate(dd!, mm!)) return false;
  return HETU_CHECK[Number(`${dd}${mm}${m[3]}${zzz}`) % 31] === check;
}

function plausibleDate(dd: string, mm: string): boolean {
  const d = Number(dd);
  const mo = Number(mm);
  return d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Addresses written to fool harvesters, the Finnish way and others: matti(at)posti.fi,
// matti [at] posti [dot] fi, "matti at posti dot fi", matti ät posti.fi, matti(a)posti.fi.
const AT = String.raw`(?:\s*[([{]\s*(?:at|ät|a|@|miukumauku)\s*[)\]}]\s*|\s+(?:at|ät|@)\s+)`;
const DOT = String.raw`(?:\s*[([{]\s*(?:dot|piste|punkt|\.)\s*[)\]}]\s*|\s+(?:dot|piste|punkt)\s+|\.)`;
const EMAIL_HIDDEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[\p{L}\p{N}._%+-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}(?:fi|se|com|net|org|ax|eu|info|io|uk|de|ee|no|dk)(?![\p{L}\p{N}])`,
  "giu",
);
// Any dash a keyboard, Word or a phone makes: hyphen, non-breaking hyphen, figure dash, en and
// em dash, minus sign.
const DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]";
// ddmmyy + century sign + individual number + check character: the sign may be any dash, a
// letter of the 2023 reform or missing, with spaces around it; glued to a word before it too
// (hetu:131052-308T). Not followed by a letter or digit.
const HETU = new RegExp(
  String.raw`(?<!\p{N})(\d{6})\s?(?:${DASH}|[+A-FU-Ya-fu-y])?\s?(\d{3}[0-9A-Ya-y])(?![\p{L}\p{N}])`,
  "gu",
);
// International (+358 40 123 4567, 00358 40…, 358 40 123 4567), Finnish national forms
// (040 123 4567, 040-1234567, (09) 123 4567, 09-1234567) and dots or any dash between groups.
// The digit count is checked afterwards.
const SEP = String.raw`(?:[ .\u00a0]|${DASH}|\s${DASH}\s)?`;
const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}(?:${SEP}\(0?\d{1,4}\))?|358(?=${SEP}\(?0?[1-9])|\(0\d{1,4}\)|0\d{1,4})(?:${SEP}\(?\d{1,4}\)?){1,5}(?![\p{L}\p{N}])`,
  "gu",
);
// A Finnish or Swedish street name with its number: ranges (Koulukatu 5–7), staircase and
// apartment (Koulukatu 5 B 12, Kotitie 3 as 4, Storgatan 2 bostad 5, Rantatie 7 A 5).
const STREET_WORDS =
  "katu|tie|kuja|polku|väylä|ranta|kaari|tori|aukio|piha|katu|rinne|mäki|puisto|kenttä|gatan|gata|vägen|väg|gränd|stigen|backen|torget|allén|plan";
const NUMBER_PART = String.raw`\d{1,4}(?:\s?${DASH}\s?\d{1,4})?(?:\s?[A-Za-z](?![\p{L}]))?`;
const APARTMENT = String.raw`(?:\s*,?\s*(?:(?:as|asunto|bostad|bst|lgh|lägenhet|apt|flat|h)\.?\s*)?\d{1,4}(?:\s?[a-z](?![\p{L}]))?)?`;
const STREET_FI_SV = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[\p{L}][\p{L}-]*(?:${STREET_WORDS})\s+${NUMBER_PART}(?:\s+[A-Za-z](?![\p{L}]))?${APARTMENT}(?![\p{L}\p{N}])`,
  "giu",
);
// PO boxes: PL 123 (postilokero), PB 45 (postbox), PO Box 7, P.O. Box 7, Box 12.
const PO_BOX =
  /(?<![\p{L}\p{N}])(?:PL|PB|P\.?\s?O\.?\s?Box|Postbox|Postilokero|Box)\s?\d{1,5}(?![\p{L}\p{N}])/gu;
const STREET_EN =
  /(?<![\p{L}\p{N}])\d{1,5}(?:\s?[-–]\s?\d{1,5})?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way)\b(?:,?\s*(?:Apt|Flat|Unit)\.?\s*\d{1,4}[A-Za-z]?)?/gu;
// An IBAN: country letters, check digits and 10–30 characters in groups (FI21 1234 5600 0007 85).
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{2,4}){3,8}(?![\p{L}\p{N}])/gu;

export interface Masked {
  text: string;
  counts: MaskCounts;
}

/**
 * Replace personal details with markers such as [email] and count them per kind. Identity codes
 * are masked when their date part is a real date, whether or not the check character is right:
 * a mistyped last character still points at one person, so the check is not a reason to show it.
 */
export function maskText(input: string): Masked {
  const counts = emptyMaskCounts();
  let text = input.normalize("NFC");
  const put = (kind: MaskKind) => {
    counts[kind]++;
    return MASK_MARKERS[kind];
  };
  text = text.replace(EMAIL, () => put("email"));
  text = text.replace(EMAIL_HIDDEN, () => put("email"));
  text = text.replace(IBAN, (m) => (ibanValid(m) ? put("iban") : m));
  text = text.replace(HETU, (m, date: string, rest: string) => {
    if (!plausibleDate(date.slice(0, 2), date.slice(2, 4))) return m;
    // Without its century sign the code is ten characters like a phone number (0401234567):
    // then only a right check character makes it an identity code (the phone rule masks the rest).
    const sign = /[^\d\s]/.test(m.slice(6, m.length - 4));
    if (!sign && !isValidHetu(`${date}-${rest}`)) return m;
    return put("hetu");
  });
  text = text.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, "").length;
    if (digits < 7 || digits > 15) return m;
    // A date such as 12.05.2025 or 1.1.2024 is not a phone number.
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(m.trim())) return m;
    return put("phone");
  });
  text = text.replace(STREET_FI_SV, () => put("address"));
  text = text.replace(PO_BOX, () => put("address"));
  text = text.replace(STREET_EN, () => put("address"));
  return { text, counts };
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
function ibanValid(raw: string): boolean {
  const s = raw.replace(/\s/g, "");
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

export function addMaskCounts(into: MaskCounts, more: MaskCounts): void {
  for (const k of MASK_KINDS) into[k] += more[k];
}
