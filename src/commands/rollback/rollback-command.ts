import { Command } from "commander";
import type { CliDeps } from "../../context.js";

/** `bot2svc rollback`: undoes what the journal recorded, newest first. */
export function rollbackCommand(deps: CliDeps): Command {
  return new Command("rollback")
    .description("undo what the journal recorded, newest first: restore old accounts, revoke minted tokens, delete created service accounts.")
    .option("-y, --yes", "roll back without asking for confirmation")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
Rollback is idempotent: what is already undone is skipped. API tokens revoked from old accounts
cannot be restored; rollback says so for each.

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
