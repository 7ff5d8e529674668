import { mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { ExitSignal, InputError } from "../../core/errors.js";
import { readSnapshotFile } from "../../core/snapshot/reader.js";
import { writeSnapshotFile } from "../../core/snapshot/writer.js";
import { startEmulator, type RunningEmulator } from "../../emulator/server.js";
import { main } from "../../main.js";
import { demoSnapshotPath } from "../../paths.js";
import { terminalWidth, visibleWidth } from "../../ui/table.js";
import { wrapParagraph } from "../../ui/wrap.js";
import { parseOptions, concurrencyOptionSchema } from "../shared.js";

export const demoOptionsSchema = z.object({
  dir: z.string().min(1).optional(),
  concurrency: concurrencyOptionSchema.optional(),
});
export type DemoOptions = z.infer<typeof demoOptionsSchema>;

/** The files a rehearsal leaves behind, and what it did. */
export interface DemoResult {
  /** The working directory of the rehearsal. */
  dir: string;
  planFile: string;
  journalFile: string;
  secretsDir: string;
  /** The emulated org as it stood after the apply. */
  orgAfterFile: string;
  /** The emulator's address while it ran (it is stopped when the demo returns). */
  emulatorUrl: string;
  /** API requests the emulator served. */
  requests: number;
  /** Service accounts in the emulated org before and after the apply. */
  serviceAccounts: { before: number; after: number };
}

/** One step of the rehearsal: a bot2svc command line run in-process. */
interface DemoStep {
  name: string;
  what: string;
  argv: string[];
  /** True when the step talks to the emulator (the others read only the bundled file or the disk). */
  live: boolean;
}

const STEPS: DemoStep[] = [
  { name: "audit", what: "find the bot accounts in the bundled demo org (read from fixtures/demo-org.json)", argv: ["audit", "--demo", "--format", "table"], live: false },
  { name: "plan", what: "read the org through the local emulator and plan every bot that is not an admin", argv: ["plan", "--yes", "--out", "plan.json"], live: true },
  { name: "show", what: "review the saved plan", argv: ["show", "plan.json"], live: false },
  { name: "apply", what: "create the service accounts, mint and deliver their tokens, verify, suspend the old accounts", argv: ["apply", "plan.json", "--yes", "--secrets-dir", "secrets"], live: true },
  { name: "status", what: "what the journal says about each migration", argv: ["status"], live: false },
];

// Lines of each step's output shown without --verbose: the start of stdout and of stderr, and
// the last lines of each, where the counted summaries are.
const STDOUT_HEAD = 16;
const STDERR_HEAD = 6;
const TAIL = 3;

interface Collector {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string | Uint8Array): boolean;
  text(): string;
}

/** A stand-in stream that keeps what a step writes and reports the real stream's terminal width. */
function collector(real: CliDeps["stdout"]): Collector {
  const chunks: string[] = [];
  const like = real as { isTTY?: boolean; columns?: number };
  return {
    ...(like.isTTY === undefined ? {} : { isTTY: like.isTTY }),
    ...(like.columns === undefined ? {} : { columns: like.columns }),
    write(chunk) {
      chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    },
    text: () => chunks.join(""),
  };
}

/**
 * The first `head` and last `TAIL` lines of `text`, with a marker saying how much was left out,
 * each wrapped to `width` (a step's log lines are not wrapped when the demo's output is piped
 * without COLUMNS; a table's lines already fit).
 */
export function excerpt(text: string, head: number, width?: number): string {
  const lines = text.replace(/\n$/, "").split("\n");
  if (text === "") return "";
  const hidden = lines.length - head - TAIL;
  const kept = lines.length <= head + TAIL + 1 ? lines : [...lines.slice(0, head), `  ⋮ ${hidden} more lines (bot2svc demo --verbose shows everything)`, ...lines.slice(-TAIL)];
  return `${kept.flatMap((line) => fitLine(line, width)).join("\n")}\n`;
}

