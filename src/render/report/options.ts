// What every report renderer takes besides the Report: the language, and the survey's section
// titles (the Report names sections by id only). Renderers never read files or the clock.
import type { Text } from "../../definition/model.js";

export interface SectionTitle {
  id: string;
  title: Text;
}

export interface ReportRenderOptions {
  /** Report language: "fi", "sv" or "en" (words, number and date formats). */
  lang: string;
  /** Section titles from the survey; a section without one is headed by its id. */
  sections?: SectionTitle[];
}

/** Section titles from a survey definition, for ReportRenderOptions.sections. */
export function sectionTitles(survey: { sections: { id: string; title: Text }[] }): SectionTitle[] {
  return survey.sections.map((s) => ({ id: s.id, title: s.title }));
}
