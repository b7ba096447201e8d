// Preloaded with `node --import` in a test: records every module URL the program resolves into
// the file named by KUULO_LOAD_LOG, one a line, those of worker threads marked "(worker thread)"
// (each thread runs this preload and has hooks of its own), so that a test can prove what a command
// does not load, and on which thread.
import { register } from "node:module";
import { threadId } from "node:worker_threads";

const hooks = `
import { appendFileSync } from "node:fs";
let thread = 0;
export async function initialize(data) { thread = data?.thread ?? 0; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.KUULO_LOAD_LOG)
    appendFileSync(process.env.KUULO_LOAD_LOG, r.url + (thread ? " (worker thread)" : "") + "\\n");
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { thread: threadId } });
