import type { Journal, JournalData } from "../journal/journal.js";
import { MIGRATION_STEP, isStepComplete, journalState, type MigrationJournalState } from "../journal/state.js";
import { hasMarker } from "../plan/io.js";
import { APP_USER_ROLE, workspaceAriOf } from "../plan/planner.js";
import type { Migration, Plan, StepName } from "../plan/schema.js";
import type { User } from "../snapshot/schema.js";
import { verificationOf } from "../plan/verification.js";
import { sameToken, type DeliveredSecret, type ReadBackTarget, type SecretSink } from "../secrets/sink.js";
import { AccessWriteRefusedError, providerErrorKind, type CreatedServiceAccount, type DirectoryProvider } from "../../providers/provider.js";
import { expiryOf, manualAccessInstructions, manualTokenInstructions, type RefusedAccess } from "./manual.js";
import type { PreflightResult } from "./preflight.js";
import { redactSecrets } from "../text/redact.js";
import { idpUserProblem } from "./idp-identity.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Attempts at minting when an attempt failed in a way that may have created the token. */
const MINT_ATTEMPTS = 4;

/** A revoke that finds the token gone (a retried request that already succeeded) did its job. */
export async function ignoreNotFound(work: Promise<unknown> | undefined): Promise<void> {
  try {
    await work;
  } catch (error) {
    if (providerErrorKind(error) === "not-found") return;
    throw error;
  }
}

/** True for failures after which a write may or may not have happened. */
function isUncertain(error: unknown): boolean {
  return providerErrorKind(error) === "uncertain";
}

/** Something the apply engine reports while it runs; the command turns it into spinner lines. */
export type ApplyEvent =
  | { type: "step"; migration: Migration; step: StepName; status: "start" | "done" | "skipped" | "failed" | "waiting" | "already-done"; detail?: string }
  | { type: "warning"; migration: Migration; message: string }
  | { type: "migration"; migration: Migration; outcome: MigrationOutcome };

export type MigrationOutcome = "done" | "failed" | "waiting" | "blocked" | "cancelled";

/** A request for a token an admin creates by hand. */
export interface ManualTokenRequest {
  migration: Migration;
  serviceAccount: { accountId: string; email: string };
  /** What to do in admin.atlassian.com, line by line. */
  instructions: string[];
}

export interface MigrationResult {
  migration: Migration;
  outcome: MigrationOutcome;
  failed?: { step: StepName; error: string };
  waiting?: { step: StepName; reason: "manual-token" | "manual-access" | "soak" | "unconfirmed-delivery" | "manual-idp"; until?: string; instructions?: string[] };
  /** For a cancelled migration: true when some of its steps had run (in this run or before). */
  partial?: boolean;
  warnings: string[];
}

export interface ApplyResult {
  migrations: MigrationResult[];
  /** True when the run stopped early because its signal was aborted. */
  cancelled: boolean;
}

export interface ApplyOptions {
  provider: DirectoryProvider;
  journal: Journal;
  /** Where secrets go; required unless every pending mint is already delivered. */
  sink: SecretSink | null;
  now: () => Date;
  onEvent?: (event: ApplyEvent) => void;
  signal?: AbortSignal;
  /** Migrations run in parallel (default 1). */
  concurrency?: number;
  /** Asks a person for a manually created token (hidden prompt). Absent: the step waits (exit 4). */
  askToken?: (request: ManualTokenRequest) => Promise<string>;
  /**
   * Tokens from `--token-file`, by migration id: a manual token that is awaited, or a corrected
   * one for a migration whose token was delivered but has not verified (it is delivered again).
   */
  suppliedTokens?: ReadonlyMap<string, string>;
  /** Called with every secret as soon as it is known, so output can be redacted. */
  registerSecret?: (secret: string) => void;
  /**
   * Migrations whose delivery an admin confirmed (`--confirm-stored`): the sink could not read
   * the token back, and the admin checked it was stored.
   */
  confirmedStored?: ReadonlySet<string>;
  /**
   * The identity provider (SCIM) that migrations with an `idp` step deactivate the bot in, after
   * the decommission. Absent or null: the step waits for an admin (exit 4).
   */
  idpProvider?: DirectoryProvider | null;
  /**
   * Migrations whose bot an admin deactivated in the identity provider by hand (`--confirm-idp`):
   * without a provider, their waiting `idp` step is recorded as done by hand.
   */
  confirmedIdp?: ReadonlySet<string>;
}

