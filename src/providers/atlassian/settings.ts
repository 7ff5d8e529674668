import type { ConfigFile } from "../../config/config-file.js";
import { envFlag, type Env } from "../../config/env.js";
import { ConfigError } from "../../core/errors.js";
import { assertAllowedBaseUrl } from "../../http/index.js";

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
  const envBase = nonEmpty(env.BOT2SVC_ATLASSIAN_BASE_URL);
  const baseUrl = assertAllowedBaseUrl(
    envBase ?? config.baseUrl ?? DEFAULT_ATLASSIAN_BASE_URL,
    envBase !== undefined ? "BOT2SVC_ATLASSIAN_BASE_URL" : "atlassian.baseUrl",
  );
  const unofficialEnv = nonEmpty(env.BOT2SVC_ATLASSIAN_UNOFFICIAL);
  return {
    orgId,
    apiKey,
    baseUrl,
    directoryId: nonEmpty(env.BOT2SVC_ATLASSIAN_DIRECTORY_ID) ?? config.directoryId ?? DEFAULT_DIRECTORY_ID,
    unofficial: unofficialEnv !== undefined ? envFlag(unofficialEnv) : (config.unofficial ?? false),
    ...auditLogCredential(env),
    concurrency,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    maxRetries: DEFAULT_MAX_RETRIES,
  };
}

function auditLogCredential(env: Env): { auditLog?: { email: string; token: string } } {
  const email = nonEmpty(env.BOT2SVC_ATLASSIAN_AUDIT_LOG_EMAIL);
  const token = nonEmpty(env.BOT2SVC_ATLASSIAN_AUDIT_LOG_TOKEN);
  return email !== undefined && token !== undefined ? { auditLog: { email, token } } : {};
}
