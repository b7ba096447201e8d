// Paths to the fonts bundled in fonts/ (Noto Sans, OFL): the PDF and chart renderers load these
// and nothing else, so output looks the same on every machine. Never falls back to system fonts.
import { fileURLToPath } from "node:url";

// This file lives at src/render/ (vitest) or dist/render/ (built): two levels below the package root.
const root = new URL("../../fonts/", import.meta.url);

/** Absolute path of a file in the bundled fonts folder. */
function fontPath(file: string): string {
  return fileURLToPath(new URL(file, root));
}

export const FONT_REGULAR = fontPath("NotoSans-Regular.ttf");
export const FONT_BOLD = fontPath("NotoSans-Bold.ttf");
/** The licence that must travel with the fonts. */
export const FONT_LICENSE = fontPath("OFL.txt");

/** The bundled fonts by role, for renderers that register them under their own names. */
export const BUNDLED_FONTS = { regular: FONT_REGULAR, bold: FONT_BOLD } as const;
export type FontRole = keyof typeof BUNDLED_FONTS;
