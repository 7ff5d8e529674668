import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { Context } from "../../context.js";
import { describeApply, renderApplyPreview } from "../../core/apply/describe.js";
import { runApply, type ApplyEvent, type ApplyResult, type ManualTokenRequest } from "../../core/apply/engine.js";
import { parseTokenFile, readTokenFileText } from "../../core/apply/manual.js";
import { preflight } from "../../core/apply/preflight.js";
import { idpPlanProblem, idpUserProblem } from "../../core/apply/idp-identity.js";
import { ConfigError, ExitSignal, InputError } from "../../core/errors.js";
import { DEFAULT_JOURNAL_FILE, Journal, readJournal } from "../../core/journal/journal.js";
import { acquireLock, lockFileFor, planLockFile, stateDirOf, type HeldLock } from "../../core/journal/lock.js";
import { isStepComplete, journalState, type MigrationJournalState } from "../../core/journal/state.js";
import type { Migration, Plan } from "../../core/plan/schema.js";
import { createSink, type SecretSink } from "../../core/secrets/sink.js";
import type { DirectoryProvider } from "../../providers/provider.js";
import { createProvider } from "../../providers/registry.js";
import { createIdpProvider } from "../../providers/scim/factory.js";
import { renderPlanSummary } from "../show/render.js";
import { jsonDocumentText } from "../../contracts/json-document.js";
import { singleLine } from "../../core/text/sanitize.js";
import type { ApplyDryRunOutput, ApplyRunOutput } from "../../contracts/output-schemas.js";
import { terminalWidth } from "../../ui/table.js";

/** What `apply` (and `migrate`, after planning) needs to carry out a plan. */
export interface ExecuteApplyInput {
  plan: Plan;
  /** How the plan is named in messages and resume hints. */
  planFile: string;
  yes: boolean;
  dryRun: boolean;
  concurrency: number;
  maxChanges?: number;
  resume: boolean;
  tokenFile?: string;
  secretsDir?: string;
  secretCommand?: string;
  /** Prints the token a secret command stored (`--secret-read-command`). */
  secretReadCommand?: string;
  /** Migrations whose stored token an admin checked (`--confirm-stored`). */
  confirmStored?: readonly string[];
  /** Migrations whose bot an admin deactivated in the identity provider by hand (`--confirm-idp`). */
  confirmIdp?: readonly string[];
  journal?: string;
  /** The command line that holds the lock, for the message a second run prints. */
  command: string;
  /** A provider already created (migrate); otherwise one is created from the configuration. */
  provider?: DirectoryProvider;
}

/** What an apply run reports on stdout with --json. */
/** The --json report of a real apply run (`kind` and `version` are added when it is printed). */
export type ApplyReport = Omit<ApplyRunOutput, "kind" | "version">;

const STEP_VERB: Record<string, string> = {
  create: "service account",
  grant: "app roles",
  group: "groups",
  mint: "token",
  deliver: "secret delivered",
  verify: "verified",
  decommission: "old account",
};

/**
 * Carries out a plan: lock, journal, checks before the first write, confirmation, the steps with
 * progress lines on stderr, and the exit code (3 failed steps, 4 manual pause, 130 cancelled).
 */
