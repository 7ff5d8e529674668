import { randomBytes } from "node:crypto";
import { isServiceAccountScope, SCOPE_DESCRIPTION } from "../../core/plan/scopes.js";
import { singleLine } from "../../core/text/sanitize.js";
import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { ExitSignal } from "../../core/errors.js";
import { addCorrelationToPlan, correlate, correlationOfReport } from "../../core/correlate/correlate.js";
import { readAuditReportFile } from "../../core/plan/audit-report.js";
import { readSnapshotFile } from "../../core/snapshot/reader.js";
import { serializePlan, writePlanFile } from "../../core/plan/io.js";
import { checkOutputFile } from "../../core/fs/output-file.js";
import { buildPlan, planCandidates, type BuildPlanResult, type PlanOptions, type PlannableVerdict } from "../../core/plan/planner.js";
import { MAX_TOKEN_EXPIRY_DAYS, oldAccountActionSchema, type SecretSink } from "../../core/plan/schema.js";
import { demoSnapshotPath } from "../../paths.js";
import { createProvider } from "../../providers/registry.js";
import { colorEnabled, makeColors } from "../../ui/colors.js";
import { terminalWidth } from "../../ui/table.js";
import { planHasChanges, renderPlanSummary } from "../show/render.js";
import { auditWithConfig, readDirectory } from "../directory.js";
import { parseInstant, parseOptions } from "../shared.js";
import { pickMigrations } from "./pick.js";
import { DEFAULT_PLAN_FILE, OLD_ACCOUNT_CHOICES } from "./plan-command.js";

// `--old-account` offers exactly the actions a plan can hold.
type OldAccountAction = z.infer<typeof oldAccountActionSchema>;
const _everyChoiceIsAnAction: readonly OldAccountAction[] = OLD_ACCOUNT_CHOICES;
const _everyActionIsAChoice: readonly (typeof OLD_ACCOUNT_CHOICES)[number][] = oldAccountActionSchema.options;
void [_everyChoiceIsAnAction, _everyActionIsAChoice];

const SCOPE_PATTERN = /^[a-z][a-z0-9-]*:[a-z0-9.:_-]+$/;

/** A comma-separated flag value whose items must each pass `item`; the error names the bad item. */
function csvList<T>(item: z.ZodType<T>, what: string) {
  return z.string().transform((value, ctx): T[] => {
    const parts = value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (parts.length === 0) {
      ctx.addIssue({ code: "custom", message: `expected at least one ${what}` });
      return z.NEVER;
    }
    const out: T[] = [];
    for (const part of parts) {
      const result = item.safeParse(part);
      if (result.success) out.push(result.data);
      else ctx.addIssue({ code: "custom", message: `"${part}" is not ${what}` });
    }
    return out;
  });
}

/** A whole-number flag value within a range. */
function wholeNumber(min: number, max: number, what: string) {
  return z.string().transform((value, ctx): number => {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `expected a whole number from ${min} to ${max}${what} (got "${value}")` });
      return z.NEVER;
    }
    return n;
  });
}

export const planCommandOptionsSchema = z
  .object({
    out: z.string().min(1).optional(),
    fromAudit: z.string().min(1).optional(),
    snapshot: z.string().min(1).optional(),
    demo: z.boolean().default(false),
    now: z.string().optional(),
    include: csvList(z.enum(["bot", "likely-bot"]), 'a verdict to plan ("bot" or "likely-bot")').optional(),
    select: csvList(z.string().min(1), "an account id or email").optional(),
    includeAdmins: z.boolean().default(false),
    tokenExpiryDays: wholeNumber(1, MAX_TOKEN_EXPIRY_DAYS, " (Atlassian caps API tokens at one year)").optional(),
    scopes: csvList(z.string().regex(SCOPE_PATTERN).refine(isServiceAccountScope), SCOPE_DESCRIPTION).optional(),
    oldAccount: oldAccountActionSchema.optional(),
    soakDays: wholeNumber(0, 365, "").optional(),
    secretsDir: z.string().min(1).optional(),
    secretCommand: z.string().min(1).optional(),
    detailedExitcode: z.boolean().default(false),
    correlate: z.string().min(1).optional(),
  })
  // Conflicts are checked even when other flags are bad (`when`), so every problem is listed at once.
  .refine((o) => o.secretsDir === undefined || o.secretCommand === undefined, {
    path: ["secretsDir"],
    message: "cannot be combined with --secret-command; choose one secret sink",
    when: () => true,
  })
  .refine((o) => !o.demo || o.snapshot === undefined, { path: ["demo"], message: "cannot be combined with --snapshot", when: () => true });
export type PlanCommandOptions = z.infer<typeof planCommandOptionsSchema>;

