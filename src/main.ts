import { Command, CommanderError, Option } from "commander";
import { Bot2svcError, ExitSignal } from "./core/errors.js";
import type { CliDeps } from "./context.js";
import { packageVersion } from "./paths.js";
import { Redactor } from "./ui/redact.js";
import { sanitizeText } from "./core/text/sanitize.js";
import { jsonDocumentLine } from "./contracts/json-document.js";
import { knownTerminalWidth, loadDisplayWidths } from "./ui/table.js";
import { wrapParagraph } from "./ui/wrap.js";

export type { CliDeps } from "./context.js";

/** Each command module exports a builder that receives the deps and returns a commander Command. */
export type CommandBuilder = (deps: CliDeps) => Command;

/** A command as the top-level help lists it, and how to load its module when it runs. */
interface CommandEntry {
  name: string;
  description: string;
  load: () => Promise<CommandBuilder>;
}

/**
 * Every command, in help order. A command's module (and the libraries it needs: zod, axios,
 * inquirer, the detector) is imported only when that command runs or its help is asked for, so
 * `bot2svc --help` and each command start fast. The descriptions must match the modules' own;
 * a test compares them.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "audit", description: "find accounts that automation uses as if they were people, and explain every verdict.", load: async () => (await import("./commands/audit/audit-command.js")).auditCommand },
  { name: "plan", description: "turn audit findings into a reviewable migration plan (a JSON file with no secrets).", load: async () => (await import("./commands/plan/plan-command.js")).planCommand },
  { name: "show", description: "render a saved plan for review, with a counted summary.", load: async () => (await import("./commands/show/show-command.js")).showCommand },
  { name: "emulator", description: "serve a snapshot as a local Atlassian admin API on 127.0.0.1, with rate limits and fault injection.", load: async () => (await import("./commands/emulator/emulator-command.js")).emulatorCommand },
  { name: "apply", description: "carry out a saved plan: create service accounts, mint and deliver tokens, verify, decommission.", load: async () => (await import("./commands/apply/apply-command.js")).applyCommand },
  { name: "migrate", description: "interactively audit, pick bot accounts, review the plan and apply it (plan + apply in one go).", load: async () => (await import("./commands/migrate/migrate-command.js")).migrateCommand },
  { name: "status", description: "show what the journal says: done, pending, failed, waiting for a manual step or a soak.", load: async () => (await import("./commands/status/status-command.js")).statusCommand },
  { name: "rollback", description: "undo what the journal recorded, newest first: restore old accounts, revoke minted tokens, delete created service accounts.", load: async () => (await import("./commands/rollback/rollback-command.js")).rollbackCommand },
  { name: "snapshot", description: "export the live directory into a snapshot file (read-only).", load: async () => (await import("./commands/snapshot/snapshot-command.js")).snapshotCommand },
  { name: "doctor", description: "check configuration, credentials, reachability and rate-limit headroom, one line per check.", load: async () => (await import("./commands/doctor/doctor-command.js")).doctorCommand },
  { name: "demo", description: "rehearse a whole migration (audit, plan, show, apply, status) on the bundled demo org against a local emulator.", load: async () => (await import("./commands/demo/demo-command.js")).demoCommand },
];

// Global options that take a value, so that the scan for the command name skips the value.
const GLOBAL_OPTIONS_WITH_VALUE = new Set(["--config", "--provider"]);

/** The command an argument list asks for (`bot2svc [globals] <command> ...` or `bot2svc help <command>`), if any. */
export function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return argv[i + 1];
    if (arg.startsWith("-")) {
      if (GLOBAL_OPTIONS_WITH_VALUE.has(arg)) i++;
      continue;
    }
    return arg === "help" ? argv[i + 1] : arg;
  }
  return undefined;
}

/**
 * Builds the commander program for one run. Only the command that `argv` names is loaded; for
 * top-level help (or an unknown command) every command is listed from `COMMANDS` without loading.
 */