/** One line of output, wrapped to `width` with a hanging indent two columns past its own. */
function fitLine(line: string, width: number | undefined): string[] {
  if (width === undefined || visibleWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  return wrapParagraph(line.slice(lead.length), width, { first: lead, rest: `${lead}  ` });
}

/** A command line to show, broken with shell continuations (` \\`) so that it fits `width` and can still be pasted. */
function commandLines(argv: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "$ bot2svc";
  for (const arg of argv) {
    // Room is kept for the " \\" that ends a broken line.
    if (visibleWidth(line) + 1 + arg.length + 2 > width && line.trim() !== "$") {
      lines.push(`${line} \\`);
      line = `    ${arg}`;
    } else {
      line = `${line} ${arg}`;
    }
  }
  lines.push(line);
  return lines;
}

// Environment names the rehearsal never inherits: a real org's key or config must not reach it.
const OWN_ENV = /^BOT2SVC_/;

/** The `bot2svc demo` handler, loaded only when the command runs. */
export async function demoAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(demoOptionsSchema, raw);
  await runDemo(options, ctx);
}

/**
 * Runs the rehearsal: each step is a `bot2svc` command run in-process through `main`, in the
 * demo's directory, with an environment that points the atlassian provider at an emulator
 * started here (the process environment is never changed). Stops at the first step that
 * fails, with that step's exit code.
 */
export async function runDemo(options: DemoOptions, ctx: Context): Promise<DemoResult> {
  if (ctx.global.json) {
    throw new InputError("`bot2svc demo` is a walk-through for people and has no --json output.", {
      code: "FLAG_INVALID",
      hint: "Run the steps yourself with --json: bot2svc emulator --demo, then plan, apply and status.",
    });
  }
  const dir = await prepareDir(options.dir, ctx.cwd);
  const snapshot = await readSnapshotFile(demoSnapshotPath());
  // The emulator serves the org as of this moment (every timestamp moved so that takenAt is
  // now), and the live plan judges activity as of the same moment, so the rehearsal finds the
  // same bots as the offline audit of the file on any date. It accepts service accounts as
  // role and group targets, which Atlassian may refuse (apply then pauses on a manual step).
  const startedAt = ctx.now();
  const emulator = await startEmulator({ snapshot, port: 0, now: () => ctx.now(), asOf: startedAt, serviceAccountWrites: "accept" });
  ctx.redactor.add(emulator.apiKey);
  const result: DemoResult = {
    dir,
    planFile: join(dir, "plan.json"),
    journalFile: join(dir, ".bot2svc", "journal.jsonl"),
    secretsDir: join(dir, "secrets"),
    orgAfterFile: join(dir, "org-after.json"),
    emulatorUrl: emulator.url,
    requests: 0,
    serviceAccounts: { before: snapshot.serviceAccounts.length, after: snapshot.serviceAccounts.length },
  };
  const c = ctx.colors;
  const width = terminalWidth(ctx.deps.stdout, ctx.env);
  const errWidth = terminalWidth(ctx.deps.stderr, ctx.env);
  const para = (text: string) => `${wrapParagraph(text, width).join("\n")}\n`;
  ctx.print(
    para(`${c.bold("bot2svc demo")}: a full rehearsal on the demo org "${snapshot.org.name}" (${snapshot.users.length} accounts).`) +
      para(`A local emulator of the Atlassian admin API serves it as of now at ${emulator.url}; files go to ${dir}.`) +
      para("The emulator accepts the new service accounts as targets of app-role and group grants; against Atlassian, apply may instead pause and print the admin.atlassian.com steps."),
  );
  try {
    const env = demoEnv(ctx, emulator);
    for (const [i, step] of STEPS.entries()) {
      const argv = [
        ...step.argv,
        ...(step.name === "plan" ? ["--now", startedAt.toISOString()] : []),
        ...(step.name === "apply" ? ["--concurrency", String(options.concurrency ?? 4)] : []),
        ...forwardedFlags(ctx),
      ];
      ctx.print(`\n${para(`${c.bold.cyan(`Step ${i + 1}/${STEPS.length}: ${step.name}`)} — ${step.what}`)}${c.dim(commandLines(argv, width).join("\n"))}\n\n`);
      // No stdin: the steps pass --yes and must never stop at a prompt. Without --verbose each
      // step's output is cut to its opening and its closing summary, about a screen per step.
      const { stdin: _stdin, ...deps } = ctx.deps;
      const full = ctx.global.verbose;
      const out = full ? deps.stdout : collector(deps.stdout);
      const err = full ? deps.stderr : collector(deps.stderr);
      const code = await main(argv, { ...deps, stdout: out, stderr: err, env, cwd: dir, redactor: ctx.redactor });
      if (!full) {
        ctx.print(excerpt((out as Collector).text(), STDOUT_HEAD, width));
        deps.stderr.write(excerpt((err as Collector).text(), STDERR_HEAD, errWidth));
      }
      if (code !== 0) {
        throw new ExitSignal(code, `Step ${i + 1}/${STEPS.length} (${step.name}) stopped with exit code ${code}; the files so far are in ${dir}.`);
      }
    }
    const after = emulator.state.toSnapshot();
    await writeSnapshotFile(result.orgAfterFile, after);
    result.serviceAccounts.after = after.serviceAccounts.length;
  } finally {
    result.requests = emulator.requests().total;
    await emulator.close();
  }
  ctx.print(renderEnding(result, ctx, width));
  return result;
}

