import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Context } from "../context.js";
import { CONFIG_FILE_NAME } from "../config/config-file.js";
import { Bot2svcError, ConfigError, InputError } from "../core/errors.js";
import { validateSnapshot } from "../core/snapshot/reader.js";
import { providerProblems, type DirectoryProvider, type ProviderFactory, type ProviderModuleContext, type ReadSnapshotOptions } from "./provider.js";
import { SnapshotProvider } from "./snapshot/snapshot-provider.js";
import { createAtlassianProvider } from "./atlassian/factory.js";
import { createScimProvider } from "./scim/factory.js";

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
registerProvider("scim", (ctx, options) => createScimProvider(ctx, options));

/** The provider name in effect: --snapshot > --provider > BOT2SVC_PROVIDER > config file. */
export function providerName(ctx: Context, options: ProviderOptions): string | undefined {
  return providerChoice(ctx, options)?.name;
}

/** The provider name in effect, and the file it was read from (`.env` or the config file), if any. */
export function providerChoice(ctx: Pick<Context, "global" | "env" | "config" | "configFile" | "envFileOf">, options: ProviderOptions): { name: string; file?: string; key?: string } | undefined {
  if (options.snapshot !== undefined) return { name: "snapshot" };
  if (ctx.global.provider !== undefined) return { name: ctx.global.provider };
  const fromEnv = nonEmpty(ctx.env.BOT2SVC_PROVIDER);
  if (fromEnv !== undefined) {
    const file = ctx.envFileOf("BOT2SVC_PROVIDER");
    return file === undefined ? { name: fromEnv } : { name: fromEnv, file, key: "BOT2SVC_PROVIDER" };
  }
  if (ctx.config.provider !== undefined) return { name: ctx.config.provider, file: ctx.configFile ?? CONFIG_FILE_NAME, key: "provider" };
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}

/** Creates the provider for this run, or explains how to configure one. */
export async function createProvider(ctx: Context, options: ProviderOptions = {}): Promise<DirectoryProvider> {
  const choice = providerChoice(ctx, options);
  const name = choice?.name;
  if (name === undefined) {
    throw new ConfigError("No directory provider is configured.", {
      code: "PROVIDER_MISSING",
      hint: "Use --snapshot FILE or --demo for an offline run, or set BOT2SVC_PROVIDER=atlassian with BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY (or scim with BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN).",
    });
  }
  if (isModulePath(name)) {
    const refused = providerRefusal(ctx, options);
    if (refused !== undefined) throw refused;
    return loadProviderModule(resolve(ctx.cwd, name), moduleContext(ctx));
  }
  const factory = factories.get(name);
  if (factory === undefined) {
    throw new ConfigError(`Unknown provider "${name}".`, {
      code: "PROVIDER_UNKNOWN",
      hint: `Known providers: ${[...factories.keys()].join(", ")}; or pass a path to a module such as ./my-directory.js.`,
    });
  }
  return factory(ctx, options);
}

/** Why the provider in effect may not be used (a module named by a file), or undefined. */
export function providerRefusal(ctx: Pick<Context, "global" | "env" | "config" | "configFile" | "envFileOf">, options: ProviderOptions): ConfigError | undefined {
  const choice = providerChoice(ctx, options);
  if (choice === undefined || !isModulePath(choice.name) || choice.file === undefined) return undefined;
  return moduleFromFileError(choice.name, choice.file, choice.key ?? "provider");
}

/**
 * A provider module runs code, so a file in the working directory (a cloned repository's `.env`
 * or bot2svc.config.json) may not choose one: only `--provider` or BOT2SVC_PROVIDER exported in
 * the shell may. Built-in providers may still be named in files.
 */
function moduleFromFileError(name: string, file: string, key: string): ConfigError {
  return new ConfigError(`${file} sets ${key} to the provider module ${name}; a provider module runs code, so bot2svc loads one only when you choose it yourself. Nothing was loaded.`, {
    code: "PROVIDER_MODULE_FROM_FILE",
    hint: `If you trust ${name}, choose it explicitly: \`bot2svc --provider ${name} ...\`, or \`export BOT2SVC_PROVIDER=${name}\` in your shell. Files may name built-in providers only (${[...factories.keys()].join(", ")}).`,
  });
}

function isModulePath(name: string): boolean {
  return name.startsWith(".") || isAbsolute(name) || /\.(c|m)?js$/.test(name);
}

/** The context a provider module's `createProvider()` receives for this run. */
export function moduleContext(ctx: Context): ProviderModuleContext {
  return {
    env: ctx.env,
    cwd: ctx.cwd,
    now: () => ctx.now(),
    warn: (line) => ctx.logger.warn(line),
    debug: (line) => ctx.logger.debug(line),
    addSecret: (secret) => ctx.redactor.add(secret),
  };
}

/**
 * Loads a user's provider module. It must export `createProvider(ctx)` (or a default export of
 * one) returning an object that meets the provider contract (see providerProblems); every
 * problem is reported at once, each naming the field or method, with the module's path.
 */
export async function loadProviderModule(file: string, context: ProviderModuleContext): Promise<DirectoryProvider> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const missing = (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" && (error as Error).message.includes(file);
    throw new InputError(missing ? `Provider module ${file} does not exist.` : `Cannot load provider module ${file}: ${(error as Error).message}`, {
      code: "PROVIDER_MODULE",
      hint: "Pass the path of an ES module (.js or .mjs) that exports createProvider(); see docs/providers.md.",
    });
  }
  const factory = mod.createProvider ?? mod.default;
  if (typeof factory !== "function") {
    throw new InputError(`Provider module ${file} must export a createProvider() function.`, {
      code: "PROVIDER_MODULE",
      details: [`exports found: ${Object.keys(mod).join(", ") || "none"}`],
      hint: "export function createProvider(ctx) { return { name, orgId, capabilities, readSnapshot } } — see docs/providers.md.",
    });
  }
  let provider: unknown;
  try {
    provider = await (factory as ProviderFactory)(context);
  } catch (error) {
    if (error instanceof Bot2svcError) throw error;
    throw new InputError(`Provider module ${file} failed to start: createProvider() threw: ${error instanceof Error ? error.message : String(error)}`, {
      code: "PROVIDER_MODULE",
    });
  }
  return validatingReads(checkProvider(provider, `Provider module ${file}`), `The snapshot returned by provider module ${file}`);
}

/**
 * The provider with its `readSnapshot` results validated like a snapshot file (header, schema,
 * references), each problem named by its JSON path under `what`; the optional collections a
 * module leaves out are filled in. Every other property is the provider's own.
 */
function validatingReads(provider: DirectoryProvider, what: string): DirectoryProvider {
  const readSnapshot = async (options?: ReadSnapshotOptions) => validateSnapshot(await provider.readSnapshot(options), what);
  return new Proxy(provider, {
    get(target, property) {
      if (property === "readSnapshot") return readSnapshot;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Returns the value as a provider, or throws naming every way it breaks the contract. */
export function checkProvider(value: unknown, what: string): DirectoryProvider {
  const problems = providerProblems(value);
  if (problems.length > 0) {
    throw new InputError(`${what} does not implement the provider interface`, {
      code: "PROVIDER_MODULE",
      details: problems,
      hint: "See docs/providers.md for the interface and the methods each capability needs.",
    });
  }
  return value as DirectoryProvider;
}
