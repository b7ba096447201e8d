// The linear-programming solver for tests of the privacy audit, loaded once per test file.
import { beforeAll } from "vitest";
import { loadSolver } from "../../src/privacy/lp.js";

export type Highs = Awaited<ReturnType<typeof loadSolver>>;

/** Loads the solver before the file's tests; call the returned function inside a test. */
export function useSolver(): () => Highs {
  let highs: Highs | undefined;
  beforeAll(async () => {
    highs = await loadSolver();
  });
  return () => highs!;
}