/** Thrown inside a migration when a step failed and was journaled as such. */
class StepFailed extends Error {
  constructor(
    readonly step: StepName,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown inside a migration when a step waits (manual token, soak) and was journaled. */
class StepWaiting extends Error {
  constructor(readonly waiting: NonNullable<MigrationResult["waiting"]>) {
    super("waiting");
  }
}

/** Thrown by grant or group when access must be given by hand; journaled as waiting. */
class AccessPending extends StepWaiting {
  constructor(
    step: "grant" | "group",
    readonly sa: ServiceAccountRef,
    readonly refused: RefusedAccess[],
  ) {
    super({ step, reason: "manual-access" });
  }
}

class Cancelled extends Error {}

/** `ari:cloud:jira::site/<cloudId>` → `<cloudId>` (empty when the resource names no site). */
function cloudOf(resource: string): string {
  return /::site\/([^/]+)$/.exec(resource)?.[1] ?? "\u0000";
}

/** What the directory answered, briefly: status and error code. */
function refusalReason(error: AccessWriteRefusedError): string {
  return error.status > 0 ? `${error.status}${error.apiCode ? ` ${error.apiCode}` : ""}` : error.message;
}

/** What a step's action reports: done, or skipped on purpose, with ids for the journal. */
interface StepOutcome {
  phase: "done" | "skipped";
  data?: JournalData;
  detail?: string;
}

/**
 * Runs the steps of every runnable migration, each step idempotent (it looks before it acts),
 * each bracketed by an fsync'd journal intent and outcome. One migration failing does not stop
 * the others. An aborted signal lets the step in flight finish and be journaled, then stops.
 */
export async function runApply(plan: Plan, prepared: PreflightResult, options: ApplyOptions): Promise<ApplyResult> {
  const results: MigrationResult[] = [];
  const secrets = new Set<string>();
  const register = (secret: string) => {
    secrets.add(secret);
    options.registerSecret?.(secret);
  };
  const scrub = (text: string) => redactSecrets(text, secrets);

  for (const m of prepared.blocked) {
    const states = journalState(options.journal.records(), plan.id);
    if (states.get(m.id)?.outcome !== "blocked") {
      await options.journal.append({
        planId: plan.id,
        migrationId: m.id,
        step: MIGRATION_STEP,
        phase: "skipped",
        data: { reason: "blocked", blockers: m.blockers.map((b) => b.code) },
      });
    }
    results.push({ migration: m, outcome: "blocked", warnings: m.blockers.map((b) => b.message) });
    options.onEvent?.({ type: "migration", migration: m, outcome: "blocked" });
  }

  const queue = [...prepared.runnable];
  let cancelled = false;
  // An unexpected error in one migration (a prompt cancelled with Ctrl-C, a journal that cannot
  // be written) stops the others after their step in flight, and is rethrown only once every
  // worker has stopped: the caller releases the lock then, and nothing may still be writing.
  const stop = new AbortController();
  const forward = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  else options.signal?.addEventListener("abort", forward, { once: true });
  const runOptions: ApplyOptions = { ...options, signal: stop.signal };
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (;;) {
      const m = queue.shift();
      if (m === undefined) return;
      if (stop.signal.aborted) {
        cancelled = true;
        const before = journalState(options.journal.records(), plan.id).get(m.id);
        const partial = before !== undefined && Object.values(before.steps).some((s) => s.status !== "pending");
        results.push({ migration: m, outcome: "cancelled", partial, warnings: [] });
        continue;
      }
      const runner = new MigrationRunner(plan, m, prepared, runOptions, register, scrub);
      let result: MigrationResult;
      try {
        result = await runner.run();
      } catch (error) {
        failure ??= { error };
        stop.abort();
        continue;
      }
      if (result.outcome === "cancelled") cancelled = true;
      results.push(result);
      options.onEvent?.({ type: "migration", migration: m, outcome: result.outcome });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, queue.length || 1));
  try {
    await Promise.all(Array.from({ length: workers }, () => worker()));
  } finally {
    options.signal?.removeEventListener("abort", forward);
  }
  if (failure !== undefined) throw failure.error;
  const order = new Map(plan.migrations.map((m, i) => [m.id, i]));
  results.sort((a, b) => (order.get(a.migration.id) ?? 0) - (order.get(b.migration.id) ?? 0));
  return { migrations: results, cancelled };
}

/** The service account as the steps after `create` need it. */
interface ServiceAccountRef {
  id: string;
  accountId: string;
  email: string;
  productAccess?: { key: string; id: string; role?: string | undefined }[];
  groupIds?: string[];
}

class MigrationRunner {
  private readonly state: MigrationJournalState | undefined;
  private sa: ServiceAccountRef | undefined;
  private token: string | undefined;
  /** The service account and its groups as the grant step of this run read them. */
  private readAccess: { sa: ServiceAccountRef; groupIds: string[] } | undefined;
  private readonly warnings: string[] = [];
  /** True once this run journaled something for the migration. */
  private progressed = false;
  /** True when this run verified the token read back from the sink. */
  private verifiedFromStore = false;
  /** True when this run's delivery was read back and matched. */
  private deliveredConfirmed = false;
  /** Who confirmed a delivery the sink could not read back, when that happened in this run. */
  private storedConfirmedBy: "admin" | "read-back" | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly m: Migration,
    private readonly prepared: PreflightResult,
    private readonly options: ApplyOptions,
    private readonly register: (secret: string) => void,
    private readonly scrub: (text: string) => string,
  ) {
    this.state = journalState(options.journal.records(), plan.id).get(m.id);
  }

