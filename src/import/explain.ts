// Why a file's header names no question of the survey, in words a person can act on: another
// delimiter, another survey, or a missing header line. Pure.
import { surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { delimiterName } from "./delimiter.js";
import type { SourceInfo } from "./read-csv.js";
import { indexChoices, parseChoice } from "./values.js";

export function explainNothingImported(
  header: readonly string[],
  info: SourceInfo,
  survey: Survey,
): { details: string[]; hint: string } {
  const named = header.map((h) => h.trim()).filter((h) => h !== "");
  const shown = named.slice(0, 8).map((h) => JSON.stringify(h.length > 40 ? `${h.slice(0, 40)}…` : h));
  const details = [
    `the header line has ${named.length} column(s): ${shown.join(", ")}${named.length > 8 ? ", …" : ""}`,
  ];
  const ids = surveySlots(survey).map((s) => s.id);
  details.push(`the survey's columns are: ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", …" : ""}`);
  if (info.format === "csv" && named.length <= 1) {
    const other = [";", ",", "\t"].find((d) => d !== info.delimiter && (named[0] ?? "").includes(d));
    if (other)
      return {
        details: [
          ...details,
          `the whole header is one cell, split by ${delimiterName(other)} rather than ${delimiterName(info.delimiter ?? ",")}`,
        ],
        hint: `The file seems to use another delimiter: try --delimiter ${other === "\t" ? "tab" : `"${other}"`}.`,
      };
  }
  // Values where the header should be: the first line is a form, not column names.
  const lang = survey.languages[0] ?? "fi";
  const looksLikeAnswers = surveySlots(survey).some((slot) => {
    const q = slot.question;
    if (!("choices" in q)) return false;
    const ix = indexChoices(q.choices, lang);
    return named.some((h) => parseChoice(h, ix).ok && !/^\d+$/.test(h));
  });
  if (looksLikeAnswers)
    return {
      details,
      hint: "The first line looks like answers, not column names. Put the header line (from npx kuulo template) first.",
    };
  return {
    details,
    hint: `Is this a file for another survey? Check the survey file given, or print the right header with "npx kuulo template".`,
  };
}
