// One result per answerable question, in questionnaire order: picks the tally for the type and
// assembles the published result after the ledger is solved.
import { type Slot, slotsOf } from "../definition/answers.js";
import type { Question } from "../definition/model.js";
import type { Ctx } from "./context.js";
import type { MatrixItemResult, QuestionResult } from "./report.js";
import { finishScaleStats, prepareChoices } from "./tally-choice.js";
import { prepareNumber } from "./tally-number.js";
import { prepareAllocate, prepareRanking } from "./tally-points.js";
import { prepareOtherTexts, prepareText } from "./tally-text.js";

function common(q: Question) {
  return {
    id: q.id,
    type: q.type,
    sectionId: q.sectionId,
    text: q.text,
    ...(q.plain ? { plain: q.plain } : {}),
  };
}

/** Register a question's counts; the returned function builds its result once the ledger is solved. */
export function prepareQuestion(ctx: Ctx, q: Question): (() => QuestionResult) | null {
  const slots = slotsOf(q);
  const main = slots.find((s) => !s.other) as Slot | undefined;
  const other = slots.find((s) => s.other);
  switch (q.type) {
    case "info":
      return null;
    case "single":
    case "yesno":
    case "multi": {
      const p = prepareChoices(ctx, main!);
      const texts = prepareOtherTexts(ctx, other);
      return () => ({
        ...common(q),
        kind: q.type === "multi" ? "multi" : "choice",
        status: p.status.finish(),
        choices: p.rows(),
        otherTexts: texts(),
      });
    }
    case "likert":
    case "scale": {
      const p = prepareChoices(ctx, main!);
      return () => {
        // Statistics first: keeping the mean may hide one more count.
        const stats = finishScaleStats(ctx, p);
        return { ...common(q), kind: "scale", status: p.status.finish(), choices: p.rows(), stats };
      };
    }
    case "matrix": {
      const items = slots.map((s) => ({ slot: s, p: prepareChoices(ctx, s) }));
      return () => ({
        ...common(q),
        kind: "matrix",
        scale: q.choices.filter((c) => !c.missing).map((c) => ({ code: c.value, label: c.label })),
        items: items.map(({ slot, p }): MatrixItemResult => {
          const item = q.items.find((i) => i.id === slot.item)!;
          const stats = finishScaleStats(ctx, p);
          return {
            id: slot.id,
            itemId: item.id,
            text: item.text,
            ...(item.plain ? { plain: item.plain } : {}),
            reverse: item.reverse === true,
            status: p.status.finish(),
            choices: p.rows(),
            stats,
          };
        }),
      });
    }
    case "number":
      return prepareNumber(ctx, main!);
    case "text":
      return prepareText(ctx, main!);
    case "ranking":
      return prepareRanking(ctx, main!);
    case "allocate":
      return prepareAllocate(ctx, main!);
  }
}