  async run(): Promise<MigrationResult> {
    try {
      await this.step("create", () => this.create(), {
        marker: this.m.serviceAccount.marker,
        sourceAccountId: this.m.source.accountId,
        sourceEmail: this.m.source.email,
      });
      // Both access steps are tried before pausing, so the admin gets every manual step at once;
      // nothing after them runs until both are complete.
      const pending: AccessPending[] = [];
      const collect = (error: unknown) => {
        if (error instanceof AccessPending) pending.push(error);
        else throw error;
      };
      await this.step("grant", () => this.grant()).catch(collect);
      await this.step("group", () => this.group(), { groupIds: this.m.groups.filter((g) => !g.synced).map((g) => g.id) }).catch(collect);
      if (pending.length > 0) {
        const first = pending[0] as AccessPending;
        const refused = pending.flatMap((p) => p.refused);
        const instructions = manualAccessInstructions(this.m, first.sa, refused, this.plan.org.sites ?? []);
        throw new StepWaiting({ step: first.waiting.step, reason: "manual-access", instructions });
      }
      await this.mintAndDeliver();
      await this.step("verify", () => this.verify());
      await this.decommission();
      await this.deactivateInIdp();
      return { migration: this.m, outcome: "done", warnings: this.warnings };
    } catch (error) {
      if (error instanceof StepFailed) {
        return { migration: this.m, outcome: "failed", failed: { step: error.step, error: error.message }, warnings: this.warnings };
      }
      if (error instanceof StepWaiting) return { migration: this.m, outcome: "waiting", waiting: error.waiting, warnings: this.warnings };
      if (error instanceof Cancelled) {
        const partial = this.progressed || (this.state !== undefined && Object.values(this.state.steps).some((s) => s.status !== "pending"));
        return { migration: this.m, outcome: "cancelled", partial, warnings: this.warnings };
      }
      throw error;
    }
  }

  private get provider(): DirectoryProvider {
    return this.options.provider;
  }

  private emit(step: StepName, status: Extract<ApplyEvent, { type: "step" }>["status"], detail?: string): void {
    this.options.onEvent?.({ type: "step", migration: this.m, step, status, ...(detail !== undefined ? { detail } : {}) });
  }

  private warn(message: string): void {
    this.warnings.push(message);
    this.options.onEvent?.({ type: "warning", migration: this.m, message });
  }

  private journal(step: StepName, phase: "intent" | "done" | "failed" | "skipped" | "waiting", data?: JournalData, error?: string) {
    this.progressed = true;
    return this.options.journal.append({
      planId: this.plan.id,
      migrationId: this.m.id,
      step,
      phase,
      ...(data !== undefined ? { data } : {}),
      ...(error !== undefined ? { error } : {}),
    });
  }

  /**
   * Runs one step: skipped when the journal says it is complete; otherwise intent → action →
   * outcome. The step in flight always finishes and is journaled; cancellation is honoured
   * before the next one starts.
   */
  private async step(
    name: StepName,
    action: () => Promise<StepOutcome>,
    intentData?: JournalData,
  ): Promise<void> {
    if (isStepComplete(this.state, name)) {
      this.emit(name, "already-done");
      return;
    }
    if (this.options.signal?.aborted) throw new Cancelled();
    this.emit(name, "start");
    await this.journal(name, "intent", intentData);
    let outcome: StepOutcome;
    try {
      outcome = await action();
    } catch (error) {
      if (error instanceof StepWaiting) throw error;
      const message = this.scrub(error instanceof Error ? error.message : String(error));
      await this.journal(name, "failed", undefined, message);
      this.emit(name, "failed", message);
      throw new StepFailed(name, message);
    }
    await this.journal(name, outcome.phase, outcome.data);
    this.emit(name, outcome.phase === "done" ? "done" : "skipped", outcome.detail);
  }

  // ---- create ------------------------------------------------------------------------------

  private async findOurs(): Promise<ServiceAccountRef | undefined> {
    const marker = this.m.serviceAccount.marker;
    const all = (await this.provider.listServiceAccounts?.()) ?? [];
    const found = all.find((sa) => hasMarker(sa.description, marker));
    return found === undefined
      ? undefined
      : { id: found.id, accountId: found.accountId, email: found.email, productAccess: found.productAccess, groupIds: found.groupIds };
  }

  private async create(): Promise<StepOutcome> {
    const existing = await this.findOurs();
    if (existing !== undefined) {
      this.sa = existing;
      return { phase: "done", data: this.saData(existing, true), detail: `adopted ${existing.email}` };
    }
    const created: CreatedServiceAccount = await this.requireMethod("createServiceAccount")({
      displayName: this.m.serviceAccount.displayName,
      description: this.m.serviceAccount.description,
    });
    this.sa = { id: created.id, accountId: created.accountId, email: created.email, productAccess: [], groupIds: [] };
    return { phase: "done", data: this.saData(this.sa, false), detail: created.email };
  }

  private saData(sa: ServiceAccountRef, adopted: boolean): JournalData {
    return {
      marker: this.m.serviceAccount.marker,
      serviceAccountId: sa.id,
      serviceAccountAccountId: sa.accountId,
      email: sa.email,
      adopted,
    };
  }

  /** The service account, from this run or from the journal, refreshed from the directory when asked. */
  private async serviceAccount(fresh = false): Promise<ServiceAccountRef> {
    if (this.sa !== undefined && !fresh) return this.sa;
    const listed = await this.findOurs();
    if (listed !== undefined) {
      this.sa = listed;
      return listed;
    }
    const c = this.state?.created;
    if (c?.serviceAccountId && c.serviceAccountAccountId && c.email) {
      this.sa = { id: c.serviceAccountId, accountId: c.serviceAccountAccountId, email: c.email };
      return this.sa;
    }
    throw new Error(`The service account for ${this.who()} (marker ${this.m.serviceAccount.marker}) no longer exists.`);
  }

  private who(): string {
    return this.m.source.email ?? this.m.source.accountId;
  }

  private requireMethod<K extends keyof DirectoryProvider>(name: K): NonNullable<DirectoryProvider[K]> {
    const method = this.provider[name];
    if (typeof method !== "function") throw new Error(`The ${this.provider.name} provider cannot ${String(name)}.`);
    return (method as (...args: unknown[]) => unknown).bind(this.provider) as NonNullable<DirectoryProvider[K]>;
  }

