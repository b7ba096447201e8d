// Builds ResponseColumns row by row: from answers as objects (tests, the demo, rows the store holds
// only as JSON) or from a block of answer codes decoded field by field straight into the typed
// arrays. The repeating meta fields come as a group number, so a row needs no object of its own.
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
import { grown, type SlotEncoder, slotEncoder } from "./column-encoders.js";
import type { DictColumn, ResponseColumns } from "./columns.js";

/** The meta fields of one response, as the store or a SurveyResponse holds them. */
export type ResponseMeta = Omit<SurveyResponse, "answers" | "plain">;

/** The meta fields that repeat from response to response (the dictionary columns). */
export type MetaGroup = Pick<
  ResponseMeta,
  "surveyId" | "surveyHash" | "sessionId" | "wave" | "source" | "language" | "status"
>;

export interface ColumnsBuilder {
  /** One response: its meta fields and its answers (keys that are not slots are ignored). */
  add(meta: ResponseMeta, answers: Answers): void;
  /** The number of a combination of the repeating meta fields, for the calls below. */
  group(meta: MetaGroup): number;
  /**
   * One response given by its id, meta group, time (submittedAt, else startedAt), whether it was
   * submitted, and its answers as an object.
   */
  addAnswers(id: string, group: number, time: string, submitted: boolean, answers: Answers): void;
  /**
   * The same with answers as a block of answer codes of its version's layout (fields of slots
   * the survey does not have are ignored); `text(slot)` gives a text slot's stored text.
   */
  addCoded(
    id: string,
    group: number,
    time: string,
    submitted: boolean,
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

/** The dictionary columns, in the order of MetaColumns. */
const DICTS = ["surveyId", "surveyHash", "sessionId", "wave", "source", "language", "status"] as const;

const badCodes = (id: string, what: string) =>
  new KuuloError("ANALYSIS_BAD_CODES", `The answer codes of response ${id} ${what}`, ExitCode.ioError, {
    hint: "Check the database with kuulo doctor (kuulo doctor --repair rebuilds the codes).",
  });

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
  const dicts = DICTS.map((): GrowingDict => ({ index: new Map(), values: [], codes: new Uint32Array(cap) }));
  // Per group: its code in each dictionary, and whether it is of complete responses.
  const groups: { codes: number[]; complete: boolean }[] = [];
  const groupIndex = new Map<string, number>();
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
  const group = (meta: MetaGroup): number => {
    const values = DICTS.map((k) => meta[k]);
    const key = JSON.stringify(values);
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push({ codes: values.map((v, k) => code(dicts[k]!, v)), complete: meta.status === "complete" });
      groupIndex.set(key, g);
    }
    return g;
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
  /** A new row with its meta columns; returns its index. */
  const begin = (id: string, g: number, t: string, isSubmitted: boolean): number => {
    if (n === cap) grow();
    const row = n++;
    ids.push(id);
    const { codes } = groups[g]!;
    for (let k = 0; k < dicts.length; k++) dicts[k]!.codes[row] = codes[k]!;
    time[row] = Date.parse(t);
    submitted[row] = isSubmitted ? 1 : 0;
    if (newest === null || t > newest) newest = t;
    return row;
  };
  const addAnswers = (id: string, g: number, t: string, isSubmitted: boolean, answers: Answers) => {
    const row = begin(id, g, t, isSubmitted);
    let last = groups[g]!.complete ? slots.length : -1;
    for (const key in answers) {
      const e = byKey.get(key);
      if (e === undefined) continue;
      const raw = answers[key];
      if (raw === undefined) continue;
      e.enc.put(row, raw);
      if (e.index > last) last = e.index;
    }
    reached[row] = last;
  };

  return {
    group,
    addAnswers,
    add(meta, answers) {
      const t = meta.submittedAt ?? meta.startedAt;
      addAnswers(meta.id, group(meta), t, meta.submittedAt !== null, answers);
    },
    addCoded(id, g, t, isSubmitted, layout, bytes, text) {
      if (bytes.length !== layout.size || bytes[0] !== CODES_FORMAT)
        throw badCodes(id, "do not fit its survey version");
      const row = begin(id, g, t, isSubmitted);
      let last = groups[g]!.complete ? slots.length : -1;
      for (const { f, enc, index, choice } of planOf(layout)) {
        if (choice) {
          const at = f.offset;
          const state = f.width === 1 ? bytes[at]! : bytes[at]! | (bytes[at + 1]! << 8);
          if (state === CODE_ABSENT) continue;
          const i = state === CODE_SKIPPED ? -1 : choice[state - FIRST_CODE];
          if (i === undefined) throw badCodes(id, `hold a code that ${f.slot} does not have`);
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
