import { Command } from "commander";
import type { CliDeps } from "../../context.js";

export function doctorCommand(deps: CliDeps): Command {
  return new Command("doctor")
    .description("check configuration, credentials, reachability and rate-limit headroom, one line per check.")
    .addHelpText(
      "after",
      `
Every request has its own deadline, and the whole run stops after --timeout seconds (default
60); a check cut short says which deadline it hit. Exits 1 when any check fails. --json prints {"checks":[{"id","ok","detail","hint"}]}.

Examples:
  $ bot2svc doctor
  $ BOT2SVC_ATLASSIAN_BASE_URL=http://127.0.0.1:4010 bot2svc doctor --json`,
    )
    .option("--timeout <seconds>", "stop all checks after this many seconds (default 60)")
    .action(async (raw: { timeout?: string }, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { doctorAction } = await import("./doctor-action.js");
      await doctorAction(raw, cmd, deps);
    });
}
