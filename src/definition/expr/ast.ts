// The parsed form of a show_if expression: plain data, no behaviour. Every node keeps character
// offsets into its source so that validation can underline the exact part of the YAML string.
// Nothing here may execute code; the tree is only ever walked by check.ts and evaluate.ts.

export interface Span {
  /** Offset of the first character (0-based, in UTF-16 code units like String#slice). */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** `=` is parsed as `==`: survey authors write either, and both mean the same. */
export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

/** A slot id: `visit_freq`, `image.welcoming` (matrix item) or `barriers.other`. */
export interface RefExpr extends Span {
  kind: "ref";
  id: string;
}
export interface StringLit extends Span {
  kind: "string";
  value: string;
}
export interface NumberLit extends Span {
  kind: "number";
  value: number;
}
export interface BoolLit extends Span {
  kind: "bool";
  value: boolean;
}
export interface ListLit extends Span {
  kind: "list";
  items: (StringLit | NumberLit)[];
}
export interface AnsweredExpr extends Span {
  kind: "answered";
  ref: RefExpr;
}
export interface LogicalExpr extends Span {
  kind: "and" | "or";
  left: Expr;
  right: Expr;
}
export interface NotExpr extends Span {
  kind: "not";
  operand: Expr;
}
export interface CompareExpr extends Span {
  kind: "compare";
  op: CompareOp;
  left: Expr;
  right: Expr;
}
export interface InExpr extends Span {
  kind: "in";
  /** `x not in [...]` */
  negated: boolean;
  left: Expr;
  list: ListLit;
}
export interface ContainsExpr extends Span {
  kind: "contains";
  left: Expr;
  right: Expr;
}

export type Expr =
  | RefExpr
  | StringLit
  | NumberLit
  | BoolLit
  | ListLit
  | AnsweredExpr
  | LogicalExpr
  | NotExpr
  | CompareExpr
  | InExpr
  | ContainsExpr;

/** Stable codes: fixtures, docs and the validator's output refer to them by name. */
export type ExprCode =
  | "SURVEY_EXPR_SYNTAX"
  | "SURVEY_UNKNOWN_REF"
  | "SURVEY_LATER_REF"
  | "SURVEY_NOT_A_CHOICE"
  | "SURVEY_EXPR_TYPE";

/** A syntax or type problem, with offsets into the expression source. */
export interface ExprProblem extends Span {
  code: ExprCode;
  message: string;
  hint?: string;
}

/** Nodes that produce true/false rather than a value. */
export function isCondition(e: Expr): boolean {
  switch (e.kind) {
    case "and":
    case "or":
    case "not":
    case "compare":
    case "in":
    case "contains":
    case "answered":
    case "bool":
      return true;
    default:
      return false;
  }
}

/** Direct children in source order, so that walks report things in the order they were written. */
export function childrenOf(e: Expr): Expr[] {
  switch (e.kind) {
    case "and":
    case "or":
    case "compare":
    case "contains":
      return [e.left, e.right];
    case "in":
      return [e.left, e.list];
    case "not":
      return [e.operand];
    case "answered":
      return [e.ref];
    case "list":
      return e.items;
    default:
      return [];
  }
}
