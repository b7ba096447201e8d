// Validation-time checks of a parsed show_if against the survey: unknown or forward references,
// answer codes that do not exist, and comparisons that can never be meaningful. Reports problems
// only; it must not depend on answers (that is evaluate.ts) nor on how the survey is stored.
import { didYouMean } from "../suggest.js";
import type { CompareExpr, ContainsExpr, Expr, ExprCode, ExprProblem, RefExpr, Span } from "./ast.js";
import { childrenOf, isCondition } from "./ast.js";

export interface RefInfo {
  kind: "choice" | "choices" | "number" | "text" | "ranking" | "allocation";
  /** Valid answer codes of choice, choices, ranking and allocation slots (absent if unknown). */
  codes?: string[];
  /** The referenced question is the one holding the show_if, or comes after it. */
  later: boolean;
}

type Kind = RefInfo["kind"];
/** What an operand is, as far as checking cares; "unknown" silences follow-on errors. */
type Side =
  | { t: "slot"; ref: RefExpr; info: RefInfo }
  | { t: "string" | "number"; node: Expr; value: string }
  | { t: "bool" | "list" | "unknown"; node: Expr };

const MULTI: Kind[] = ["choices", "ranking", "allocation"];
const CODED: Kind[] = ["choice", ...MULTI];
const NUMERIC = /^-?\d+(\.\d+)?$/;

type Found = ExprProblem | undefined;
type SlotSide = Extract<Side, { t: "slot" }>;

function problem(code: ExprCode, at: Span, message: string, hint?: string): ExprProblem {
  return { code, message, start: at.start, end: at.end, ...(hint ? { hint } : {}) };
}
const typeError = (at: Span, message: string, hint?: string) =>
  problem("SURVEY_EXPR_TYPE", at, message, hint);
const LIST_HINT = "Write e.g. visit_freq in ['rarely', 'never'].";

export function checkExpression(
  expr: Expr,
  lookup: (ref: string) => RefInfo | undefined,
  suggest: (ref: string) => string | undefined,
): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const add = (p: Found): void => {
    if (p) problems.push(p);
  };
  const known = new Map<RefExpr, RefInfo>();

  const refs = (e: Expr): void => {
    if (e.kind === "ref") {
      const info = lookup(e.id);
      const s = info ? undefined : suggest(e.id);
      if (!info)
        add(
          problem(
            "SURVEY_UNKNOWN_REF",
            e,
            `There is no question "${e.id}".`,
            s
              ? `Did you mean "${s}"?`
              : "Refer to an earlier question by its id, or to one statement as matrix.item.",
          ),
        );
      else if (info.later)
        add(
          problem(
            "SURVEY_LATER_REF",
            e,
            `"${e.id}" is not asked before this question.`,
            "show_if may only look back at earlier questions; move this question after it.",
          ),
        );
      if (info) known.set(e, info);
    }
    for (const c of childrenOf(e)) refs(c);
  };

  const side = (e: Expr): Side => {
    if (e.kind === "ref") {
      const info = known.get(e);
      return info ? { t: "slot", ref: e, info } : { t: "unknown", node: e };
    }
    if (e.kind === "string") return { t: "string", node: e, value: e.value };
    if (e.kind === "number") return { t: "number", node: e, value: String(e.value) };
    if (e.kind === "list") return { t: "list", node: e };
    return { t: isCondition(e) ? "bool" : "unknown", node: e };
  };

  const visit = (e: Expr): void => {
    switch (e.kind) {
      case "and":
      case "or":
        condition(e.left);
        condition(e.right);
        return;
      case "not":
        condition(e.operand);
        return;
      case "compare":
        add(compare(e, side(e.left), side(e.right)));
        break;
      case "in": {
        const l = side(e.left);
        if (l.t === "slot") for (const item of e.list.items) add(answerValue(l, side(item)));
        else if (l.t === "bool" || l.t === "list")
          add(typeError(e.left, "Only a question can be in a list.", LIST_HINT));
        break;
      }
      case "contains":
        add(contains(e, side(e.left), side(e.right)));
        break;
      default:
        return;
    }
    // Parenthesised conditions used as operands, e.g. (a == 1) == true.
    for (const c of childrenOf(e)) visit(c);
  };

  const condition = (e: Expr): void => {
    if (e.kind === "ref")
      add(
        typeError(
          e,
          `"${e.id}" on its own is not a condition.`,
          `Write answered(${e.id}), or compare it: ${e.id} == 'code'.`,
        ),
      );
    else if (!isCondition(e))
      add(
        typeError(
          e,
          "A value on its own is not a condition.",
          "Compare a question with it: visit_freq == 'weekly'.",
        ),
      );
    visit(e);
  };

  refs(expr);
  condition(expr);
  return problems;
}

