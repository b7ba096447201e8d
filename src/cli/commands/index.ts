// Every command, in the order `kuulo --help` lists them. Each factory builds its commander
// Command; heavy modules are imported inside the action, never at the top of these files.
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { auditCommand } from "./audit.js";
import { demoCommand } from "./demo.js";
import { doctorCommand } from "./doctor.js";
import { exportCommand } from "./export.js";
import { importCommand } from "./import.js";
import { mergeCommand } from "./merge.js";
import { previewCommand } from "./preview.js";
import { printCommand } from "./print.js";
import { releasesCommand } from "./releases.js";
import { reportCommand } from "./report.js";
import { responsesCommand } from "./responses.js";
import { runCommand } from "./run.js";
import { sessionsCommand } from "./sessions.js";
import { surveysCommand } from "./surveys.js";
import { templateCommand } from "./template.js";
import { validateCommand } from "./validate.js";
import { verifyEntryCommand } from "./verify-entry.js";

export type CommandFactory = (ctx: CommandContext) => Command;

export const COMMANDS: CommandFactory[] = [
  validateCommand,
  previewCommand,
  printCommand,
  templateCommand,
  runCommand,
  importCommand,
  verifyEntryCommand,
  sessionsCommand,
  surveysCommand,
  responsesCommand,
  exportCommand,
  reportCommand,
  releasesCommand,
  auditCommand,
  demoCommand,
  mergeCommand,
  doctorCommand,
];
