import { spawn } from "node:child_process";
import { createHash, timingSafeEqual } from "node:crypto";
import { chmod, lstat, mkdir, readFile, readdir, realpath, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Bot2svcError, InputError } from "../errors.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { redactClipped, redactSecrets } from "../text/redact.js";

/** Everything a sink receives for one credential. `token` is the secret. */
export interface DeliveredSecret {
  migrationId: string;
  accountId: string;
  email: string;
  token: string;
  tokenId: string | null;
  gatewayUrl: string;
  cloudId: string;
  label: string;
  expiresAt: string | null;
  /** Display name of the service account, for file names. */
  name: string;
}

/** Where minted credentials go. A sink never prints or returns the secret. */
export interface SecretSink {
  /** A description safe to journal and print ("env file secrets/jenkins.env"). */
  describe(secret?: Pick<DeliveredSecret, "name" | "migrationId">): string;
  /** Checks that the sink can work, before apply writes anything. */
  prepare(): Promise<void>;
  /** Checks that this credential's secret can be written (e.g. its file name), before it is minted. */
  checkTarget?(secret: Pick<DeliveredSecret, "name" | "migrationId">): Promise<void>;
  deliver(secret: DeliveredSecret): Promise<void>;
  /**
   * Reads back the token this sink stored, so apply can check what was stored (not what it
   * handed over) before the old account is decommissioned; null when nothing is stored. A sink
   * without it (a command sink with no read-back command) cannot confirm a delivery.
   */
  readBack?(secret: ReadBackTarget): Promise<string | null>;
}

/** What a read-back knows of a delivery: the names always, the other fields when the run knows them. */
export type ReadBackTarget = Pick<DeliveredSecret, "name" | "migrationId"> & Partial<Omit<DeliveredSecret, "token">>;

/**
 * Compares a read-back token with the one that was minted, in constant time. Only the result
 * is ever reported, never either token.
 */
export function sameToken(stored: string, minted: string): boolean {
  const a = createHash("sha256").update(stored).digest();
  const b = createHash("sha256").update(minted).digest();
  return timingSafeEqual(a, b);
}

/** A sink failed; the message never holds the secret. */
export class SecretSinkError extends Bot2svcError {
  constructor(message: string, options: { hint?: string; details?: readonly string[] } = {}) {
    super("SECRET_SINK", message, options);
  }
}

/**
 * A file-name-safe, unique name for one credential: the service account's name for people,
 * plus the migration id, because two bots may share a display name and must never overwrite
 * each other's secret.
 */
export function secretSlug(name: string, migrationId: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  let id = migrationId.replace(/[^A-Za-z0-9_.-]+/g, "-");
  // File names are limited to 255 bytes: a long id keeps its start and a digest of the whole,
  // so the name stays unique and the same on every run (a resumed run finds the file again).
  if (id.length > MAX_ID_IN_NAME) id = `${id.slice(0, MAX_ID_IN_NAME - 17)}-${createHash("sha256").update(migrationId).digest("hex").slice(0, 16)}`;
  return slug === "" ? id : `${slug}.${id}`;
}

/** Characters of the migration id kept in a secret file name (60 + 1 + 120 + ".env" < 255). */
const MAX_ID_IN_NAME = 120;

/** Line breaks, NUL and other controls, separators and bidi overrides: nothing a `.env` line may hold. */
const ENV_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;
/** Values written bare: what neither a shell nor dotenv reads specially. */
const ENV_BARE = /^[A-Za-z0-9_.\/:@+=,-]*$/;

/**
 * One `KEY=value` line that a shell (`set -a; . file`) and dotenv read back as exactly `value`:
 * bare when it is plain, otherwise in single quotes (no expansion in either). A value with a
 * control character or a single quote cannot be written that way and is refused.
 */
export function envLine(key: string, value: string): string {
  if (ENV_UNSAFE.test(value) || value.includes("'")) {
    throw new SecretSinkError(`Refusing to write ${key} to an env file: the value holds a line break, a control character or a quote.`);
  }
  return ENV_BARE.test(value) ? `${key}=${value}` : `${key}='${value}'`;
}

