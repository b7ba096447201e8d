// The data-entry workbook: a Forms sheet (ids as headers, frozen header row, a drop-down on every
// closed column, number limits, the question as a note on each header), a Codebook sheet
// (column → question → value → label), Instructions in the chosen language, and a hidden sheet
// holding the drop-down lists. Returns bytes; writing the file is the command's job.
import ExcelJS from "exceljs";
import type { Survey } from "../definition/model.js";
import { pickText, translator } from "../i18n/index.js";
import type { TemplateColumn } from "./template.js";

/** Rows prepared with drop-downs and limits; enough for a large pile of forms. */
export const TEMPLATE_ROWS = 2000;

type Validation = ExcelJS.DataValidation;
interface WithValidations {
  dataValidations: { add(address: string, v: Validation): void };
}

function colLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function renderXlsxTemplate(
  survey: Survey,
  columns: readonly TemplateColumn[],
  lang: string,
): Promise<Buffer> {
  const t = translator(lang);
  const fallback = survey.languages[0] ?? lang;
  const label = (c: { label: Record<string, string> }) => pickText(c.label, lang, fallback);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kuulo";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;

  const forms = wb.addWorksheet(t("template.sheet.forms"), { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = wb.addWorksheet("lists", { state: "hidden" });
  const listRanges = new Map<string, string>();
  const listFor = (col: TemplateColumn): string => {
    const key = col.question!.id;
    const hit = listRanges.get(key);
    if (hit) return hit;
    const n = listRanges.size + 1;
    const labels = col.choices!.map(label);
    labels.forEach((l, i) => {
      lists.getCell(i + 1, n).value = l;
    });
    const range = `lists!$${colLetter(n)}$1:$${colLetter(n)}$${labels.length}`;
    listRanges.set(key, range);
    return range;
  };

  forms.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.min(40, Math.max(10, c.header.length + 2)),
  }));
  const header = forms.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
  columns.forEach((c, i) => {
    header.getCell(i + 1).note = c.title;
    const v = validationFor(c, t, c.choices ? listFor(c) : undefined);
    if (v)
      (forms as unknown as WithValidations).dataValidations.add(
        `${colLetter(i + 1)}2:${colLetter(i + 1)}${TEMPLATE_ROWS + 1}`,
        v,
      );
    if (c.kind === "text" || c.kind === "other" || c.kind === "meta") forms.getColumn(i + 1).numFmt = "@"; // as text: Excel must not turn 1-2 into a date
  });

  const book = wb.addWorksheet(t("template.sheet.codebook"), { views: [{ state: "frozen", ySplit: 1 }] });
  book.columns = [
    { header: t("template.col.column"), width: 28 },
    { header: t("template.col.question"), width: 60 },
    { header: t("template.col.value"), width: 14 },
    { header: t("template.col.label"), width: 40 },
  ];
  book.getRow(1).font = { bold: true };
  for (const c of columns) {
    if (c.choices) for (const ch of c.choices) book.addRow([c.header, c.title, ch.value, label(ch)]);
    else book.addRow([c.header, c.kind === "meta" ? t("template.formNo") : c.title, "", describe(c, t)]);
  }

  const help = wb.addWorksheet(t("template.sheet.instructions"));
  help.getColumn(1).width = 110;
  help.addRow([`${t("template.instructions.title")} – ${pickText(survey.title, lang, fallback)}`]).font = {
    bold: true,
    size: 14,
  };
  help.addRow([]);
  for (let i = 1; i <= 8; i++) {
    const row = help.addRow([
      `${i}. ${t(`template.instructions.${i}` as Parameters<typeof t>[0], { survey: survey.id })}`,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function validationFor(
  c: TemplateColumn,
  t: ReturnType<typeof translator>,
  listRange?: string,
): Validation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorTitle: c.header };
  switch (c.kind) {
    case "choice":
      // A warning, not a stop: typing a code ("3", "dk") instead of picking a label is fine too.
      return {
        ...common,
        type: "list",
        formulae: [`=${listRange}`],
        errorStyle: "warning",
        error: t("template.dropdownError", { codes: c.choices!.map((ch) => ch.value).join(", ") }),
      };
    case "flag":
      return {
        ...common,
        type: "list",
        formulae: ['"x,1"'],
        errorStyle: "warning",
        error: t("template.tick"),
      };
    case "rank":
    case "points":
    case "number":
      if (c.min === undefined && c.max === undefined)
        return {
          ...common,
          type: c.integer ? "whole" : "decimal",
          operator: "greaterThan",
          formulae: [-1e15],
          error: describe(c, t),
        };
      return {
        ...common,
        type: c.integer ? "whole" : "decimal",
        operator:
          c.min !== undefined && c.max !== undefined
            ? "between"
            : c.min !== undefined
              ? "greaterThanOrEqual"
              : "lessThanOrEqual",
        formulae: c.min !== undefined && c.max !== undefined ? [c.min, c.max] : [c.min ?? c.max],
        error: describe(c, t),
      };
    case "text":
    case "other":
      return {
        ...common,
        type: "textLength",
        operator: "lessThanOrEqual",
        formulae: [c.maxLength ?? 2000],
        error: describe(c, t),
      };
    default:
      return undefined;
  }
}

function describe(c: TemplateColumn, t: ReturnType<typeof translator>): string {
  switch (c.kind) {
    case "flag":
      return t("template.tick");
    case "rank":
      return t("template.rank", { top: c.max ?? 1 });
    case "points":
      return t("template.points", { points: c.max ?? 0 });
    case "number": {
      const base =
        c.min !== undefined && c.max !== undefined
          ? t("template.numberRange", { min: c.min, max: c.max })
          : t("template.number");
      return c.integer ? `${base} (${t("template.integer")})` : base;
    }
    case "text":
      return t("template.text", { max: c.maxLength ?? 2000 });
    case "other":
      return t("template.otherText");
    default:
      return "";
  }
}
