// Masks personal details in free text before it reaches a Report: e-mail addresses, phone
// numbers, Finnish personal identity codes (henkilötunnus) and street addresses. Pure. It cannot
// find names or other identifying stories: the report still needs a human read before it is shared.

export type MaskKind = "email" | "phone" | "hetu" | "address";
export const MASK_KINDS: readonly MaskKind[] = ["email", "phone", "hetu", "address"];
export const MASK_MARKERS: Record<MaskKind, string> = {
  email: "[email]",
  phone: "[phone]",
  hetu: "[id]",
  address: "[address]",
};

export type MaskCounts = Record<MaskKind, number>;

export function emptyMaskCounts(): MaskCounts {
  return { email: 0, phone: 0, hetu: 0, address: 0 };
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
// ddmmyy + century sign + individual number + check character, not inside a longer word.
const HETU = /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![\p{L}\p{N}])/gu;
// International (+358 40 123 4567, +44 20 7946 0958) and Finnish national forms
// (040 123 4567, 040-1234567, (09) 123 4567, 09-1234567). Digit count is checked afterwards.
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+\d{1,3}(?:[ -]?\(0?\d{1,4}\))?|\(0\d{1,4}\)|0\d{1,4})(?:[ -]?\d{1,4}){1,5}(?![\p{L}\p{N}])/gu;
const STREET_FI_SV =
  /(?<![\p{L}\p{N}])[\p{L}][\p{L}-]*(?:katu|tie|kuja|polku|väylä|ranta|kaari|tori|aukio|piha|gatan|vägen|gränd)\s+\d{1,4}(?:\s?[A-Za-z](?![\p{L}]))?(?:\s?\d{1,4})?(?![\p{L}\p{N}])/giu;
const STREET_EN =
  /(?<![\p{L}\p{N}])\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Way)\b/gu;

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
  text = text.replace(EMAIL, () => {
    counts.email++;
    return MASK_MARKERS.email;
  });
  text = text.replace(HETU, (m) => {
    if (!plausibleDate(m.slice(0, 2), m.slice(2, 4))) return m;
    counts.hetu++;
    return MASK_MARKERS.hetu;
  });
  text = text.replace(PHONE, (m) => {
    const digits = m.replace(/\D/g, "").length;
    if (digits < 7 || digits > 15) return m;
    counts.phone++;
    return MASK_MARKERS.phone;
  });
  text = text.replace(STREET_FI_SV, () => {
    counts.address++;
    return MASK_MARKERS.address;
  });
  text = text.replace(STREET_EN, () => {
    counts.address++;
    return MASK_MARKERS.address;
  });
  return { text, counts };
}

export function addMaskCounts(into: MaskCounts, more: MaskCounts): void {
  for (const k of MASK_KINDS) into[k] += more[k];
}
