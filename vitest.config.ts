import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

// Detection's and the evaluation's tests are pure functions of their data (no mocks, no process
// state, no files): they share one module graph per worker instead of loading it afresh for each
// file, so the detection code stays compiled and warm from one file to the next. That halves
// their time. Every other test file keeps its own modules.
const SHARED_MODULES = ["src/core/detect/**/*.test.ts", "src/eval/**/*.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    globalSetup: ["test/global-tmp.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Vitest's default leaves one core to its own process, which on a two-core runner means one
    // test file at a time; the main process mostly waits, so every core runs test files.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: "detection", include: SHARED_MODULES, isolate: false } },
      { extends: true, test: { name: "everything else", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SHARED_MODULES] } },
    ],
  },
});
