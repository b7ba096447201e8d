// The rules of the tick, ranking and points screens as state machines: what each key does to
// the ticked rows, the order, the points, and which answer it gives.
import { describe, expect, it } from "vitest";
import type { AllocateScreen, MultiScreen, RankingScreen } from "../../src/session/prompter.js";
import {
  allocateModel,
  multiModel,
  navActions,
  rankingModel,
} from "../../src/session/terminal/list-models.js";
import type { ListKey } from "../../src/session/terminal/list-prompt.js";
import { screenOf } from "../helpers/minimal-screens.js";

type Step = [number, ListKey];
function play<S, R>(
  model: { initial: S; act: (s: S, row: number, key: ListKey) => { state?: S; done?: R; error?: string } },
  steps: Step[],
) {
  let state = model.initial;
  let last: { state?: S; done?: R; error?: string } = {};
  for (const [row, key] of steps) {
    last = model.act(state, row, key);
    if (last.state !== undefined) state = last.state;
  }
  return { state, last };
}

describe("multiModel (hours, fines, none = exclusive, other; min/max none)", () => {
  const screen = screenOf("barriers", { visit_freq: "never" }) as MultiScreen;
  const model = multiModel(screen, { speak: false });
  const actions = navActions(screen, { continueRow: true, speak: false });
  const row = (a: string) => screen.options.length + actions.indexOf(a as never);
  it.each<[string, Step[], string[]]>([
    [
      "tick two",
      [
        [1, "enter"],
        [0, "enter"],
      ],
      ["hours", "fines"],
    ],
    [
      "untick",
      [
        [0, "enter"],
        [0, "space"],
      ],
      [],
    ],
    [
      "the exclusive choice clears the rest",
      [
        [0, "enter"],
        [1, "enter"],
        [2, "enter"],
      ],
      ["none"],
    ],
    [
      "another choice clears the exclusive one",
      [
        [2, "enter"],
        [3, "enter"],
      ],
      ["other"],
    ],
    [
      "← only takes a tick away",
      [
        [0, "left"],
        [1, "enter"],
        [1, "left"],
      ],
      [],
    ],
  ])("%s", (_name, steps, picked) => {
    expect(play(model, steps as Step[]).state.picked).toEqual(picked);
  });
  it("continues only with a valid answer, and offers skip and back", () => {
    expect(actions).toEqual(["continue", "skip", "back"]);
    expect(play(model, [[row("continue"), "enter"]]).last.error).toBe("Pick at least one answer.");
    expect(
      play(model, [
        [1, "enter"],
        [row("continue"), "enter"],
      ]).last.done,
    ).toEqual({ kind: "answer", value: ["fines"] });
    expect(play(model, [[row("skip"), "enter"]]).last.done).toEqual({ kind: "skip" });
    expect(play(model, [[row("back"), "enter"]]).last.done).toEqual({ kind: "back" });
  });
  it("starts from the earlier answer and offers 'read again' with speech", () => {
    const again = multiModel(
      { ...screen, current: ["fines"] },
      { speak: true, onRepeat: () => calls.push(1) },
    );
    const calls: number[] = [];
    expect(again.initial).toEqual({ picked: ["fines"] });
    const rows = again.rows(again.initial).map((r) => r.text);
    expect(rows.at(-1)).toMatch(/Read aloud again/);
    again.act(again.initial, rows.length - 1, "enter");
    expect(calls).toEqual([1]);
  });
  it("refuses a tick beyond max", () => {
    const capped = multiModel(
      {
        ...screen,
        check: (codes) =>
          codes.length > 1
            ? { ok: false, problem: { key: "run.error.pickAtMost", vars: { max: 1 } } }
            : { ok: true, value: codes },
      },
      { speak: false },
    );
    const r = play(capped, [
      [0, "enter"],
      [1, "enter"],
    ]);
    expect(r.state.picked).toEqual(["hours"]);
    expect(r.last.error).toBe("Pick at most 1.");
  });
});

describe("rankingModel (top 2 of 3)", () => {
  const screen = screenOf("rank") as RankingScreen;
  const model = rankingModel(screen, { speak: false });
  const cont = screen.options.length;
  it.each<[string, Step[], string[], string | undefined]>([
    [
      "in the order picked",
      [
        [2, "enter"],
        [0, "enter"],
      ],
      ["help", "quiet"],
      undefined,
    ],
    [
      "taking one away renumbers",
      [
        [2, "enter"],
        [0, "enter"],
        [2, "enter"],
      ],
      ["quiet"],
      undefined,
    ],
    [
      "a third is refused",
      [
        [2, "enter"],
        [0, "enter"],
        [1, "enter"],
      ],
      ["help", "quiet"],
      "You have picked 2 already. To change, take one away first.",
    ],
    [
      "continue too early",
      [
        [1, "enter"],
        [cont, "enter"],
      ],
      ["easy"],
      "Pick 2 in order. Now you have 1.",
    ],
  ])("%s", (_name, steps, order, error) => {
    const r = play(model, steps as Step[]);
    expect(r.state.order).toEqual(order);
    expect(r.last.error).toBe(error);
  });
  it("shows ranks as numbers beside the choices and what is left", () => {
    const r = play(model, [[1, "enter"]]);
    expect(
      model
        .rows(r.state)
        .map((x) => x.text)
        .slice(0, 3),
    ).toEqual(["[ ] Quiet space", "[1] Easy-read books", "[ ] Help"]);
    expect(model.status?.(r.state)).toBe("Pick 1 more.");
    const done = play(model, [
      [1, "enter"],
      [2, "enter"],
      [cont, "enter"],
    ]);
    expect(done.last.done).toEqual({ kind: "answer", value: ["easy", "help"] });
  });
});

describe("allocateModel (5 points over 2)", () => {
  const screen = screenOf("dots") as AllocateScreen;
  const model = allocateModel(screen, { speak: false });
  const actions = navActions(screen, { continueRow: true, reset: true, speak: false });
  const row = (a: string) => screen.options.length + actions.indexOf(a as never);
  it("adds with → or Enter, takes away with ←, never below 0 or over the total", () => {
    const r = play(model, [
      [0, "right"],
      [0, "enter"],
      [1, "right"],
      [0, "left"],
      [1, "left"],
      [1, "left"],
    ]);
    expect(r.state.points).toEqual({ quiet: 1, easy: 0 });
    const full = play(model, [
      [0, "right"],
      [0, "right"],
      [0, "right"],
      [1, "right"],
      [1, "right"],
      [1, "right"],
    ]);
    expect(full.state.points).toEqual({ quiet: 3, easy: 2 });
    expect(full.last.error).toBe("No points left. Take a point away from another first.");
    expect(model.status?.(full.state)).toBe("Points left: 0");
  });
  it("continues only when every point is given, without the zeros", () => {
    expect(
      play(model, [
        [0, "right"],
        [row("continue"), "enter"],
      ]).last.error,
    ).toBe("Points still left: 4. Give them all first.");
    const five: Step[] = Array.from({ length: 5 }, () => [1, "right"]);
    expect(play(model, [...five, [row("continue"), "enter"]] as Step[]).last.done).toEqual({
      kind: "answer",
      value: { easy: 5 },
    });
  });
  it("starts again from nothing", () => {
    expect(
      play(model, [
        [0, "right"],
        [row("reset"), "enter"],
      ]).state.points,
    ).toEqual({});
  });
});
