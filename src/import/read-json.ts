// Reads Kuulo's own JSON export ({ survey, responses: [...] }) as the records of a data file: a
// header of the export's columns, then each response as the cells a CSV export would hold, so
// that every value goes through the same mapping and checks as CSV and XLSX. Wrongly typed
// values become located notes (the cell is left blank) instead of being guessed at.
import { readFileSync } from "node:fs";
import { type AnswerValue, type Slot, type SurveyResponse, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, fileError, KuuloError } from "../errors.js";
import { exportColumns, exportRow } from "../store/table.js";
import type { CellNote, RecordSource, SourceInfo, SourceRecord } from "./read-csv.js";

const BATCH = 500;

type Note = Omit<CellNote, "code"> & { code: JsonNoteCode };
export type JsonNoteCode = "JSON_BAD_VALUE" | "JSON_UNKNOWN_ANSWER" | "JSON_OTHER_SURVEY";

/** The expected JSON type of a slot's value, and whether `v` has it. */
function shapeOf(slot: Slot): { name: string; ok: (v: unknown) => boolean } {
  switch (slot.kind) {
    case "choice":
    case "text":
      return { name: "a text", ok: (v) => typeof v === "string" };
    case "number":
      return { name: "a number", ok: (v) => typeof v === "number" && Number.isFinite(v) };
    case "choices":
    case "ranking":
      return {
        name: "a list of choice codes",
        ok: (v) => Array.isArray(v) && v.every((x) => typeof x === "string"),
      };
    case "allocation":
      return {
        name: "an object of choice codes and points",
        ok: (v) =>
          v !== null &&
          typeof v === "object" &&
          !Array.isArray(v) &&
          Object.values(v).every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0),
      };
  }
}

const META_FIELDS: { key: keyof SurveyResponse; column: string; type: "string" | "nullable" | "boolean" }[] =
  [
    { key: "id", column: "response_id", type: "string" },
    { key: "sessionId", column: "session", type: "nullable" },
    { key: "wave", column: "wave", type: "nullable" },
    { key: "source", column: "source", type: "string" },
    { key: "language", column: "language", type: "string" },
    { key: "plain", column: "plain", type: "boolean" },
    { key: "status", column: "status", type: "string" },
    { key: "startedAt", column: "started_at", type: "string" },
    { key: "submittedAt", column: "submitted_at", type: "nullable" },
  ];

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

export class JsonSource implements RecordSource {
  readonly info: SourceInfo = { format: "json" };
  readonly problem = null;
  bytesRead = 0;

  constructor(
    private readonly path: string,
    private readonly survey: Survey,
  ) {}