export async function buildProgram(deps: CliDeps, argv: readonly string[] = []): Promise<Command> {
  const writeOut = (s: string) => deps.stdout.write(sanitizeText(s));
  // One error prefix everywhere: commander's own usage errors read like bot2svc's.
  const writeErr = (s: string) => deps.stderr.write(sanitizeText(s.replace(/^error: /, "Error: ")));
  const program = new Command("bot2svc")
    .description(
      "Find bot accounts (people-style accounts that automation logs in with) in an Atlassian Cloud " +
        "organization and migrate them to service accounts with scoped API tokens.",
    )
    .version(packageVersion(), "-V, --version")
    .option("--config <file>", "config file (default: ./bot2svc.config.json)")
    .option("--provider <name>", "directory provider: atlassian, scim, snapshot or ./module.js")
    .option("--json", "machine-readable output: JSON on stdout, no colour, spinner or prompt")
    .option("-q, --quiet", "print only data and errors")
    .option("-v, --verbose", "debug logs and stack traces on stderr")
    .option("--no-color", "disable colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)")
    .addOption(new Option("-y, --yes", "answer yes to confirmations"))
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut, writeErr })
    .exitOverride()
    // Tables and wrapped lines measure names as a terminal lays them out (CJK takes two columns);
    // loaded for a command's run only, so `--help` loads no library but commander.
    .hook("preAction", loadDisplayWidths);
  const wanted = commandNameOf(argv);
  const entry = COMMANDS.find((c) => c.name === wanted);
  const entries = entry ? [entry] : COMMANDS;
  for (const e of entries) {
    const command = entry ? (await e.load())(deps) : new Command(e.name).description(e.description);
    command.exitOverride();
    command.showHelpAfterError("(run with --help for usage)");
    command.configureHelp({ showGlobalOptions: true });
    command.configureOutput({ writeOut, writeErr });
    program.addCommand(command);
  }
  program.addHelpText(
    "after",
    `
Examples:
  $ bot2svc audit --demo
  $ bot2svc audit --snapshot org.json --format markdown --fail-on bot
  $ bot2svc plan --out plan.json && bot2svc apply plan.json --yes --secrets-dir ./secrets

Exit codes: 0 ok, 1 error, 2 findings/changes, 3 failed steps, 4 paused at a manual step, 130 cancelled.`,
  );
  return program;
}

/**
 * Runs the CLI and returns the exit code. Never exits the process and never throws, so tests
 * call it in-process.
 */
export async function main(argv: readonly string[], runDeps: CliDeps): Promise<number> {
  // One redactor per run, shared by the context and the error report, so a secret registered
  // during the run (the API key, a minted token) is scrubbed from a failure message too.
  const deps: CliDeps = { ...runDeps, redactor: runDeps.redactor ?? new Redactor() };
  const wantsJson = argv.includes("--json");
  const verbose = argv.includes("--verbose") || argv.includes("-v");
  try {
    const program = await buildProgram(deps, argv);
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, deps, { json: wantsJson, verbose });
  }
}

/**
 * Lays out one paragraph of an error report after `label` ("Error: ", "Hint: "), wrapped with a
 * hanging indent under its text on a terminal or with COLUMNS, like log lines; piped without
 * COLUMNS each stays on one line for grep.
 */
function errorWrapper(deps: CliDeps): (text: string, label: string) => string[] {
  const width = knownTerminalWidth(deps.stderr, deps.env);
  return (text, label) => wrapParagraph(text, width, { first: label });
}

function reportError(error: unknown, deps: CliDeps, options: { json: boolean; verbose: boolean }): number {
  if (error instanceof ExitSignal) {
    if (error.message !== "") deps.stderr.write(`${sanitizeText((deps.redactor ?? new Redactor()).redact(error.message))}\n`);
    return error.exitCode;
  }
  if (error instanceof CommanderError) {
    // Help and version exit 0; help shown because no command was given exits 1. Commander has
    // already printed both, and any usage error, on the right stream.
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
      return error.exitCode;
    }
    if (options.json) {
      const message = error.message.replace(/^error: /, "");
      deps.stdout.write(jsonDocumentLine("bot2svc.error", { error: { code: "USAGE", message, hint: "Run with --help for usage." } }));
    }
    return 1;
  }
  const redactor = deps.redactor ?? new Redactor();
  // Messages quote names, paths and server answers: scrubbed of secrets and of escape sequences.
  const scrub = (s: string) => sanitizeText(redactor.redact(s));
  if (error instanceof Bot2svcError) {
    if (options.json) {
      deps.stdout.write(
        jsonDocumentLine("bot2svc.error", {
          error: { code: error.code, message: scrub(error.message), hint: error.hint === undefined ? null : scrub(error.hint), details: error.details.map(scrub) },
        }),
      );
    } else {
      // Ctrl-C is not a failure to explain: one word, no "Error:" prefix.
      const wrap = errorWrapper(deps);
      const lines = error.exitCode === 130 ? [scrub(error.message)] : wrap(scrub(error.message), "Error: ");
      for (const d of error.details) lines.push(...wrap(scrub(d), "  - "));
      if (error.hint) lines.push(...wrap(scrub(error.hint), "Hint: "));
      if (options.verbose && error.stack) lines.push(scrub(error.stack));
      deps.stderr.write(`${lines.join("\n")}\n`);
    }
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) {
    deps.stdout.write(jsonDocumentLine("bot2svc.error", { error: { code: "INTERNAL", message: scrub(message), hint: "This is a bug in bot2svc." } }));
  } else {
    const wrap = errorWrapper(deps);
    const lines = [...wrap(scrub(message), "Error: "), ...wrap(`This is a bug in bot2svc ${packageVersion()}; please report it with the output of --verbose.`, "")];
    if (options.verbose && error instanceof Error && error.stack) lines.push(scrub(error.stack));
    deps.stderr.write(`${lines.join("\n")}\n`);
  }
  return 1;
}
