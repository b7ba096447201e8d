// The rules of the list screens as pure state machines: ticking with exclusive choices and a
// maximum, putting the top N in order, spreading points. Each maps a row and a key to a new
// state, a reply, or a message; list-prompt.ts only draws them and reads the keys.
import type {
  AllocateScreen,
  ChoiceOption,
  MultiScreen,
  QuestionScreen,
  RankingScreen,
  Reply,
} from "../prompter.js";
import type { ListConfig, ListKey, ListRow, Outcome } from "./list-prompt.js";

export type NavAction = "continue" | "reset" | "skip" | "back" | "repeat";

export interface ModelOptions {
  /** Offer "read aloud again" (with --speak). */
  speak: boolean;
  /** Called for "read aloud again"; the screen stays as it is. */
  onRepeat?: () => void;
}

type Model<S> = Pick<ListConfig<S, ListReply>, "initial" | "rows" | "act" | "status" | "start">;

/** Multi screens end with the picks; "other" is asked on a screen of its own after them. */
export type ListReply = Reply;

/** The buttons under the answers, in order. */
export function navActions(
  screen: QuestionScreen,
  o: { continueRow: boolean; reset?: boolean; speak: boolean },
): NavAction[] {
  const actions: NavAction[] = [];
  if (o.continueRow) actions.push("continue");
  if (o.reset) actions.push("reset");
  if (!screen.required && screen.type !== "info") actions.push("skip");
  if (screen.canBack) actions.push("back");
  if (o.speak) actions.push("repeat");
  return actions;
}

export function navLabel(action: NavAction, screen: Pick<QuestionScreen, "t">): string {
  const { t } = screen;
  switch (action) {
    case "continue":
      return t("run.next");
    case "reset":
      return t("run.allocate.reset");
    case "skip":
      return t("run.skip");
    case "back":
      return t("run.back");
    case "repeat":
      return `(( ${t("run.repeat")} ))`;
  }
}

function optionText(o: ChoiceOption): string {
  return o.face ? `${o.face}  ${o.label}` : o.label;
}

/** Shared handling of the button rows; undefined when the row is an answer row. */
function navOutcome<S>(
  action: NavAction | undefined,
  o: ModelOptions,
  onContinue: () => Outcome<S, ListReply>,
): Outcome<S, ListReply> | undefined {
  switch (action) {
    case undefined:
    case "reset":
      return undefined;
    case "continue":
      return onContinue();
    case "skip":
      return { done: { kind: "skip" } };
    case "back":
      return { done: { kind: "back" } };
    case "repeat":
      o.onRepeat?.();
      return {};
  }
}

function navRows(actions: NavAction[], screen: QuestionScreen): ListRow[] {
  return actions.map((a, i) => ({ text: navLabel(a, screen), ...(i === 0 ? { gap: true } : {}) }));
}

/** One answer with Enter; the current answer (going back) is where the cursor starts. */
export function choiceModel(
  screen: QuestionScreen & { options: ChoiceOption[]; current: unknown },
  o: ModelOptions,
): Model<null> {
  const { options } = screen;
  const actions = navActions(screen, { continueRow: false, speak: o.speak });
  const at = options.findIndex((x) => x.code === screen.current);
  const skipAt = actions.indexOf("skip");
  return {
    initial: null,
    start: at >= 0 ? at : screen.current === null && skipAt >= 0 ? options.length + skipAt : 0,
    rows: () => [...options.map((x) => ({ text: optionText(x) })), ...navRows(actions, screen)],
    act: (_s, row) => {
      const nav = navOutcome<null>(actions[row - options.length], o, () => ({}));
      if (nav || row >= options.length) return nav ?? {};
      return { done: { kind: "answer", value: options[row]!.code } };
    },
  };
}

/** Buttons only (info screens): the first goes on. */
export function buttonsModel(screen: QuestionScreen, o: ModelOptions): Model<null> {
  const actions: NavAction[] = ["continue", ...navActions(screen, { continueRow: false, speak: o.speak })];
  return {
    initial: null,
    start: 0,
    rows: () => navRows(actions, screen),
    act: (_s, row) => navOutcome<null>(actions[row], o, () => ({ done: { kind: "next" } })) ?? {},
  };
}

export interface MultiState {
  picked: string[];
}

