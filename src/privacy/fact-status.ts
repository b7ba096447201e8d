// The facts of a question's answer status (base, valid n, each kind of non-answer), shared by
// every kind of question (fact-questions.ts, fact-numbers.ts). Pure apart from `hide` actions.
import type { AnswerStatus } from "../analysis/report.js";
import { type FactSink, hideCount, STATUS, statusCats } from "./fact-sink.js";

/** `shares` are the figures divided by the valid n: hiding it hides them too. */
export function statusFacts(
  sink: FactSink,
  slot: string,
  status: AnswerStatus,
  validCats: string[],
  shares: () => void,
): void {
  const { push, defineSlot } = sink;
  const all = [...validCats, ...statusCats(status)];
  defineSlot(slot, all);
  push(`${slot} base`, slot, all, status.base, { role: "base" });
  push(`${slot} valid`, slot, validCats, status.valid, {
    role: "valid",
    hide: () => {
      hideCount(status.valid)();
      shares();
    },
  });
  for (const m of status.missing)
    push(`${slot} ${m.code}`, slot, [`m:${m.code}`], m, {
      role: "status",
      hide: () => {
        m.count = null;
        m.suppressed = true;
      },
    });
  for (const s of STATUS)
    push(`${slot} ${s}`, slot, [s], status[s], { role: "status", hide: hideCount(status[s]) });
}
