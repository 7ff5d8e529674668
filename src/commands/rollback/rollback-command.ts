import { Command } from "commander";
import type { CliDeps } from "../../context.js";

/** `bot2svc rollback`: undoes what the journal recorded, newest first. */
export function rollbackCommand(deps: CliDeps): Command {
  return new Command("rollback")
    .description("undo what the journal recorded, newest first: restore old accounts, revoke minted tokens, delete created service accounts.")
    .option("-y, --yes", "roll back without asking for confirmation")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .option("--plan <file>", "the plan the journal applied, to restore its old accounts even when their new service account is gone")
    .addHelpText(
      "after",
      `
Rollback is idempotent: what is already undone is skipped. API tokens revoked from old accounts
cannot be restored; rollback says so for each.

Rollback only deletes a service account that carries the marker of the journal's plan and
migration (bot2svc:<plan id>:<migration id>), and only restores an old account that is the
source of its migration, shown by that service account (or by --plan). A journal entry that
names anything else is refused and left as it is; a new account is kept until its old one is
restored. Group memberships are removed only where the journal (or, when a step stopped
part-way, the live membership) shows apply added them. A bot that apply deactivated in an
identity provider (plan --correlate with a SCIM snapshot) is reactivated there through SCIM,
with BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN set.

Examples:
  $ bot2svc rollback
  $ bot2svc rollback --yes --journal ci/.bot2svc/journal.jsonl --json`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { rollbackAction } = await import("./rollback-action.js");
      await rollbackAction(raw, cmd, deps);
    });
}