async function prepareDir(dir: string | undefined, cwd: string): Promise<string> {
  if (dir === undefined) return mkdtemp(join(tmpdir(), "bot2svc-demo-"));
  const full = resolve(cwd, dir);
  await mkdir(full, { recursive: true });
  const entries = await readdir(full);
  if (entries.length > 0) {
    throw new InputError(`--dir ${dir} is not empty; the demo writes a fresh plan, journal and secrets there.`, {
      code: "FLAG_INVALID",
      hint: "Pass a new or empty directory, or leave --dir out for a temporary one.",
    });
  }
  return full;
}

/** The steps' environment: the user's, without any BOT2SVC_* setting, plus the emulator's. */
function demoEnv(ctx: Context, emulator: RunningEmulator): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(ctx.deps.env)) if (!OWN_ENV.test(key)) env[key] = value;
  return {
    ...env,
    BOT2SVC_PROVIDER: "atlassian",
    BOT2SVC_ATLASSIAN_BASE_URL: emulator.url,
    BOT2SVC_ATLASSIAN_ORG_ID: emulator.orgId,
    BOT2SVC_ATLASSIAN_API_KEY: emulator.apiKey,
    BOT2SVC_ATLASSIAN_UNOFFICIAL: "1",
  };
}

// The global flags that change how the steps print, passed on so the whole demo looks alike.
function forwardedFlags(ctx: Context): string[] {
  return [...(ctx.global.color ? [] : ["--no-color"]), ...(ctx.global.verbose ? ["--verbose"] : []), ...(ctx.global.quiet ? ["--quiet"] : [])];
}

function renderEnding(result: DemoResult, ctx: Context, width: number): string {
  const c = ctx.colors;
  const created = result.serviceAccounts.after - result.serviceAccounts.before;
  // Labels in a column of their own; a value that does not fit continues under the value, and
  // one whose first word (a path) does not fit beside its label starts on the next line.
  const row = (label: string, value: string) =>
    15 + visibleWidth(value.split(" ")[0] ?? "") <= width
      ? wrapParagraph(value, width, { first: `  ${label.padEnd(13)}`, rest: " ".repeat(15) })
      : [`  ${label}`, ...wrapParagraph(value, width, { first: "    ", rest: "    " })];
  return [
    "",
    c.bold("Rehearsal complete."),
    ...wrapParagraph(`${created} service account${created === 1 ? "" : "s"} created in the emulated org (${result.requests} API requests served).`, width, { first: "  " }),
    ...row("Plan:", result.planFile),
    ...row("Journal:", result.journalFile),
    ...row("Secrets:", `${result.secretsDir} (one 0600 .env file per account; the tokens work only against the emulator)`),
    ...row("Org after:", `${result.orgAfterFile} (try \`bot2svc audit --snapshot ${result.orgAfterFile}\`)`),
    ...wrapParagraph(`Nothing real was touched: every call went to the emulator at ${result.emulatorUrl}, which has now stopped.`, width),
    "",
  ].join("\n");
}