  // ---- grant, group ------------------------------------------------------------------------

  /**
   * The service account's current app access and groups: from the users search when the
   * directory lists it there, and from the service-account list otherwise.
   */
  private async accessOf(sa: ServiceAccountRef): Promise<{ productAccess: NonNullable<ServiceAccountRef["productAccess"]>; groupIds: string[] }> {
    const productAccess = [...(sa.productAccess ?? [])];
    const groupIds = new Set(sa.groupIds ?? []);
    if (typeof this.provider.getAccount === "function") {
      const asUser = await this.provider.getAccount(sa.accountId);
      if (asUser !== null) {
        productAccess.push(...asUser.productAccess);
        for (const g of asUser.groupIds) groupIds.add(g);
      }
    }
    return { productAccess, groupIds: [...groupIds] };
  }

  /**
   * Writes whatever is missing; a write the directory refuses (a service account it does not
   * accept as a target) becomes a manual step: journaled as waiting with exact instructions,
   * the migration pauses there, and the next run checks the access before it goes on.
   */
  private async waitForManualAccess(step: "grant" | "group", sa: ServiceAccountRef, refused: RefusedAccess[], done: JournalData): Promise<never> {
    await this.journal(step, "waiting", { reason: "manual-access", serviceAccountAccountId: sa.accountId, refused: refused.map((r) => r.target), ...done });
    this.emit(step, "waiting", `${refused.length} to give by hand`);
    throw new AccessPending(step, sa, refused);
  }

  private async grant(): Promise<StepOutcome> {
    if (this.m.appRoles.length === 0) return { phase: "skipped", data: { reason: "no app roles" } };
    const sa = await this.serviceAccount(true);
    const access = await this.accessOf(sa);
    // The group step of this run starts from this read (it is fresh: nothing else changed groups).
    this.readAccess = { sa, groupIds: access.groupIds };
    const granted: string[] = [];
    const refused: RefusedAccess[] = [];
    for (const role of this.m.appRoles) {
      const held = access.productAccess.some((p) => p.id === role.resource || role.resource.endsWith(`/${p.id}`) || (p.key === role.key && p.id.endsWith(`/${cloudOf(role.resource)}`)));
      if (held) continue;
      // Plans made before roles/assign was called with role names carry product-role ARIs.
      const grant = role.role.startsWith("ari:")
        ? { role: APP_USER_ROLE, resource: workspaceAriOf({ key: role.key, id: role.resource }) }
        : { role: role.role, resource: role.resource };
      try {
        await this.requireMethod("grantAppRole")(sa.accountId, grant);
      } catch (error) {
        if (!(error instanceof AccessWriteRefusedError)) throw error;
        refused.push({ kind: "app", key: role.key, target: grant.resource, reason: refusalReason(error) });
        continue;
      }
      granted.push(role.resource);
    }
    if (refused.length > 0) await this.waitForManualAccess("grant", sa, refused, { grantedResources: granted });
    return { phase: "done", data: { serviceAccountAccountId: sa.accountId }, detail: `${granted.length} of ${this.m.appRoles.length} roles granted` };
  }

  private async group(): Promise<StepOutcome> {
    const synced = this.m.groups.filter((g) => g.synced);
    for (const g of synced) {
      this.warn(`Group "${g.name}" is synced from the identity provider and cannot be copied; add ${this.m.serviceAccount.displayName} to it there, or grant the access another way.`);
    }
    const wanted = this.m.groups.filter((g) => !g.synced);
    if (wanted.length === 0) return { phase: "skipped", data: { reason: synced.length > 0 ? "only synced groups" : "no groups", syncedGroupIds: synced.map((g) => g.id) } };
    const reused = this.readAccess;
    this.readAccess = undefined;
    const sa = reused?.sa ?? (await this.serviceAccount(true));
    const access = reused ?? (await this.accessOf(sa));
    const added: string[] = [];
    const refused: RefusedAccess[] = [];
    for (const g of wanted) {
      if (access.groupIds.includes(g.id)) continue;
      try {
        await this.requireMethod("addToGroup")(g.id, sa.accountId);
      } catch (error) {
        if (!(error instanceof AccessWriteRefusedError)) throw error;
        refused.push({ kind: "group", key: g.name, target: g.id, reason: refusalReason(error) });
        continue;
      }
      added.push(g.id);
    }
    if (refused.length > 0) await this.waitForManualAccess("group", sa, refused, { addedGroupIds: added });
    return {
      phase: "done",
      data: { serviceAccountAccountId: sa.accountId, addedGroupIds: added, syncedGroupIds: synced.map((g) => g.id) },
      detail: `${added.length} of ${wanted.length} groups added`,
    };
  }

  // ---- mint + deliver ----------------------------------------------------------------------

