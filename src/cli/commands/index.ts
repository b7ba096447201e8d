// Every command, in the order `kuulo --help` lists them: the line that list shows, and the module
// that builds the command, loaded only when the command is run or its own help asked for, so that
// `kuulo --help` reads this file and no command module. A test checks each line against its command.
import type { Command } from "commander";
import type { CommandContext } from "../context.js";

export type CommandFactory = (ctx: CommandContext) => Command;

export interface CommandEntry {
  name: string;
  /** What follows the name in the list of commands: "[options]" when it has any, its arguments. */
  usage: string;
  description: string;
  load(): Promise<CommandFactory>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "validate",
    usage: "[options] <files...>",
    description: "check survey files and report every problem with its line and column",
    load: async () => (await import("./validate.js")).validateCommand,
  },
  {
    name: "preview",
    usage: "[options] <file>",
    description: "print a survey as readable text for proofreading",
    load: async () => (await import("./preview.js")).previewCommand,
  },
  {
    name: "print",
    usage: "[options] <survey>",
    description: "make a printable paper questionnaire (A4 PDF) with data-entry codes",
    load: async () => (await import("./print.js")).printCommand,
  },
  {
    name: "template",
    usage: "[options] <survey>",
    description: "print a data-entry sheet (CSV or Excel) for typing in paper forms",
    load: async () => (await import("./template.js")).templateCommand,
  },
  {
    name: "run",
    usage: "[options] <survey>",
    description: "run a survey at the terminal: one person, a workshop kiosk, or an answers file",
    load: async () => (await import("./run.js")).runCommand,
  },
  {
    name: "import",
    usage: "[options] <survey> <file>",
    description: "import typed-in paper forms (CSV or Excel) or a Kuulo JSON export — all rows or none",
    load: async () => (await import("./import.js")).importCommand,
  },
  {
    name: "verify-entry",
    usage: "[options] <survey> <first> <second>",
    description: "compare two typings of the same paper forms (double data entry) cell by cell",
    load: async () => (await import("./verify-entry.js")).verifyEntryCommand,
  },
  {
    name: "sessions",
    usage: "",
    description: "workshop sessions: create, list and close them",
    load: async () => (await import("./sessions.js")).sessionsCommand,
  },
  {
    name: "surveys",
    usage: "",
    description: "survey versions in the database, with response counts",
    load: async () => (await import("./surveys.js")).surveysCommand,
  },
  {
    name: "responses",
    usage: "",
    description: "list, show and delete stored responses",
    load: async () => (await import("./responses.js")).responsesCommand,
  },
  {
    name: "export",
    usage: "[options] <survey>",
    description: "export the raw responses of a survey (CSV, Excel or JSON) with a codebook",
    load: async () => (await import("./export.js")).exportCommand,
  },
  {
    name: "report",
    usage: "[options] <survey>",
    description: "report on a survey's responses: a summary here, or files (PDF, HTML, Excel …) with --out",
    load: async () => (await import("./report.js")).reportCommand,
  },
  {
    name: "releases",
    usage: "",
    description: "the publication ledger: every report that left Kuulo",
    load: async () => (await import("./releases.js")).releasesCommand,
  },
  {
    name: "audit",
    usage: "[options] <what...>",
    description: "check published reports together: can any hidden count be worked out?",
    load: async () => (await import("./audit.js")).auditCommand,
  },
  {
    name: "demo",
    usage: "[options]",
    description: "the whole job on the bundled example: store, import, reports (PDF, HTML, charts)",
    load: async () => (await import("./demo.js")).demoCommand,
  },
  {
    name: "merge",
    usage: "[options] <databases...>",
    description: "merge databases from several laptops into one, without duplicates",
    load: async () => (await import("./merge.js")).mergeCommand,
  },
  {
    name: "doctor",
    usage: "[options]",
    description: "check that the database is whole and count what it holds",
    load: async () => (await import("./doctor.js")).doctorCommand,
  },
];
