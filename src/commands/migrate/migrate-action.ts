import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps } from "../../context.js";
import { InputError } from "../../core/errors.js";
import { writePlanFile } from "../../core/plan/io.js";
import { oldAccountActionSchema } from "../../core/plan/schema.js";
import { executeApply } from "../apply/execute.js";
import { planCommandOptionsSchema, runPlan } from "../plan/plan-action.js";
import { DEFAULT_MIGRATE_SECRETS_DIR } from "./migrate-command.js";
import { parseOptions, concurrencyOptionSchema } from "../shared.js";
import { singleLine } from "../../core/text/sanitize.js";


export const migrateOptionsSchema = z.object({
  include: z.string().optional(),
  includeAdmins: z.boolean().default(false),
  tokenExpiryDays: z.string().optional(),
  scopes: z.string().optional(),
  oldAccount: oldAccountActionSchema.optional(),
  soakDays: z.string().optional(),
  secretsDir: z.string().min(1).optional(),
  secretCommand: z.string().min(1).optional(),
  secretReadCommand: z.string().min(1).optional(),
  concurrency: concurrencyOptionSchema.optional(),
  maxChanges: z.string().regex(/^\d+$/, "expected a whole number").transform(Number).optional(),
  journal: z.string().min(1).optional(),
});

/** The `bot2svc migrate` handler, loaded only when the command runs. */
export async function migrateAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(migrateOptionsSchema, raw);
  if (!ctx.interactive || ctx.global.yes) {
    throw new InputError("migrate is interactive and needs a terminal (and no --yes or --json).", {
      code: "NOT_INTERACTIVE",
      hint: "Use `bot2svc plan --out plan.json`, review it with `bot2svc show plan.json`, then `bot2svc apply plan.json --yes`.",
    });
  }
  const secretsDir = options.secretCommand === undefined ? (options.secretsDir ?? DEFAULT_MIGRATE_SECRETS_DIR) : undefined;
  const planOptions = parseOptions(planCommandOptionsSchema, {
    ...(options.include !== undefined ? { include: options.include } : {}),
    includeAdmins: options.includeAdmins,
    ...(options.tokenExpiryDays !== undefined ? { tokenExpiryDays: options.tokenExpiryDays } : {}),
    ...(options.scopes !== undefined ? { scopes: options.scopes } : {}),
    ...(options.oldAccount !== undefined ? { oldAccount: options.oldAccount } : {}),
    ...(options.soakDays !== undefined ? { soakDays: options.soakDays } : {}),
    ...(secretsDir !== undefined ? { secretsDir } : {}),
    ...(options.secretCommand !== undefined ? { secretCommand: options.secretCommand } : {}),
  });
  const { plan, excluded } = await runPlan(planOptions, ctx);
  for (const account of excluded) ctx.logger.warn(singleLine(`Left out ${account.email ?? account.name}: ${account.reason}`));
  if (plan.migrations.length === 0) {
    ctx.logger.info("No accounts chosen: nothing to migrate.");
    return;
  }
  const planFile = resolve(ctx.cwd, ".bot2svc", "plans", `${plan.id}.json`);
  await writePlanFile(planFile, plan);
  const shown = relative(ctx.cwd, planFile);
  ctx.logger.info(`Saved the plan to ${shown}.`);
  await executeApply(
    {
      plan,
      planFile: shown,
      yes: false,
      dryRun: false,
      concurrency: options.concurrency ?? 1,
      ...(options.maxChanges !== undefined ? { maxChanges: options.maxChanges } : {}),
      resume: false,
      // The command was given on this command line, so apply may run it (a plan's own command never runs unless given).
      ...(options.secretCommand !== undefined ? { secretCommand: options.secretCommand } : {}),
      ...(options.secretReadCommand !== undefined ? { secretReadCommand: options.secretReadCommand } : {}),
      ...(options.journal !== undefined ? { journal: options.journal } : {}),
      command: "bot2svc migrate",
    },
    ctx,
  );
}
