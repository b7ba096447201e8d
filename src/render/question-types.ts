// The render layer's table of question types: for each, its lines in the proofreading preview
// (`kuulo preview`) and its part of the printed form (`kuulo print`). Reports go by the kind of
// result the analysis table gives a type (long-rows-questions.ts, view-questions.ts,
// chart-specs.ts). `satisfies` makes a type without a row a build error. Pure.
import type { Choice, Question, QuestionOf, QuestionType, Text } from "../definition/model.js";
import type { translator } from "../i18n/index.js";
import { space, stack } from "./pdf/blocks.js";
import type { Block } from "./pdf/flow.js";
import { matrixGrid } from "./questionnaire-pdf-grid.js";
import { type FormContext, headBlock, numberRow, totalRow, writeInLines } from "./questionnaire-pdf-parts.js";
import { scaleRow } from "./questionnaire-pdf-scales.js";

/** Blocks that must share a page, and what to repeat if they cannot (a grid's header). */
export interface Group {
  parts: Block[];
  repeat?: Block;
  /** Rows that may go on over a page break (a grid's statements), see placeGroup. */
  split?: { keepFirst: number; keepLast: number };
  /** Space above; less between the statements of one matrix than between questions. */
  spaceBefore?: number;
}

/** What the preview hands a row: words, the survey's texts, one line per choice. */
export interface PreviewContext {
  t: ReturnType<typeof translator>;
  txt(text: Text | undefined, plain?: Text): string;
  choiceLine(c: Choice, marker: string, extra?: string): string;
}

/** What the printed form hands a row: its context, the question's number and a list of answers. */
export interface PaperContext {
  ctx: FormContext;
  n: number;
  /** "7." */
  number: string;
  /** "Question 7 continues", above what goes on to the next page. */
  continued: Block;
  /** A list of answers under `head` that may go on to the next page, with an optional last row. */
  listGroup(head: Block, q: Extract<Question, { choices: Choice[] }>, end?: Block): Group;
}

export interface RenderRow<K extends QuestionType> {
  preview(q: QuestionOf<K>, p: PreviewContext): string[];
  paper(q: QuestionOf<K>, p: PaperContext): Group[];
}

/** "Pick one", "Pick between 2 and 3" and so on, from the print.* or preview.* words. */
function pickRule(
  q: { min?: number; max?: number },
  t: PreviewContext["t"],
  words: "print" | "preview",
): string {
  const between = q.min !== undefined && q.max !== undefined && (words === "preview" || q.min > 1);
  if (between) return t(`${words}.pickBetween`, { min: q.min!, max: q.max! });
  if (q.max !== undefined) return t(`${words}.pickAtMost`, { max: q.max });
  if (q.min !== undefined && q.min > 1) return t(`${words}.pickAtLeast`, { min: q.min });
  return t(`${words}.pickMany`);
}

/** "1, 2 and 3" */
function listNumbers(top: number, and: string): string {
  const ns = Array.from({ length: top }, (_, i) => String(i + 1));
  return ns.length <= 1 ? (ns[0] ?? "1") : `${ns.slice(0, -1).join(", ")} ${and} ${ns.at(-1)}`;
}

/** One box to tick per choice (single, yes/no). */
const pickOne = {
  preview: (q: { choices: Choice[] }, { t, choiceLine }: PreviewContext) => [
    `   ${t("preview.pickOne")}:`,
    ...q.choices.map((c) => choiceLine(c, "( )")),
  ],
  paper: (q: Extract<Question, { choices: Choice[] }>, { ctx, number, listGroup }: PaperContext) => [
    listGroup(headBlock(q, ctx, { number, code: q.id, instruction: ctx.t("print.pickOne") }), q),
  ],
};

