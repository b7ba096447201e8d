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
import { grown, moveRows, type RowOrder, type SlotEncoder, slotEncoder } from "./column-encoders.js";
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
   * For rows that come in another order than their final one: every row's id in the final order,
   * before any row. Each row is then added by its place (its index in `ids`) instead of its id.
   */
  placeRows(ids: string[]): void;
  /**
   * One response given by its id (or place, see placeRows), meta group, time (submittedAt, else
   * startedAt), whether it was submitted, and its answers as an object.
   */
  addAnswers(id: RowKey, group: number, time: string, submitted: boolean, answers: Answers): void;
  /**
   * The same with answers as a block of answer codes of its version's layout (fields of slots
   * the survey does not have are ignored); `text(slot)` gives a text slot's stored text.
   */
  addCoded(
    id: RowKey,
    group: number,
    time: string,
    submitted: boolean,
    layout: CodeLayout,
    bytes: Uint8Array,
    text: (slot: string) => string | null,
  ): void;
  finish(): ResponseColumns;
}

/** A new row's id, or after placeRows its place. */
export type RowKey = string | number;

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
  let ids: string[] = [];
  let placed = false;
  // After placeRows: where[row] is the place of the row added row-th.
  let where = new Int32Array(0);
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
  const idOf = (key: RowKey) => (typeof key === "number" ? (ids[key] ?? String(key)) : key);
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
  const begin = (key: RowKey, g: number, t: string, isSubmitted: boolean): number => {
    if (placed !== (typeof key === "number"))
      throw new Error("Rows are added by place after placeRows, else by id");
    if (n === cap) grow();
    const row = n++;
    if (typeof key === "number") where[row] = key;
    else ids.push(key);
    const { codes } = groups[g]!;
    for (let k = 0; k < dicts.length; k++) dicts[k]!.codes[row] = codes[k]!;
    time[row] = Date.parse(t);
    submitted[row] = isSubmitted ? 1 : 0;
    if (newest === null || t > newest) newest = t;
    return row;
  };
  const addAnswers = (id: RowKey, g: number, t: string, isSubmitted: boolean, answers: Answers) => {
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
    placeRows(all) {
      if (n > 0 || placed) throw new Error("placeRows comes before any row");
      placed = true;
      ids = all;
      where = new Int32Array(ids.length);
      while (cap < ids.length) grow();
    },
    addAnswers,
    add(meta, answers) {
      const t = meta.submittedAt ?? meta.startedAt;
      addAnswers(meta.id, group(meta), t, meta.submittedAt !== null, answers);
    },
    addCoded(id, g, t, isSubmitted, layout, bytes, text) {
      if (bytes.length !== layout.size || bytes[0] !== CODES_FORMAT)
        throw badCodes(idOf(id), "do not fit its survey version");
      const row = begin(id, g, t, isSubmitted);
      let last = groups[g]!.complete ? slots.length : -1;
      for (const { f, enc, index, choice } of planOf(layout)) {
        if (choice) {
          const at = f.offset;
          const state = f.width === 1 ? bytes[at]! : bytes[at]! | (bytes[at + 1]! << 8);
          if (state === CODE_ABSENT) continue;
          const i = state === CODE_SKIPPED ? -1 : choice[state - FIRST_CODE];
          if (i === undefined) throw badCodes(idOf(id), `hold a code that ${f.slot} does not have`);
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
      const order = placed ? rowOrder(where, n, ids.length) : undefined;
      const sized = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(a: T): T => {
        const b = a.length === n ? a : (a.subarray(0, n) as T);
        if (order) moveRows(b, order, 1);
        return b;
      };
      const dict = (k: number): DictColumn => {
        const d = dicts[k]!;
        const codes = sized(d.codes);
        // Codes numbered as rows added in their final order would have got them.
        return order ? inFirstUse(d.values, codes) : { values: d.values, codes };
      };
      const cols = encoders.map((e) => e.finish(n, order));
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

/**
 * A dictionary renumbered in the order its values first appear in the rows (the codes are
 * changed in place): rows added out of order get the codes rows added in order would have.
 */
function inFirstUse(values: (string | null)[], codes: Uint32Array): DictColumn {
  const to = new Int32Array(values.length).fill(-1);
  const used: (string | null)[] = [];
  for (let row = 0; row < codes.length && used.length < to.length; row++) {
    const c = codes[row]!;
    if (to[c] === -1) {
      to[c] = used.length;
      used.push(values[c]!);
    }
  }
  for (let row = 0; row < codes.length; row++) codes[row] = to[codes[row]!]!;
  return { values: used, codes };
}

/** The order of rows added by place; every place must have come exactly once. */
function rowOrder(where: Int32Array, n: number, places: number): RowOrder {
  const seen = new Uint8Array(places);
  if (n === places)
    for (let row = 0; row < n; row++) {
      const p = where[row]!;
      if (p < 0 || p >= places || seen[p] === 1) break;
      seen[p] = 1;
    }
  if (n !== places || seen.includes(0))
    throw new Error(`The rows added by place do not fill the ${places} places exactly once`);
  return { where, scratch: new ArrayBuffer(0) };
}

/** Columns of SurveyResponse objects (tests, the demo, fixtures). */
export function columnsOf(survey: Survey, responses: readonly SurveyResponse[]): ResponseColumns {
  const b = columnsBuilder(survey, responses.length);
  for (const r of responses) b.add(r, r.answers);
  return b.finish();
}