/** The `bot2svc plan` handler, loaded only when the command runs. */
export async function planAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(planCommandOptionsSchema, raw);
  if (options.out !== undefined) await checkOutputFile(resolve(ctx.cwd, options.out), options.out);
  const { plan, excluded } = await runPlan(options, ctx);
  for (const account of excluded) ctx.logger.warn(singleLine(`Left out ${account.email ?? account.name}: ${account.reason}`));
  // With --json the plan goes to stdout, and to a file only when --out asks for one.
  const out = options.out ?? (ctx.global.json ? undefined : DEFAULT_PLAN_FILE);
  if (out !== undefined) await writePlanFile(resolve(ctx.cwd, out), plan);
  if (ctx.global.json) {
    ctx.print(serializePlan(plan));
  } else if (!ctx.global.quiet) {
    const colors = makeColors(
      colorEnabled({ isTTY: deps.stderr.isTTY === true, env: ctx.env, noColor: !ctx.global.color, json: ctx.global.json }),
    );
    ctx.printErr(renderPlanSummary(plan, colors, { width: terminalWidth(deps.stderr, ctx.env) }));
  }
  if (out !== undefined) {
    if (planHasChanges(plan)) {
      ctx.logger.success(`Wrote plan to ${out}. Review it with \`bot2svc show ${out}\`, then run \`bot2svc apply ${out}\`.`);
    } else {
      ctx.logger.info(`Wrote plan to ${out}. It has nothing to apply.`);
    }
  }
  if (options.detailedExitcode && planHasChanges(plan)) throw new ExitSignal(2);
}

/**
 * Gathers the findings and the directory state, lets a person pick on a terminal, and builds
 * the plan. Reads only; writes nothing.
 */
export async function runPlan(options: PlanCommandOptions, ctx: Context): Promise<BuildPlanResult> {
  // The audit report is read first so that a bad file fails before any directory call.
  const fromAudit = options.fromAudit === undefined ? undefined : await readAuditReportFile(resolve(ctx.cwd, options.fromAudit));
  const other = options.correlate === undefined ? undefined : await readSnapshotFile(resolve(ctx.cwd, options.correlate));
  const snapshotFile = options.demo ? demoSnapshotPath() : options.snapshot;
  const provider = await createProvider(ctx, snapshotFile === undefined ? {} : { snapshot: snapshotFile });
  try {
    const now = options.now === undefined ? undefined : parseInstant(options.now, "--now");
    const snapshot = await readDirectory(provider, ctx, now ? { now } : {});
    const report = fromAudit ?? auditWithConfig(snapshot, ctx, now ? { now } : {});
    const planOptions = planOptionsFrom(options, ctx);
    if (planOptions.select === undefined && ctx.interactive && !ctx.global.yes) {
      const candidates = planCandidates(report, snapshot, { includeAdmins: planOptions.includeAdmins });
      planOptions.select = await pickMigrations(candidates, ctx, { checked: planOptions.include, width: terminalWidth(ctx.deps.stderr, ctx.env) });
    }
    const result = buildPlan({
      snapshot,
      report,
      capabilities: provider.capabilities,
      options: planOptions,
      planId: `p-${randomBytes(6).toString("hex")}`,
      createdAt: ctx.now(),
      provider: { name: provider.name, baseUrl: provider.baseUrl },
      source: fromAudit === undefined ? { type: "provider" } : { type: "audit", file: options.fromAudit },
    });
    // A second directory: from --correlate, or the one a saved audit report was correlated with.
    const correlation = other !== undefined && options.correlate !== undefined ? correlate(report, snapshot, other, options.correlate) : fromAudit !== undefined && options.fromAudit !== undefined
          ? correlationOfReport(fromAudit, options.fromAudit)
          : undefined;
    if (correlation !== undefined) addCorrelationToPlan(result.plan, correlation);
    return result;
  } finally {
    await provider.close?.();
  }
}

/** Flags > config file (`plan` block) > defaults. */
export function planOptionsFrom(options: PlanCommandOptions, ctx: Pick<Context, "config">): PlanOptions {
  const defaults = ctx.config.plan;
  const include = new Set<PlannableVerdict>(["bot", ...(options.include ?? [])]);
  const sink: SecretSink | null =
    options.secretsDir !== undefined
      ? { type: "env-file", dir: options.secretsDir }
      : options.secretCommand !== undefined
        ? { type: "command", command: options.secretCommand }
        : null;
  return {
    include: [...include],
    select: options.select,
    includeAdmins: options.includeAdmins,
    tokenExpiryDays: options.tokenExpiryDays ?? defaults.tokenExpiryDays ?? MAX_TOKEN_EXPIRY_DAYS,
    scopes: options.scopes ?? defaults.scopes,
    oldAccount: options.oldAccount ?? defaults.oldAccount ?? "suspend",
    soakDays: options.soakDays ?? defaults.soakDays ?? 0,
    secretSink: sink,
  };
}

