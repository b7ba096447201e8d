// Every command, in the order `kuulo --help` lists them. Each factory builds its commander
// Command; heavy modules are imported inside the action, never at the top of these files.
import type { Command } from "commander";
import type { CommandContext } from "../main.js";
import { importCommand } from "./import.js";
import { previewCommand } from "./preview.js";
import { printCommand } from "./print.js";
import { runCommand } from "./run.js";
import { templateCommand } from "./template.js";
import { validateCommand } from "./validate.js";
import { verifyEntryCommand } from "./verify-entry.js";
import { surveysCommand } from "./surveys.js";
import { sessionsCommand } from "./sessions.js";
import { responsesCommand } from "./responses.js";
import { mergeCommand } from "./merge.js";
import { exportCommand } from "./export.js";
import { doctorCommand } from "./doctor.js";

export type CommandFactory = (ctx: CommandContext) => Command;

export const COMMANDS: CommandFactory[] = [
  validateCommand,
  previewCommand,
  printCommand,
  templateCommand,
  runCommand,
  importCommand,
  verifyEntryCommand,
  doctorCommand,
  exportCommand,
  mergeCommand,
  responsesCommand,
  sessionsCommand,
  surveysCommand,
];
