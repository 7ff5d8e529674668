import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "../context.js";
import { ConfigError, InputError } from "../core/errors.js";
import type { DirectoryProvider } from "./provider.js";
import { SnapshotProvider } from "./snapshot/snapshot-provider.js";
import { createAtlassianProvider } from "./atlassian/factory.js";

export interface ProviderOptions {
  /** `--snapshot FILE` (or `--demo`): forces the snapshot provider. */
  snapshot?: string;
  /** `--concurrency N`: requests in flight at once, for providers that make requests. */
  concurrency?: number;
}

type Factory = (ctx: Context, options: ProviderOptions) => Promise<DirectoryProvider> | DirectoryProvider;

const factories = new Map<string, Factory>();

/** Registers a built-in provider under a name (`atlassian`, `scim`, ...). */
export function registerProvider(name: string, factory: Factory): void {
  factories.set(name, factory);
}

registerProvider("snapshot", (ctx, options) => {
  const file = options.snapshot ?? ctx.env.BOT2SVC_SNAPSHOT;
  if (file === undefined || file === "") {
    throw new ConfigError("The snapshot provider needs a file.", {
      hint: "Pass --snapshot FILE, set BOT2SVC_SNAPSHOT, or try --demo.",
      code: "PROVIDER_CONFIG",
    });
  }
  return new SnapshotProvider(resolve(ctx.cwd, file));
});

registerProvider("atlassian", (ctx, options) => createAtlassianProvider(ctx, options));

/** The provider name in effect: --snapshot > --provider > BOT2SVC_PROVIDER > config file. */
export function providerName(ctx: Context, options: ProviderOptions): string | undefined {
  if (options.snapshot !== undefined) return "snapshot";
  return ctx.global.provider ?? nonEmpty(ctx.env.BOT2SVC_PROVIDER) ?? ctx.config.provider;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Creates the provider for this run, or explains how to configure one. */
export async function createProvider(ctx: Context, options: ProviderOptions = {}): Promise<DirectoryProvider> {
  const name = providerName(ctx, options);
  if (name === undefined) {
    throw new ConfigError("No directory provider is configured.", {
      code: "PROVIDER_MISSING",
      hint: "Use --snapshot FILE or --demo for an offline run, or set BOT2SVC_PROVIDER=atlassian with BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY.",
    });
  }
  if (isModulePath(name)) return loadProviderModule(resolve(ctx.cwd, name));
  const factory = factories.get(name);
  if (factory === undefined) {
    throw new ConfigError(`Unknown provider "${name}".`, {
      code: "PROVIDER_UNKNOWN",
      hint: `Known providers: ${[...factories.keys()].join(", ")}; or pass a path to a module such as ./my-directory.js.`,
    });
  }
  return factory(ctx, options);
}

function isModulePath(name: string): boolean {
  return name.startsWith(".") || isAbsolute(name) || /\.(c|m)?js$/.test(name);
}

const REQUIRED_METHODS = ["readSnapshot"] as const;

/**
 * Loads a user's provider module. It must export `createProvider()` (or a default export of
 * one) returning an object with `name`, `capabilities` and `readSnapshot`; each capability set
 * to true must come with its method.
 */
async function loadProviderModule(file: string): Promise<DirectoryProvider> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`Cannot load provider module ${file}: ${(error as Error).message}`, { code: "PROVIDER_MODULE" });
  }
  const factory = mod.createProvider ?? mod.default;
  if (typeof factory !== "function") {
    throw new InputError(`Provider module ${file} must export a createProvider() function.`, { code: "PROVIDER_MODULE" });
  }
  const provider = (await (factory as () => unknown)()) as Record<string, unknown> | null;
  const problems: string[] = [];
  if (provider === null || typeof provider !== "object") {
    problems.push("createProvider() must return an object");
  } else {
    if (typeof provider.name !== "string") problems.push("name: expected a string");
    for (const method of REQUIRED_METHODS) {
      if (typeof provider[method] !== "function") problems.push(`${method}: expected a function`);
    }
    const caps = provider.capabilities;
    if (caps === null || typeof caps !== "object") problems.push("capabilities: expected an object");
    else {
      for (const [capability, enabled] of Object.entries(caps as Record<string, unknown>)) {
        if (enabled === true && capability !== "readSnapshot" && typeof provider[capability] !== "function") {
          problems.push(`${capability}: capability is true but the method is missing`);
        }
      }
    }
  }
  if (problems.length > 0) {
    throw new InputError(`Provider module ${file} does not implement the provider interface`, {
      code: "PROVIDER_MODULE",
      details: problems,
    });
  }
  return provider as unknown as DirectoryProvider;
}