export async function executeApply(input: ExecuteApplyInput, ctx: Context): Promise<ApplyResult | null> {
  const { plan } = input;
  const journalFile = resolve(ctx.cwd, input.journal ?? DEFAULT_JOURNAL_FILE);
  const yes = input.yes || ctx.global.yes;
  if (input.secretsDir !== undefined && input.secretCommand !== undefined) {
    throw new InputError("Choose one secret sink: --secrets-dir or --secret-command, not both.", { code: "FLAG_INVALID" });
  }
  if (input.tokenFile !== undefined && !input.resume) {
    throw new InputError("--token-file continues a paused apply; use it with --resume.", { code: "FLAG_INVALID" });
  }
  // A confirmation nobody can answer fails closed, before anything is read or locked.
  if (!yes && !input.dryRun && !ctx.interactive) {
    throw new InputError("Refusing to apply without confirmation in a non-interactive run: re-run with --yes (after reviewing the plan with `bot2svc show`).", {
      code: "CONFIRM_REQUIRED",
    });
  }
  // Files given on the command line are read and checked before anything is locked or written.
  const tokenText = input.tokenFile === undefined ? undefined : await readTokenFileText(resolve(ctx.cwd, input.tokenFile), input.tokenFile);
  const { sink, planCommand } = chooseSink(plan, input, ctx);
  const provider = input.provider ?? (await createProvider(ctx));
  let idpProvider: DirectoryProvider | null = null;
  try {
    if (input.dryRun) {
      const { records } = await readJournal(journalFile, (m) => ctx.logger.debug(m));
      const states = journalState(records, plan.id);
      const checked = await preflight(plan, { provider, journal: states, now: () => ctx.now(), planFile: input.planFile, ...(input.maxChanges !== undefined ? { maxChanges: input.maxChanges } : {}) });
      for (const w of checked.warnings) ctx.logger.warn(w);
      // The same identity-provider checks as a real run, so a dry run refuses what apply would.
      confirmedIdpDeactivations(input.confirmIdp ?? [], plan, states, ctx);
      idpProvider = idpProviderFor(checked.runnable, ctx);
      await checkIdpUsers(plan, checked.runnable, states, idpProvider, input.planFile);
      const sinkText = sink?.describe() ?? (planCommand !== undefined ? `(none: the plan's command \`${planCommand}\` runs only when given with --secret-command)` : "(no secret sink chosen)");
      const previews = describeApply(asChecked(plan, checked.runnable), states, sinkText);
      if (ctx.global.json) {
        const report = {
          planId: plan.id,
          dryRun: true,
          writes: checked.writes,
          migrations: previews.map((p) => ({ id: p.migration.id, steps: p.steps })),
        } satisfies Omit<ApplyDryRunOutput, "kind" | "version">;
        ctx.print(jsonDocumentText("bot2svc.apply", report));
      }
      else {
        ctx.print(renderApplyPreview(previews));
        ctx.logger.info(`Dry run: ${checked.writes} change${checked.writes === 1 ? "" : "s"} would be made. Nothing was changed.`);
      }
      return null;
    }

    // Nothing to resume is known before a lock (or its directory) is created.
    if (input.resume && journalState((await readJournal(journalFile, (m) => ctx.logger.debug(m))).records, plan.id).size === 0) throw nothingToResume(journalFile, plan.id);
    // One run per plan, whatever journal it writes; then one run per journal.
    const locks: HeldLock[] = [];
    const lockOptions = { command: input.command, now: () => ctx.now() };
    try {
      locks.push(await acquireLock(planLockFile(stateDirOf(ctx.deps.env, ctx.cwd), plan.org.id, plan.id), { ...lockOptions, what: `plan ${plan.id} of org ${plan.org.id}` }));
      locks.push(await acquireLock(lockFileFor(journalFile), { ...lockOptions, what: `journal ${journalFile}` }));
    } catch (error) {
      for (const held of locks.reverse()) await held.release();
      throw error;
    }
    for (const lock of locks) {
      if (lock.takenOver !== null) {
        ctx.logger.warn(`Took over a stale lock left by pid ${lock.takenOver.pid} (${lock.takenOver.command}, started ${lock.takenOver.startedAt}), which is no longer running.`);
      }
    }
    let appended = () => false;
    try {
      const runId = `run-${randomBytes(6).toString("hex")}`;
      const journal = await Journal.open(journalFile, { runId, now: () => ctx.now(), onDebug: (m) => ctx.logger.debug(m) });
      const initialRecords = journal.records().length;
      appended = () => journal.records().length > initialRecords;
      const states = journalState(journal.records(), plan.id);
      if (input.resume && states.size === 0) throw nothingToResume(journalFile, plan.id);
      const checked = await preflight(plan, { provider, journal: states, now: () => ctx.now(), planFile: input.planFile, ...(input.maxChanges !== undefined ? { maxChanges: input.maxChanges } : {}) });
      // A token file answers a manual token step, or replaces a delivered token that has not verified.
      const waitingIds = [...states.values()].filter((s) => s.waiting?.reason === "manual-token").map((s) => s.migrationId);
      const unverifiedIds = [...states.values()]
        .filter((s) => isStepComplete(s, "deliver") && !isStepComplete(s, "verify") && s.steps.verify.status !== "pending")
        .map((s) => s.migrationId);
      const supplied =
        tokenText === undefined ? undefined : parseTokenFile(tokenText, `--token-file ${input.tokenFile}`, plan, waitingIds.length > 0 ? waitingIds : unverifiedIds);
      for (const token of supplied?.values() ?? []) ctx.redactor.add(token);
      for (const id of supplied?.keys() ?? []) {
        const state = states.get(id);
        if (isStepComplete(state, "verify")) ctx.logger.warn(`--token-file: migration ${id} is already verified; its token there is not used.`);
      }
      const confirmedStored = new Set(input.confirmStored ?? []);
      for (const id of confirmedStored) {
        if (!plan.migrations.some((m) => m.id === id)) throw new InputError(`--confirm-stored: the plan has no migration ${id}.`, { code: "FLAG_INVALID" });
        if (!isStepComplete(states.get(id), "deliver")) throw new InputError(`--confirm-stored: migration ${id} has not delivered a token yet; nothing to confirm.`, { code: "FLAG_INVALID" });
      }
      const confirmedIdp = confirmedIdpDeactivations(input.confirmIdp ?? [], plan, states, ctx);
      const needsDelivery = checked.runnable.some((m) => !(states.get(m.id)?.steps.deliver.status === "done") || supplied?.has(m.id) === true);
      if (needsDelivery && sink === null && planCommand !== undefined) throw planCommandError(planCommand, input.planFile);
      if (needsDelivery && sink === null) {
        throw new InputError("No secret sink: the plan names none.", {
          code: "SECRET_SINK",
          hint: "Pass --secrets-dir DIR (a 0600 .env file per account) or --secret-command CMD (reads JSON on stdin).",
        });
      }
      if (needsDelivery) {
        await sink?.prepare();
        // A secret that cannot be written must be known before anything is minted.
        for (const m of checked.runnable) await sink?.checkTarget?.({ name: m.serviceAccount.displayName, migrationId: m.id });
      }
      for (const w of checked.warnings) ctx.logger.warn(w);
      idpProvider = idpProviderFor(checked.runnable, ctx);
      await checkIdpUsers(plan, checked.runnable, states, idpProvider, input.planFile);

      if (!yes) {
        ctx.printErr(renderPlanSummary(asChecked(plan, checked.runnable), ctx.colors, { width: terminalWidth(ctx.deps.stderr, ctx.env) }));
        const ok = await ctx.prompts.confirm(`Apply this plan to ${singleLine(plan.org.name || plan.org.id)}? ${checked.writes} change${checked.writes === 1 ? "" : "s"} will be made.`, { default: false });
        if (!ok) throw new ExitSignal(1, "Apply cancelled; nothing was changed.");
      }

      const result = await runApply(plan, checked, {
        provider,
        idpProvider,
        journal,
        sink,
        now: () => ctx.now(),
        onEvent: (event) => reportEvent(event, ctx),
        ...(ctx.deps.signal ? { signal: ctx.deps.signal } : {}),
        concurrency: input.concurrency,
        ...(ctx.interactive ? { askToken: serialisedAsk(ctx) } : {}),
        ...(supplied ? { suppliedTokens: supplied } : {}),
        confirmedStored,
        confirmedIdp,
        registerSecret: (secret) => ctx.redactor.add(secret),
      });
      finish(result, input, journalFile, ctx);
      return result;
    } finally {
      // A run that wrote nothing leaves no directory behind either.
      for (const lock of locks.reverse()) await lock.release({ removeCreatedDirs: !appended() });
    }
  } finally {
    if (input.provider === undefined) await provider.close?.();
    await idpProvider?.close?.();
  }
}

