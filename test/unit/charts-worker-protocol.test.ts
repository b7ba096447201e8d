// An error thrown while drawing a chart on a worker thread arrives on the main thread as the same
// error: a KuuloError keeps its class, code, exit code, hint and location through structured
// cloning (which alone would keep only the message), and any other error its name and message.
import { describe, expect, it } from "vitest";
import { ExitCode, KuuloError } from "../../src/errors.js";
import { rethrown, thrownData } from "../../src/render/charts/worker-protocol.js";

/** The error as the other thread sees it: through postMessage's structured cloning. */
const across = (e: unknown) => rethrown(structuredClone(thrownData(e)));

describe("errors from a chart worker", () => {
  it("arrive as the same KuuloError, code, exit code, hint and details included", () => {
    const sent = new KuuloError("CHART_FONT_MISSING", "Cannot load the chart font x.ttf", ExitCode.internal, {
      hint: "Reinstall Kuulo (npm ci): the fonts/ folder ships with it.",
      location: { file: "fonts/x.ttf" },
      details: ["one", "two"],
    });
    const got = across(sent);
    expect(got).toBeInstanceOf(KuuloError);
    const k = got as KuuloError;
    expect([k.code, k.message, k.exitCode, k.hint]).toEqual([sent.code, sent.message, 1, sent.hint]);
    expect(k.location).toEqual({ file: "fonts/x.ttf" });
    expect(k.options.details).toEqual(["one", "two"]);
  });

  it("keep the name, message and stack of any other error", () => {
    const sent = new TypeError("Cannot read properties of undefined (reading 'width')");
    const got = across(sent);
    expect(got).not.toBeInstanceOf(KuuloError);
    expect([got.name, got.message, got.stack]).toEqual([sent.name, sent.message, sent.stack]);
    expect(across("a string").message).toBe("a string");
  });
});
