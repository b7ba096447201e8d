// `kuulo demo`: the whole job on the bundled example. A fresh store in the demo folder, the two
// bundled surveys registered, four workshop sessions, the typed-in paper forms imported through
// the real import pipeline, then full reports. Deletes nothing outside the demo folder.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../analysis/index.js";
import type { SurveyResponse } from "../definition/answers.js";
import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import type { Survey, Text } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { translator } from "../i18n/index.js";
import { newResponseId } from "../ids.js";
import { importFile } from "../import/import-file.js";
import { openStoreTarget } from "../import/store-target.js";
import { sectionTitles } from "../render/report/options.js";
import { createSession, listResponses, openStore, registerSurvey } from "../store/index.js";
import { projectResponses, sharedSurvey } from "./shared-survey.js";

/** The package root: this file is src/demo/ (tests) or dist/demo/ (built), two levels down. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Written into the demo folder, so that a later run knows the folder is its own to clear. */
const MARKER = ".kuulo-demo";

export const DEMO_SESSIONS = [
  { id: "kevat-1", name: "Kevään työpaja 1", date: "2025-03-12", place: "Pääkirjasto", wave: "baseline" },
  {
    id: "kevat-2",
    name: "Kevään työpaja 2",
    date: "2025-04-09",
    place: "Itäkeskuksen kirjasto",
    wave: "baseline",
  },
  { id: "syksy-1", name: "Syksyn työpaja 1", date: "2025-10-15", place: "Pääkirjasto", wave: "follow-up" },
  {
    id: "syksy-2",
    name: "Syksyn työpaja 2",
    date: "2025-11-12",
    place: "Itäkeskuksen kirjasto",
    wave: "follow-up",
  },
];

const WAVES = [
  {
    survey: "surveys/welcome-baseline.yaml",
    data: "fixtures/demo/baseline.csv",
    wave: "baseline",
    folder: "baseline",
  },
  {
    survey: "surveys/welcome-followup.yaml",
    data: "fixtures/demo/followup.csv",
    wave: "follow-up",
    folder: "followup",
  },
] as const;

export interface DemoOptions {
  dir: string;
  lang: string;
  /** Progress lines, as the demo goes. */
  say: (line: string) => void;
  now: () => Date;
  newId: () => string;
}

export interface DemoReport {
  name: string;
  dir: string;
  files: { path: string; bytes: number }[];
  responses: number;
}

export interface DemoResult {
  db: string;
  imported: { file: string; rows: number }[];
  reports: DemoReport[];
  shared: { questions: string[]; differing: string[] };
}

/** Clears what an earlier demo left (only its own files), or refuses a folder that is not a demo's. */
function prepareFolder(dir: string): void {
  if (existsSync(dir)) {
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER))
      throw new KuuloError(
        "DEMO_FOLDER_IN_USE",
        `The folder ${dir} is not empty and was not made by kuulo demo`,
        ExitCode.cantCreate,
        {
          hint: "Choose an empty or new folder with --out, e.g. kuulo demo --out kuulo-demo.",
        },
      );
    for (const f of ["kuulo.db", "kuulo.db-wal", "kuulo.db-shm", "report"])
      rmSync(join(dir, f), { recursive: true, force: true });
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, MARKER),
      "This folder was made by `kuulo demo`; the next run clears kuulo.db and report/ here.\n",
    );
  } catch (e) {
    throw new KuuloError("DEMO_CANNOT_WRITE", `Cannot write in the folder ${dir}`, ExitCode.cantCreate, {
      hint: "Choose another folder with --out, one you may write to.",
      cause: e,
    });
  }
}

async function importWave(
  db: string,
  survey: Survey,
  file: string,
  wave: string,
  o: DemoOptions,
): Promise<number> {
  let close = () => {};
  try {
    const result = await importFile({
      survey,
      file,
      openTarget: () => {
        const t = openStoreTarget(db, survey);
        close = () => t.close();
        return t;
      },
      wave,
      source: "paper",
      now: o.now,
      newId: o.newId,
    });
    if (result.kind !== "done" || !result.summary.committed)
      throw new KuuloError(
        "DEMO_IMPORT_FAILED",
        `The bundled demo data ${file} did not import`,
        ExitCode.internal,
        {
          hint: "Reinstall Kuulo (npm ci): the demo files ship with it. Try kuulo import on the file to see why.",
        },
      );
    return result.summary.imported;
  } finally {
    close();
  }
}

