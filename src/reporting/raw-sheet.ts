// The Excel report's optional sheet of individual responses (--raw): the analysed responses as
// the export's rows, free text masked like the Report's.
import { maskText } from "../analysis/mask.js";
import { filterResponses } from "../analysis/options.js";
import type { Report } from "../analysis/report.js";
import type { ResponseSource, SurveyResponse } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { cellsFor } from "../render/report/cells.js";
import { reportFormats } from "../render/report/format.js";
import type { RawData } from "../render/report/index.js";
import { localMasks } from "../render/report/view-extras.js";
import { exportColumns, exportRow } from "../store/table.js";

/**
 * The analysed responses as rows (the export's columns), free text masked like the Report's, for
 * the Excel report's optional data sheet.
 */
export function rawSheet(survey: Survey, report: Report, responses: SurveyResponse[], lang: string): RawData {
  const cells = cellsFor(reportFormats(lang, survey.languages[0] ?? lang), report.privacy.minCell);
  const f = report.options.filters;
  const { analysed } = filterResponses(responses, {
    includePartial: f.includePartial,
    ...(f.sessionIds ? { sessionIds: f.sessionIds } : {}),
    ...(f.waves ? { waves: f.waves } : {}),
    ...(f.sources ? { sources: f.sources as ResponseSource[] } : {}),
    ...(f.since ? { since: f.since } : {}),
    ...(f.until ? { until: f.until } : {}),
  });
  const columns = exportColumns(survey);
  const free = columns.map((c) => c.kind === "other-flag" || (c.kind === "slot" && c.slot.kind === "text"));
  const rows = analysed.map((r) =>
    exportRow(survey, columns, r, { lang }).map((v, i) =>
      free[i] && typeof v === "string" ? localMasks(cells, maskText(v).text) : v,
    ),
  );
  return { name: "Data", columns: columns.map((c) => c.name), rows };
}
