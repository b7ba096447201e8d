// `kuulo responses list|show|delete` as library calls: read stored responses whole (so that a
// damaged database fails before anything is printed), describe one, erase some on request.
import type { ResponseSource, ResponseStatus, SurveyResponse } from "../definition/answers.js";
import { ExitCode, KuuloError } from "../errors.js";
import { describeResponse } from "../render/describe-response.js";
import {
  type AnswerParadata,
  answerParadata,
  deleteResponses,
  getResponse,
  iterateResponses,
  openStore,
  surveyByHash,
} from "../store/index.js";
import { confirmAtTerminal } from "../terminal/confirm.js";
import type { Io } from "../terminal/io.js";

export interface ResponseListRequest {
  dbPath: string;
  survey?: string;
  status?: ResponseStatus;
  sessionId?: string;
  wave?: string;
  source?: ResponseSource;
  since?: string;
  until?: string;
}

/** The responses that match, read whole. */
export function listStoredResponses(r: ResponseListRequest): SurveyResponse[] {
  const { dbPath, survey, ...filters } = r;
  const store = openStore(dbPath, { readonly: true });
  try {
    return [...iterateResponses(store, survey, filters)];
  } finally {
    store.close();
  }
}

/** One response with its answer times, and (`asText`) as text in `lang` (default: its own language). */
export function showStoredResponse(
  dbPath: string,
  id: string,
  asText: boolean,
  lang?: string,
): { response: SurveyResponse; paradata: AnswerParadata[]; text: string } {
  const store = openStore(dbPath, { readonly: true });
  try {
    const response = getResponse(store, id);
    if (!response)
      throw new KuuloError(
        "STORE_UNKNOWN_RESPONSE",
        `There is no response ${id} in ${store.path}.`,
        ExitCode.noInput,
        { hint: "kuulo responses list shows the ids." },
      );
    const paradata = answerParadata(store, response.id);
    const text = asText
      ? describeResponse(surveyByHash(store, response.surveyHash), response, paradata, lang)
      : "";
    return { response, paradata, text };
  } finally {
    store.close();
  }
}

/**
 * Erases responses, after asking at the terminal unless `yes`; null when the person said no.
 * The database must exist: erasing from a new, empty one would report nothing done as done.
 */
export async function deleteStoredResponses(
  io: Io,
  dbPath: string,
  ids: string[],
  yes: boolean,
): Promise<{ path: string; removed: ReturnType<typeof deleteResponses> } | null> {
  const store = openStore(dbPath, { create: false });
  try {
    if (
      !yes &&
      !(await confirmAtTerminal(
        io,
        `Delete ${ids.length} response(s) and all their answers? This cannot be undone.`,
        "Check the ids first with kuulo responses show ID.",
      ))
    )
      return null;
    return { path: store.path, removed: deleteResponses(store, ids) };
  } finally {
    store.close();
  }
}