  /**
   * Mints (or takes from the admin) the token and hands it to the sink before either step is
   * journaled done, so a journal that says "minted" always means "delivered". A token minted by
   * an attempt that crashed before delivery is revoked before minting again.
   */
  private async mintAndDeliver(): Promise<void> {
    const delivered = isStepComplete(this.state, "mint") && isStepComplete(this.state, "deliver");
    // A token that was delivered but has not verified can be replaced by a corrected one from
    // `--token-file`: it is delivered again (the sink holds the wrong one) and verified.
    const replacing = delivered && !isStepComplete(this.state, "verify") && this.options.suppliedTokens?.has(this.m.id) === true;
    if (delivered && !replacing) {
      this.emit("mint", "already-done");
      this.emit("deliver", "already-done");
      return;
    }
    if (this.options.signal?.aborted) throw new Cancelled();
    const sa = await this.serviceAccountOrFail("mint");
    const manual = replacing || this.m.credential.mint === "manual" || !this.provider.capabilities.mintToken;
    let token: string | undefined;
    let tokenId: string | null = null;
    const revoked: string[] = [];
    const now = this.options.now();
    const expiresAt = expiryOf(this.m, now).toISOString();
    if (manual) {
      const instructions = manualTokenInstructions(this.m, sa, now);
      token = this.options.suppliedTokens?.get(this.m.id);
      if (token === undefined && this.options.askToken !== undefined) {
        this.emit("mint", "start", "manual");
        token = await this.options.askToken({ migration: this.m, serviceAccount: sa, instructions });
      }
      if (token === undefined || token.trim() === "") {
        await this.journal("mint", "waiting", { reason: "manual-token", serviceAccountAccountId: sa.accountId });
        this.emit("mint", "waiting", "manual token");
        throw new StepWaiting({ step: "mint", reason: "manual-token", instructions });
      }
      token = token.trim();
      this.register(token);
      await this.journal("mint", "intent", { manual: true, label: this.m.credential.label, ...(replacing ? { replacing: true } : {}) });
      tokenId = await this.findTokenId(sa.accountId).catch(() => null);
    } else {
      this.emit("mint", "start");
      await this.journal("mint", "intent", { label: this.m.credential.label });
      try {
        for (let attempt = 1; ; attempt++) {
          revoked.push(...(await this.revokeUndelivered(sa.accountId)));
          try {
            const minted = await this.requireMethod("mintToken")(sa.accountId, {
              label: this.m.credential.label,
              scopes: this.m.credential.scopes,
              expiresAt,
            });
            this.register(minted.token);
            token = minted.token;
            tokenId = minted.id;
            break;
          } catch (error) {
            // A mint that failed ambiguously may have created a token whose secret nobody
            // received; the next attempt revokes it (by label) before minting again.
            if (!isUncertain(error) || attempt >= MINT_ATTEMPTS) throw error;
          }
        }
      } catch (error) {
        const message = this.scrub(error instanceof Error ? error.message : String(error));
        await this.journal("mint", "failed", undefined, message);
        this.emit("mint", "failed", message);
        throw new StepFailed("mint", message);
      }
    }
    const sink = this.options.sink;
    const secret: DeliveredSecret = {
      migrationId: this.m.id,
      accountId: sa.accountId,
      email: sa.email,
      token,
      tokenId,
      gatewayUrl: this.prepared.gatewayUrls.get(this.m.id) ?? "",
      cloudId: this.prepared.cloudIds.get(this.m.id) ?? "",
      label: this.m.credential.label,
      expiresAt,
      name: this.m.serviceAccount.displayName,
    };
    const sinkName = sink?.describe(secret) ?? "no sink";
    let confirmed = false;
    await this.journal("deliver", "intent", { tokenId, sink: sinkName });
    this.emit("deliver", "start", sinkName);
    try {
      if (sink === null) throw new Error("No secret sink is configured; pass --secrets-dir DIR or --secret-command CMD.");
      await sink.deliver(secret);
      confirmed = await this.confirmStored(sink, secret);
    } catch (error) {
      const details = error instanceof Error && "details" in error && Array.isArray((error as { details: unknown }).details) ? (error as { details: string[] }).details : [];
      const message = this.scrub([error instanceof Error ? error.message : String(error), ...details].join("\n"));
      await this.journal("deliver", "failed", { tokenId }, message);
      this.emit("deliver", "failed", message);
      throw new StepFailed("deliver", message);
    }
    await this.journal("mint", "done", { tokenId, serviceAccountAccountId: sa.accountId, revokedTokenIds: revoked, manual });
    this.emit("mint", "done", manual ? "manual token" : undefined);
    await this.journal("deliver", "done", { tokenId, sink: sinkName, confirmed });
    this.emit("deliver", "done", `${sinkName}${confirmed ? "; read back: matches" : "; not read back"}`);
    this.token = token;
    this.deliveredConfirmed = confirmed;
  }

  /**
   * Reads the token back from the sink and compares it with the one handed over: true when they
   * match, false when the sink cannot read back. Only the result of the comparison is reported.
   */
  private async confirmStored(sink: SecretSink, secret: DeliveredSecret): Promise<boolean> {
    if (typeof sink.readBack !== "function") return false;
    const stored = await sink.readBack(this.readBackTarget(secret));
    if (stored !== null) this.register(stored);
    if (stored === null) throw new Error(`Nothing was read back from ${sink.describe(secret)} after the delivery: the token was not stored.`);
    if (!sameToken(stored, secret.token)) throw new Error(`The token read back from ${sink.describe(secret)} does not match the one delivered: the store holds something else.`);
    return true;
  }

  private readBackTarget(known?: Partial<DeliveredSecret>): ReadBackTarget {
    const { token: _token, ...fields } = known ?? {};
    return {
      ...fields,
      name: this.m.serviceAccount.displayName,
      migrationId: this.m.id,
      label: this.m.credential.label,
      gatewayUrl: this.prepared.gatewayUrls.get(this.m.id) ?? "",
      cloudId: this.prepared.cloudIds.get(this.m.id) ?? "",
      ...(this.sa !== undefined ? { accountId: this.sa.accountId, email: this.sa.email } : {}),
    };
  }

