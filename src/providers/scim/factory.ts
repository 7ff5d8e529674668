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
