import { Command, Option } from "commander";
import type { CliDeps } from "../../context.js";

/** The default plan file name, in the working directory. */
export const DEFAULT_PLAN_FILE = "bot2svc-plan.json";

/**
 * What `--old-account` accepts (the plan schema's `oldAccount.action`), listed here so that
 * `--help` does not load the schema library; the handler checks at compile time that the two agree.
 */
export const OLD_ACCOUNT_CHOICES = ["suspend", "deactivate", "revoke-tokens", "none"] as const;

export function planCommand(deps: CliDeps): Command {
  return new Command("plan")
    .description("turn audit findings into a reviewable migration plan (a JSON file with no secrets).")
    .option("-o, --out <file>", `where to write the plan (default: ${DEFAULT_PLAN_FILE}; with --json, stdout only)`)
    .option("--from-audit <file>", "plan from a saved `bot2svc audit --format json` report instead of auditing now")
    .option("--snapshot <file>", "read the directory from a snapshot file instead of the live provider")
    .option("--demo", "plan against the bundled demo organization")
    .option("--now <time>", "judge activity as of this instant; a live read ends there (default: the read moment, or the snapshot's takenAt)")
    .option("--include <verdicts>", "also plan accounts with these verdicts (likely-bot); bots are always included")
    .option("--select <ids>", "plan exactly these accounts: comma-separated account ids or emails")
    .option("--include-admins", "also migrate org and site admins (left out by default)")
    .option("--token-expiry-days <n>", "lifetime of each new API token, 1-365 (default 365)")
    .option("--scopes <scopes>", "comma-separated token scopes (default: per product, Jira and/or Confluence)")
    .addOption(
      new Option("--old-account <action>", "what happens to each old bot account after verification (default suspend)").choices([...OLD_ACCOUNT_CHOICES]),
    )
    .option("--soak-days <n>", "wait this many days after verification before decommissioning (default 0)")
    .option("--secrets-dir <dir>", "default secret sink: a 0600 .env file per account in this directory")
    .option("--secret-command <cmd>", "default secret sink: a command that reads the secret as JSON on stdin")
    .option("--detailed-exitcode", "exit 2 when apply would change something, 0 when nothing is applicable (all blocked or none)")
    .option("--correlate <file>", "a snapshot of a second directory: add deactivating the same bot there to each migration")
    .addHelpText(
      "after",
      `
On a terminal, without --select, --yes or --json, a checkbox list lets you pick the accounts.

Examples:
  $ bot2svc plan --demo --out plan.json
  $ bot2svc plan --from-audit audit.json --snapshot org.json --select jenkins@acme.com,5b10ac8d82e05b22cc7d4ef5
  $ bot2svc plan --include likely-bot --old-account revoke-tokens --soak-days 7 --secrets-dir ./secrets
  $ bot2svc plan --json --yes > plan.json
  $ bot2svc plan --snapshot atlassian.json --correlate idp.json --yes   # also deactivate each bot in the IdP`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { planAction } = await import("./plan-action.js");
      await planAction(raw, cmd, deps);
    });
}