  private async serviceAccountOrFail(step: StepName): Promise<ServiceAccountRef> {
    try {
      return await this.serviceAccount();
    } catch (error) {
      const message = this.scrub(error instanceof Error ? error.message : String(error));
      await this.journal(step, "failed", undefined, message);
      throw new StepFailed(step, message);
    }
  }

  /**
   * Tokens with this migration's label that exist on the service account while delivery is not
   * done were minted by an attempt that never delivered them: nobody has the secret, so they
   * are revoked rather than left to linger.
   */
  private async revokeUndelivered(accountId: string): Promise<string[]> {
    if (!this.provider.capabilities.listTokens || !this.provider.capabilities.revokeToken) return [];
    const tokens = (await this.provider.listTokens?.(accountId)) ?? [];
    const known = new Set(this.state?.created.tokenIds ?? []);
    const orphans = tokens.filter((t) => t.label === this.m.credential.label || known.has(t.id));
    for (const t of orphans) await ignoreNotFound(this.provider.revokeToken?.(accountId, t.id));
    return orphans.map((t) => t.id);
  }

  private async findTokenId(accountId: string): Promise<string | null> {
    if (!this.provider.capabilities.listTokens) return null;
    const tokens = (await this.provider.listTokens?.(accountId)) ?? [];
    const mine = tokens.filter((t) => t.label === this.m.credential.label);
    mine.sort((a, b) => String(b.createdAt ?? "").localeCompare(String(a.createdAt ?? "")));
    return mine[0]?.id ?? null;
  }

  // ---- verify ------------------------------------------------------------------------------

  private async verify(): Promise<StepOutcome> {
    if (!this.provider.capabilities.verifyToken || typeof this.provider.verifyToken !== "function") {
      this.warn(`Cannot verify ${this.m.serviceAccount.displayName}'s token with the ${this.provider.name} provider; check it yourself.`);
      return { phase: "skipped", data: { reason: "provider cannot verify" } };
    }
    // The endpoint must be one the token can reach: a product the account is given, read with
    // the token's own scopes. When there is none, the check is the admin's, and says so.
    const target = verificationOf(this.m);
    if (target.kind === "manual") {
      this.warn(`Cannot verify ${this.m.serviceAccount.displayName}'s token: ${target.reason}. ${target.instructions.join(" ")}`);
      return { phase: "skipped", data: { reason: "no endpoint the token can reach" } };
    }
    const sa = await this.serviceAccount();
    let token = this.token;
    // The token that is verified is the one the sink holds, read back, not the one in memory.
    const sink = this.options.sink;
    if (sink !== null && typeof sink.readBack === "function") {
      const stored = (await sink.readBack(this.readBackTarget())) ?? undefined;
      if (stored !== undefined) this.register(stored);
      if (stored === undefined && token !== undefined) throw new Error(`Nothing can be read back from ${sink.describe({ name: this.m.serviceAccount.displayName, migrationId: this.m.id })}; the token was not stored.`);
      if (stored !== undefined && token !== undefined && !sameToken(stored, token)) throw new Error("The token read back from the sink does not match the one delivered.");
      token = stored;
      this.verifiedFromStore = stored !== undefined;
    }
    if (token === undefined) {
      // Never a skip: an unverified token must not let the old account be decommissioned.
      throw new Error(
        `The token of ${this.m.serviceAccount.displayName} was delivered by an earlier run and cannot be read back to verify it; ` +
          `give it with \`--resume --token-file FILE\` (a line ${this.m.id}=<token>). The old account is kept until it verifies.`,
      );
    }
    const cloudId = target.cloudId;
    const identity = await this.provider.verifyToken({ cloudId, email: sa.email, token, product: target.product });
    if (identity.accountId !== sa.accountId) {
      throw new Error(`The new token answers as ${identity.accountId}, not as the service account ${sa.accountId}.`);
    }
    return { phase: "done", data: { serviceAccountAccountId: sa.accountId, cloudId, product: target.product }, detail: `answers as ${sa.email}` };
  }

  // ---- decommission ------------------------------------------------------------------------

  private async decommission(): Promise<void> {
    const old = this.m.oldAccount;
    if (isStepComplete(this.state, "decommission")) {
      this.emit("decommission", "already-done");
      return;
    }
    await this.requireStoredConfirmation();
    if (old.action !== "none" && old.soakDays > 0) {
      const verifiedAt = this.state?.steps.verify.time ?? this.state?.steps.deliver.time;
      const start = verifiedAt !== undefined && isStepComplete(this.state, "verify") ? new Date(verifiedAt) : this.options.now();
      const due = new Date(start.getTime() + old.soakDays * DAY_MS);
      if (this.options.now().getTime() < due.getTime()) {
        const until = due.toISOString();
        const prior = this.state?.steps.decommission;
        if (!(prior?.status === "waiting" && prior.data?.until === until)) {
          await this.journal("decommission", "waiting", {
            reason: "soak",
            until,
            oldAccountId: this.m.source.accountId,
            action: old.action,
            ...(this.storedConfirmedBy !== undefined ? { storedConfirmed: true, storedConfirmedBy: this.storedConfirmedBy } : {}),
          });
        }
        this.emit("decommission", "waiting", `soak until ${until.slice(0, 10)}`);
        throw new StepWaiting({ step: "decommission", reason: "soak", until });
      }
    }
    // The state before decommissioning comes from the plan (checked fresh by preflight), so a
    // rollback restores only what this run changed even if the step is repeated after a crash.
    await this.step("decommission", () => this.decommissionNow(), {
      ...(this.storedConfirmedBy !== undefined ? { storedConfirmed: true, storedConfirmedBy: this.storedConfirmedBy } : {}),
      oldAccountId: this.m.source.accountId,
      action: old.action,
      previousStatus: this.m.source.state.status,
      previousAccountStatus: this.m.source.state.accountStatus,
      // Tells the journal that an idp step follows, so the migration is not done without it.
      ...(this.m.idp !== undefined ? { idpAccountId: this.m.idp.accountId } : {}),
    });
  }

