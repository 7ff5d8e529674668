import { Command, Option } from "commander";
import type { CliDeps } from "../../context.js";
import { RISK_ORDER, VERDICT_ORDER } from "../../core/detect/types.js";
import { AUDIT_SORT_KEYS } from "./filters.js";
import { AUDIT_FORMATS } from "./render.js";
import { AUDIT_TABLE_COLUMNS } from "./render-table.js";

export function auditCommand(deps: CliDeps): Command {
  return new Command("audit")
    .description("find accounts that automation uses as if they were people, and explain every verdict.")
    .addOption(new Option("--format <format>", "output format").choices([...AUDIT_FORMATS]))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .addOption(
      new Option("--fail-on <level>", "exit 2 when findings still to do (not already migrated or inactive) reach this verdict, or (new) when a bot is not in the baseline").choices([
        "bot",
        "likely-bot",
        "new",
      ]),
    )
    .option("--baseline <file>", "compare with a saved `audit --format json` report: mark findings new, unchanged or resolved")
    .option("--verdict <verdicts>", `list only these verdicts, comma-separated (${VERDICT_ORDER.join(", ")})`)
    .addOption(new Option("--risk <level>", "list only findings at or above this risk").choices([...RISK_ORDER]))
    .addOption(new Option("--sort <key>", "order of the findings (default verdict, then score)").choices([...AUDIT_SORT_KEYS]))
    .option("--include-humans", "list every account, not only bots and humans who should enable 2SV")
    .option("--wide", "table: every column and every reason, uncut, whatever the terminal width")
    .option("--columns <columns>", `table: the columns to show, comma-separated (${AUDIT_TABLE_COLUMNS.join(", ")})`)
    .option("--demo", "audit the bundled demo organization")
    .option("--snapshot <file>", "audit a snapshot file instead of the live provider")
    .option("--now <time>", "judge activity as of this instant (default: the snapshot's takenAt)")
    .option("--since <time>", "start of the event lookback window for live reads (default: 30 days before --now, or before the read)")
    .option("--correlate <file>", "a snapshot of a second directory (e.g. the IdP): show which flagged accounts also exist there")
    .addHelpText(
      "after",
      `
Formats: table (default on a terminal), json (default otherwise), csv, markdown, sarif, html.
The table fits the terminal (COLUMNS when piped); --wide or --columns show more.

Examples:
  $ bot2svc audit --demo
  $ bot2svc audit --demo --verdict bot --risk high --sort risk
  $ bot2svc audit --snapshot fixtures/demo-org.json --format json | jq .summary
  $ bot2svc audit --snapshot org.json --format markdown --fail-on bot   # exit 2 if any bot
  $ bot2svc audit --snapshot org.json --format sarif --output bot2svc.sarif
  $ bot2svc audit --snapshot org.json --baseline last.json --fail-on new
  $ BOT2SVC_PROVIDER=atlassian bot2svc audit --since 2026-10-01
  $ bot2svc audit --snapshot atlassian.json --correlate idp.json        # the same bot in two directories
  $ bot2svc audit --provider ./my-directory.js                          # a provider module you wrote`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { auditAction } = await import("./audit-action.js");
      await auditAction(raw, cmd, deps);
    });
}
