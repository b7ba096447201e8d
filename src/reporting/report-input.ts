// What `kuulo report` reports on: the survey definition and its stored responses, from a survey
// id, a version hash (prefix) or a survey file. Every stored version of the survey is included
// (the Report counts them by version); the definition is the newest one, or the file's.
import type { SurveyResponse } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";

export interface ReportInput {
  survey: Survey;
  responses: SurveyResponse[];
  /** Stored versions the responses belong to (at least the definition's own). */
  versions: string[];
  /** Time of the newest response (submitted, else started): the report's date, not the clock. */
  newest: string | null;
  /** The names people gave the sessions, by id: a report prints these, not the ids. */
  sessionNames: Record<string, string>;
}

/** Survey ids and hashes have neither a file extension nor a path separator. */
const looksLikeFile = (ref: string) => /\.ya?ml$/i.test(ref) || /[/\\]/.test(ref);

export async function readReportInput(dbPath: string, ref: string): Promise<ReportInput> {
  const { openStore, findSurveyVersions, surveyByHash, iterateResponses, listSessions } = await import(
    "../store/index.js"
  );
  const store = openStore(dbPath, { readonly: true });
  try {
    let survey: Survey;
    let source: string;
    if (looksLikeFile(ref)) {
      const { loadSurvey } = await import("../definition/load.js");
      survey = loadSurvey(ref);
      try {
        findSurveyVersions(store, survey.id);
      } catch (e) {
        if (e instanceof KuuloError && e.code === "STORE_UNKNOWN_SURVEY")
          throw new KuuloError(
            "REPORT_NO_DATA",
            `The database ${dbPath} holds no responses to survey "${survey.id}".`,
            ExitCode.noInput,
            {
              hint: "Check --db (or $KUULO_DB), or collect or import answers first: kuulo run / kuulo import.",
            },
          );
        throw e;
      }
      source = survey.id;
    } else {
      const versions = findSurveyVersions(store, ref);
      const byHash = versions.length === 1 && ref !== versions[0]!.id;
      survey = surveyByHash(store, versions.at(-1)!.hash);
      // A hash names one version; an id names them all.
      source = byHash ? survey.hash : survey.id;
    }
    const responses = [...iterateResponses(store, source)];
    const versions = [...new Set(responses.map((r) => r.surveyHash))].sort();
    let newest: string | null = null;
    for (const r of responses) {
      const t = r.submittedAt ?? r.startedAt;
      if (newest === null || t > newest) newest = t;
    }
    const sessionNames = Object.fromEntries(listSessions(store).map((s) => [s.id, s.name]));
    return { survey, responses, versions, newest, sessionNames };
  } finally {
    store.close();
  }
}
