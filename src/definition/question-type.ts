// The names of the question types, the key of every layer's table of types (definition,
// import, session, analysis, render): adding a name here fails the build until each has a row.
export const QUESTION_TYPES = [
  "single",
  "multi",
  "yesno",
  "likert",
  "scale",
  "matrix",
  "number",
  "text",
  "ranking",
  "allocate",
  "info",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
