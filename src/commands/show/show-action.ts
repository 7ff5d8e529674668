import { resolve } from "node:path";
import type { Command } from "commander";
import { makeContext, type CliDeps } from "../../context.js";
import { readPlanFile } from "../../core/plan/io.js";
import type { Plan } from "../../core/plan/schema.js";
import { planCounts, renderPlanSummary, type PlanCounts } from "./render.js";
import { jsonDocumentText } from "../../contracts/json-document.js";
import { terminalWidth } from "../../ui/table.js";


/** The `bot2svc show` handler, loaded only when the command runs. */
export async function showAction(file: string, _raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const { plan, counts } = await runShow(file, ctx.cwd);
  if (ctx.global.json) ctx.print(jsonDocumentText("bot2svc.show", { plan, counts }));
  else ctx.print(renderPlanSummary(plan, ctx.colors, { width: terminalWidth(deps.stdout, ctx.env) }));
}

/** Reads and validates a plan file (relative to `cwd`) and counts what it would do. */
export async function runShow(file: string, cwd: string): Promise<{ plan: Plan; counts: PlanCounts }> {
  const plan = await readPlanFile(resolve(cwd, file), { displayName: file });
  return { plan, counts: planCounts(plan) };
}
