// The analysis table of question types: how each is tallied into its result (registering its
// counts first, building the result once the ledger is solved) and whether it can form the
// groups of --by. `satisfies` makes a type without a row a build error.
import { type Slot, slotsOf } from "../definition/answers.js";
import type { Question, QuestionOf, QuestionType } from "../definition/model.js";
import { common } from "./common.js";
import type { Ctx } from "./context.js";
import type { GroupTable, MatrixItemResult, QuestionResult } from "./report.js";
import { finishScaleStats, prepareChoices } from "./tally-choice.js";
import { prepareNumber } from "./tally-number.js";
import { prepareAllocate, prepareRanking } from "./tally-points.js";
import { prepareOtherTexts, prepareText } from "./tally-text.js";

/** A question's slots: the answer's own (for a matrix, the first statement's) and the "other" text. */
interface Slots {
  main: Slot;
  other: Slot | undefined;
  all: Slot[];
}

export interface AnalysisRow<K extends QuestionType> {
  /** Register the counts; the returned function builds the result once the ledger is solved. */
  prepare(ctx: Ctx, q: QuestionOf<K>, slots: Slots): (() => QuestionResult) | null;
  /** One answer from a list per person: the question (or each matrix statement) can form --by groups. */
  groups: boolean;
  /** The kind of table when the question is split by groups (--by, --compare); null: not split. */
  groupTable: GroupTable["kind"] | null;
}

/** single, yesno and multi: counts per choice and the "other" texts. */
function choices(ctx: Ctx, q: Question, { main, other }: Slots): () => QuestionResult {
  const p = prepareChoices(ctx, main);
  const texts = prepareOtherTexts(ctx, other);
  return () => ({
    ...common(q),
    kind: main.kind === "choices" ? "multi" : "choice",
    status: p.status.finish(),
    choices: p.rows(),
    otherTexts: texts(),
  });
}

/** likert and scale: counts per point and the scale's statistics. */
function scale(ctx: Ctx, q: Question, { main }: Slots): () => QuestionResult {
  const p = prepareChoices(ctx, main);
  return () => {
    // Statistics first: keeping the mean may hide one more count.
    const stats = finishScaleStats(ctx, p);
    return { ...common(q), kind: "scale", status: p.status.finish(), choices: p.rows(), stats };
  };
}

function matrix(ctx: Ctx, q: QuestionOf<"matrix">, { all }: Slots): () => QuestionResult {
  const items = all.map((s) => ({ slot: s, p: prepareChoices(ctx, s) }));
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

export const ANALYSIS_TYPES = {
  single: { prepare: choices, groups: true, groupTable: "choice" },
  yesno: { prepare: choices, groups: true, groupTable: "choice" },
  multi: { prepare: choices, groups: false, groupTable: "multi" },
  likert: { prepare: scale, groups: true, groupTable: "scale" },
  scale: { prepare: scale, groups: true, groupTable: "scale" },
  matrix: { prepare: matrix, groups: true, groupTable: "scale" },
  number: { prepare: (ctx, _q, { main }) => prepareNumber(ctx, main), groups: false, groupTable: "number" },
  text: { prepare: (ctx, _q, { main }) => prepareText(ctx, main), groups: false, groupTable: null },
  ranking: { prepare: (ctx, _q, { main }) => prepareRanking(ctx, main), groups: false, groupTable: null },
  allocate: { prepare: (ctx, _q, { main }) => prepareAllocate(ctx, main), groups: false, groupTable: null },
  info: { prepare: () => null, groups: false, groupTable: null },
} satisfies { [K in QuestionType]: AnalysisRow<K> };

/** The row of a question's type (the one cast: TypeScript cannot tie the row to the question). */
export function analysisRowOf(q: Question): AnalysisRow<QuestionType> {
  return ANALYSIS_TYPES[q.type] as AnalysisRow<QuestionType>;
}

/** Register a question's counts; the returned function builds its result once the ledger is solved. */
export function prepareQuestion(ctx: Ctx, q: Question): (() => QuestionResult) | null {
  const all = slotsOf(q);
  const main = all.find((s) => !s.other);
  if (!main) return null;
  return analysisRowOf(q).prepare(ctx, q, { main, other: all.find((s) => s.other), all });
}
