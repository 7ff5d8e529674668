import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type CliDeps } from "../../src/main.js";

/** Runs the CLI in-process with captured output, in an empty temporary working directory. */
export async function runCli(argv: string[], env: Record<string, string>, now = new Date("2026-11-01T00:00:00Z")) {
  let stdout = "";
  let stderr = "";
  const cwd = mkdtempSync(join(tmpdir(), "bot2svc-cli-"));
  const deps: CliDeps = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env,
    cwd,
    now: () => now,
  };
  const code = await main(argv, deps);
  return { code, stdout, stderr, cwd };
}
