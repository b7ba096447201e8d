// The responses a report draws on, as columns: meta columns as small-integer codes with their
// dictionaries, and per survey slot typed arrays of answer states and values (choice indices,
// numbers, bit sets of picks, rank orders, points; texts only for text slots). Built row by row.
// Pure: the store's reader feeds it pages; tests and the demo feed it SurveyResponse objects.

import {
  ABSENT as CODE_ABSENT,
  SKIPPED as CODE_SKIPPED,
  CODES_FORMAT,
  type CodeField,
  type CodeLayout,
  decodeField,
  FIRST_CODE,
} from "../definition/answer-codes.js";
import { type Answers, type Slot, type SurveyResponse, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { ABSENT, grown, type SlotColumn, type SlotEncoder, slotEncoder } from "./column-encoders.js";

export type { SlotColumn } from "./column-encoders.js";
export {
  ABSENT,
  INVALID,
  MISSING,
  NOT_REACHED,
  NOT_SHOWN,
  SKIPPED,
  VALID,
} from "./column-encoders.js";

/** A column of repeating strings: each row's index into `values`. */
export interface DictColumn {
  values: (string | null)[];
  codes: Uint32Array;
}

/** What analysis needs of each response besides its answers. */
export interface MetaColumns {
  id: string[];
  surveyId: DictColumn;
  surveyHash: DictColumn;
  sessionId: DictColumn;
  wave: DictColumn;
  source: DictColumn;
  language: DictColumn;
  status: DictColumn;
  /** Date.parse of submittedAt, or of startedAt when there is none (NaN when not a date). */
  time: Float64Array;
  /** 1 when the response has a submittedAt. */
  submitted: Uint8Array;
}

export interface ResponseColumns {
  /** The definition the slot columns follow (every stored version is read by its slot ids). */
  survey: Survey;
  length: number;
  meta: MetaColumns;
  /** In questionnaire order (surveySlots). */
  slots: SlotColumn[];
  bySlot: Map<string, SlotColumn>;
  /**
   * Per row: how far the response got, as the index (in `slots`) of the last slot with a stored
   * answer; a complete response got to the end (slots.length); -1 for none.
   */
  reached: Int32Array;
  /** The newest submittedAt (else startedAt), as stored; null without rows. */
  newest: string | null;
}

/** The meta fields of one response, as the store or a SurveyResponse holds them. */
export type ResponseMeta = Omit<SurveyResponse, "answers" | "plain">;

export interface ColumnsBuilder {
  /** One response: its meta fields and its answers (keys that are not slots are ignored). */
  add(meta: ResponseMeta, answers: Answers): void;
  /**
   * One response whose answers are a block of answer codes of its version's layout (fields of
   * slots the survey does not have are ignored); `text(slot)` gives a text slot's stored text.
   */
  addCoded(
    meta: ResponseMeta,
    layout: CodeLayout,
    bytes: Uint8Array,
    text: (slot: string) => string | null,
  ): void;
  finish(): ResponseColumns;
}

interface FieldPlan {
  f: CodeField;
  enc: SlotEncoder;
  index: number;
  choice: Int32Array | null;
}

interface GrowingDict {
  index: Map<string | null, number>;
  values: (string | null)[];
  codes: Uint32Array;
}

/**
 * A builder for `capacity` rows (a hint: it grows by doubling when more come). `keepTexts` says
 * which text slots keep their texts (default: all of them).
 */
export function columnsBuilder(
  survey: Survey,
  capacity = 1024,
  keepTexts: (slot: Slot) => boolean = () => true,
): ColumnsBuilder {
  const slots = surveySlots(survey);
  let cap = Math.max(1, capacity);
  let n = 0;
  let newest: string | null = null;
  const ids: string[] = [];
  const dictNames = ["surveyId", "surveyHash", "sessionId", "wave", "source", "language", "status"] as const;
  const dicts = dictNames.map(
    (): GrowingDict => ({ index: new Map(), values: [], codes: new Uint32Array(cap) }),
  );
  let time = new Float64Array(cap);
  let submitted = new Uint8Array(cap);
  let reached = new Int32Array(cap);
  const encoders: SlotEncoder[] = slots.map((slot) => slotEncoder(slot, cap, keepTexts(slot)));
  const byKey = new Map<string, { enc: SlotEncoder; index: number }>();
  slots.forEach((slot, index) => {
    byKey.set(slot.id, { enc: encoders[index]!, index });
  });

  const grow = () => {
    cap *= 2;
    for (const d of dicts) d.codes = grown(d.codes, cap);
    time = grown(time, cap);
    submitted = grown(submitted, cap);
    reached = grown(reached, cap);
    for (const e of encoders) e.grow(cap);
  };
  const code = (d: GrowingDict, v: string | null) => {
    let c = d.index.get(v);
    if (c === undefined) {
      c = d.values.length;
      d.index.set(v, c);
      d.values.push(v);
    }
    return c;
  };

  // Per layout of a stored version: each field's slot column, and a choice field's codes as the
  // survey's choice indices (-1: the code is not one of them, or blank; the encoder decides).
  const plans = new Map<CodeLayout, FieldPlan[]>();
  const planOf = (layout: CodeLayout): FieldPlan[] => {
    let plan = plans.get(layout);
    if (!plan) {
      plan = [];
      for (const f of layout.fields) {
        const e = byKey.get(f.slot);
        if (!e) continue;
        const col = e.enc.column;
        const choice =
          f.kind === "choice" && e.enc.column.slot.kind === "choice"
            ? Int32Array.from(f.codes, (c) => (c.trim() === "" ? -1 : col.codes.indexOf(c)))
            : null;
        plan.push({ f, enc: e.enc, index: e.index, choice });
      }
      plans.set(layout, plan);
    }
    return plan;
  };
  const begin = (meta: ResponseMeta): number => {
    if (n === cap) grow();
    const row = n++;
    ids.push(meta.id);
    const values = [
      meta.surveyId,
      meta.surveyHash,
      meta.sessionId,
      meta.wave,
      meta.source,
      meta.language,
      meta.status,
    ];
    for (let k = 0; k < dicts.length; k++) dicts[k]!.codes[row] = code(dicts[k]!, values[k]!);
    const t = meta.submittedAt ?? meta.startedAt;
    time[row] = Date.parse(t);
    submitted[row] = meta.submittedAt === null ? 0 : 1;
    if (newest === null || t > newest) newest = t;
    return row;
  };

  return {
    add(meta, answers) {
      const row = begin(meta);
      let last = meta.status === "complete" ? slots.length : -1;
      for (const key in answers) {
        const e = byKey.get(key);
        if (e === undefined) continue;
        const raw = answers[key];
        if (raw === undefined) continue;
        e.enc.put(row, raw);
        if (e.index > last) last = e.index;
      }
      reached[row] = last;
    },
    addCoded(meta, layout, bytes, text) {
      if (bytes.length !== layout.size || bytes[0] !== CODES_FORMAT)
        throw new KuuloError(
          "ANALYSIS_BAD_CODES",
          `The answer codes of response ${meta.id} do not fit its survey version`,
          ExitCode.ioError,
          { hint: "Check the database with kuulo doctor (kuulo doctor --repair rebuilds the codes)." },
        );
      const row = begin(meta);
      let last = meta.status === "complete" ? slots.length : -1;
      for (const { f, enc, index, choice } of planOf(layout)) {
        if (choice) {
          const at = f.offset;
          const state = f.width === 1 ? bytes[at]! : bytes[at]! | (bytes[at + 1]! << 8);
          if (state === CODE_ABSENT) continue;
          const i = state === CODE_SKIPPED ? -1 : choice[state - FIRST_CODE];
          if (i === undefined)
            throw new KuuloError(
              "ANALYSIS_BAD_CODES",
              `The answer codes of response ${meta.id} hold a code that ${f.slot} does not have`,
              ExitCode.ioError,
              { hint: "Check the database with kuulo doctor (kuulo doctor --repair rebuilds the codes)." },
            );
          if (i >= 0) enc.putChoice(row, i);
          else enc.put(row, state === CODE_SKIPPED ? null : f.codes[state - FIRST_CODE]);
        } else {
          const v = decodeField(f, bytes);
          if (v === undefined) continue;
          if (f.kind !== "text" || v === null) enc.put(row, v);
          else {
            const t = text(f.slot);
            if (t === null)
              throw new KuuloError(
                "ANALYSIS_NO_TEXTS",
                `The texts of ${f.slot} were not read`,
                ExitCode.internal,
              );
            enc.put(row, t);
          }
        }
        if (index > last) last = index;
      }
      reached[row] = last;
    },
    finish() {
      const sized = <T extends { length: number; subarray(a: number, b: number): T }>(a: T) =>
        a.length === n ? a : a.subarray(0, n);
      const dict = (k: number): DictColumn => ({ values: dicts[k]!.values, codes: sized(dicts[k]!.codes) });
      const cols = encoders.map((e) => e.finish(n));
      return {
        survey,
        length: n,
        meta: {
          id: ids,
          surveyId: dict(0),
          surveyHash: dict(1),
          sessionId: dict(2),
          wave: dict(3),
          source: dict(4),
          language: dict(5),
          status: dict(6),
          time: sized(time),
          submitted: sized(submitted),
        },
        slots: cols,
        bySlot: new Map(cols.map((c) => [c.slot.id, c])),
        reached: sized(reached),
        newest,
      };
    },
  };
}

/** Columns of SurveyResponse objects (tests, the demo, fixtures). */
export function columnsOf(survey: Survey, responses: readonly SurveyResponse[]): ResponseColumns {
  const b = columnsBuilder(survey, responses.length);
  for (const r of responses) b.add(r, r.answers);
  return b.finish();
}

/** The row's value of a meta dictionary column. */
export function dictValue(d: DictColumn, row: number): string | null {
  return d.values[d.codes[row]!]!;
}

/** Whether a slot column holds no stored answer at all in this row. */
export function isAbsent(col: SlotColumn, row: number): boolean {
  return col.state[row] === ABSENT;
}
