import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { main, type CliDeps } from "../../src/main.js";
import { scriptedPrompts, type ExpectedPrompt, type PromptScript } from "./prompts.js";

export { scriptedPrompts, UnexpectedPromptError, type ExpectedPrompt, type PromptScript } from "./prompts.js";

/** The repository root (where package.json lives). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The wall clock every `runCli` run sees unless `now` is given. */
export const FIXED_NOW = new Date("2026-11-01T12:00:00.000Z");

/** Matches an ANSI escape sequence (CSI or OSC); for "no colour" assertions. */
export const ANSI_PATTERN = /\u001b[[\]]/;

/** Absolute path of a file under `test/fixtures/`. */
export function fixturePath(...parts: string[]): string {
  return join(REPO_ROOT, "test", "fixtures", ...parts);
}

const tempDirs: string[] = [];
process.once("exit", () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty directory, removed when the test process exits. */
export function makeTempDir(prefix = "bot2svc-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export interface RunCliOptions {
  /** The whole environment the CLI sees (default `{}`: nothing leaks in from the test process). */
  env?: Record<string, string | undefined>;
  /** Working directory (default: a fresh empty temp dir, returned as `result.cwd`). */
  cwd?: string;
  /** Default false, as when piped; true makes `audit` default to `--format table` with colour. */
  stdoutIsTTY?: boolean;
  /** Default false. True enables the spinner (on a fake TTY stream). */
  stderrIsTTY?: boolean;
  /** Default false. With `stderrIsTTY`, true makes the run interactive (`ctx.interactive`). */
  stdinIsTTY?: boolean;
  /** Text (or a stream) the CLI reads on stdin. */
  stdin?: string | NodeJS.ReadableStream;
  /**
   * Expected prompts, in order (see `ExpectedPrompt`), or a script made with `scriptedPrompts`.
   * Default: none, so any prompt fails the test.
   */
  prompts?: readonly ExpectedPrompt[] | PromptScript;
  /** Wall clock (default `FIXED_NOW`). */
  now?: Date | string;
  signal?: AbortSignal;
  /** Terminal width reported by the fake TTY streams (default 120). */
  columns?: number;
}

export interface CliResult {
  /** What `main` returned, i.e. the process exit code. */
  code: number;
  stdout: string;
  stderr: string;
  /** The working directory the run used (the temp dir when none was given). */
  cwd: string;
  /** The prompt script, to inspect `asked`. */
  prompts: PromptScript;
}

/**
 * Runs the CLI in-process through `main(argv, deps)` with captured stdout/stderr, a fixed clock
 * and strict prompts. Resolves with the exit code and output; rejects (failing the test) when
 * the run asked a prompt that was not expected, or did not ask one that was.
 */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const columns = options.columns ?? 120;
  const stdout = captureWriter(options.stdoutIsTTY === true, columns);
  const stderr = captureWriter(options.stderrIsTTY === true, columns);
  const script = isScript(options.prompts) ? options.prompts : scriptedPrompts(options.prompts ?? []);
  const cwd = options.cwd ?? makeTempDir();
  const now = options.now === undefined ? FIXED_NOW : new Date(options.now);
  const deps: CliDeps = {
    stdout,
    stderr,
    stdin: makeStdin(options.stdin, options.stdinIsTTY === true),
    env: options.env ?? {},
    cwd,
    now: () => new Date(now.getTime()),
    prompts: script.prompts,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const code = await main(argv, deps);
  script.verify();
  return { code, stdout: stdout.text(), stderr: stderr.text(), cwd, prompts: script };
}

function isScript(value: RunCliOptions["prompts"]): value is PromptScript {
  return value !== undefined && !Array.isArray(value) && "verify" in value;
}

type CaptureWriter = CliDeps["stdout"] & { text(): string };

// A stand-in for process.stdout/stderr. On a fake TTY it also offers the cursor methods and
// events that ora uses, so a spinner can run against it.
function captureWriter(isTTY: boolean, columns: number): CaptureWriter {
  const chunks: string[] = [];
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    isTTY,
    columns,
    rows: 40,
    write(chunk: string | Uint8Array): boolean {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    },
    cursorTo: () => true,
    moveCursor: () => true,
    clearLine: () => true,
    text: () => chunks.join(""),
  });
}

function makeStdin(input: RunCliOptions["stdin"], isTTY: boolean): NodeJS.ReadableStream & { isTTY?: boolean } {
  const stream: NodeJS.ReadableStream & { isTTY?: boolean } =
    input === undefined || typeof input === "string" ? Readable.from(input === undefined ? [] : [input]) : input;
  stream.isTTY = isTTY;
  return stream;
}
