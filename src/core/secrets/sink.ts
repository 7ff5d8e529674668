import { spawn } from "node:child_process";
import { chmod, mkdir, readFile, readdir, rm, stat } from "node:fs/promises";
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
  const id = migrationId.replace(/[^A-Za-z0-9_.-]+/g, "-");
  return slug === "" ? id : `${slug}.${id}`;
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

  async deliver(secret: DeliveredSecret): Promise<void> {
    const lines = [
      `# ${secret.name} (service account ${secret.accountId}); token label "${secret.label}"${secret.expiresAt ? `, expires ${secret.expiresAt}` : ""}.`,
      `# Use the gateway URL below: service-account tokens do not work on the site URL.`,
      `ATLASSIAN_EMAIL=${secret.email}`,
      `ATLASSIAN_API_TOKEN=${secret.token}`,
      `ATLASSIAN_BASE_URL=${secret.gatewayUrl}`,
      `ATLASSIAN_CLOUD_ID=${secret.cloudId}`,
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
      return match?.[1]?.trim() ?? null;
    } catch {
      return null;
    }
  }
}

/** How long a secret command may run before it is killed. */
const COMMAND_TIMEOUT_MS = 60_000;
const STDERR_LIMIT = 4_000;

/**
 * Runs a shell command per credential (`sh -c`), e.g. `vault kv put secret/bots/$X -`, and
 * writes JSON `{migrationId, accountId, email, token, tokenId, gatewayUrl, label, expiresAt}`
 * to its stdin. A non-zero exit is a failure; the command's stderr is reported with the token
 * blanked out. The command's stdout is discarded, so a command that echoes its input cannot
 * leak the secret onto the terminal.
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
      label: secret.label,
      expiresAt: secret.expiresAt,
    };
    return new Promise<void>((resolvePromise, reject) => {
      const child = spawn("sh", ["-c", this.command], {
        cwd: this.options.cwd,
        env: this.options.env ?? process.env,
        stdio: ["pipe", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.setEncoding("utf8");
      child.stderr.on("data", (chunk: string) => {
        if (stderr.length < STDERR_LIMIT) stderr += chunk;
      });
      const timer = setTimeout(() => child.kill("SIGKILL"), this.options.timeoutMs ?? COMMAND_TIMEOUT_MS);
      child.stdin.on("error", () => undefined);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(new SecretSinkError(`The secret command could not start: ${error.message}`));
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (code === 0) {
          resolvePromise();
          return;
        }
        const shown = redactClipped(stderr, secret.token, STDERR_LIMIT).trim();
        reject(
          new SecretSinkError(
            `The secret command failed (${signal !== null ? `killed by ${signal}` : `exit ${String(code)}`}) for ${secret.email}.`,
            { details: shown === "" ? [] : shown.split("\n").slice(0, 20) },
          ),
        );
      });
      child.stdin.end(`${JSON.stringify(payload)}\n`);
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
