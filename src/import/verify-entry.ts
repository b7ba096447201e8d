// Double data entry: two people type the same pile of forms; every cell where their files
// disagree is listed (form, column, both values) so the paper can be checked before import.
// Cells are compared by meaning ("Viikoittain" = "weekly", "3,0" = "3", "x" = "1"). Pure.
import type { Question, Survey } from "../definition/model.js";
import { defaultLanguage } from "../definition/model.js";
import { type ColumnRole, columnCatalog } from "./columns.js";
import type { SourceRecord } from "./read-csv.js";
import {
  type ChoiceIndex,
  indexChoices,
  parseChoice,
  parseChoiceList,
  parseFlag,
  parseNumber,
} from "./values.js";

export interface EntryFile {
  name: string;
  header: string[];
  rows: SourceRecord[];
}

export interface CellDifference {
  form: string;
  column: string;
  first: string;
  second: string;
  firstLine: number;
  secondLine: number;
}

export interface EntryComparison {
  pairedBy: "form_no" | "row order";
  pairs: number;
  differences: CellDifference[];
  /** Columns present in only one of the files. */
  onlyFirstColumns: string[];
  onlySecondColumns: string[];
  /** Forms (or row numbers) present in only one file. */
  onlyFirstForms: { form: string; line: number }[];
  onlySecondForms: { form: string; line: number }[];
  /** Form numbers used on more than one row of the same file. */
  duplicateForms: { file: string; form: string; lines: number[] }[];
}

const key = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

export function compareEntries(survey: Survey, a: EntryFile, b: EntryFile): EntryComparison {
  const catalog = columnCatalog(survey);
  const canon = canonicalizer(survey, catalog);
  const colsA = new Map(a.header.map((h, i) => [key(h), i] as const).filter(([k]) => k !== ""));
  const colsB = new Map(b.header.map((h, i) => [key(h), i] as const).filter(([k]) => k !== ""));
  const shared = [...colsA.keys()].filter((k) => colsB.has(k));
  const formKey = colsA.has("form_no") && colsB.has("form_no") ? "form_no" : undefined;

  const label = (f: EntryFile, r: SourceRecord, i: number): string =>
    formKey ? (r.fields[(f === a ? colsA : colsB).get(formKey)!] ?? "").trim() : `row ${i + 1}`;
  const index = (f: EntryFile) => {
    const m = new Map<string, SourceRecord>();
    const lines = new Map<string, number[]>();
    f.rows.forEach((r, i) => {
      const k = label(f, r, i);
      lines.set(k, [...(lines.get(k) ?? []), r.line]);
      if (!m.has(k)) m.set(k, r);
    });
    const dups = [...lines]
      .filter(([, l]) => l.length > 1)
      .map(([form, l]) => ({ file: f.name, form, lines: l }));
    return { m, dups };
  };
  const ia = index(a);
  const ib = index(b);
  const differences: CellDifference[] = [];
  let pairs = 0;
  for (const [form, ra] of ia.m) {
    const rb = ib.m.get(form);
    if (!rb) continue;
    pairs++;
    for (const col of shared) {
      const va = ra.fields[colsA.get(col)!] ?? "";
      const vb = rb.fields[colsB.get(col)!] ?? "";
      if (va === vb || canon(col, va) === canon(col, vb)) continue;
      differences.push({
        form,
        column: a.header[colsA.get(col)!]!.trim(),
        first: va,
        second: vb,
        firstLine: ra.line,
        secondLine: rb.line,
      });
    }
  }
  return {
    pairedBy: formKey ? "form_no" : "row order",
    pairs,
    differences,
    onlyFirstColumns: [...colsA.keys()].filter((k) => !colsB.has(k)),
    onlySecondColumns: [...colsB.keys()].filter((k) => !colsA.has(k)),
    onlyFirstForms: [...ia.m].filter(([f]) => !ib.m.has(f)).map(([form, r]) => ({ form, line: r.line })),
    onlySecondForms: [...ib.m].filter(([f]) => !ia.m.has(f)).map(([form, r]) => ({ form, line: r.line })),
    duplicateForms: [...ia.dups, ...ib.dups],
  };
}

/** The meaning of a cell under its column, as a comparable string. */
function canonicalizer(
  survey: Survey,
  catalog: Map<string, ColumnRole>,
): (column: string, raw: string) => string {
  const lang = defaultLanguage(survey);
  const indexes = new Map<string, ChoiceIndex>();
  const ix = (q: Question) => {
    let i = indexes.get(q.id);
    if (!i) {
      i = indexChoices("choices" in q ? q.choices : [], lang);
      indexes.set(q.id, i);
    }
    return i;
  };
  const plain = (raw: string) => `t:${raw.trim().replace(/\s+/g, " ")}`;
  return (column, raw) => {
    const role = catalog.get(column);
    if (!role || role.kind === "meta" || role.kind === "ignore" || role.kind === "unnamed") return plain(raw);
    if (raw.trim() === "" && role.kind !== "flag") return "";
    if (role.kind === "flag") {
      const f = parseFlag(raw);
      return f.ok ? `f:${f.value === true}` : plain(raw);
    }
    if (role.kind === "rank" || role.kind === "points") {
      const n = parseNumber(raw);
      return n.ok ? `n:${n.value}` : plain(raw);
    }
    const q = role.slot.question;
    switch (role.slot.kind) {
      case "choice": {
        const c = parseChoice(raw, ix(q));
        return c.ok ? `c:${c.value}` : plain(raw);
      }
      case "choices":
      case "ranking": {
        const l = parseChoiceList(raw, ix(q));
        if (l.bad.length > 0) return plain(raw);
        return `l:${(role.slot.kind === "choices" ? [...new Set(l.codes)].sort() : l.codes).join(";")}`;
      }
      case "number": {
        const n = parseNumber(raw);
        return n.ok ? `n:${n.value}` : plain(raw);
      }
      default:
        return plain(raw);
    }
  };
}
