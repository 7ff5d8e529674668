import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every test file, and every CLI a test spawns, makes its scratch directories under os.tmpdir().
// Pointing TMPDIR at one directory for the run, before the workers start, keeps them in one
// place that teardown removes, even when a worker is stopped without running its exit hooks.
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "bot2svc-vitest-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
