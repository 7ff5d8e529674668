import type { Context } from "../../context.js";
import { packageVersion } from "../../paths.js";
import type { ProviderOptions } from "../registry.js";
import { ScimProvider } from "./scim-provider.js";
import { resolveScimSettings } from "./settings.js";

/** Builds the SCIM provider for one CLI run: settings from env and config, token registered with the redactor. */
export function createScimProvider(ctx: Context, options: ProviderOptions = {}): ScimProvider {
  const settings = resolveScimSettings({ env: ctx.env, config: ctx.config.scim, concurrency: options.concurrency, origins: { envFileOf: ctx.envFileOf, configFile: ctx.configFile } });
  ctx.redactor.add(settings.token);
  return new ScimProvider(settings, {
    log: (line) => ctx.logger.debug(line),
    redact: (text) => ctx.redactor.redact(text),
    onSecret: (secret) => ctx.redactor.add(secret),
    now: () => ctx.now(),
    userAgent: `bot2svc/${packageVersion()}`,
  });
}

/**
 * The SCIM provider for deactivating bots in the identity provider a plan was correlated with
 * (and reactivating them on rollback); null when neither BOT2SVC_SCIM_BASE_URL (nor scim.baseUrl)
 * nor BOT2SVC_SCIM_TOKEN is set. Half of the settings is an error naming what is missing.
 */
export function createIdpProvider(ctx: Context): ScimProvider | null {
  const blank = (value: string | undefined) => value === undefined || value.trim() === "";
  if (blank(ctx.env.BOT2SVC_SCIM_BASE_URL) && blank(ctx.config.scim?.baseUrl) && blank(ctx.env.BOT2SVC_SCIM_TOKEN)) return null;
  return createScimProvider(ctx);
}
