import type { ConfigFile } from "../../config/config-file.js";
import { envFlag, type Env } from "../../config/env.js";
import { ConfigError } from "../../core/errors.js";
import { assertTrustedBaseUrl, type BaseUrlSource } from "../../http/index.js";

export const DEFAULT_ATLASSIAN_BASE_URL = "https://api.atlassian.com";
export const DEFAULT_DIRECTORY_ID = "-";
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 5;

/** Everything the Atlassian provider needs, resolved from the environment and the config file. */
export interface AtlassianSettings {
  orgId: string;
  /** Secret: only ever from BOT2SVC_ATLASSIAN_API_KEY. */
  apiKey: string;
  /** Validated: https, or http on loopback; no trailing slash. */
  baseUrl: string;
  /** Where the base URL came from. */
  baseUrlSource?: BaseUrlSource | undefined;
  directoryId: string;
  /** Allows endpoints seen only in the admin console's traffic (token minting). */
  unofficial: boolean;
  /**
   * Credential for the Audit Log API (product-side events), which takes Basic email:token of an
   * admin rather than the org API key; absent unless both variables are set.
   */
  auditLog?: { email: string; token: string } | undefined;
  /** Requests in flight at once. */
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
}

export interface SettingsInput {
  env: Env;
  config?: ConfigFile["atlassian"] | undefined;
  /** A command-line override (e.g. `--concurrency`). */
  concurrency?: number | undefined;
  /** Where settings came from; without it the environment counts as real and the config as a file. */
  origins?: SettingOrigins | undefined;
}

/** Which files settings were read from: a file may not send a credential to a foreign host. */
export interface SettingOrigins {
  /** The `.env` file a variable came from; undefined for the real environment. */
  envFileOf(name: string): string | undefined;
  /** The config file the `atlassian` / `scim` block was read from. */
  configFile: string | undefined;
}

/**
 * Where a base URL comes from: the variable (real environment or `.env`), else the config file,
 * else the default.
 */
export function baseUrlSourceOf(env: Env, envName: string, configValue: string | undefined, configKey: string, origins?: SettingOrigins): { raw: string | undefined; source: BaseUrlSource } {
  const fromEnv = nonEmpty(env[envName]);
  if (fromEnv !== undefined) {
    const file = origins?.envFileOf(envName);
    return { raw: fromEnv, source: file === undefined ? { kind: "environment", key: envName } : { kind: "env-file", key: envName, file } };
  }
  if (configValue !== undefined) return { raw: configValue, source: { kind: "config-file", key: configKey, file: origins?.configFile ?? "the config file" } };
  return { raw: undefined, source: { kind: "default", key: envName } };
}

/** The Atlassian admin API base URL and where it came from; refused when a file points it at a foreign host. */
export function resolveAtlassianBaseUrl(input: Pick<SettingsInput, "env" | "config" | "origins">): { baseUrl: string; source: BaseUrlSource } {
  const { raw, source } = baseUrlSourceOf(input.env, "BOT2SVC_ATLASSIAN_BASE_URL", input.config?.baseUrl, "atlassian.baseUrl", input.origins);
  return { baseUrl: assertTrustedBaseUrl(raw ?? DEFAULT_ATLASSIAN_BASE_URL, source), source };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Resolves the provider settings. The environment wins over the config file; the API key is
 * read from the environment only (never a flag or a file that might be committed).
 *
 * @throws ConfigError listing every missing or invalid setting at once.
 */
export function resolveAtlassianSettings(input: SettingsInput): AtlassianSettings {
  const { env } = input;
  const config = input.config ?? {};
  const problems: string[] = [];
  const orgId = nonEmpty(env.BOT2SVC_ATLASSIAN_ORG_ID) ?? config.orgId;
  const apiKey = nonEmpty(env.BOT2SVC_ATLASSIAN_API_KEY);
  if (orgId === undefined) problems.push("BOT2SVC_ATLASSIAN_ORG_ID is not set (nor atlassian.orgId in the config file)");
  if (apiKey === undefined) problems.push("BOT2SVC_ATLASSIAN_API_KEY is not set");
  if (config.serviceAccountApi === "account-management") {
    problems.push('atlassian.serviceAccountApi "account-management" is not supported by this version; use "api-access"');
  }
  const retriesText = nonEmpty(env.BOT2SVC_ATLASSIAN_MAX_RETRIES);
  const maxRetries = retriesText === undefined ? DEFAULT_MAX_RETRIES : /^\d{1,2}$/.test(retriesText) ? Number(retriesText) : Number.NaN;
  if (!(maxRetries >= 0 && maxRetries <= 20)) problems.push(`BOT2SVC_ATLASSIAN_MAX_RETRIES must be a whole number from 0 to 20 (got "${retriesText}")`);
  const concurrency = input.concurrency ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) problems.push(`concurrency must be an integer from 1 to 32 (got ${concurrency})`);
  if (problems.length > 0 || orgId === undefined || apiKey === undefined) {
    throw new ConfigError(problems.length === 1 ? `Atlassian provider: ${problems[0]}` : "The Atlassian provider is not configured", {
      code: "ATLASSIAN_CONFIG",
      details: problems.length === 1 ? [] : problems,
      hint:
        "Create an organization API key in Atlassian Administration > Settings > API keys (it shows the org id too), " +
        "then set BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY in the environment or .env; run `bot2svc doctor` to check.",
    });
  }
  const { baseUrl, source: baseUrlSource } = resolveAtlassianBaseUrl(input);
  const unofficialEnv = nonEmpty(env.BOT2SVC_ATLASSIAN_UNOFFICIAL);
  return {
    orgId,
    apiKey,
    baseUrl,
    baseUrlSource,
    directoryId: nonEmpty(env.BOT2SVC_ATLASSIAN_DIRECTORY_ID) ?? config.directoryId ?? DEFAULT_DIRECTORY_ID,
    unofficial: unofficialEnv !== undefined ? envFlag(unofficialEnv) : (config.unofficial ?? false),
    ...auditLogCredential(env),
    concurrency,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxRetries,
  };
}

function auditLogCredential(env: Env): { auditLog?: { email: string; token: string } } {
  const email = nonEmpty(env.BOT2SVC_ATLASSIAN_AUDIT_LOG_EMAIL);
  const token = nonEmpty(env.BOT2SVC_ATLASSIAN_AUDIT_LOG_TOKEN);
  return email !== undefined && token !== undefined ? { auditLog: { email, token } } : {};
}
