// Smiley faces for ordered scales (survey `smileys: true`), with a text fallback for terminals
// or people that do without emoji. The face is always beside the label, never instead of it.

const EMOJI = ["😞", "🙁", "😐", "🙂", "😄"] as const;
const TEXT = [":-(", ":-/", ":-|", ":-)", ":-D"] as const;

/**
 * The face for the `index`-th of `count` scale points (0-based, lowest first). Scales longer
 * or shorter than five spread the five faces evenly, so the middle point gets the middle face.
 */
export function faceFor(index: number, count: number, emoji: boolean): string {
  const faces = emoji ? EMOJI : TEXT;
  const at = count <= 1 ? 2 : Math.round((index / (count - 1)) * (faces.length - 1));
  return faces[Math.min(faces.length - 1, Math.max(0, at))]!;
}
