import { Command } from "commander";
import type { CliDeps } from "../../context.js";

/** `bot2svc show PLAN`: renders a saved plan for review; `--json` prints `{kind, version, plan, counts}`. */
export function showCommand(deps: CliDeps): Command {
  return new Command("show")
    .description("render a saved plan for review, with a counted summary.")
    .argument("<plan>", "plan file written by `bot2svc plan`")
    .addHelpText(
      "after",
      `
Examples:
  $ bot2svc show bot2svc-plan.json
  $ bot2svc show plan.json --json | jq .counts`,
    )
    .action(async (file: string, raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { showAction } = await import("./show-action.js");
      await showAction(file, raw, cmd, deps);
    });
}
