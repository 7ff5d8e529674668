import { spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { REPO_ROOT } from "./run-cli.js";

/** The built CLI, for tests that run it as a real process (signals, pipes, two processes). */
export const BIN = join(REPO_ROOT, "bin", "bot2svc.js");

/**
 * Builds the CLI when dist/ is missing, or when `bot2svc apply --help` fails or lacks `mustMention`
 * (a stale build from before a feature the test needs). Call it from `beforeAll`.
 */
export function ensureBuiltCli(mustMention?: string): void {
  const probe = existsSync(join(REPO_ROOT, "dist", "cli.js")) ? spawnSync(process.execPath, [BIN, "apply", "--help"], { encoding: "utf8" }) : undefined;
  if (probe?.status === 0 && (mustMention === undefined || probe.stdout.includes(mustMention))) return;
  const build = spawnSync("npx", ["tsup"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

/** A running CLI process and the stderr it has written so far. */
export interface SpawnedCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stderr(): string;
}

/** Starts the built CLI with `args` in `cwd`, with only PATH and `env` in its environment; stdout is drained. */
export function spawnCli(args: readonly string[], cwd: string, env: Record<string, string>): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  return { child, stderr: () => stderr };
}
