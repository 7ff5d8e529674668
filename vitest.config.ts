import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/global-tmp.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Vitest's default leaves one core to its own process, which on a two-core runner means one
    // test file at a time; the main process mostly waits, so every core runs test files.
    maxWorkers: availableParallelism(),
  },
});
