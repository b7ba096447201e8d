#!/usr/bin/env node
// Launcher: all behaviour lives in dist/cli/main.js; this file only hands over argv and the exit code.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
