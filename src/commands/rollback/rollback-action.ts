import { singleLine } from "../../core/text/sanitize.js";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { Command } from "commander";
import { z } from "zod";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { runRollback, type RollbackAction, type RollbackResult } from "../../core/apply/rollback.js";
import { ExitSignal, InputError } from "../../core/errors.js";
import { DEFAULT_JOURNAL_FILE, Journal, readJournal } from "../../core/journal/journal.js";
import { acquireLock, lockFileFor, planLockFile, stateDirOf, type HeldLock } from "../../core/journal/lock.js";
import { readPlanFile } from "../../core/plan/io.js";
import { createProvider } from "../../providers/registry.js";
import { createIdpProvider } from "../../providers/scim/factory.js";
import { parseOptions } from "../shared.js";
import type { RollbackOutput } from "../../contracts/output-schemas.js";
import { jsonDocumentText } from "../../contracts/json-document.js";

export const rollbackOptionsSchema = z.object({
  yes: z.boolean().default(false),
  journal: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
});
export type RollbackOptions = z.infer<typeof rollbackOptionsSchema>;

/** The `bot2svc rollback` handler, loaded only when the command runs. */
export async function rollbackAction(raw: Record<string, unknown>, cmd: Command, deps: CliDeps): Promise<void> {
  const ctx = await makeContext(cmd, deps);
  const options = parseOptions(rollbackOptionsSchema, raw);
  await executeRollback(options, ctx);
}

/** The --json report of a rollback (`kind` and `version` are added when it is printed). */
type RollbackReport = Omit<RollbackOutput, "kind" | "version">;

/** Confirms, locks the journal, and undoes its records; exit 3 when some undo failed. */
export async function executeRollback(options: RollbackOptions, ctx: Context): Promise<RollbackResult | null> {
  const file = resolve(ctx.cwd, options.journal ?? DEFAULT_JOURNAL_FILE);
  const yes = options.yes || ctx.global.yes;
  if (!yes && !ctx.interactive) {
    throw new InputError("Refusing to roll back without confirmation in a non-interactive run: re-run with --yes.", { code: "CONFIRM_REQUIRED" });
  }
  // Every file given is read and checked first, whether or not the journal holds anything.
  const plans = options.plan === undefined ? [] : [await readPlanFile(resolve(ctx.cwd, options.plan), { displayName: options.plan })];
  const preview = await readJournal(file, (m) => ctx.logger.debug(m));
  if (preview.records.length === 0) {
    ctx.logger.info(`No journal entries in ${file}: nothing to roll back.`);
    if (ctx.global.json) {
      const report = { journal: file, actions: [], alreadyRolledBack: 0, cancelled: false } satisfies RollbackReport;
      ctx.print(jsonDocumentText("bot2svc.rollback", report));
    }
    return null;
  }
  if (!yes) {
    const ok = await ctx.prompts.confirm(`Roll back everything recorded in ${file}? Service accounts it created will be deleted.`, { default: false });
    if (!ok) throw new ExitSignal(1, "Rollback cancelled; nothing was changed.");
  }
  const provider = await createProvider(ctx);
  // Bots that apply deactivated in an identity provider are reactivated there through SCIM.
  const idpProvider = preview.records.some((r) => r.step === "idp" && r.phase === "intent") ? createIdpProvider(ctx) : null;
  try {
    // The same locks as apply: no apply of these plans (whatever its journal) runs meanwhile.
    const locks: HeldLock[] = [];
    const lockOptions = { command: "bot2svc rollback", now: () => ctx.now() };
    try {
      const orgId = provider.orgId;
      if (orgId !== null) {
        for (const planId of [...new Set(preview.records.map((r) => r.planId))].sort()) {
          locks.push(await acquireLock(planLockFile(stateDirOf(ctx.deps.env, ctx.cwd), orgId, planId), { ...lockOptions, what: `plan ${planId} of org ${orgId}` }));
        }
      }
      locks.push(await acquireLock(lockFileFor(file), { ...lockOptions, what: `journal ${file}` }));
    } catch (error) {
      for (const held of locks.reverse()) await held.release();
      throw error;
    }
    for (const lock of locks) {
      if (lock.takenOver !== null) ctx.logger.warn(`Took over a stale lock left by pid ${lock.takenOver.pid} (${lock.takenOver.command}).`);
    }
    let appended = () => false;
    try {
      const journal = await Journal.open(file, { runId: `rollback-${randomBytes(6).toString("hex")}`, now: () => ctx.now(), onDebug: (m) => ctx.logger.debug(m) });
      const initialRecords = journal.records().length;
      appended = () => journal.records().length > initialRecords;
      const result = await runRollback({
        provider,
        journal,
        onAction: (a) => report(a, ctx),
        plans,
        idpProvider,
        ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}),
      });
      const failed = result.actions.filter((a) => a.status === "failed");
      const undone = result.actions.filter((a) => a.status === "undone");
      const cannot = result.actions.filter((a) => a.status === "cannot-undo");
      if (ctx.global.json) ctx.print(jsonDocumentText("bot2svc.rollback", { journal: file, ...result } satisfies RollbackReport));
      ctx.logger.info(
        `Rollback: ${undone.length} change${undone.length === 1 ? "" : "s"} undone, ${cannot.length} cannot be undone, ${failed.length} failed${result.alreadyRolledBack > 0 ? `, ${result.alreadyRolledBack} already rolled back` : ""}.`,
      );
      if (result.cancelled) throw new ExitSignal(130, "Cancelled; run `bot2svc rollback` again to finish.");
      if (failed.length > 0) {
        throw new ExitSignal(3, `Rollback left ${failed.length} step${failed.length === 1 ? "" : "s"} undone:\n${failed.map((a) => `  ${singleLine(a.who)}: ${a.step}: ${singleLine(a.detail)}`).join("\n")}`);
      }
      return result;
    } finally {
      // A rollback that wrote nothing leaves no lock directory behind either.
      for (const lock of locks.reverse()) await lock.release({ removeCreatedDirs: !appended() });
    }
  } finally {
    await provider.close?.();
    await idpProvider?.close?.();
  }
}

function report(a: RollbackAction, ctx: Context): void {
  const c = ctx.colors;
  switch (a.status) {
    case "undone":
      ctx.logger.info(`${c.green("↩")} ${singleLine(a.who)}: ${a.step}: ${singleLine(a.detail)}`);
      break;
    case "nothing-to-do":
      ctx.logger.debug(singleLine(`${a.who}: ${a.step}: ${a.detail}`));
      break;
    case "cannot-undo":
      ctx.logger.warn(`${singleLine(a.who)}: ${a.step}: ${singleLine(a.detail)}`);
      break;
    case "failed":
      ctx.logger.error(`✖ ${singleLine(a.who)}: ${a.step}: ${singleLine(a.detail)}`);
      break;
  }
}
