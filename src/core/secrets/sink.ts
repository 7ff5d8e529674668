import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, lstat, mkdir, readFile, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Bot2svcError, InputError } from "../errors.js";
import { writeFileAtomic } from "../fs/atomic-write.js";
import { redactClipped } from "../text/redact.js";

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
   * Reads back a token this sink delivered earlier, so a resumed run can still verify it;
   * null when the sink cannot (a command sink hands the secret away).
   */
  readBack?(secret: Pick<DeliveredSecret, "name" | "migrationId">): Promise<string | null>;
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

  constructor(dir: string, cwd = process.cwd()) {
    this.dir = resolve(cwd, dir);
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

  async readBack(secret: Pick<DeliveredSecret, "name" | "migrationId">): Promise<string | null> {
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

/** How long a secret command may run before it is killed. */
const COMMAND_TIMEOUT_MS = 60_000;
const STDERR_LIMIT = 4_000;

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
export function secretCommandEnv(secret: DeliveredSecret): Record<string, string> {
  const env: Record<string, string> = {
    BOT2SVC_MIGRATION_ID: secret.migrationId,
    BOT2SVC_SERVICE_ACCOUNT_ID: secret.accountId,
    BOT2SVC_SERVICE_ACCOUNT_EMAIL: secret.email,
    BOT2SVC_SERVICE_ACCOUNT_NAME: secret.name,
    BOT2SVC_TOKEN_ID: secret.tokenId ?? "",
    BOT2SVC_TOKEN_LABEL: secret.label,
    BOT2SVC_TOKEN_EXPIRES_AT: secret.expiresAt ?? "",
    BOT2SVC_GATEWAY_URL: secret.gatewayUrl,
    BOT2SVC_CLOUD_ID: secret.cloudId,
  };
  // An environment value cannot hold NUL.
  for (const key of Object.keys(env)) env[key] = (env[key] ?? "").replace(/\u0000/g, "");
  return env;
}

/**
 * Runs a shell command per credential (`sh -c`), e.g. `vault kv put "secret/bots/$BOT2SVC_MIGRATION_ID" -`,
 * and writes JSON `{migrationId, accountId, email, token, tokenId, gatewayUrl, cloudId, label,
 * expiresAt}` to its stdin; the same fields but the token are in `BOT2SVC_*` environment
 * variables (`secretCommandEnv`). The delivery fails when the command exits non-zero or leaves
 * part of stdin unread; the command's stderr is reported with the token blanked out. Its stdout
 * is discarded, so a command that echoes its input cannot leak the secret onto the terminal.
 */
export class CommandSink implements SecretSink {
  constructor(
    readonly command: string,
    private readonly options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
  ) {}

  describe(): string {
    return "secret command";
  }

  async prepare(): Promise<void> {
    if (this.command.trim() === "") throw new InputError("--secret-command is empty.", { code: "SECRET_COMMAND" });
  }

  deliver(secret: DeliveredSecret): Promise<void> {
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
    return new Promise<void>((resolvePromise, reject) => {
      const child = spawn("sh", ["-c", COMMAND_WRAPPER, "sh", this.command], {
        cwd: this.options.cwd,
        env: { ...(this.options.env ?? process.env), ...secretCommandEnv(secret) },
        stdio: ["pipe", "ignore", "pipe", "pipe"],
      });
      let stderr = "";
      let report = "";
      let writeFailed = false;
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (chunk: string) => {
        if (stderr.length < STDERR_LIMIT) stderr += chunk;
      });
      const checks = child.stdio[3] as NodeJS.ReadableStream | null;
      checks?.setEncoding("utf8");
      checks?.on("data", (chunk: string) => {
        if (report.length < 100) report += chunk;
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), this.options.timeoutMs ?? COMMAND_TIMEOUT_MS);
      // EPIPE: the command ended without reading its input.
      child.stdin?.on("error", () => {
        writeFailed = true;
      });
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new SecretSinkError(`The secret command could not start: ${error.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const shown = redactClipped(stderr, secret.token, STDERR_LIMIT).trim();
        const details = shown === "" ? [] : shown.split("\n").slice(0, 20);
        if (code === 0 && !writeFailed && !report.includes("unread")) {
          resolvePromise();
          return;
        }
        if (code === 0) {
          reject(
            new SecretSinkError(`The secret command did not read the whole secret from stdin for ${secret.email}; nothing may have been stored.`, {
              details,
              hint: "The command must read all of stdin (e.g. `vault kv put \"secret/bots/$BOT2SVC_MIGRATION_ID\" -`); take names from the BOT2SVC_* environment variables, not from stdin.",
            }),
          );
          return;
        }
        reject(new SecretSinkError(`The secret command failed (${signal !== null ? `killed by ${signal}` : `exit ${String(code)}`}) for ${secret.email}.`, { details }));
      });
      child.stdin?.end(`${JSON.stringify(payload)}\n`);
    });
  }
}

/** The sink chosen by flags or the plan: `--secrets-dir` or `--secret-command`. */
export function createSink(
  choice: { type: "env-file"; dir: string } | { type: "command"; command: string },
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): SecretSink {
  return choice.type === "env-file"
    ? new EnvFileSink(choice.dir, options.cwd)
    : new CommandSink(choice.command, { cwd: options.cwd, ...(options.env ? { env: options.env } : {}) });
}
