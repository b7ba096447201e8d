// Preloaded with `node --import` in a test: records every module URL the program resolves into
// the file named by KUULO_LOAD_LOG, so a test can prove `kuulo --help` loads no heavy module.
import { register } from "node:module";

const hooks = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.KUULO_LOAD_LOG) appendFileSync(process.env.KUULO_LOAD_LOG, r.url + "\\n");
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