  private parse(): unknown[] {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (e) {
      throw fileError(e, this.path, "read");
    }
    this.bytesRead = bytes.length;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new KuuloError("JSON_NOT_UTF8", `${this.path} is not UTF-8 text`, ExitCode.dataError, {
        location: { file: this.path },
        hint: "Import the file kuulo export --format json wrote, unchanged. Nothing was imported.",
      });
    }
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
      throw new KuuloError(
        "JSON_INVALID",
        `${this.path} is not valid JSON: ${(e as Error).message.slice(0, 200)}`,
        ExitCode.dataError,
        {
          location: { file: this.path },
          hint: "The file was probably cut short or edited by hand; export it again. Nothing was imported.",
        },
      );
    }
    const top = data as { survey?: { id?: unknown }; responses?: unknown } | null;
    if (top === null || typeof top !== "object" || Array.isArray(top) || !Array.isArray(top.responses))
      throw new KuuloError(
        "JSON_NOT_EXPORT",
        `${this.path} is not a Kuulo JSON export: it has no "responses" list`,
        ExitCode.dataError,
        {
          location: { file: this.path },
          hint: 'Import a file written by kuulo export SURVEY --format json ({ "survey": …, "responses": [ … ] }). Nothing was imported.',
        },
      );
    const fileSurvey = top.survey?.id;
    if (fileSurvey !== undefined && fileSurvey !== this.survey.id)
      throw new KuuloError(
        "JSON_OTHER_SURVEY",
        `${this.path} is an export of the survey ${short(fileSurvey)}, not of ${this.survey.id}`,
        ExitCode.dataError,
        {
          location: { file: this.path },
          hint: `Import it with the survey file of ${short(fileSurvey)}, or check that this is the right file. Nothing was imported.`,
        },
      );
    if (top.responses.length === 0)
      throw new KuuloError("JSON_NO_RESPONSES", `${this.path} holds no responses`, ExitCode.dataError, {
        location: { file: this.path },
        hint: "Export the survey again once it has responses, or check that this is the right file. Nothing was imported.",
      });
    this.info.responses = top.responses.length;
    return top.responses;
  }

  async *batches(): AsyncGenerator<SourceRecord[]> {
    const list = this.parse();
    const survey = this.survey;
    const columns = exportColumns(survey);
    const header = columns.map((c) => c.name);
    const index = new Map(header.map((h, i) => [h, i]));
    const slots = new Map(surveySlots(survey).map((s) => [s.id, s]));
    yield [{ fields: header, line: 0 }];
    let batch: SourceRecord[] = [];
    for (let i = 0; i < list.length; i++) {
      batch.push(this.record(list[i], i + 1, columns, index, slots));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  private record(
    item: unknown,
    n: number,
    columns: ReturnType<typeof exportColumns>,
    index: Map<string, number>,
    slots: Map<string, Slot>,
  ): SourceRecord {
    const notes: Note[] = [];
    const r = (item !== null && typeof item === "object" && !Array.isArray(item) ? item : {}) as Record<
      string,
      unknown
    >;
    const idText = typeof r.id === "string" ? r.id : undefined;
    const where = `response ${n}${idText ? ` (id ${idText})` : ""}`;
    if (r !== item) {
      notes.push({ index: -1, address: "the response", code: "JSON_BAD_VALUE", message: "is not an object" });
      return { fields: columns.map(() => ""), line: n, where, notes: notes as CellNote[] };
    }
    if (r.surveyId !== undefined && r.surveyId !== this.survey.id)
      notes.push({
        index: -1,
        address: 'field "surveyId"',
        code: "JSON_OTHER_SURVEY",
        value: short(r.surveyId),
        message: `is another survey's response (this is ${this.survey.id})`,
      });
    const clean: SurveyResponse = {
      id: "",
      surveyId: this.survey.id,
      surveyHash: this.survey.hash,
      sessionId: null,
      wave: null,
      source: "paper",
      language: "",
      plain: false,
      startedAt: "",
      submittedAt: null,
      status: "complete",
      answers: {},
    };
    const c = clean as unknown as Record<string, unknown>;
    for (const f of META_FIELDS) {
      const v = r[f.key];
      if (v === undefined || (v === null && f.type === "nullable")) {
        c[f.key] = f.type === "boolean" ? false : f.type === "nullable" ? null : "";
        continue;
      }
      const ok = f.type === "boolean" ? typeof v === "boolean" : typeof v === "string";
      if (ok) c[f.key] = v;
      else {
        c[f.key] = f.type === "boolean" ? false : f.type === "nullable" ? null : "";
        notes.push({
          index: index.get(f.column) ?? -1,
          address: `field "${f.key}"`,
          code: "JSON_BAD_VALUE",
          value: short(v),
          message: `is ${kindOf(v)}; expected ${f.type === "boolean" ? "true or false" : f.type === "nullable" ? "a text or null" : "a text"}`,
        });
      }
    }
    const answers = r.answers ?? {};
    if (answers === null || typeof answers !== "object" || Array.isArray(answers))
      notes.push({
        index: -1,
        address: 'field "answers"',
        code: "JSON_BAD_VALUE",
        message: "is not an object",
      });
    else
      for (const [key, v] of Object.entries(answers)) {
        const slot = slots.get(key);
        if (!slot) {
          notes.push({
            index: -1,
            address: `answer "${key}"`,
            code: "JSON_UNKNOWN_ANSWER",
            value: short(v),
            message: `is not a question of ${this.survey.id}`,
          });
          continue;
        }
        if (v === null) continue;
        const shape = shapeOf(slot);
        const unknown = shape.ok(v) ? unknownCode(slot, v) : undefined;
        if (shape.ok(v) && unknown === undefined) clean.answers[key] = v as AnswerValue;
        else if (unknown !== undefined)
          notes.push({
            index: index.get(key) ?? -1,
            address: `answer "${key}"`,
            code: "JSON_BAD_VALUE",
            value: short(v),
            message: unknown,
          });
        else
          notes.push({
            index: index.get(key) ?? index.get(`${slot.question.id}.${firstChoice(slot)}`) ?? -1,
            address: `answer "${key}"`,
            code: "JSON_BAD_VALUE",
            value: short(v),
            message: `is ${kindOf(v)}; expected ${shape.name}`,
          });
      }
    const fields = exportRow(this.survey, columns, clean).map((cell) =>
      cell === null ? "" : typeof cell === "number" ? String(cell) : cell,
    );
    const rec: SourceRecord = { fields, line: n, where };
    if (notes.length > 0) rec.notes = notes as CellNote[];
    return rec;
  }
}

function firstChoice(slot: Slot): string {
  const q = slot.question;
  return "choices" in q ? (q.choices[0]?.value ?? "") : "";
}

/**
 * For a list or points of choices: why a code cannot be stored (not a choice of the question,
 * or named twice), since the export's per-choice columns would silently leave it out.
 */
function unknownCode(slot: Slot, v: unknown): string | undefined {
  const q = slot.question;
  if (!("choices" in q) || (slot.kind !== "choices" && slot.kind !== "ranking" && slot.kind !== "allocation"))
    return undefined;
  const codes = new Set(q.choices.map((c) => c.value));
  const list = Array.isArray(v) ? (v as string[]) : Object.keys(v as object);
  const bad = list.find((c) => !codes.has(c));
  if (bad !== undefined)
    return `contains ${JSON.stringify(bad)}, which is not a choice of ${q.id} (expected one of: ${[...codes].join(", ")})`;
  if (new Set(list).size < list.length) return "names a choice twice";
  return undefined;
}

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "number") return "a number";
  if (typeof v === "string") return "a text";
  return `${typeof v}`;
}
