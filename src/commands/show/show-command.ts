import { resolve } from "node:path";
import { Command } from "commander";
import { makeContext, type CliDeps } from "../../context.js";
import { readPlanFile } from "../../core/plan/io.js";
import type { Plan } from "../../core/plan/schema.js";
import { planCounts, renderPlanSummary, type PlanCounts } from "./render.js";
import { jsonDocumentText } from "../../contracts/json-document.js";
import { terminalWidth } from "../../ui/table.js";

export { planCounts, planHasChanges, renderPlanSummary, summaryLine, type PlanCounts } from "./render.js";

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
    .action(async (file: string, _raw: Record<string, unknown>, cmd: Command) => {
      const ctx = await makeContext(cmd, deps);
      const { plan, counts } = await runShow(file, ctx.cwd);
      if (ctx.global.json) ctx.print(jsonDocumentText("bot2svc.show", { plan, counts }));
      else ctx.print(renderPlanSummary(plan, ctx.colors, { width: terminalWidth(deps.stdout, ctx.env) }));
    });
}

/** Reads and validates a plan file (relative to `cwd`) and counts what it would do. */
export async function runShow(file: string, cwd: string): Promise<{ plan: Plan; counts: PlanCounts }> {
  const plan = await readPlanFile(resolve(cwd, file), { displayName: file });
  return { plan, counts: planCounts(plan) };
}
