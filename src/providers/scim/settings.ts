import type { ConfigFile } from "../../config/config-file.js";
import type { Env } from "../../config/env.js";
import { ConfigError } from "../../core/errors.js";
import { assertTrustedBaseUrl } from "../../http/index.js";
import { baseUrlSourceOf, type SettingOrigins } from "../atlassian/settings.js";

/** Users and groups asked for per page unless the server allows fewer. */
export const DEFAULT_SCIM_PAGE_SIZE = 100;

export interface ScimSettings {
  /** Validated: https, or http on loopback; no trailing slash. e.g. `https://idp.example.com/scim/v2`. */
  baseUrl: string;
  /** Secret: only ever from BOT2SVC_SCIM_TOKEN. */
  token: string;
  pageSize: number;
  /** A SCIM filter that limits which users are read (e.g. `userName sw "svc-"`). */
  userFilter?: string | undefined;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Resolves the SCIM settings: base URL from BOT2SVC_SCIM_BASE_URL (or `scim.baseUrl` in the
 * config file), the bearer token from BOT2SVC_SCIM_TOKEN only, never a flag or a file.
 *
 * @throws ConfigError listing every missing setting at once.
 */
export function resolveScimSettings(input: { env: Env; config?: ConfigFile["scim"] | undefined; concurrency?: number | undefined; origins?: SettingOrigins | undefined }): ScimSettings {
  const { env } = input;
  const { raw: rawBase, source } = baseUrlSourceOf(env, "BOT2SVC_SCIM_BASE_URL", input.config?.baseUrl, "scim.baseUrl", input.origins);
  const token = nonEmpty(env.BOT2SVC_SCIM_TOKEN);
  const problems: string[] = [];
  if (rawBase === undefined) problems.push("BOT2SVC_SCIM_BASE_URL is not set (nor scim.baseUrl in the config file)");
  if (token === undefined) problems.push("BOT2SVC_SCIM_TOKEN is not set");
  const pageSizeText = nonEmpty(env.BOT2SVC_SCIM_PAGE_SIZE);
  const pageSize = pageSizeText === undefined ? DEFAULT_SCIM_PAGE_SIZE : Number(pageSizeText);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) problems.push(`BOT2SVC_SCIM_PAGE_SIZE must be a whole number from 1 to 1000 (got "${pageSizeText}")`);
  if (problems.length > 0 || rawBase === undefined || token === undefined) {
    throw new ConfigError(problems.length === 1 ? `SCIM provider: ${problems[0]}` : "The SCIM provider is not configured", {
      code: "SCIM_CONFIG",
      details: problems.length === 1 ? [] : problems,
      hint: "Set BOT2SVC_SCIM_BASE_URL to the SCIM 2.0 base (the URL that ends before /Users) and BOT2SVC_SCIM_TOKEN to a bearer token of the IdP's SCIM app, in the environment or .env.",
    });
  }
  return {
    // The SCIM token goes to a host other than Atlassian's only when the real environment says so.
    baseUrl: assertTrustedBaseUrl(rawBase, source),
    token,
    pageSize,
    userFilter: nonEmpty(env.BOT2SVC_SCIM_USER_FILTER),
    concurrency: input.concurrency ?? 4,
    timeoutMs: 30_000,
    maxRetries: 5,
  };
}
