// A child process for the store's fault tests, run with node against the built dist/:
//   write <db> <survey.yaml> <count> <tag>   count responses, answer by answer (a kiosk's pace)
//   hang <db> <survey.yaml> <count>          count responses committed, then count more inside
//                                            a transaction that never ends (killed from outside)
//   answers <db> <survey.yaml>               one response, answers saved one by one, forever
// It prints one line per durable step so the parent knows what must survive a SIGKILL.
import { loadSurvey } from "../../dist/definition/load.js";
import {
  beginTransaction,
  completeResponse,
  createResponse,
  openStore,
  registerSurvey,
  saveAnswer,
  saveResponses,
} from "../../dist/store/index.js";

const [mode, db, surveyPath, countArg, tag = "a"] = process.argv.slice(2);
const survey = loadSurvey(surveyPath);
const count = Number(countArg ?? 0);
const store = openStore(db, { create: true });
const idFor = (i) => `${tag.padEnd(8, "0").slice(0, 8)}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const at = (i) => new Date(Date.UTC(2025, 2, 14, 9, 0, 0, i));

function finished(i) {
  return {
    id: idFor(i),
    surveyId: survey.id,
    surveyHash: survey.hash,
    sessionId: null,
    wave: null,
    source: "interactive",
    language: "fi",
    plain: false,
    startedAt: at(i).toISOString(),
    submittedAt: at(i).toISOString(),
    status: "complete",
    answers: { visit_freq: "weekly", wishes: `response ${i}` },
  };
}

if (mode === "write") {
  for (let i = 0; i < count; i++) {
    const r = createResponse(store, { survey, id: idFor(i), source: "interactive", startedAt: at(i) });
    saveAnswer(store, r.id, "visit_freq", i % 2 ? "weekly" : "never", at(i));
    saveAnswer(store, r.id, "wishes", `${tag} ${i}`, at(i));
    completeResponse(store, r.id, at(i));
  }
  store.close();
  process.stdout.write(`done ${count}\n`);
} else if (mode === "hang") {
  registerSurvey(store, survey);
  saveResponses(
    store,
    Array.from({ length: count }, (_, i) => finished(i)),
  );
  process.stdout.write(`committed ${count}\n`);
  beginTransaction(store);
  saveResponses(
    store,
    Array.from({ length: count }, (_, i) => finished(count + i)),
  );
  process.stdout.write("in-transaction\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until SIGKILL
} else if (mode === "answers") {
  const r = createResponse(store, { survey, id: idFor(0), source: "interactive", startedAt: at(0) });
  for (let i = 1; ; i++) {
    saveAnswer(store, r.id, "wishes", `answer ${i}`, at(i));
    process.stdout.write(`saved ${i}\n`);
  }
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