/**
 * The SCIM provider for migrations that deactivate the bot in an identity provider too, or null
 * when BOT2SVC_SCIM_* is not set (those steps then wait for an admin). A SCIM provider connected
 * to another directory than the plan names is refused before anything is changed.
 */
function idpProviderFor(migrations: readonly Migration[], ctx: Context): DirectoryProvider | null {
  const wanted = migrations.filter((m) => m.idp !== undefined);
  if (wanted.length === 0) return null;
  const idp = createIdpProvider(ctx);
  if (idp === null) return null;
  const other = wanted.filter((m) => m.idp?.orgId !== idp.orgId);
  if (other.length > 0) {
    throw new ConfigError(`The plan deactivates bots in ${other[0]?.idp?.orgId}, but BOT2SVC_SCIM_BASE_URL points at ${idp.orgId}.`, {
      code: "IDP_MISMATCH",
      details: other.map((m) => `${m.id}: ${m.idp?.orgId}`),
      hint: "Set BOT2SVC_SCIM_BASE_URL to the SCIM directory the plan was correlated with, or unset BOT2SVC_SCIM_* to deactivate them by hand.",
    });
  }
  return idp;
}

/**
 * Refuses, before anything is changed, an `idp` entry that does not name the migration's own bot:
 * its email is not the source account's (when matched by email), or the SCIM user it names does
 * not carry that email. The idp step checks the user again right before deactivating it.
 */
