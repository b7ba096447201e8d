// What `kuulo report` reports on: the survey definition and its stored responses, from a survey
// id, a version hash (prefix) or a survey file. Every stored version of the survey is included
// (the Report counts them by version); the definition is the newest one, or the file's.
import type { ResponseColumns } from "../analysis/columns.js";
import { columnsBuilder, type RowKey } from "../analysis/columns-builder.js";
import { type SurveyResponse, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { storeLabel } from "../store/errors.js";
import type { PageRowOf } from "../store/index.js";

type StoreModule = typeof import("../store/index.js");

export interface ReportInput {
  survey: Survey;
  /** The stored responses of the survey as columns (every version, before filters). */
  columns: ResponseColumns;
  /** The same as objects: only when asked for (the Excel report's sheet of responses, --raw). */
  responses?: SurveyResponse[];
  /** Stored versions the responses belong to (at least the definition's own). */
  versions: string[];
  /** Time of the newest response (submitted, else started): the report's date, not the clock. */
  newest: string | null;
  /** The names people gave the sessions, by id: a report prints these, not the ids. */
  sessionNames: Record<string, string>;
}

/** Survey ids and hashes have neither a file extension nor a path separator. */
const looksLikeFile = (ref: string) => /\.ya?ml$/i.test(ref) || /[/\\]/.test(ref);

export async function readReportInput(
  dbPath: string,
  ref: string,
  options: { responses?: boolean; progress?: (done: number, total: number) => void } = {},
): Promise<ReportInput> {
  const st = await import("../store/index.js");
  const { openStore, findSurveyVersions, surveyByHash, iterateResponses, listSessions } = st;
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
            `The database ${storeLabel(dbPath)} holds no responses to survey "${survey.id}".`,
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
    const columns = readColumns(st, store, survey, source, options.progress);
    const versions = columns.meta.surveyHash.values.filter((v) => v !== null).sort();
    const sessionNames = Object.fromEntries(listSessions(store).map((s) => [s.id, s.name]));
    const input = { survey, columns, versions, newest: columns.newest, sessionNames };
    return options.responses ? { ...input, responses: [...iterateResponses(store, source)] } : input;
  } finally {
    store.close();
  }
}

/**
 * The responses of `source` as columns, read a page at a time: each row's answer codes decoded
 * field by field into the columns (the JSON only for a row without codes), and the free texts of
 * the text slots (json_extract, only where there is one). No object per response: the fields
 * that repeat come as one string, looked up once per row. SQLite's table is read in its own order,
 * each row placed by its id's rank; otherwise the rows come in id order.
 */
function readColumns(
  st: StoreModule,
  store: InstanceType<StoreModule["Store"]>,
  survey: Survey,
  source: string,
  progress?: (done: number, total: number) => void,
): ResponseColumns {
  const { PAGE_ROW: P, codeLayoutOf } = st;
  const texts = surveySlots(survey)
    .filter((s) => s.kind === "text")
    .map((s) => s.id);
  const textAt = new Map(texts.map((id, k) => [id, P.texts + k]));
  let b = columnsBuilder(survey, 1024);
  let total = 0;
  let done = 0;
  // Per distinct meta string: its group in the builder, its version, and that version's layout
  // of codes once a row has codes (codeLayoutOf keeps each layout per store and version).
  const groups = new Map<string, { group: number; hash: string; layout?: ReturnType<typeof codeLayoutOf> }>();
  let row: PageRowOf<RowKey> = [] as unknown as PageRowOf<RowKey>;
  const text = (slot: string) => row[textAt.get(slot)!] as string | null;
  const add = (key: RowKey) => {
    const meta = row[P.meta];
    let g = groups.get(meta);
    if (g === undefined) {
      const m = st.codePageMeta(meta);
      g = { group: b.group(m), hash: m.surveyHash };
      groups.set(meta, g);
    }
    const submitted = row[P.submitted] === 1;
    const codes = row[P.codes];
    if (codes === null) {
      b.addAnswers(key, g.group, row[P.time], submitted, st.decodeAnswers(row[P.answers] as string));
      return;
    }
    g.layout ??= codeLayoutOf(store, g.hash);
    b.addCoded(key, g.group, row[P.time], submitted, g.layout, codes, text);
  };
  const ranked = st.readRankedCodePages(
    store,
    source,
    {
      ids(ids) {
        b = columnsBuilder(survey, ids.length);
        b.placeRows(ids);
        total = ids.length;
      },
      page(rows, places) {
        for (let k = 0; k < rows.length; k++) {
          row = rows[k]!;
          add(places[k]!);
        }
        done += rows.length;
        progress?.(done, total);
      },
    },
    { texts },
  );
  if (ranked) return b.finish();
  total = st.countResponses(store, source);
  b = columnsBuilder(survey, total);
  for (const page of st.iterateCodePages(store, source, {}, { texts })) {
    for (row of page) add(row[P.id]);
    done += page.length;
    progress?.(done, total);
  }
  return b.finish();
}
