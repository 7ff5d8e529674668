import { Command } from "commander";
import type { CliDeps } from "../../context.js";

/** `bot2svc status`: what the journal says about each migration. Always exits 0. */
export function statusCommand(deps: CliDeps): Command {
  return new Command("status")
    .description("show what the journal says: done, pending, failed, waiting for a manual step or a soak.")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
Examples:
  $ bot2svc status
  $ bot2svc status --json | jq '.migrations[] | select(.outcome == "failed")'`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { statusAction } = await import("./status-action.js");
      await statusAction(raw, cmd, deps);
    });
}