/** A literal used as an answer of `slot`: the right type, and one of its codes when it has codes. */
function answerValue({ ref, info }: SlotSide, lit: Side): Found {
  if (lit.t === "unknown") return undefined;
  if (lit.t !== "string" && lit.t !== "number")
    return typeError(
      lit.t === "slot" ? lit.ref : lit.node,
      `"${ref.id}" can only be compared with an answer code.`,
    );
  if (info.kind === "number" && lit.t === "string")
    return typeError(
      lit.node,
      `"${ref.id}" is a number question; compare it with a number, not a text.`,
      "Remove the quotes.",
    );
  if (info.kind === "text" && lit.t === "number")
    return typeError(
      lit.node,
      `"${ref.id}" is a text question; compare it with a quoted text.`,
      `Write '${lit.value}'.`,
    );
  if (!CODED.includes(info.kind) || !info.codes || info.codes.includes(lit.value)) return undefined;
  const codes = info.codes.length > 12 ? `${info.codes.slice(0, 12).join(", ")}, …` : info.codes.join(", ");
  // Numeric codes are close to each other by spelling only, so a did-you-mean would mislead.
  const guess = NUMERIC.test(lit.value) ? undefined : didYouMean(lit.value, info.codes);
  const message = `"${lit.value}" is not one of the answers of "${ref.id}".`;
  return problem("SURVEY_NOT_A_CHOICE", lit.node, message, guess ?? `The answer codes are: ${codes}.`);
}

function compare(c: CompareExpr, l: Side, r: Side): Found {
  if (l.t === "unknown" || r.t === "unknown") return undefined;
  const list = l.t === "list" ? l : r.t === "list" ? r : undefined;
  if (list) return typeError(list.node, "A list can only follow in.", LIST_HINT);
  const slot = l.t === "slot" ? l : r.t === "slot" ? r : undefined;
  const other = slot === l ? r : l;
  if (c.op === "==" || c.op === "!=") {
    if (l.t === "bool" && r.t === "bool") return undefined;
    if (l.t === "bool" || r.t === "bool")
      return typeError(
        c,
        "A condition cannot be compared with an answer.",
        "To ask whether it was answered, write answered(x).",
      );
    if (!slot) return undefined;
    const id = slot.ref.id;
    if (MULTI.includes(slot.info.kind))
      return typeError(
        c,
        `"${id}" can have several answers, so ${c.op} cannot compare it with one.`,
        `Write ${id} contains 'code'.`,
      );
    if (other.t !== "slot") return answerValue(slot, other);
    const kinds = new Set([slot.info.kind, other.info.kind]);
    if (kinds.size > 1 && !(kinds.has("choice") && kinds.has("number")))
      return typeError(c, `"${id}" and "${other.ref.id}" hold different kinds of answers.`);
    return undefined;
  }
  // Ordered comparisons: only numbers and numeric answer codes have an order.
  for (const s of [l, r]) {
    if (s.t === "bool") return typeError(s.node, `${c.op} compares numbers, not conditions.`);
    if (s.t !== "slot") continue;
    if (s.info.kind === "text")
      return typeError(
        c,
        `${c.op} compares numbers, but "${s.ref.id}" is a text answer.`,
        "Use == or in on texts.",
      );
    if (s.info.kind !== "number" && s.info.kind !== "choice")
      return typeError(
        c,
        `${c.op} compares numbers, but "${s.ref.id}" can have several answers.`,
        `Use contains.`,
      );
    if (s.info.codes && !s.info.codes.some((x) => NUMERIC.test(x)))
      return typeError(
        c,
        `The answers of "${s.ref.id}" are not numbers, so they have no order.`,
        "Use == or in.",
      );
  }
  if (!slot || other.t !== "string") return undefined;
  if (slot.info.kind === "number")
    return typeError(
      other.node,
      `"${slot.ref.id}" is a number question; compare it with a number, not a text.`,
      "Remove the quotes.",
    );
  if (!NUMERIC.test(other.value))
    return typeError(
      other.node,
      `${c.op} needs a number, not "${other.value}".`,
      `Write e.g. ${slot.ref.id} ${c.op} 3.`,
    );
  return undefined;
}

function contains(n: ContainsExpr, l: Side, r: Side): Found {
  if (l.t === "unknown" || r.t === "unknown") return undefined;
  if (l.t !== "slot" || !MULTI.includes(l.info.kind)) {
    const one =
      l.t === "slot" && l.info.kind === "choice" ? `"${l.ref.id}" has one answer: use ==.` : undefined;
    return typeError(n, "contains is for multi-choice, ranking and allocation questions.", one);
  }
  return answerValue(l, r);
}