export const RENDER_TYPES = {
  single: pickOne,
  yesno: pickOne,
  multi: {
    preview: (q, { t, choiceLine }) => [
      `   ${pickRule(q, t, "preview")}:`,
      ...q.choices.map((c) =>
        choiceLine(c, "[ ]", q.exclusive.includes(c.value) ? ` – ${t("preview.exclusive")}` : ""),
      ),
    ],
    paper: (q, { ctx, number, listGroup }) => [
      listGroup(headBlock(q, ctx, { number, instruction: pickRule(q, ctx.t, "print") }), q),
    ],
  },
  likert: {
    preview: (q, { choiceLine }) => q.choices.map((c) => choiceLine(c, "( )")),
    paper(q, { ctx, number, listGroup }) {
      const head = headBlock(q, ctx, { number, code: q.id, instruction: ctx.t("print.pickOne") });
      if (!q.smileys) return [listGroup(head, q)];
      // Faces in a row on the ordinary form; one per line (with its face) in plain language.
      const row = scaleRow(q.choices, ctx, {
        faces: true,
        numbersAbove: false,
        code: (c) => c.value,
        vertical: ctx.plain,
        routed: q,
      });
      return [{ parts: [head, row] }];
    },
  },
  scale: {
    preview(q, { t, txt, choiceLine }) {
      const ends = [
        q.labels.min ? `${q.min} = ${txt(q.labels.min)}` : "",
        q.labels.max ? `${q.max} = ${txt(q.labels.max)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      return [
        `   ${t("preview.scaleRange", { min: q.min, max: q.max })}${ends ? `: ${ends}` : ""}`,
        ...q.choices.filter((c) => c.missing).map((c) => choiceLine(c, "( )")),
      ];
    },
    paper(q, { ctx, number }) {
      const head = headBlock(q, ctx, { number, code: q.id, instruction: ctx.t("print.pickOne") });
      const ends = { min: `${q.min} = ${ctx.txt(q.labels.min)}`, max: `${q.max} = ${ctx.txt(q.labels.max)}` };
      const row = scaleRow(q.choices, ctx, {
        faces: q.smileys,
        numbersAbove: true,
        code: (c) => (c.missing ? c.value : null),
        ...(q.labels.min || q.labels.max ? { ends } : {}),
        routed: q,
      });
      return [{ parts: [head, row] }];
    },
  },
  matrix: {
    preview: (q, { t, txt }) => [
      `   ${t("preview.items")}:`,
      ...q.items.map((it) => `   • ${txt(it.text, it.plain)}  [${q.id}.${it.id}]${it.reverse ? " (↺)" : ""}`),
      // A point of a numeric scale without a label of its own is just its number ("2", not "2 = 2").
      `   ${q.choices
        .map((c) => {
          const label = txt(c.label, c.plain);
          return label === c.value ? c.value : `${c.value} = ${label}`;
        })
        .join(" · ")}`,
    ],
    paper(q, { ctx, n, number, continued }) {
      const grid = matrixGrid(q, n, ctx);
      const head = headBlock(q, ctx, { number, instruction: ctx.t("print.matrix") });
      return [
        {
          parts: [head, grid.header, ...grid.rows, space(ctx.theme.rowGap)],
          repeat: stack(continued, grid.header),
          // Statements may go on to the next page under the repeated header, one or more on each.
          ...(q.items.length >= 3 ? { split: { keepFirst: 3, keepLast: 2 } } : {}),
        },
      ];
    },
  },
  number: {
    preview(q, { t, txt }) {
      const base =
        q.min !== undefined && q.max !== undefined
          ? t("preview.numberRange", { min: q.min, max: q.max })
          : t("preview.number");
      return [
        `   ${base}${q.integer ? ` (${t("preview.integer")})` : ""}${q.unit ? ` ${txt(q.unit)}` : ""}: ______`,
      ];
    },
    paper(q, { ctx, number }) {
      const range =
        q.min !== undefined && q.max !== undefined
          ? ctx.t("print.numberRange", { min: q.min, max: q.max })
          : ctx.t("print.number");
      return [
        {
          parts: [
            headBlock(q, ctx, { number, code: q.id, instruction: range }),
            numberRow(ctx.txt(q.unit), ctx),
          ],
        },
      ];
    },
  },
  text: {
    preview: (q, { t }) => [`   ${t("preview.text", { max: q.maxLength })}: ______________________`],
    paper: (q, { ctx, number }) => [
      {
        parts: [
          headBlock(q, ctx, { number, code: q.id, instruction: ctx.t("print.text") }),
          writeInLines(q.maxLength, ctx),
        ],
      },
    ],
  },
  ranking: {
    preview: (q, { t, choiceLine }) => [
      `   ${t("preview.ranking", { top: q.top })}:`,
      ...q.choices.map((c) => choiceLine(c, "[_]")),
    ],
    paper(q, { ctx, number, listGroup }) {
      const list = listNumbers(q.top, ctx.t("print.and"));
      return [listGroup(headBlock(q, ctx, { number, instruction: ctx.t("print.ranking", { list }) }), q)];
    },
  },
  allocate: {
    preview: (q, { t, choiceLine }) => [
      `   ${t("preview.allocate", { points: q.points })}:`,
      ...q.choices.map((c) => choiceLine(c, "__ ×")),
    ],
    paper(q, { ctx, number, listGroup }) {
      const head = headBlock(q, ctx, { number, instruction: ctx.t("print.allocate", { points: q.points }) });
      return [listGroup(head, q, totalRow(q.points, ctx))];
    },
  },
  // Shown between questions (the form puts it with the question after it, see formGroups).
  info: { preview: () => [], paper: () => [] },
} satisfies { [K in QuestionType]: RenderRow<K> };

/** The row of a question's type (the one cast: TypeScript cannot tie the row to the question). */
export function renderRowOf(q: Question): RenderRow<QuestionType> {
  return RENDER_TYPES[q.type] as RenderRow<QuestionType>;
}
