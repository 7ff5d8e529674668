import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseDotenv } from "dotenv";
import { InputError } from "../core/errors.js";
import { decodeUtf8 } from "../core/fs/read-text.js";

/** Every environment variable bot2svc reads, with one line of documentation (also in .env.example). */
export const ENV_VARS = {
  BOT2SVC_PROVIDER: "Directory provider: atlassian, scim, snapshot, or a path to a provider module (a module from the real environment only, never from .env).",
  BOT2SVC_CONFIG: "Path to the config file (default: ./bot2svc.config.json).",
  BOT2SVC_ATLASSIAN_ORG_ID: "Atlassian organization id (Atlassian Administration > Settings > API keys).",
  BOT2SVC_ATLASSIAN_API_KEY: "Organization API key, sent as a Bearer token. Secret: keep it out of shell history.",
  BOT2SVC_ATLASSIAN_BASE_URL: "Admin API base URL (default https://api.atlassian.com; http://127.0.0.1:PORT for the emulator).",
  BOT2SVC_ATLASSIAN_DIRECTORY_ID: "Directory for user and group reads (default '-', all directories); writes use it when it is not '-', else the account's own directory.",
  BOT2SVC_ATLASSIAN_MAX_RETRIES: "Retries of a request after a 5xx answer or a dropped connection (default 5, 0-20); 429 waits have their own budget.",
  BOT2SVC_ATLASSIAN_UNOFFICIAL: "Set to 1 to allow endpoints seen only in the admin console's traffic (minting tokens).",
  BOT2SVC_ATLASSIAN_AUDIT_LOG_EMAIL: "Admin email for the Audit Log API (product-side Jira/Confluence events); read only with the token below.",
  BOT2SVC_ATLASSIAN_AUDIT_LOG_TOKEN: "That admin's API token, sent as Basic auth to the Audit Log API only. Secret.",
  BOT2SVC_SCIM_BASE_URL: "SCIM 2.0 base URL, e.g. https://api.atlassian.com/scim/directory/{directoryId}.",
  BOT2SVC_SCIM_TOKEN: "SCIM bearer token. Secret.",
  BOT2SVC_SCIM_PAGE_SIZE: "Users and groups read per SCIM request (default 100; the server's maxResults caps it).",
  BOT2SVC_SCIM_USER_FILTER: "Optional SCIM filter limiting which users are read, e.g. userName sw \"svc-\".",
  BOT2SVC_SNAPSHOT: "Snapshot file for the snapshot provider.",
  BOT2SVC_LOG: "Log level on stderr: error, warn, info (default) or debug.",
  BOT2SVC_SECRET_READ_COMMAND: "apply's --secret-read-command: prints the stored token so apply can check it. Read from the real environment only, never from .env.",
  BOT2SVC_SECRET_COMMAND: "Secret command for apply, like --secret-command; read from the real environment only, never from .env.",
  BOT2SVC_STATE_DIR: "Where apply keeps its per-plan lock (default $XDG_STATE_HOME/bot2svc or ~/.local/state/bot2svc); real environment only.",
} as const;

export type EnvName = keyof typeof ENV_VARS;
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with `.env` from the working directory underneath it: a real environment
 * variable always wins over the file, as dotenv does by default. An empty value means unset
 * (in either place), so a copy of `.env.example` with its blank lines works as it is.
 */
export function loadEnv(processEnv: Env, cwd: string): Env {
  return loadEnvWithOrigins(processEnv, cwd).env;
}

/** The environment as {@link loadEnv} builds it, and which variables came from the `.env` file. */
export interface LoadedEnv {
  env: Env;
  /** The `.env` file a variable's value came from; undefined when it came from the real environment (or is unset). */
  fileOf(name: string): string | undefined;
}

export function loadEnvWithOrigins(processEnv: Env, cwd: string): LoadedEnv {
  const file = resolve(cwd, ".env");
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    // No .env file is the common case.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new InputError(`Cannot read .env ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { code: "ENV_FILE" });
    }
  }
  // Decoded strictly: a value silently changed by a bad byte would be a wrong key or URL later.
  const fileVars: Record<string, string> = bytes === undefined ? {} : parseDotenv(decodeUtf8(bytes, ".env"));
  for (const [name, value] of Object.entries(fileVars)) {
    if (value.includes("\u0000")) throw new InputError(`.env: ${name} holds a NUL character`, { code: "ENV_FILE", hint: "Save .env as plain text." });
  }
  const fromFile = withoutEmpty(fileVars);
  const real = withoutEmpty(processEnv);
  return {
    env: { ...fromFile, ...real },
    fileOf: (name) => (real[name] === undefined && fromFile[name] !== undefined ? file : undefined),
  };
}

function withoutEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== "") out[name] = value;
  return out;
}

/** True for "1", "true", "yes", "on" (any case). */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}
