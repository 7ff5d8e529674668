import { Command, Option } from "commander";
import { join } from "node:path";
import type { CliDeps } from "../../context.js";
import { OLD_ACCOUNT_CHOICES } from "../plan/plan-command.js";

/** Where migrate keeps the secrets when no sink is named: private to the user, beside the journal. */
export const DEFAULT_MIGRATE_SECRETS_DIR = join(".bot2svc", "secrets");

/**
 * `bot2svc migrate`: the interactive path for admins — read the directory, audit, pick the
 * accounts, review the plan, confirm, apply with progress. The plan is saved under `.bot2svc/`
 * so an interrupted or paused migration continues with `bot2svc apply PLAN --resume`.
 */
export function migrateCommand(deps: CliDeps): Command {
  return new Command("migrate")
    .description("interactively audit, pick bot accounts, review the plan and apply it (plan + apply in one go).")
    .option("--include <verdicts>", "also offer accounts with these verdicts (likely-bot)")
    .option("--include-admins", "also offer org and site admins")
    .option("--token-expiry-days <n>", "lifetime of each new API token, 1-365 (default 365)")
    .option("--scopes <scopes>", "comma-separated token scopes (default: per product)")
    .addOption(new Option("--old-account <action>", "what happens to each old bot account (default suspend)").choices([...OLD_ACCOUNT_CHOICES]))
    .option("--soak-days <n>", "days to wait after verification before decommissioning (default 0)")
    .option("--secrets-dir <dir>", `a 0600 .env file per account in this directory (default ${DEFAULT_MIGRATE_SECRETS_DIR})`)
    .option("--secret-command <cmd>", "run this command per account with the secret as JSON on stdin")
    .option("--secret-read-command <cmd>", "prints the token the secret command stored, so it is checked before the old account is touched")
    .option("--concurrency <n>", "migrations to run in parallel (default 1)")
    .option("--max-changes <n>", "refuse when the plan would make more than N directory changes")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
migrate needs a terminal. In scripts and CI use \`bot2svc plan --out plan.json\`, review it, then
\`bot2svc apply plan.json --yes\`.

Examples:
  $ BOT2SVC_PROVIDER=atlassian bot2svc migrate
  $ bot2svc migrate --old-account revoke-tokens --soak-days 7 --secrets-dir ~/bot-secrets`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { migrateAction } = await import("./migrate-action.js");
      await migrateAction(raw, cmd, deps);
    });
}