async function writeReport(
  name: string,
  survey: Survey,
  responses: SurveyResponse[],
  /** The stored responses behind them, under their own survey ids (for the publication ledger). */
  pool: SurveyResponse[],
  compare: boolean,
  dir: string,
  o: DemoOptions,
): Promise<DemoReport> {
  const { writeReportFiles } = await import("../reporting/report-output.js");
  const { publish, poolOfResponses } = await import("../reporting/publish.js");
  let newest: string | null = null;
  for (const r of responses) {
    const t = r.submittedAt ?? r.startedAt;
    if (newest === null || t > newest) newest = t;
  }
  const report = analyze(survey, responses, {
    ...(compare ? { compare: "wave" as const } : {}),
    ...(newest ? { generatedAt: newest } : {}),
    sessionNames: Object.fromEntries(DEMO_SESSIONS.map((s) => [s.id, s.name])),
  });
  const out = join(dir, "report", name);
  const formats = ["pdf", "html", "png", "md", "json"] as const;
  // Like kuulo report: protected together with the reports before it, and recorded in the ledger.
  const publication = await publish(join(dir, "kuulo.db"), {
    report,
    pool: poolOfResponses(pool),
    analysed: responses.map((r) => r.id),
    lang: o.lang,
    options: {
      by: null,
      compare: report.options.compare,
      filters: report.options.filters,
      minCell: report.options.minCell,
      lang: o.lang,
      formats,
    },
    now: o.now(),
  });
  const { written } = await writeReportFiles(publication.report, formats, out, {
    lang: o.lang,
    sections: sectionTitles(survey),
  });
  publication.done(written.map((w) => w.path));
  o.say(`  ${name}: ${written.length} files in ${out}`);
  return { name, dir: out, files: written, responses: responses.length };
}

/** The combined survey's title in every language the surveys have. */
function sharedTitle(baseline: Survey): Text {
  const title: Text = {};
  for (const lang of baseline.languages) {
    const name = (baseline.title[lang] ?? "").split(" – ")[0] ?? "";
    title[lang] = translator(lang)("demo.compare.title", { title: name });
  }
  return title;
}

export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  prepareFolder(o.dir);
  const db = join(o.dir, "kuulo.db");
  const surveys = WAVES.map((w) => loadSurvey(join(ROOT, w.survey)));
  o.say(`Creating a fresh store ${db} with the two bundled surveys and four workshop sessions…`);
  const store = openStore(db, { create: true });
  try {
    for (const s of surveys) registerSurvey(store, s, o.now());
    for (const s of DEMO_SESSIONS) createSession(store, s, o.now());
  } finally {
    store.close();
  }
  const imported: DemoResult["imported"] = [];
  for (const [i, w] of WAVES.entries()) {
    const file = join(ROOT, w.data);
    const rows = await importWave(db, surveys[i]!, file, w.wave, o);
    o.say(`Imported ${rows} paper forms from ${w.data} (wave ${w.wave}).`);
    imported.push({ file: w.data, rows });
  }

  const read = openStore(db, { readonly: true });
  let answers: SurveyResponse[][];
  try {
    answers = surveys.map((s) => listResponses(read, s.id));
  } finally {
    read.close();
  }
  o.say("Writing the reports (PDF, HTML, PNG charts, Markdown, JSON)…");
  const reports: DemoReport[] = [];
  for (const [i, w] of WAVES.entries())
    reports.push(await writeReport(w.folder, surveys[i]!, answers[i]!, answers[i]!, false, o.dir, o));
  const [baseline, followup] = surveys as [Survey, Survey];
  const shared = sharedSurvey(baseline, followup, "welcome-shared", sharedTitle(baseline));
  const both = projectResponses(shared, [...answers[0]!, ...answers[1]!]);
  reports.push(
    await writeReport("comparison", shared.survey, both, [...answers[0]!, ...answers[1]!], true, o.dir, o),
  );
  return { db, imported, reports, shared: { questions: shared.questionIds, differing: shared.differing } };
}

/** The demo as `kuulo demo` runs it: in a UI language (checked), with real time and fresh ids. */
export function runDemoIn(
  dir: string,
  lang: string | undefined,
  say: (line: string) => void,
): Promise<DemoResult> {
  return runDemo({
    dir,
    lang: checkLanguage(lang, ["fi", "sv", "en"]),
    say,
    now: () => new Date(),
    newId: () => newResponseId(),
  });
}
