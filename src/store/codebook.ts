// The codebook that goes with an export: for every column the question it holds, its type and
// what each value means, in one language; as rows (for CSV) and as Markdown. Pure.
import { OTHER_CODE } from "../definition/answers.js";
import { defaultLanguage, hasItems, type Question, type Survey, type Text } from "../definition/model.js";
import { type MessageKey, pickText, translator } from "../i18n/index.js";
import type { ExportColumn } from "./export-table.js";

export interface CodebookRow {
  column: string;
  question: string;
  type: string;
  /** A code or number as it appears in the export; empty for "any text / number". */
  value: string;
  label: string;
}

export const CODEBOOK_HEADER = ["column", "question", "type", "value", "label"] as const;

export function codebookRows(survey: Survey, columns: readonly ExportColumn[], lang?: string): CodebookRow[] {
  const fb = defaultLanguage(survey);
  const l = lang ?? fb;
  const t = translator(l);
  const text = (x: Text | undefined) => pickText(x, l, fb);
  const rows: CodebookRow[] = [];
  const add = (c: Omit<CodebookRow, "value" | "label">, values: [string, string][]) => {
    for (const [value, label] of values) rows.push({ ...c, value, label });
  };
  for (const col of columns) {
    if (col.kind === "meta") {
      add(
        { column: col.name, question: t(`export.meta.${col.name}` as MessageKey), type: "meta" },
        metaValues(col.name, t),
      );
      continue;
    }
    const q = col.slot.question;
    const base = { column: col.name, type: q.type };
    switch (col.kind) {
      case "flag":
        add({ ...base, question: `${text(q.text)} — ${text(col.choice.label)}` }, [
          ["1", t("export.value.picked")],
          ["0", t("export.value.notPicked")],
        ]);
        break;
      case "rank":
        add({ ...base, question: `${text(q.text)} — ${text(col.choice.label)}` }, [
          ["", t("export.value.rank")],
        ]);
        break;
      case "points":
        add({ ...base, question: `${text(q.text)} — ${text(col.choice.label)}` }, [
          ["", t("export.value.points", { points: "points" in q ? q.points : 0 })],
        ]);
        break;
      case "other-flag":
        add({ ...base, type: "text", question: `${text(q.text)} — ${otherLabel(q, text)}` }, [
          ["", t("export.value.otherText")],
          ["1", t("export.value.picked")],
          ["0", t("export.value.notPicked")],
        ]);
        break;
      case "slot": {
        const slot = col.slot;
        const item = slot.item && hasItems(q) ? q.items.find((i) => i.id === slot.item) : undefined;
        const question = slot.other
          ? `${text(q.text)} — ${otherLabel(q, text)}`
          : item
            ? `${text(q.text)} — ${text(item.text)}`
            : text(q.text);
        const type = slot.other ? "text" : q.type;
        if (!slot.other && "choices" in q)
          add(
            { ...base, type, question },
            q.choices.map((c): [string, string] => [
              c.value,
              text(c.label) + (c.missing ? ` (${t("export.value.missing")})` : ""),
            ]),
          );
        else if ("integer" in q)
          add({ ...base, question }, [
            [
              "",
              q.min !== undefined && q.max !== undefined
                ? t("export.value.numberRange", { min: q.min, max: q.max })
                : t("export.value.number"),
            ],
          ]);
        else add({ ...base, type, question }, [["", t("export.value.text")]]);
      }
    }
  }
  return rows;
}

function otherLabel(q: Question, text: (x: Text | undefined) => string): string {
  const other = "choices" in q ? q.choices.find((c) => c.value === OTHER_CODE) : undefined;
  return other ? text(other.label) : OTHER_CODE;
}

function metaValues(name: string, t: ReturnType<typeof translator>): [string, string][] {
  switch (name) {
    case "source":
      return (["interactive", "paper", "import"] as const).map((s) => [s, t(`export.source.${s}`)]);
    case "status":
      return (["partial", "complete"] as const).map((s) => [s, t(`export.status.${s}`)]);
    case "plain":
      return [
        ["1", t("export.value.yes")],
        ["0", t("export.value.no")],
      ];
    case "started_at":
    case "submitted_at":
      return [["", t("export.value.time")]];
    default:
      return [["", t("export.value.text")]];
  }
}

/** The codebook as a Markdown document: one table row per column, values listed in it. */
export function codebookMarkdown(survey: Survey, rows: readonly CodebookRow[], lang?: string): string {
  const fb = defaultLanguage(survey);
  const l = lang ?? fb;
  const t = translator(l);
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const lines = [
    `# ${t("export.codebook.title", { title: pickText(survey.title, l, fb) })}`,
    "",
    t("export.codebook.about", { id: survey.id, version: survey.hash.slice(0, 12) }),
    "",
    t("export.codebook.blank"),
    "",
    `| ${t("export.codebook.column")} | ${t("export.codebook.question")} | ${t("export.codebook.type")} | ${t("export.codebook.values")} |`,
    "|---|---|---|---|",
  ];
  const byColumn = new Map<string, CodebookRow[]>();
  for (const r of rows) byColumn.set(r.column, [...(byColumn.get(r.column) ?? []), r]);
  for (const [column, list] of byColumn) {
    const first = list[0]!;
    const values = list.map((r) => (r.value === "" ? r.label : `\`${r.value}\` = ${r.label}`)).join("<br>");
    lines.push(`| \`${column}\` | ${cell(first.question)} | ${first.type} | ${cell(values)} |`);
  }
  return `${lines.join("\n")}\n`;
}
