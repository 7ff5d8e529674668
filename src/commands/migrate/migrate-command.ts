import { join, relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps } from "../../context.js";
import { InputError } from "../../core/errors.js";
import { writePlanFile } from "../../core/plan/io.js";
import { oldAccountActionSchema } from "../../core/plan/schema.js";
import { executeApply } from "../apply/execute.js";
import { planCommandOptionsSchema, runPlan } from "../plan/plan-command.js";
import { parseOptions } from "../shared.js";

/** Where migrate keeps the secrets when no sink is named: private to the user, beside the journal. */
export const DEFAULT_MIGRATE_SECRETS_DIR = join(".bot2svc", "secrets");

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
  concurrency: z
    .string()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 32, "expected a whole number from 1 to 32")
    .optional(),
  maxChanges: z.string().regex(/^\d+$/, "expected a whole number").transform(Number).optional(),
  journal: z.string().min(1).optional(),
});

/**
 * `bot2svc migrate`: the interactive path for admins — read the directory, audit, pick the
 * accounts, review the plan, confirm, apply with progress. The plan is saved under `.bot2svc/`
 * so an interrupted or paused migration continues with `bot2svc apply PLAN --resume`.
 */
export function migrateCommand(deps: CliDeps): Command {
  return new Command("migrate")
    .description("interactively audit, pick bot accounts, review the plan and apply it (plan + apply in one go).")
    .option("--include <verdicts>", "also offer accounts with these verdicts (likely-bot)")
    .option("--include-admins", "also offer org and site admins")
    .option("--token-expiry-days <n>", "lifetime of each new API token, 1-365 (default 365)")
    .option("--scopes <scopes>", "comma-separated token scopes (default: per product)")
    .addOption(new Option("--old-account <action>", "what happens to each old bot account (default suspend)").choices([...oldAccountActionSchema.options]))
    .option("--soak-days <n>", "days to wait after verification before decommissioning (default 0)")
    .option("--secrets-dir <dir>", `a 0600 .env file per account in this directory (default ${DEFAULT_MIGRATE_SECRETS_DIR})`)
    .option("--secret-command <cmd>", "run this command per account with the secret as JSON on stdin")
    .option("--secret-read-command <cmd>", "prints the token the secret command stored, so it is checked before the old account is touched")
    .option("--concurrency <n>", "migrations to run in parallel (default 1)")
    .option("--max-changes <n>", "refuse when the plan would make more than N directory changes")
    .option("--journal <file>", "journal file (default .bot2svc/journal.jsonl)")
    .addHelpText(
      "after",
      `
migrate needs a terminal. In scripts and CI use \`bot2svc plan --out plan.json\`, review it, then
\`bot2svc apply plan.json --yes\`.

Examples:
  $ BOT2SVC_PROVIDER=atlassian bot2svc migrate
  $ bot2svc migrate --old-account revoke-tokens --soak-days 7 --secrets-dir ~/bot-secrets`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
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
      for (const account of excluded) ctx.logger.warn(`Left out ${account.email ?? account.name}: ${account.reason}`);
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
          ...(options.secretReadCommand !== undefined ? { secretReadCommand: options.secretReadCommand } : {}),
          ...(options.journal !== undefined ? { journal: options.journal } : {}),
          command: "bot2svc migrate",
        },
        ctx,
      );
    });
}
