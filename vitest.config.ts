import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A throw-away PostgreSQL cluster, so that the store tests run against both backends.
    globalSetup: ["test/helpers/pg-global-setup.ts"],
  },
});