async function checkIdpUsers(
  plan: Plan,
  migrations: readonly Migration[],
  states: ReadonlyMap<string, MigrationJournalState>,
  idpProvider: DirectoryProvider | null,
  planFile: string,
): Promise<void> {
  for (const m of migrations) {
    if (m.idp === undefined || isStepComplete(states.get(m.id), "idp")) continue;
    const where = `migrations[${plan.migrations.findIndex((x) => x.id === m.id)}]`;
    let problem = idpPlanProblem(m, where);
    if (problem === undefined && idpProvider !== null) {
      const user = (await idpProvider.getAccount?.(m.idp.accountId)) ?? null;
      if (user !== null) problem = idpUserProblem(m, user, where);
    }
    if (problem !== undefined) {
      throw new InputError(`${planFile}: migration ${m.id}: ${problem}.`, {
        code: "PLAN_INVALID",
        hint: "The plan's idp entry must name the bot's own SCIM user; nothing was changed.",
      });
    }
  }
}

/** bot2svc's own credentials, which a secret command has no use for and could print or log. */
const CREDENTIAL_ENV = ["BOT2SVC_ATLASSIAN_API_KEY", "BOT2SVC_SCIM_TOKEN"] as const;

/** The variable that gives apply a secret command, like --secret-command (read from the real environment only). */
export const SECRET_COMMAND_ENV = "BOT2SVC_SECRET_COMMAND";
/** The variable that gives apply a read-back command, like --secret-read-command (real environment only). */
export const SECRET_READ_COMMAND_ENV = "BOT2SVC_SECRET_READ_COMMAND";

/**
 * The sink secrets go to: --secrets-dir, --secret-command or BOT2SVC_SECRET_COMMAND, else the
 * plan's directory. A command named only by the plan file is never run (`planCommand` is set
 * instead): a shell command must come from the person running apply, and a `.env` file in the
 * working directory does not count.
 */
