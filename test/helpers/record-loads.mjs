// Preloaded with `node --import` in a test: records every module URL the program resolves into
// the file named by KUULO_LOAD_LOG, one a line, those of worker threads marked "(worker thread)"
// (each thread runs this preload and has hooks of its own), so that a test can prove what a command
// does not load, and on which thread. CommonJS files loaded with require() (a module may require a
// CommonJS package rather than import it) are recorded too, as file URLs.
import { appendFileSync } from "node:fs";
import Module, { register } from "node:module";
import { pathToFileURL } from "node:url";
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

const load = Module._load;
Module._load = function (request, parent, isMain, ...rest) {
  const log = process.env.KUULO_LOAD_LOG;
  if (log && !Module.isBuiltin(request)) {
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      appendFileSync(log, `${pathToFileURL(file).href}${threadId ? " (worker thread)" : ""}\n`);
    } catch {}
  }
  return load.call(this, request, parent, isMain, ...rest);
};
