// The answer codes of a store's survey versions (see definition/answer-codes.ts): each version's
// layout, built once per store, and the block the store writes beside a response's answers.
import { type CodeLayout, codeLayout } from "../definition/answer-codes.js";
import type { Answers } from "../definition/answers.js";
import type { Store } from "./open.js";
import { codesBlob } from "./rebuild-codes.js";
import { surveyByHash } from "./surveys.js";

const layouts = new WeakMap<Store, Map<string, CodeLayout>>();

/** The code layout of a stored survey version (built once per store and version). */
export function codeLayoutOf(store: Store, surveyHash: string): CodeLayout {
  let byHash = layouts.get(store);
  if (!byHash) {
    byHash = new Map();
    layouts.set(store, byHash);
  }
  let layout = byHash.get(surveyHash);
  if (!layout) {
    layout = codeLayout(surveyByHash(store, surveyHash));
    byHash.set(surveyHash, layout);
  }
  return layout;
}

/**
 * The block the store writes for a response's answers: null when they cannot be held exactly
 * or the version is not (or not intact) in the store, whose own checks then speak.
 */
export function codesFor(store: Store, surveyHash: string, answers: Answers): Buffer | null {
  let layout: CodeLayout | undefined;
  try {
    layout = codeLayoutOf(store, surveyHash);
  } catch {
    return null;
  }
  return codesBlob(layout, answers);
}