function chooseSink(plan: Plan, input: ExecuteApplyInput, ctx: Context): { sink: SecretSink | null; planCommand?: string } {
  const env = { ...process.env, ...ctx.env } as NodeJS.ProcessEnv;
  for (const name of CREDENTIAL_ENV) delete env[name];
  delete env[SECRET_COMMAND_ENV];
  const options = { cwd: ctx.cwd, env };
  // A read-back command runs a shell command too: taken from the command line or the real
  // environment, never from a .env file in the working directory. It applies to a command sink
  // however that command was given.
  const readCommand = input.secretReadCommand ?? nonEmpty(ctx.deps.env[SECRET_READ_COMMAND_ENV]);
  if (input.secretsDir !== undefined) return { sink: createSink({ type: "env-file", dir: input.secretsDir }, options) };
  const given = input.secretCommand ?? nonEmpty(ctx.deps.env[SECRET_COMMAND_ENV]);
  if (given !== undefined) return { sink: createSink({ type: "command", command: given, readCommand }, options) };
  if (plan.secretSink?.type === "command") return { sink: null, planCommand: plan.secretSink.command };
  return { sink: plan.secretSink === null ? null : createSink(plan.secretSink, options) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/** The plan names a secret command that nobody gave on the command line. */
function planCommandError(command: string, planFile: string): InputError {
  const quoted = `'${command.replace(/'/g, `'\\''`)}'`;
  return new InputError(`The plan delivers secrets with the command \`${command}\`, and apply runs a command only when you give it. Nothing was changed.`, {
    code: "SECRET_COMMAND_NOT_GIVEN",
    hint: `After checking the command, pass it: \`bot2svc apply ${planFile} --secret-command ${quoted}\` (or set ${SECRET_COMMAND_ENV} to it), or use --secrets-dir DIR.`,
  });
}

/** The plan with its runnable migrations as preflight checked them (group names from the directory). */
function asChecked(plan: Plan, runnable: readonly Plan["migrations"][number][]): Plan {
  const byId = new Map(runnable.map((m) => [m.id, m]));
  return { ...plan, migrations: plan.migrations.map((m) => byId.get(m.id) ?? m) };
}

/**
 * Prompts one at a time even when migrations run concurrently. Once a prompt fails (Ctrl-C),
 * the prompts still in line fail the same way instead of asking again.
 */
function serialisedAsk(ctx: Context): (request: ManualTokenRequest) => Promise<string> {
  let chain: Promise<unknown> = Promise.resolve();
  let stopped: { error: unknown } | undefined;
  return (request) => {
    const next = chain.then(async () => {
      if (stopped !== undefined) throw stopped.error;
      ctx.logger.info("");
      for (const line of request.instructions) ctx.logger.info(line);
      return ctx.prompts.password(`Paste the API token for ${request.migration.serviceAccount.displayName} (input hidden):`);
    });
    chain = next.catch((error: unknown) => {
      stopped ??= { error };
    });
    return next;
  };
}

function reportEvent(event: ApplyEvent, ctx: Context): void {
  const c = ctx.colors;
  if (event.type === "warning") {
    ctx.logger.warn(singleLine(`${event.migration.source.email ?? event.migration.source.name}: ${event.message}`));
    return;
  }
  if (event.type === "migration") return;
  const who = singleLine(event.migration.source.email ?? event.migration.source.name);
  const what = STEP_VERB[event.step] ?? event.step;
  const detail = event.detail !== undefined ? ` — ${event.detail}` : "";
  switch (event.status) {
    case "start":
      ctx.logger.debug(`${who}: ${event.step}…`);
      break;
    case "already-done":
      ctx.logger.debug(`${who}: ${event.step} already done`);
      break;
    case "done":
      ctx.logger.info(`${c.green("✔")} ${who}: ${what}${detail}`);
      break;
    case "skipped":
      ctx.logger.info(`${c.dim("-")} ${who}: ${what} skipped${detail}`);
      break;
    case "waiting":
      ctx.logger.info(`${c.yellow("⏸")} ${who}: ${event.step} waiting${detail}`);
      break;
    case "failed":
      ctx.logger.info(`${c.red("✖")} ${who}: ${event.step} failed${detail}`);
      break;
  }
}

/** Builds the --json report of an apply run. */
export function applyReport(result: ApplyResult, plan: Plan, journalFile: string): ApplyReport {
  const counts: ApplyReport["counts"] = { done: 0, failed: 0, waiting: 0, blocked: 0, cancelled: 0 };
  for (const r of result.migrations) counts[r.outcome] += 1;
  return {
    planId: plan.id,
    journal: journalFile,
    dryRun: false,
    migrations: result.migrations.map((r) => ({
      id: r.migration.id,
      source: r.migration.source.email ?? r.migration.source.accountId,
      serviceAccountName: r.migration.serviceAccount.displayName,
      outcome: r.outcome,
      ...(r.failed ? { failed: r.failed } : {}),
      ...(r.waiting ? { waiting: { step: r.waiting.step, reason: r.waiting.reason, ...(r.waiting.until ? { until: r.waiting.until } : {}) } } : {}),
      ...(r.outcome === "cancelled" ? { partial: r.partial === true } : {}),
      warnings: r.warnings,
    })),
    counts,
  };
}

function finish(result: ApplyResult, input: ExecuteApplyInput, journalFile: string, ctx: Context): void {
  const report = applyReport(result, input.plan, journalFile);
  if (ctx.global.json) ctx.print(jsonDocumentText("bot2svc.apply", report));
  const by = (o: string) => result.migrations.filter((r) => r.outcome === o);
  const failed = by("failed");
  const manual = by("waiting").filter((r) => r.waiting?.reason === "manual-token");
  const soaking = by("waiting").filter((r) => r.waiting?.reason === "soak");
  const access = by("waiting").filter((r) => r.waiting?.reason === "manual-access");
  const unconfirmed = by("waiting").filter((r) => r.waiting?.reason === "unconfirmed-delivery");
  const who = (r: (typeof result.migrations)[number]) => singleLine(r.migration.source.email ?? r.migration.source.accountId);
  const c = report.counts;
  const stopped = by("cancelled").filter((r) => r.partial === true).length;
  const notStarted = (c.cancelled ?? 0) - stopped;
  ctx.logger.info(
    `Apply: ${c.done ?? 0} migrated, ${c.failed ?? 0} failed, ${c.waiting ?? 0} waiting, ${c.blocked ?? 0} blocked` +
      `${stopped > 0 ? `, ${stopped} stopped part-way` : ""}${notStarted > 0 ? `, ${notStarted} not started` : ""}. Journal: ${journalFile}`,
  );
  for (const r of by("blocked")) ctx.logger.warn(`${who(r)} was not migrated: ${singleLine(r.warnings.join("; "))}`);
  for (const r of soaking) {
    ctx.logger.info(`${who(r)}: old account is kept during the soak until ${r.waiting?.until?.slice(0, 10)}; run \`bot2svc apply ${input.planFile} --resume\` after that date.`);
  }
  if (result.cancelled) {
    throw new ExitSignal(130, `Cancelled. The step in flight was finished and journaled; run \`bot2svc apply ${input.planFile} --resume\` to continue.`);
  }
  if (failed.length > 0) {
    // The top level prints an ExitSignal's message as is, so it is redacted here.
    const lines = failed.map((r) => `  ${who(r)}: ${r.failed?.step} failed: ${ctx.redactor.redact(r.failed?.error ?? "")}`);
    const unverified = failed.filter((r) => r.failed?.step === "verify").map((r) => r.migration.id);
    const replace =
      unverified.length === 0
        ? ""
        : `\nA token that does not verify keeps the old account in place; give the right one with \`bot2svc apply ${input.planFile} --resume --token-file FILE\` (lines <migration id>=<token>: ${unverified.join(", ")}).`;
    throw new ExitSignal(
      3,
      `Apply finished with failed steps (${failed.length}):\n${lines.join("\n")}\nFix the cause and run \`bot2svc apply ${input.planFile}\` again (finished steps are skipped), or \`bot2svc rollback\`.${replace}`,
    );
  }
  const idp = by("waiting").filter((r) => r.waiting?.reason === "manual-idp");
  for (const r of idp) {
    ctx.logger.info("");
    for (const line of r.waiting?.instructions ?? []) ctx.logger.info(singleLine(line.replace("apply PLAN", `apply ${input.planFile}`)));
  }
  if (access.length > 0) {
    for (const r of access) {
      ctx.logger.info("");
      for (const line of r.waiting?.instructions ?? []) ctx.logger.info(singleLine(line.replace("apply PLAN", `apply ${input.planFile}`)));
    }
  }
  if (manual.length === 0 && access.length === 0 && unconfirmed.length > 0) {
    const ids = unconfirmed.map((r) => r.migration.id).join(",");
    throw new ExitSignal(
      4,
      `Paused: ${unconfirmed.length} token${unconfirmed.length === 1 ? " was" : "s were"} delivered to the secret command but not read back (${unconfirmed.map(who).join(", ")}); the old account${unconfirmed.length === 1 ? " is" : "s are"} kept.\n` +
        `Check that the store holds each token, then run \`bot2svc apply ${input.planFile} --resume --confirm-stored ${ids}\`, or give --secret-read-command so apply reads them back itself.`,
    );
  }
  if (unconfirmed.length > 0 && (manual.length > 0 || access.length > 0)) {
    ctx.logger.info(
      `${unconfirmed.map(who).join(", ")}: token delivered but not read back; after checking the store, add --confirm-stored ${unconfirmed.map((r) => r.migration.id).join(",")} to the resume.`,
    );
  }
  if (manual.length === 0 && access.length > 0) {
    throw new ExitSignal(
      4,
      `Paused: ${access.length} migration${access.length === 1 ? "" : "s"} wait${access.length === 1 ? "s" : ""} for access given by hand in admin.atlassian.com (${access.map(who).join(", ")}); nothing after that step was done.\n` +
        `Follow the steps above, then run \`bot2svc apply ${input.planFile} --resume\`: apply checks the access before it goes on.`,
    );
  }
  if (manual.length === 0 && access.length === 0 && unconfirmed.length === 0 && idp.length > 0) {
    throw new ExitSignal(
      4,
      `Paused: ${idp.length} bot${idp.length === 1 ? " is" : "s are"} still active in the identity provider (${idp.map(who).join(", ")}); the Atlassian side is done.\n` +
        `Deactivate ${idp.length === 1 ? "it" : "them"} there by hand, then record each one you did with \`bot2svc apply ${input.planFile} --resume --confirm-idp <migration id>,…\` (ids above), or set BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN and run \`bot2svc apply ${input.planFile} --resume\`.`,
    );
  }
  if (manual.length > 0) {
    for (const r of manual) {
      ctx.logger.info("");
      for (const line of r.waiting?.instructions ?? []) ctx.logger.info(singleLine(line));
    }
    throw new ExitSignal(
      4,
      `Paused: ${manual.length} migration${manual.length === 1 ? "" : "s"} wait${manual.length === 1 ? "s" : ""} for a token created by hand (${manual.map(who).join(", ")}).\n` +
        `Put the tokens in a file as lines <migration id>=<token> (${manual.map((r) => r.migration.id).join(", ")}) and run \`bot2svc apply ${input.planFile} --resume --token-file FILE\`.`,
    );
  }
}

function nothingToResume(journalFile: string, planId: string): InputError {
  return new InputError(`Nothing to resume: the journal ${journalFile} has no record of plan ${planId}.`, {
    code: "NOTHING_TO_RESUME",
    hint: "Run `bot2svc apply` without --resume, or pass the --journal of the earlier run.",
  });
}

/**
 * The migrations `--confirm-idp` names, checked: each must be in the plan, have an identity-provider
 * step, and be waiting at it (or have failed there). One already done is only a warning.
 */
function confirmedIdpDeactivations(ids: readonly string[], plan: Plan, states: ReadonlyMap<string, MigrationJournalState>, ctx: Context): Set<string> {
  const confirmed = new Set<string>();
  for (const id of ids) {
    const migration = plan.migrations.find((m) => m.id === id);
    if (migration === undefined) throw new InputError(`--confirm-idp: the plan has no migration ${id}.`, { code: "FLAG_INVALID" });
    if (migration.idp === undefined) {
      throw new InputError(`--confirm-idp: migration ${id} has no identity-provider step (the plan was made without --correlate, or the bot was already inactive there).`, { code: "FLAG_INVALID" });
    }
    const step = states.get(id)?.steps.idp;
    if (step?.status === "done") {
      ctx.logger.warn(`--confirm-idp: migration ${id} is already done in the identity provider; nothing to confirm.`);
      continue;
    }
    if (step?.status !== "waiting" && step?.status !== "failed") {
      throw new InputError(`--confirm-idp: migration ${id} has not reached its identity-provider step yet; run the apply until it pauses there, deactivate the bot, then confirm.`, {
        code: "FLAG_INVALID",
      });
    }
    confirmed.add(id);
  }
  return confirmed;
}
