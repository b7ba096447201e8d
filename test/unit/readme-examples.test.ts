// The README's command examples run as written after its install step (`npm ci`): each is
// `npx kuulo …` (bare `kuulo` is not on the PATH), names a command that exists, gives only
// options that command has, and at least the arguments it needs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { memoryIo } from "../../src/terminal/io.js";
import { ROOT } from "../helpers/cli.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** Shell lines of the README's ```sh blocks, with their line numbers. */
function shellLines(text: string): { line: number; text: string }[] {
  const lines = text.split("\n");
  const found: { line: number; text: string }[] = [];
  let lang: string | undefined;
  lines.forEach((l, i) => {
    const fence = l.trim().match(/^```(\w*)/);
    if (fence) {
      lang = lang === undefined ? fence[1] : undefined;
      return;
    }
    if (lang === "sh" && l.trim() !== "") found.push({ line: i + 1, text: l.trim() });
  });
  return found;
}

/** Words of one shell command (quotes removed), up to a comment, a redirection or a pipe. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of command.matchAll(re)) {
    const w = m[1] ?? m[2] ?? m[3]!;
    if (m[3] !== undefined && (w.startsWith("#") || w === ">" || w === "|" || w === "&&")) break;
    out.push(w);
  }
  return out;
}

/** Every `npx kuulo …` command in a shell line (a line may chain commands with &&). */
function kuuloCommands(line: string): string[][] {
  return line
    .replace(/\s#.*$/, "")
    .split("&&")
    .map((part) => words(part.trim()))
    .filter((w) => w[0] === "npx" && w[1] === "kuulo")
    .map((w) => w.slice(2));
}

function check(program: Command, argv: string[]): string[] {
  const problems: string[] = [];
  let cmd = program;
  let rest = [...argv];
  // Walk down the command tree: kuulo sessions create …
  while (rest.length > 0 && !rest[0]!.startsWith("-")) {
    const sub = cmd.commands.find((c) => c.name() === rest[0]);
    if (!sub) break;
    cmd = sub;
    rest = rest.slice(1);
  }
  if (cmd === program && rest.length > 0 && !rest[0]!.startsWith("-"))
    problems.push(`no command "${rest[0]}"`);
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (!w.startsWith("-")) {
      positionals.push(w);
      continue;
    }
    const name = w.split("=")[0]!;
    if (name === "--help" || name === "-h" || (cmd === program && (name === "--version" || name === "-V")))
      continue;
    const option = cmd.options.find((o) => o.long === name || o.short === name);
    if (!option) {
      problems.push(`${cmd.name()} has no option ${name}`);
      continue;
    }
    if ((option.required || option.optional) && !w.includes("=")) {
      const value = rest[i + 1];
      if (option.required && (value === undefined || value.startsWith("--")))
        problems.push(`${name} needs a value`);
      else i++;
      if (option.argChoices && value !== undefined && !option.argChoices.includes(value))
        problems.push(`${name} ${value} is not one of ${option.argChoices.join(", ")}`);
    }
  }
  if (cmd !== program && cmd.commands.length === 0) {
    const required = cmd.registeredArguments.filter((a) => a.required).length;
    const variadic = cmd.registeredArguments.some((a) => a.variadic);
    if (positionals.length < required) problems.push(`${cmd.name()} needs ${required} argument(s)`);
    if (!variadic && positionals.length > cmd.registeredArguments.length)
      problems.push(`${cmd.name()} takes at most ${cmd.registeredArguments.length} argument(s)`);
  }
  return problems;
}

describe("the README's command examples", () => {
  let program: Command;
  beforeAll(async () => {
    program = await buildProgram({ io: memoryIo({ cwd: ROOT, env: {} }), exitCode: 0 });
  });
  const lines = shellLines(README);

  it("write every Kuulo command as npx kuulo, which works after npm ci", () => {
    const bare = lines.filter((l) => /^kuulo\s/.test(l.text) || /&&\s*kuulo\s/.test(l.text));
    expect(bare.map((l) => `README.md:${l.line}: ${l.text}`)).toEqual([]);
    expect(README).toMatch(/```sh\nnpm ci\b/);
  });

  it("name commands and options that exist, with the arguments they need", () => {
    const commands = lines.flatMap((l) => kuuloCommands(l.text).map((argv) => ({ ...l, argv })));
    expect(commands.length).toBeGreaterThan(30);
    const problems = commands.flatMap((c) =>
      check(program, c.argv).map((p) => `README.md:${c.line}: ${c.text}\n  ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it("catch a misspelt command, an unknown option and a missing argument", () => {
    expect(check(program, ["valdate", "x.yaml"])).toEqual(['no command "valdate"']);
    expect(check(program, ["report", "s", "--bye"])).toEqual(["report has no option --bye"]);
    expect(check(program, ["import", "s.yaml"])).toEqual(["import needs 2 argument(s)"]);
    expect(check(program, ["sessions", "list", "--json"])).toEqual([]);
  });
});
