// The list of commands that `kuulo --help` shows without loading any command module
// (src/cli/commands/index.ts) says what each command's own definition says: same names, same
// order, same "[options] <arguments>", same description.
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { buildProgram } from "../../src/cli/main.js";
import { memoryIo } from "../../src/terminal/io.js";
import { ROOT } from "../helpers/cli.js";

const ctx = () => ({ io: memoryIo({ cwd: ROOT, env: {} }), exitCode: 0 });

describe("the list of commands", () => {
  it("is the help that the commands themselves give", async () => {
    const full = await buildProgram(ctx());
    const listed = await buildProgram(ctx(), ["--help"]);
    expect(listed.helpInformation()).toBe(full.helpInformation());
    expect(full.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
  });

  it("builds only the commands named on the command line", async () => {
    const program = await buildProgram(ctx(), ["report", "welcome-baseline", "--help"]);
    const built = program.commands.filter((c) => c.options.length > 0).map((c) => c.name());
    expect(built).toEqual(["report"]);
  });
});
