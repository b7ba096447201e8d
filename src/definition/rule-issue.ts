// One problem found by the cross-field rules (rules.ts and each type's checks in types/), before
// parse.ts maps its data path back to line:col.
import type { Severity } from "./diagnostics.js";
import type { Path } from "./source.js";

export interface RuleIssue {
  severity: Severity;
  code: string;
  message: string;
  hint?: string;
  path: Path;
  /** Underline a key rather than its value. */
  key?: string;
  /** A span inside the string value at `path` (show_if expressions). */
  span?: { start: number; end: number };
  /** For a duplicate: where the first one is, so that the message can say its line. */
  first?: Path;
}