/** Text for a `#` comment line: controls, separators and bidi overrides escaped as `\u{…}`. */
export function envComment(text: string): string {
  return text.replace(new RegExp(ENV_UNSAFE.source, "gu"), (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

const PRIVATE_DIR_MODE = 0o700;
/** The temporary file name `writeFileAtomic` uses for `<slug>.env`. */
const LEFTOVER_TEMP = /^\..+\.env\.\d+\.[0-9a-f]+\.tmp$/;
const SECRET_FILE_MODE = 0o600;

/**
 * Writes one `<slug>.<migration id>.env` per credential into a private directory. The directory must not be
 * readable or writable by group or others; it is created 0700 when missing. Files are written
 * 0600 atomically (temporary file, fsync, rename), so a reader never sees half a secret.
 */
export class EnvFileSink implements SecretSink {
  readonly dir: string;

  /** The user the directory must belong to (the current one; injectable for tests). */
  private readonly uid: number | undefined;

  constructor(dir: string, cwd = process.cwd(), options: { uid?: number } = {}) {
    this.dir = resolve(cwd, dir);
    this.uid = options.uid ?? process.getuid?.();
  }

  describe(secret?: Pick<DeliveredSecret, "name" | "migrationId">): string {
    return secret === undefined ? `env files in ${this.dir}` : `env file ${this.fileFor(secret)}`;
  }

  fileFor(secret: Pick<DeliveredSecret, "name" | "migrationId">): string {
    return join(this.dir, `${secretSlug(secret.name, secret.migrationId)}.env`);
  }

  async prepare(): Promise<void> {
    let info;
    try {
      info = await stat(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
      // mkdir's mode is filtered by the umask; make sure it is exactly 0700.
      await chmod(this.dir, PRIVATE_DIR_MODE);
      return;
    }
    if (!info.isDirectory()) throw new InputError(`--secrets-dir ${this.dir} is not a directory.`, { code: "SECRETS_DIR" });
    // Whoever owns the directory (the link's target, when it is a symbolic link) can read,
    // replace or delete the secrets in it, whatever its mode; root is held to the same rule.
    if (this.uid !== undefined && info.uid !== this.uid) {
      const real = await realpath(this.dir).catch(() => this.dir);
      throw new InputError(`--secrets-dir ${this.dir}${real === this.dir ? "" : ` (${real})`} belongs to another user (uid ${info.uid}, not ${this.uid}).`, {
        code: "SECRETS_DIR",
        hint: "Choose a directory of your own; bot2svc creates a missing one 0700.",
      });
    }
    const mode = info.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new InputError(
        `--secrets-dir ${this.dir} is readable or writable by other users (mode ${mode.toString(8).padStart(4, "0")}).`,
        { code: "SECRETS_DIR", hint: `Run \`chmod 700 ${this.dir}\` or choose a new directory; bot2svc creates it 0700.` },
      );
    }
    // A run killed in the middle of an atomic write leaves its temporary file behind; it holds a
    // secret nobody will use (the resumed run mints again), so it is removed.
    for (const name of await readdir(this.dir)) {
      if (LEFTOVER_TEMP.test(name)) await rm(join(this.dir, name), { force: true });
    }
  }

  async checkTarget(secret: Pick<DeliveredSecret, "name" | "migrationId">): Promise<void> {
    const file = this.fileFor(secret);
    try {
      await lstat(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return;
      throw new InputError(`Cannot write the secret file ${file} for migration ${secret.migrationId}: ${code ?? (error as Error).message}.`, {
        code: "SECRETS_DIR",
        hint: "Choose a shorter --secrets-dir, or check its permissions.",
      });
    }
  }

  async deliver(secret: DeliveredSecret): Promise<void> {
    const lines = [
      envComment(`# ${secret.name} (service account ${secret.accountId}); token label "${secret.label}"${secret.expiresAt ? `, expires ${secret.expiresAt}` : ""}.`),
      `# Use the gateway URL below: service-account tokens do not work on the site URL.`,
      envLine("ATLASSIAN_EMAIL", secret.email),
      envLine("ATLASSIAN_API_TOKEN", secret.token),
      envLine("ATLASSIAN_BASE_URL", secret.gatewayUrl),
      envLine("ATLASSIAN_CLOUD_ID", secret.cloudId),
      "",
    ];
    const file = this.fileFor(secret);
    await writeFileAtomic(file, lines.join("\n"), SECRET_FILE_MODE);
    await chmod(file, SECRET_FILE_MODE);
  }

  async readBack(secret: ReadBackTarget): Promise<string | null> {
    try {
      const text = await readFile(this.fileFor(secret), "utf8");
      const match = /^ATLASSIAN_API_TOKEN=(.+)$/m.exec(text);
      const value = match?.[1]?.trim();
      if (value === undefined || value === "") return null;
      return value.startsWith("'") && value.endsWith("'") && value.length >= 2 ? value.slice(1, -1) : value;
    } catch {
      return null;
    }
  }
}

/** How long a secret command (or its read-back) may run, with everything it started, before it is killed. */
const COMMAND_TIMEOUT_MS = 60_000;
/** How long output held open by a background child is still read after the command itself ended. */
const OUTPUT_GRACE_MS = 200;
const STDERR_LIMIT = 4_000;
/** The most a read-back command may print: a token, with room for a trailing newline. */
const READ_BACK_LIMIT = 64 * 1024;

/**
 * Runs the command in a subshell with the secret on stdin, then checks that the command read
 * all of it: bytes left unread (a command that ignored stdin, or a `$(jq ...)` that took it
 * before the real sink ran) are reported on fd 3, and the delivery fails. `$1` is the command.
 */
const COMMAND_WRAPPER = [
  '( __bot2svc_command=$1; shift; eval "$__bot2svc_command" ) 3>&-',
  "__bot2svc_status=$?",
  'if [ "$__bot2svc_status" -ne 0 ]; then exit "$__bot2svc_status"; fi',
  '__bot2svc_rest=""',
  'if IFS= read -r __bot2svc_rest || [ -n "$__bot2svc_rest" ]; then echo unread >&3; fi',
  "exit 0",
].join("\n");

/**
 * The fields of a delivery a command may use in its arguments (`vault kv put
 * "secret/bots/$BOT2SVC_MIGRATION_ID" -`), so it need not parse stdin for them. Never the token.
 */
export function secretCommandEnv(secret: ReadBackTarget): Record<string, string> {
  const env: Record<string, string> = {
    BOT2SVC_MIGRATION_ID: secret.migrationId,
    BOT2SVC_SERVICE_ACCOUNT_ID: secret.accountId ?? "",
    BOT2SVC_SERVICE_ACCOUNT_EMAIL: secret.email ?? "",
    BOT2SVC_SERVICE_ACCOUNT_NAME: secret.name,
    BOT2SVC_TOKEN_ID: secret.tokenId ?? "",
    BOT2SVC_TOKEN_LABEL: secret.label ?? "",
    BOT2SVC_TOKEN_EXPIRES_AT: secret.expiresAt ?? "",
    BOT2SVC_GATEWAY_URL: secret.gatewayUrl ?? "",
    BOT2SVC_CLOUD_ID: secret.cloudId ?? "",
  };
  // An environment value cannot hold NUL.
  for (const key of Object.keys(env)) env[key] = (env[key] ?? "").replace(/\u0000/g, "");
  return env;
}

interface ShellRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What the wrapper reported on fd 3. */
  checks: string;
  /** True when stdin could not be written (the command ended without reading it). */
  writeFailed: boolean;
  timedOut: boolean;
}

/**
 * Runs `sh -c` in a process group of its own. The deadline bounds the whole run: when it passes,
 * the group (the command and everything it started) is killed and the run ends at once. When
 * the shell itself has ended, output still held open by a background child is read for a moment
 * more, then the group is killed: nothing a delivery started outlives it.
 */
function runShell(
  argv: readonly string[],
  options: { cwd?: string | undefined; env: NodeJS.ProcessEnv; input?: string; stdout: boolean; checks: boolean; timeoutMs: number },
): Promise<ShellRun> {
  return new Promise<ShellRun>((resolvePromise, reject) => {
    const child = spawn("sh", ["-c", ...argv], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: [options.input === undefined ? "ignore" : "pipe", options.stdout ? "pipe" : "ignore", "pipe", options.checks ? "pipe" : "ignore"],
    });
    const run: ShellRun = { code: null, signal: null, stdout: "", stderr: "", checks: "", writeFailed: false, timedOut: false };
    let settled = false;
    let exited = false;
    let checksOpen = options.checks;
    let grace: NodeJS.Timeout | undefined;
    const open = new Set<NodeJS.ReadableStream>();
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is gone already.
      }
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(grace);
      killGroup();
      for (const stream of open) (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      resolvePromise(run);
    };
    const maybeDone = () => {
      if (!exited || checksOpen) return;
      if (open.size === 0) settle();
      else grace ??= setTimeout(settle, OUTPUT_GRACE_MS);
    };
    const collect = (stream: NodeJS.ReadableStream | null | undefined, key: "stdout" | "stderr", limit: number) => {
      if (!stream) return;
      open.add(stream);
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        if (run[key].length < limit) run[key] += chunk;
      });
      stream.on("close", () => {
        open.delete(stream);
        maybeDone();
      });
    };
    collect(child.stdout, "stdout", READ_BACK_LIMIT + 1);
    collect(child.stderr, "stderr", STDERR_LIMIT);
    const checks = child.stdio[3] as NodeJS.ReadableStream | null;
    if (checks) {
      checks.setEncoding("utf8");
      checks.on("data", (chunk: string) => {
        if (run.checks.length < 100) run.checks += chunk;
      });
      checks.on("close", () => {
        checksOpen = false;
        maybeDone();
      });
    } else checksOpen = false;
    const deadline = setTimeout(() => {
      run.timedOut = true;
      settle();
    }, options.timeoutMs);
    // EPIPE: the command ended without reading its input.
    child.stdin?.on("error", () => {
      run.writeFailed = true;
    });
    child.on("error", (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(grace);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      run.code = code;
      run.signal = signal;
      exited = true;
      maybeDone();
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

function stderrLines(stderr: string, secrets: readonly string[]): string[] {
  const [first = "", ...others] = secrets;
  const shown = redactSecrets(redactClipped(stderr, first, STDERR_LIMIT), others).trim();
  return shown === "" ? [] : shown.split("\n").slice(0, 20);
}

/**
 * Runs a shell command per credential (`sh -c`), e.g. `vault kv put "secret/bots/$BOT2SVC_MIGRATION_ID" -`,
 * and writes JSON `{migrationId, accountId, email, token, tokenId, gatewayUrl, cloudId, label,
 * expiresAt}` to its stdin; the same fields but the token are in `BOT2SVC_*` environment
 * variables (`secretCommandEnv`). The delivery fails when the command exits non-zero or leaves
 * part of stdin unread; the command's stderr is reported with the token (and its encodings)
 * blanked out. Its stdout is discarded, so a command that echoes its input cannot leak the
 * secret onto the terminal.
 *
 * With a read-back command (`vault kv get -field=token "secret/bots/$BOT2SVC_MIGRATION_ID"`,
 * same environment, no stdin) the sink can say what was stored: it prints the stored token on
 * stdout. Without one, a delivery cannot be confirmed and apply keeps the old account until an
 * admin confirms it (`apply --resume --confirm-stored`).
 */
export class CommandSink implements SecretSink {
  readonly readBack?: (secret: ReadBackTarget) => Promise<string | null>;

  constructor(
    readonly command: string,
    private readonly options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; readCommand?: string } = {},
  ) {
    const readCommand = options.readCommand;
    if (readCommand !== undefined) this.readBack = (secret) => this.read(readCommand, secret);
  }

  describe(): string {
    return this.options.readCommand === undefined ? "secret command" : "secret command (with read-back)";
  }

  async prepare(): Promise<void> {
    if (this.command.trim() === "") throw new InputError("--secret-command is empty.", { code: "SECRET_COMMAND" });
    if (this.options.readCommand !== undefined && this.options.readCommand.trim() === "") {
      throw new InputError("--secret-read-command is empty.", { code: "SECRET_COMMAND" });
    }
  }

  private environment(secret: ReadBackTarget): NodeJS.ProcessEnv {
    return { ...(this.options.env ?? process.env), ...secretCommandEnv(secret) };
  }

  private timeout(): number {
    return this.options.timeoutMs ?? COMMAND_TIMEOUT_MS;
  }

  async deliver(secret: DeliveredSecret): Promise<void> {
    const payload = {
      migrationId: secret.migrationId,
      accountId: secret.accountId,
      email: secret.email,
      token: secret.token,
      tokenId: secret.tokenId,
      gatewayUrl: secret.gatewayUrl,
      cloudId: secret.cloudId,
      label: secret.label,
      expiresAt: secret.expiresAt,
    };
    let run: ShellRun;
    try {
      run = await runShell([COMMAND_WRAPPER, "sh", this.command], {
        cwd: this.options.cwd,
        env: this.environment(secret),
        input: `${JSON.stringify(payload)}\n`,
        stdout: false,
        checks: true,
        timeoutMs: this.timeout(),
      });
    } catch (error) {
      throw new SecretSinkError(`The secret command could not start: ${(error as Error).message}`);
    }
    const details = stderrLines(run.stderr, [secret.token]);
    if (run.timedOut) {
      throw new SecretSinkError(`The secret command did not finish within ${Math.round(this.timeout() / 1000)} s for ${secret.email}; it was killed with everything it started.`, { details });
    }
    if (run.code === 0 && !run.writeFailed && !run.checks.includes("unread")) return;
    if (run.code === 0) {
      throw new SecretSinkError(`The secret command did not read the whole secret from stdin for ${secret.email}; nothing may have been stored.`, {
        details,
        hint: "The command must read all of stdin (e.g. `vault kv put \"secret/bots/$BOT2SVC_MIGRATION_ID\" -`); take names from the BOT2SVC_* environment variables, not from stdin.",
      });
    }
    throw new SecretSinkError(`The secret command failed (${run.signal !== null ? `killed by ${run.signal}` : `exit ${String(run.code)}`}) for ${secret.email}.`, { details });
  }

  /** Runs the read-back command; its trimmed stdout is the stored token (null when it printed nothing). */
  private async read(readCommand: string, secret: ReadBackTarget): Promise<string | null> {
    let run: ShellRun;
    try {
      run = await runShell([readCommand], { cwd: this.options.cwd, env: this.environment(secret), stdout: true, checks: false, timeoutMs: this.timeout() });
    } catch (error) {
      throw new SecretSinkError(`The secret read-back command could not start: ${(error as Error).message}`);
    }
    const token = run.stdout.replace(/[\r\n\t ]+$/, "").replace(/^[\r\n\t ]+/, "");
    const details = stderrLines(run.stderr, token === "" ? [] : [token]);
    const who = secret.email ?? secret.migrationId;
    if (run.timedOut) throw new SecretSinkError(`The secret read-back command did not finish within ${Math.round(this.timeout() / 1000)} s for ${who}.`, { details });
    if (run.code !== 0) {
      throw new SecretSinkError(`The secret read-back command failed (${run.signal !== null ? `killed by ${run.signal}` : `exit ${String(run.code)}`}) for ${who}.`, { details });
    }
    if (run.stdout.length > READ_BACK_LIMIT) throw new SecretSinkError(`The secret read-back command printed more than ${READ_BACK_LIMIT} bytes for ${who}; it must print the stored token only.`);
    return token === "" ? null : token;
  }
}

/** The sink chosen by flags or the plan: `--secrets-dir` or `--secret-command`. */
export function createSink(
  choice: { type: "env-file"; dir: string } | { type: "command"; command: string; readCommand?: string | undefined },
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): SecretSink {
  return choice.type === "env-file"
    ? new EnvFileSink(choice.dir, options.cwd)
    : new CommandSink(choice.command, {
        cwd: options.cwd,
        ...(options.env ? { env: options.env } : {}),
        ...(choice.readCommand !== undefined ? { readCommand: choice.readCommand } : {}),
      });
}
