// What the audit (audit.ts) bounds: the hidden facts worth checking, and classes of respondents,
// since every group of people the reports tell apart is a table nobody printed. Pure.
import { type AtomModel, atomsOf } from "./atoms.js";
import type { Fact, ReportFacts } from "./facts.js";
import type { Target } from "./lp.js";
import { type Family, type FamilyProgram, slotCats } from "./program.js";

/** A class's count in one category, to be bounded beside the hidden facts. */
export interface ClassTarget {
  t: Target;
  label: string;
  slot: string;
  /**
   * For a class of several atoms: the count of its people outside the category. Pinned to 0, the
   * whole class chose it, and so did each of its atoms: `atoms` are then checked one by one.
   */
  all?: { atoms: number[]; what: string };
}

export const classKey = (atoms: number[]) => [...atoms].sort((a, b) => a - b).join(",");

const NON_ANSWER = new Set(["skipped", "notShown", "notReached", "invalid"]);
export const isNonAnswer = (cat: string) => cat.startsWith("m:") || NON_ANSWER.has(cat);

/**
 * A class that is exactly a report's (or a compared group's) population has its counts printed,
 * shown or hidden, and checked as those: no need to check them again as a class.
 */
export function printedClasses(all: ReportFacts[], model: AtomModel, atomIds: number[]): Set<string> {
  const live = new Set(atomIds);
  const printed = new Set<string>();
  // atomsOf gives one list per report and group: each is keyed once.
  const lists = new Set<number[]>();
  for (const r of all) for (const f of r.facts) if (f.slot !== "@size" && !f.by) lists.add(atomsOf(model, f));
  for (const list of lists) printed.add(classKey(list.filter((a) => live.has(a))));
  return printed;
}

/**
 * Every class of respondents the reports tell apart is a table of its own that nobody printed
 * (the people added since Monday; everyone but one session): a small count of it that the reports
 * pin to one value is disclosed. (Only exact ones: a class's counts are narrow whenever a count
 * that contains them is, which the hidden counts answer for.) The classes are the program's
 * groups: atoms this question's counts never tell apart share their answers' unknowns, and one
 * atom's count among them is pinned only when the whole group chose the same (checked by `all`)
 * or chose none of it (not sensitive).
 */
export function classTargets(
  all: ReportFacts[],
  F: Family,
  program: Pick<FamilyProgram, "groups" | "sizeOf" | "cell">,
  printed: Set<string>,
  describe: (atoms: number[]) => string,
): ClassTarget[] {
  const { groups, sizeOf, cell } = program;
  const extra: ClassTarget[] = [];
  const own = [...F.slots].filter((s) => s === F.root || s.startsWith(`${F.root}#`));
  groups.forEach((g, k) => {
    // A printed class's own counts are checked as those; its atoms' are not.
    const shown = printed.has(classKey(g));
    if (shown && g.length === 1) return;
    for (const s of own)
      for (const c of slotCats(all, s)) {
        // A pick's sub-slot is checked by its "yes"; a number's bins ("v:20") each.
        if (s !== F.root && c !== "yes" && !c.startsWith("v:")) continue;
        // Non-answers are published exactly (base − valid n gives their total): not secrets.
        if (isNonAnswer(c)) continue;
        const what =
          s === F.root
            ? `${s} ${c.replace(/^c:|^m:/, "")}`
            : c.startsWith("v:")
              ? `${F.root} ${c.slice(2)}`
              : s.replace("#", " ").replace(":", " ");
        const x = cell(s, k, c);
        if (!shown)
          extra.push({ t: { idx: [x], coef: [1] }, slot: s, label: `${what} among ${describe(g)}` });
        if (g.length > 1) {
          const size = sizeOf(k);
          extra.push({
            t: { idx: [...size.idx, x], coef: [...size.coef, -1] },
            slot: s,
            label: `${what}: everyone among ${describe(g)}`,
            all: { atoms: g, what },
          });
        }
      }
  });
  return extra;
}

/**
 * Who answered is no secret, what they answered is: a valid n (base − the non-answers, which are
 * printed exactly; a group's is "< 5" only because it bounds its answers) and the size of the
 * group of people who did not answer the `--by` question (that question's non-answer count) are
 * not checked.
 */
export function isTarget(f: Fact): boolean {
  if (f.role === "valid") return false;
  return !(f.role === "size" && f.slot !== "@size" && f.cats.length > 0 && f.cats.every(isNonAnswer));
}
