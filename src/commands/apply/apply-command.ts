import { Command } from "commander";
import type { CliDeps } from "../../context.js";

/** `bot2svc apply PLAN`: carries out a saved plan with a journal, a lock and a secret sink. */
export function applyCommand(deps: CliDeps): Command {
  return new Command("apply")
    .description("carry out a saved plan: create service accounts, mint and deliver tokens, verify, decommission.")
    .argument("<plan>", "plan file written by `bot2svc plan`")
    .option("-y, --yes", "apply without asking for confirmation")
    .option("--dry-run", "print the steps that would run and change nothing")
    .option("--concurrency <n>", "migrations to run in parallel (default 1)")
    .option("--max-changes <n>", "refuse the plan when it would make more than N directory changes")
    .option("--resume", "continue a paused or interrupted apply (manual tokens, soak periods)")
    .option("--token-file <file>", "with --resume: tokens created by hand, as lines <migration id>=<token>")
    .option("--secrets-dir <dir>", "write a 0600 .env file per account into this private directory")
    .option("--secret-command <cmd>", "run this command per account; it must read the secret (JSON) from stdin to the end (env: BOT2SVC_SECRET_COMMAND)")
    .option("--secret-read-command <cmd>", "with a secret command: prints the stored token, so apply checks what was stored (env: BOT2SVC_SECRET_READ_COMMAND)")
    .option("--confirm-stored <ids>", "with --resume: you checked these migrations' tokens were stored (a secret command with no read-back)")
    .option("--confirm-idp <ids>", "with --resume: you deactivated these migrations' bots in the identity provider by hand")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
Every step is journaled before and after it runs; an interrupted apply continues where it
stopped when run again. Exit codes: 0 done, 1 refused (stale plan, lock, limits), 3 some steps
failed, 4 paused (a token to create by hand, a delivery to confirm, or a bot to deactivate in
the identity provider), 130 cancelled.

A --secret-command gets the secret as JSON on stdin and must read all of it; the other fields
are in its environment: BOT2SVC_MIGRATION_ID, BOT2SVC_SERVICE_ACCOUNT_ID,
BOT2SVC_SERVICE_ACCOUNT_EMAIL, BOT2SVC_SERVICE_ACCOUNT_NAME, BOT2SVC_TOKEN_ID,
BOT2SVC_TOKEN_LABEL, BOT2SVC_TOKEN_EXPIRES_AT, BOT2SVC_GATEWAY_URL, BOT2SVC_CLOUD_ID.
A token that failed verification can be replaced: --resume --token-file with <migration id>=<token>.

The plan's secret command is run only when it is given again, with --secret-command or
BOT2SVC_SECRET_COMMAND (from the environment, not from a .env file): apply never runs a
shell command that only a plan file names. One apply of a plan runs at a time, whatever
its --journal: a second one exits 1 naming the first (lock in BOT2SVC_STATE_DIR, default
~/.local/state/bot2svc). Journal and lock directories must be yours and not writable by
others (symbolic links are followed only to such a directory).

A secret command is not trusted to have stored the token because it read stdin. Give a
--secret-read-command (same environment, no stdin) that prints the stored token: apply compares
it with the minted one (only the result is shown), verifies the token read back, and only then
decommissions the old account. Without one, each migration stops at "delivered, not confirmed"
(exit 4) with its old account untouched until you check the store and run
\`apply PLAN --resume --confirm-stored <migration id>,...\`.

A plan made with --correlate also deactivates each bot in the identity provider, through SCIM
with BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN. Without them apply pauses there (exit 4);
once you have deactivated the bots in the IdP's admin console, record it with
\`apply PLAN --resume --confirm-idp <migration id>,...\` (rollback then reminds you to
reactivate them there by hand).

Examples:
  $ bot2svc apply plan.json --dry-run
  $ bot2svc apply plan.json --yes --secrets-dir ./secrets --max-changes 50
  $ bot2svc apply plan.json --yes --secret-command 'vault kv put "secret/bots/$BOT2SVC_MIGRATION_ID" -' \\
      --secret-read-command 'vault kv get -field=token "secret/bots/$BOT2SVC_MIGRATION_ID"'
  $ bot2svc apply plan.json --resume --token-file tokens.txt
  $ bot2svc apply plan.json --resume --confirm-idp m-5b0f2c9e1a7d3e0069a1c2d4,m-6a7eff2bb50b0e4b74cb679e`,
    )
    .action(async (file: string, raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { applyAction } = await import("./apply-action.js");
      await applyAction(file, raw, cmd, deps);
    });
}
