import { Command } from "commander";
import type { CliDeps } from "../../context.js";

export function demoCommand(deps: CliDeps): Command {
  return new Command("demo")
    .description("rehearse a whole migration (audit, plan, show, apply, status) on the bundled demo org against a local emulator.")
    .option("--dir <dir>", "keep the plan, journal and secrets here (default: a new temporary directory); must be empty")
    .option("--concurrency <n>", "migrations to run in parallel during apply (default 4)")
    .addHelpText(
      "after",
      `
Everything runs in this process against an emulated Atlassian admin API on 127.0.0.1 that
serves fixtures/demo-org.json as of now (so the rehearsal is the same on any date) with token
minting enabled. No real organization is contacted;
BOT2SVC_* settings from the environment and config files are ignored.

Examples:
  $ bot2svc demo
  $ bot2svc demo --dir ./rehearsal && bot2svc audit --snapshot ./rehearsal/org-after.json`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { demoAction } = await import("./demo-action.js");
      await demoAction(raw, cmd, deps);
    });
}