  /**
   * A delivery no sink could read back (a secret command without a read-back command) is not
   * trusted to have stored the token: the old account stays until an admin confirms the store
   * (`--confirm-stored`) or a later run reads it back.
   */
  private async requireStoredConfirmation(): Promise<void> {
    if (this.m.oldAccount.action === "none") return;
    const deliver = this.state?.steps.deliver;
    const confirmedNow = this.token !== undefined ? this.deliveredConfirmed : deliver?.data?.confirmed !== false;
    if (confirmedNow || this.state?.steps.decommission.data?.storedConfirmed === true) return;
    if (this.verifiedFromStore) {
      this.storedConfirmedBy = "read-back";
      return;
    }
    if (this.options.confirmedStored?.has(this.m.id) === true) {
      this.storedConfirmedBy = "admin";
      return;
    }
    const sink = this.options.sink;
    if (this.token === undefined && sink !== null && typeof sink.readBack === "function") {
      // A run with a read-back command confirms a delivery an earlier run could not.
      const stored = await sink.readBack(this.readBackTarget()).catch(() => null);
      if (stored !== null) {
        this.register(stored);
        // Only a token that answers as the service account confirms the store; when no endpoint
        // can verify it, the admin confirms with --confirm-stored.
        const target = verificationOf(this.m);
        if (isStepComplete(this.state, "verify") && target.kind === "endpoint") {
          const sa = await this.serviceAccount();
          const identity = await this.provider.verifyToken?.({ cloudId: target.cloudId, email: sa.email, token: stored, product: target.product });
          if (identity?.accountId === sa.accountId) {
            this.storedConfirmedBy = "read-back";
            return;
          }
        }
      }
    }
    const prior = this.state?.steps.decommission;
    if (!(prior?.status === "waiting" && prior.data?.reason === "unconfirmed-delivery")) {
      await this.journal("decommission", "waiting", { reason: "unconfirmed-delivery", oldAccountId: this.m.source.accountId, action: this.m.oldAccount.action });
    }
    this.emit("decommission", "waiting", "delivery not confirmed");
    throw new StepWaiting({
      step: "decommission",
      reason: "unconfirmed-delivery",
      instructions: [
        `${this.m.serviceAccount.displayName} (${this.m.id}): the secret command could not read the token back, so the old account is kept.`,
        `Check that the token was stored, then run \`bot2svc apply PLAN --resume --confirm-stored ${this.m.id}\` (or pass --secret-read-command).`,
      ],
    });
  }

  private async decommissionNow(): Promise<StepOutcome> {
    const old = this.m.oldAccount;
    const accountId = this.m.source.accountId;
    const base = { oldAccountId: accountId, action: old.action };
    switch (old.action) {
      case "none":
        return { phase: "skipped", data: { ...base, reason: "old account kept as planned" } };
      case "revoke-tokens": {
        const existing = this.provider.capabilities.listTokens ? ((await this.provider.listTokens?.(accountId)) ?? []).map((t) => t.id) : null;
        const revoked: string[] = [];
        for (const id of old.tokenIds) {
          if (existing !== null && !existing.includes(id)) continue;
          await ignoreNotFound(this.requireMethod("revokeToken")(accountId, id));
          revoked.push(id);
        }
        return { phase: "done", data: { ...base, revokedTokenIds: revoked }, detail: `${revoked.length} tokens revoked` };
      }
      case "suspend": {
        const current = (await this.provider.getAccount?.(accountId)) ?? null;
        // Already suspended, at plan time or by an attempt that crashed before journaling its
        // outcome. The status before stays the plan's one from the intent, so a rollback still
        // restores an account that this journal suspended.
        if (current?.status === "suspended") return { phase: "done", data: { ...base, changed: false } };
        await this.requireMethod("suspendAccount")(accountId);
        return { phase: "done", data: { ...base, previousStatus: current?.status ?? null, changed: true }, detail: "old account suspended" };
      }
      case "deactivate": {
        const current = (await this.provider.getAccount?.(accountId)) ?? null;
        if (current?.accountStatus === "inactive") return { phase: "done", data: { ...base, previousStatus: current.status, changed: false } };
        await this.requireMethod("deactivateAccount")(accountId);
        return { phase: "done", data: { ...base, previousStatus: current?.status ?? null, changed: true }, detail: "old account deactivated" };
      }
    }
  }

  // ---- idp ---------------------------------------------------------------------------------

