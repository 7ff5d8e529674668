import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every test file, and every CLI a test spawns, makes its scratch directories under os.tmpdir().
// Pointing TMPDIR at one directory for the run, before the workers start, keeps them in one
// place that teardown removes, even when a worker is stopped without running its exit hooks.
// Each vitest project runs its global setup in the same process: the first makes the directory
// and the others keep it, as one directory inside another would make paths too long for a
// Unix socket (Chromium's profile lock).
const MADE = "BOT2SVC_TEST_TMPDIR";
export default function setup(): () => void {
  if (process.env[MADE] !== undefined) return () => {};
  const root = mkdtempSync(join(tmpdir(), "bot2svc-vitest-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  process.env[MADE] = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[MADE];
    rmSync(root, { recursive: true, force: true });
  };
}
