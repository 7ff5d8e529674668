import { Command } from "commander";
import type { CliDeps } from "../../context.js";

export function snapshotCommand(deps: CliDeps): Command {
  return new Command("snapshot")
    .description("export the live directory into a snapshot file (read-only).")
    .requiredOption("-o, --out <file>", "snapshot file to write (atomically)")
    .option("--since <time>", "start of the event lookback window (default: 30 days before the read)")
    .option("--snapshot <file>", "read this snapshot file instead of the live provider (re-normalises it)")
    .option("--concurrency <n>", "requests in flight at once (default 4)")
    .addHelpText(
      "after",
      `
Examples:
  $ BOT2SVC_PROVIDER=atlassian bot2svc snapshot --out org.json
  $ bot2svc snapshot --out org.json --since 2026-10-01 --concurrency 1
  $ bot2svc audit --snapshot org.json`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { snapshotAction } = await import("./snapshot-action.js");
      await snapshotAction(raw, cmd, deps);
    });
}
