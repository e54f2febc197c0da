import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "test/**/*.test.ts",
      "test/**/*.test.tsx",
      "bench/**/*.test.ts",
    ],
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    // vitest runs one file at a time on a 2-core machine (cores - 1); most files wait on PGlite,
    // Chromium or child processes rather than compute, so three at once cut the run by 60%.
    maxWorkers: Number(process.env.GUILDHALL_TEST_WORKERS) || 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
});