  /**
   * Deactivates the same bot in the identity provider, once the Atlassian side is decommissioned.
   * Without a provider for it (BOT2SVC_SCIM_* not set) the step waits with the manual step.
   */
  private async deactivateInIdp(): Promise<void> {
    const idp = this.m.idp;
    if (idp === undefined) return;
    if (isStepComplete(this.state, "idp")) {
      this.emit("idp", "already-done");
      return;
    }
    const provider = this.options.idpProvider ?? null;
    const data = { idpOrgId: idp.orgId, idpAccountId: idp.accountId };
    if (provider === null) {
      const prior = this.state?.steps.idp;
      if ((prior?.status === "waiting" || prior?.status === "failed") && this.options.confirmedIdp?.has(this.m.id) === true) {
        // Nothing here changed the IdP: rollback reminds the admin to reactivate it by hand.
        await this.journal("idp", "done", { ...data, byHand: true, changed: false });
        this.emit("idp", "done", `deactivated by hand in ${idp.name} (--confirm-idp)`);
        return;
      }
      if (!(prior?.status === "waiting" && prior.data?.reason === "manual-idp")) await this.journal("idp", "waiting", { reason: "manual-idp", ...data });
      this.emit("idp", "waiting", `deactivate ${idp.email ?? idp.accountId} in ${idp.name}`);
      throw new StepWaiting({ step: "idp", reason: "manual-idp", instructions: idpInstructions(this.m, idp) });
    }
    // One read of the SCIM user serves the intent (was it active?) and the checks before the PATCH;
    // a failed read fails the step itself.
    const read: IdpRead = await (provider.getAccount?.(idp.accountId) ?? Promise.resolve(null)).then(
      (user) => ({ user: user ?? null }),
      (error: unknown) => ({ error }),
    );
    await this.step("idp", () => this.deactivateInIdpNow(provider, idp, read), { ...data, wasActive: this.idpWasActive(read) });
  }

  /**
   * Whether the SCIM user was active before this migration touched it, for rollback: true when an
   * earlier attempt that stopped without an outcome found it active (it may have deactivated it
   * before the run stopped), otherwise as read now (true when it cannot be read).
   */
  private idpWasActive(read: IdpRead): boolean {
    const prior = this.state?.steps.idp;
    if ((prior?.status === "in-progress" || prior?.status === "failed") && this.state?.created.idpWasActive === true) return true;
    if ("error" in read || read.user === null) return true;
    return read.user.accountStatus === "active" && read.user.status === "active";
  }

  private async deactivateInIdpNow(provider: DirectoryProvider, idp: NonNullable<Migration["idp"]>, read: IdpRead): Promise<StepOutcome> {
    const data = { idpOrgId: idp.orgId, idpAccountId: idp.accountId };
    if (provider.orgId !== idp.orgId) throw new Error(`The plan deactivates ${idp.accountId} in ${idp.orgId}, but the SCIM provider is connected to ${provider.orgId ?? "an unknown directory"}.`);
    if ("error" in read) throw read.error;
    const current = read.user;
    if (current === null) throw new Error(`${idp.email ?? idp.accountId} (${idp.accountId}) no longer exists in ${idp.name}.`);
    const problem = idpUserProblem(this.m, current, `migrations[${this.plan.migrations.findIndex((x) => x.id === this.m.id)}]`);
    if (problem !== undefined) throw new Error(`Refusing to deactivate ${idp.accountId} in ${idp.name}: plan ${this.plan.id}, migration ${this.m.id}: ${problem}.`);
    if (current.accountStatus !== "active" || current.status !== "active") {
      // Inactive after apply waited for an admin to deactivate it: done by hand, for this migration,
      // so rollback asks for it to be reactivated there by hand.
      const prior = this.state?.steps.idp;
      if (prior?.status === "waiting" && prior.data?.reason === "manual-idp") {
        return { phase: "done", data: { ...data, changed: false, byHand: true }, detail: `deactivated by hand in ${idp.name} while apply waited` };
      }
      return { phase: "done", data: { ...data, changed: false }, detail: `already inactive in ${idp.name}` };
    }
    if (typeof provider.deactivateAccount !== "function" || !provider.capabilities.deactivateAccount) {
      throw new Error(`The ${provider.name} provider cannot deactivate accounts.`);
    }
    await provider.deactivateAccount(idp.accountId);
    return { phase: "done", data: { ...data, changed: true }, detail: `deactivated ${idp.email ?? idp.accountId} in ${idp.name}` };
  }
}

/** The SCIM user an idp step reads once before its intent: the user (null when gone), or why it could not be read. */
type IdpRead = { user: User | null } | { error: unknown };

/** What an admin does by hand when apply has no SCIM access to the identity provider. */
export function idpInstructions(m: Migration, idp: NonNullable<Migration["idp"]>): string[] {
  const who = idp.email ?? idp.accountId;
  return [
    `${m.serviceAccount.displayName} (${m.id}): the same bot is still active in ${idp.name} (${idp.provider}) as ${who}, user id ${idp.accountId}.`,
    `Deactivate it there: in the identity provider's admin console, or with SCIM PATCH /Users/${idp.accountId} setting active to false.`,
    `Then run \`bot2svc apply PLAN --resume --confirm-idp ${m.id}\` to record it as done by hand.`,
    `Or set BOT2SVC_SCIM_BASE_URL (${idp.orgId.replace(/^scim:/, "")}) and BOT2SVC_SCIM_TOKEN and run \`bot2svc apply PLAN --resume\`: apply deactivates it, or records it as done when it is already inactive.`,
  ];
}
