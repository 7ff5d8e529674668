import { Command, CommanderError, Option } from "commander";
import { Bot2svcError, ExitSignal } from "./core/errors.js";
import type { CliDeps } from "./context.js";
import { packageVersion } from "./paths.js";
import { auditCommand } from "./commands/audit/audit-command.js";
import { doctorCommand } from "./commands/doctor/doctor-command.js";
import { snapshotCommand } from "./commands/snapshot/snapshot-command.js";
import { emulatorCommand } from "./commands/emulator/emulator-command.js";
import { planCommand } from "./commands/plan/plan-command.js";
import { showCommand } from "./commands/show/show-command.js";
import { applyCommand } from "./commands/apply/apply-command.js";
import { migrateCommand } from "./commands/migrate/migrate-command.js";
import { rollbackCommand } from "./commands/rollback/rollback-command.js";
import { statusCommand } from "./commands/status/status-command.js";
import { demoCommand } from "./commands/demo/demo-command.js";
import { Redactor } from "./ui/redact.js";
import { sanitizeText } from "./core/text/sanitize.js";

export type { CliDeps } from "./context.js";

/** Each command module exports a builder that receives the deps and returns a commander Command. */
export type CommandBuilder = (deps: CliDeps) => Command;

const COMMANDS: CommandBuilder[] = [auditCommand, planCommand, showCommand, emulatorCommand, applyCommand, migrateCommand, statusCommand, rollbackCommand, snapshotCommand, doctorCommand, demoCommand];

/** Builds the commander program for one run. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command("bot2svc")
    .description(
      "Find bot accounts (people-style accounts that automation logs in with) in an Atlassian Cloud\n" +
        "organization and migrate them to service accounts with scoped API tokens.",
    )
    .version(packageVersion(), "-V, --version")
    .option("--config <file>", "config file (default: ./bot2svc.config.json)")
    .option("--provider <name>", "directory provider: atlassian, scim, snapshot or ./module.js")
    .option("--json", "machine-readable output: JSON on stdout, no colour, spinner or prompt")
    .option("-q, --quiet", "print only data and errors")
    .option("-v, --verbose", "debug logs and stack traces on stderr")
    .option("--no-color", "disable colour (also NO_COLOR=1)")
    .addOption(new Option("-y, --yes", "answer yes to confirmations"))
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => deps.stdout.write(sanitizeText(s)),
      writeErr: (s) => deps.stderr.write(sanitizeText(s)),
    })
    .exitOverride();
  for (const build of COMMANDS) {
    const command = build(deps);
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => deps.stdout.write(sanitizeText(s)), writeErr: (s) => deps.stderr.write(sanitizeText(s)) });
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
  const program = buildProgram(deps);
  const wantsJson = argv.includes("--json");
  const verbose = argv.includes("--verbose") || argv.includes("-v");
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, deps, { json: wantsJson, verbose });
  }
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
      deps.stdout.write(`${JSON.stringify({ error: { code: "USAGE", message, hint: "Run with --help for usage." } })}\n`);
    }
    return 1;
  }
  const redactor = deps.redactor ?? new Redactor();
  // Messages quote names, paths and server answers: scrubbed of secrets and of escape sequences.
  const scrub = (s: string) => sanitizeText(redactor.redact(s));
  if (error instanceof Bot2svcError) {
    if (options.json) {
      deps.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: scrub(error.message), hint: error.hint === undefined ? null : scrub(error.hint), details: error.details.map(scrub) } })}\n`,
      );
    } else {
      // Ctrl-C is not a failure to explain: one word, no "Error:" prefix.
      const head = error.exitCode === 130 ? scrub(error.message) : `Error: ${scrub(error.message)}`;
      const lines = [head, ...error.details.map((d) => `  - ${scrub(d)}`)];
      if (error.hint) lines.push(`Hint: ${scrub(error.hint)}`);
      if (options.verbose && error.stack) lines.push(scrub(error.stack));
      deps.stderr.write(`${lines.join("\n")}\n`);
    }
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (options.json) {
    deps.stdout.write(`${JSON.stringify({ error: { code: "INTERNAL", message: scrub(message), hint: "This is a bug in bot2svc." } })}\n`);
  } else {
    const lines = [`Error: ${scrub(message)}`, `This is a bug in bot2svc ${packageVersion()}; please report it with the output of --verbose.`];
    if (options.verbose && error instanceof Error && error.stack) lines.push(scrub(error.stack));
    deps.stderr.write(`${lines.join("\n")}\n`);
  }
  return 1;
}
