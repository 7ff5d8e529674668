import type { Command } from "commander";
import type { ChalkInstance } from "chalk";
import { loadConfigFile, type ConfigFile } from "./config/config-file.js";
import { loadEnvWithOrigins, type Env } from "./config/env.js";
import { InputError } from "./core/errors.js";
import { colorEnabled, makeColors } from "./ui/colors.js";
import { Logger, type LogLevel, type Writer } from "./ui/logger.js";
import { inquirerPrompts, safePrompts, type Prompts } from "./ui/prompts.js";
import { sanitizeText } from "./core/text/sanitize.js";
import { Redactor } from "./ui/redact.js";
import { spinnerFactory, type Spinner } from "./ui/spinner.js";
import { knownTerminalWidth } from "./ui/table.js";

/** What the outside world gives `main`; tests pass fakes, `cli.ts` passes the real process. */
export interface CliDeps {
  stdout: Writer & { isTTY?: boolean };
  stderr: Writer & { isTTY?: boolean };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Env;
  cwd: string;
  /** Wall clock; only used for `generatedAt` stamps and the live provider's "now". */
  now: () => Date;
  /** Overrides the interactive prompts (tests). */
  prompts?: Prompts;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  /** Secrets to scrub from everything printed; `main` creates one per run. */
  redactor?: Redactor;
}

export interface GlobalOptions {
  config?: string;
  provider?: string;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
  yes: boolean;
}

/** The handler context: everything a command needs, with no globals. */
export interface Context {
  deps: CliDeps;
  env: Env;
  cwd: string;
  global: GlobalOptions;
  config: ConfigFile;
  configFile: string | undefined;
  /** The `.env` file a variable came from (not the real environment), for settings that files may not choose. */
  envFileOf(name: string): string | undefined;
  colors: ChalkInstance;
  logger: Logger;
  redactor: Redactor;
  /** True when a person can answer prompts: stdin and stderr are TTYs and --json is off. */
  interactive: boolean;
  prompts: Prompts;
  spinner(): Spinner;
  /** Writes data to stdout, redacted and safe for a terminal. */
  print(text: string): void;
  /** Writes human-facing text (e.g. a plan summary) to stderr, redacted and safe for a terminal. */
  printErr(text: string): void;
  now(): Date;
}

export function globalOptionsOf(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Record<string, unknown>;
  return {
    config: typeof o.config === "string" ? o.config : undefined,
    provider: typeof o.provider === "string" ? o.provider : undefined,
    json: o.json === true,
    quiet: o.quiet === true,
    verbose: o.verbose === true,
    color: o.color !== false,
    yes: o.yes === true,
  };
}

const LOG_LEVELS: readonly LogLevel[] = ["error", "warn", "info", "debug"];

/** Builds the context for one command run: env (+ .env), config file, colours, logger. */
export async function makeContext(cmd: Command, deps: CliDeps, options: { forceJson?: boolean } = {}): Promise<Context> {
  const global = globalOptionsOf(cmd);
  if (options.forceJson) global.json = true;
  const loaded = loadEnvWithOrigins(deps.env, deps.cwd);
  const env = loaded.env;
  const redactor = deps.redactor ?? new Redactor();
  // Secrets that arrive through the environment are known from the start.
  for (const name of ["BOT2SVC_ATLASSIAN_API_KEY", "BOT2SVC_SCIM_TOKEN"]) redactor.add(env[name]);
  const colors = makeColors(
    colorEnabled({ isTTY: deps.stdout.isTTY === true, env, noColor: !global.color, json: global.json }),
  );
  const errColors = makeColors(
    colorEnabled({ isTTY: deps.stderr.isTTY === true, env, noColor: !global.color, json: global.json }),
  );
  const envLevel = env.BOT2SVC_LOG?.toLowerCase();
  if (envLevel !== undefined && envLevel !== "" && !LOG_LEVELS.includes(envLevel as LogLevel)) {
    throw new InputError(`BOT2SVC_LOG must be one of ${LOG_LEVELS.join(", ")} (got "${env.BOT2SVC_LOG}")`);
  }
  const level: LogLevel = global.verbose ? "debug" : global.quiet ? "error" : ((envLevel as LogLevel | undefined) ?? "info");
  const logger = new Logger(deps.stderr, level, errColors, redactor, knownTerminalWidth(deps.stderr, env));
  const { config, file } = await loadConfigFile(global.config ?? env.BOT2SVC_CONFIG, deps.cwd);
  const interactive = !global.json && deps.stdin?.isTTY === true && deps.stderr.isTTY === true;
  const prompts = safePrompts(
    deps.prompts ?? inquirerPrompts({ input: deps.stdin ?? process.stdin, output: deps.stderr as unknown as NodeJS.WritableStream }),
  );
  const spinner = await spinnerFactory(deps.stderr.isTTY === true && !global.json && !global.quiet, deps.stderr, errColors);
  return {
    deps,
    env,
    cwd: deps.cwd,
    global,
    config,
    configFile: file,
    envFileOf: loaded.fileOf,
    colors,
    logger,
    redactor,
    interactive,
    prompts,
    spinner,
    print: (text) => {
      deps.stdout.write(sanitizeText(redactor.redact(text), { ownColors: colors.level > 0 ? "keep" : "strip" }));
    },
    printErr: (text) => {
      deps.stderr.write(sanitizeText(redactor.redact(text), { ownColors: errColors.level > 0 ? "keep" : "strip" }));
    },
    now: deps.now,
  };
}