export function multiModel(screen: MultiScreen, o: ModelOptions): Model<MultiState> {
  const { t, options } = screen;
  const actions = navActions(screen, { continueRow: true, speak: o.speak });
  const inOrder = (codes: string[]) => options.map((x) => x.code).filter((c) => codes.includes(c));
  return {
    initial: { picked: Array.isArray(screen.current) ? screen.current : [] },
    start: 0,
    rows: (s) => [
      ...options.map((x) => {
        const only = x.exclusive ? `  (${t("run.multi.only")})` : "";
        return { text: `[${s.picked.includes(x.code) ? "x" : " "}] ${optionText(x)}${only}` };
      }),
      ...navRows(actions, screen),
    ],
    act: (s, row, key) => {
      const nav = navOutcome<MultiState>(actions[row - options.length], o, () => {
        const r = screen.check(s.picked);
        return r.ok
          ? { done: { kind: "answer", value: r.value } }
          : { error: t(r.problem.key, r.problem.vars) };
      });
      if (nav || row >= options.length) return nav ?? {};
      if (key === "left" && !s.picked.includes(options[row]!.code)) return {};
      return toggle(s, options[row]!, screen, inOrder);
    },
  };
}

function toggle(
  s: MultiState,
  x: ChoiceOption,
  screen: MultiScreen,
  inOrder: (c: string[]) => string[],
): Outcome<MultiState, ListReply> {
  if (s.picked.includes(x.code)) return { state: { picked: s.picked.filter((c) => c !== x.code) } };
  // Picking "none of these" clears the rest; picking anything else clears "none of these".
  const exclusive = new Set(screen.options.filter((y) => y.exclusive).map((y) => y.code));
  const picked = x.exclusive ? [x.code] : inOrder([...s.picked.filter((c) => !exclusive.has(c)), x.code]);
  const max = screen.check(picked);
  if (!max.ok && max.problem.key === "run.error.pickAtMost")
    return { error: screen.t(max.problem.key, max.problem.vars) };
  return { state: { picked } };
}

export interface RankingState {
  order: string[];
}

export function rankingModel(screen: RankingScreen, o: ModelOptions): Model<RankingState> {
  const { t, options, count } = screen;
  const actions = navActions(screen, { continueRow: true, speak: o.speak });
  return {
    initial: { order: Array.isArray(screen.current) ? screen.current : [] },
    start: 0,
    rows: (s) => [
      ...options.map((x) => {
        const rank = s.order.indexOf(x.code);
        return { text: `[${rank < 0 ? " " : rank + 1}] ${optionText(x)}` };
      }),
      ...navRows(actions, screen),
    ],
    status: (s) =>
      s.order.length < count ? t("run.ranking.left", { n: count - s.order.length }) : t("run.ranking.ready"),
    act: (s, row, key) => {
      const nav = navOutcome<RankingState>(actions[row - options.length], o, () =>
        s.order.length === count
          ? { done: { kind: "answer", value: s.order } }
          : { error: t("run.error.rankingCount", { top: count, n: s.order.length }) },
      );
      if (nav || row >= options.length) return nav ?? {};
      const code = options[row]!.code;
      if (s.order.includes(code)) return { state: { order: s.order.filter((c) => c !== code) } };
      if (key === "left") return {};
      if (s.order.length >= count) return { error: t("run.ranking.full", { top: count }) };
      return { state: { order: [...s.order, code] } };
    },
  };
}

export interface AllocateState {
  points: Record<string, number>;
}

export function allocateModel(screen: AllocateScreen, o: ModelOptions): Model<AllocateState> {
  const { t, options, points } = screen;
  const actions = navActions(screen, { continueRow: true, reset: true, speak: o.speak });
  const spent = (s: AllocateState) => Object.values(s.points).reduce((a, b) => a + b, 0);
  const at = (s: AllocateState, code: string) => s.points[code] ?? 0;
  return {
    initial: { points: screen.current && typeof screen.current === "object" ? { ...screen.current } : {} },
    start: 0,
    rows: (s) => [
      ...options.map((x) => {
        const n = at(s, x.code);
        const dots = points <= 20 && n > 0 ? `  ${"●".repeat(n)}` : "";
        return { text: `${String(n).padStart(String(points).length)}  ${optionText(x)}${dots}` };
      }),
      ...navRows(actions, screen),
    ],
    status: (s) => t("run.allocate.left", { n: points - spent(s) }),
    act: (s, row, key: ListKey) => {
      const action = actions[row - options.length];
      if (action === "reset") return { state: { points: {} } };
      const nav = navOutcome<AllocateState>(action, o, () => {
        const left = points - spent(s);
        if (left > 0) return { error: t("run.error.pointsLeft", { n: left }) };
        const value = Object.fromEntries(
          options.filter((x) => at(s, x.code) > 0).map((x) => [x.code, at(s, x.code)]),
        );
        return { done: { kind: "answer", value } };
      });
      if (nav || row >= options.length) return nav ?? {};
      const code = options[row]!.code;
      if (key === "left")
        return at(s, code) > 0 ? { state: { points: { ...s.points, [code]: at(s, code) - 1 } } } : {};
      if (spent(s) >= points) return { error: t("run.allocate.none") };
      return { state: { points: { ...s.points, [code]: at(s, code) + 1 } } };
    },
  };
}
