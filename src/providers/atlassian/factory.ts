import type { Context } from "../../context.js";
import { packageVersion } from "../../paths.js";
import type { ProviderOptions } from "../registry.js";
import { AtlassianProvider } from "./atlassian-provider.js";
import { resolveAtlassianSettings } from "./settings.js";

/**
 * Builds the Atlassian provider for one CLI run: settings from env and config, the API key
 * registered with the run's redactor, request logs at debug level (--verbose).
 */
export function createAtlassianProvider(ctx: Context, options: ProviderOptions & { signal?: AbortSignal } = {}): AtlassianProvider {
  const settings = resolveAtlassianSettings({ env: ctx.env, config: ctx.config.atlassian, concurrency: options.concurrency, origins: { envFileOf: ctx.envFileOf, configFile: ctx.configFile } });
  ctx.redactor.add(settings.apiKey);
  return new AtlassianProvider(settings, {
    log: (line) => ctx.logger.debug(line),
    warn: (line) => ctx.logger.warn(line),
    redact: (text) => ctx.redactor.redact(text),
    onSecret: (secret) => ctx.redactor.add(secret),
    now: () => ctx.now(),
    userAgent: `bot2svc/${packageVersion()}`,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
