import type { Journal, JournalData } from "../journal/journal.js";
import { journalState, type MigrationJournalState } from "../journal/state.js";
import { hasMarker, isMigrationIdOf, markerOf, migrationIdOf } from "../plan/io.js";
import { STEP_NAMES, type Plan, type StepName } from "../plan/schema.js";
import { providerErrorKind, type DirectoryProvider } from "../../providers/provider.js";
import { ignoreNotFound } from "./engine.js";
import { userEmails } from "./idp-identity.js";

/** One thing rollback did (or found already undone, or cannot undo). */
export interface RollbackAction {
  planId: string;
  migrationId: string;
  who: string;
  step: StepName;
  status: "undone" | "nothing-to-do" | "cannot-undo" | "failed";
  detail: string;
}

export interface RollbackResult {
  actions: RollbackAction[];
  /** Steps that were already rolled back by an earlier run. */
  alreadyRolledBack: number;
  cancelled: boolean;
}

export interface RollbackOptions {
  provider: DirectoryProvider;
  journal: Journal;
  onAction?: (action: RollbackAction) => void;
  signal?: AbortSignal;
  /**
   * Plans the person running rollback vouches for (`--plan`): an old account that is the source
   * of one of their migrations may be restored even when no service account carries the marker.
   */
  plans?: readonly {
    id: Plan["id"];
    migrations: readonly { id: string; source: { accountId: string; email?: string | null }; idp?: { accountId: string; email: string | null } | undefined }[];
  }[];
  /** The identity provider (SCIM) that `idp` steps deactivated bots in; null when not configured. */
  idpProvider?: DirectoryProvider | null;
}

/** The SCIM user the migration's idp step names. */
function idpAccountIdOf(state: MigrationJournalState): string | undefined {
  const data = state.steps.idp.data;
  return typeof data?.idpAccountId === "string" ? data.idpAccountId : state.created.idpAccountId;
}

/**
 * True when the idp step may have deactivated a user that was active: it says it did, or its
 * intent found the user active and the step finished, failed or stopped after it (a run that
 * crashed after the PATCH and was resumed records "already inactive").
 */
function wouldReactivate(state: MigrationJournalState): boolean {
  const step = state.steps.idp;
  if (step.status === "done" && step.data?.changed === true) return true;
  return state.created.idpWasActive === true && (step.status === "done" || step.status === "failed" || step.status === "in-progress");
}

/** A journal entry that names something this tool did not do; nothing is changed for it. */
class Refused extends Error {}

/** Steps undone last-first, so nothing is left pointing at an account that is already gone. */
const UNDO_ORDER: readonly StepName[] = [...STEP_NAMES].reverse();

/**
 * Undoes what a journal recorded, newest migration first and last step first: restores
 * suspended or deactivated old accounts, revokes minted tokens, removes group memberships and
 * deletes the service accounts the journal created or adopted by marker. Each undo is bracketed
 * by `rollback-intent` / `rolled-back` records, so a second run skips what is already undone.
 * Revoked API tokens of old accounts cannot be restored; that is reported, not hidden.
 */
export async function runRollback(options: RollbackOptions): Promise<RollbackResult> {
  const records = options.journal.records();
  const planIds = [...new Set(records.map((r) => r.planId))];
  const states: MigrationJournalState[] = [];
  for (const planId of planIds) states.push(...journalState(records, planId).values());
  states.sort((a, b) => b.lastSeq - a.lastSeq);
  const result: RollbackResult = { actions: [], alreadyRolledBack: 0, cancelled: false };
  const undoer = new Undoer(options);
  for (const state of states) {
    let failedBefore = false;
    for (const step of UNDO_ORDER) {
      const s = state.steps[step];
      if (s.status === "pending") continue;
      if (s.rolledBack) {
        result.alreadyRolledBack += 1;
        continue;
      }
      if (options.signal?.aborted) {
        result.cancelled = true;
        return result;
      }
      // The new account is only deleted once everything after it is undone: an old account
      // left suspended keeps its automation working through the new one, and the account's
      // marker is what lets the next rollback recognise the migration.
      const action = await undoer.undo(state, step, step === "create" && failedBefore);
      if (action.status === "failed") failedBefore = true;
      result.actions.push(action);
      options.onAction?.(action);
    }
  }
  return result;
}

class Undoer {
  private serviceAccounts: Awaited<ReturnType<NonNullable<DirectoryProvider["listServiceAccounts"]>>> | undefined;
  /** Each IdP user as read once per rollback: the identity check and the undo look at the same answer. */
  private readonly idpUsers = new Map<string, Promise<Awaited<ReturnType<NonNullable<DirectoryProvider["getAccount"]>>>>>();

  constructor(private readonly options: RollbackOptions) {}

  /** The IdP user a migration's idp step names, read once; null without a provider or user. */
  private idpUser(accountId: string): Promise<Awaited<ReturnType<NonNullable<DirectoryProvider["getAccount"]>>>> {
    const provider = this.options.idpProvider ?? null;
    if (provider === null) return Promise.resolve(null);
    let user = this.idpUsers.get(accountId);
    if (user === undefined) {
      user = provider.getAccount?.(accountId).then((u) => u ?? null) ?? Promise.resolve(null);
      this.idpUsers.set(accountId, user);
    }
    return user;
  }

  private get provider(): DirectoryProvider {
    return this.options.provider;
  }

  async undo(state: MigrationJournalState, step: StepName, keep = false): Promise<RollbackAction> {
    const c = state.created;
    const id = c.sourceAccountId ?? c.oldAccountId;
    const who = `${c.sourceEmail ?? id ?? state.migrationId}${id !== undefined && c.sourceEmail !== undefined ? ` (${id})` : ""}`;
    const base = { planId: state.planId, migrationId: state.migrationId, who, step };
    try {
      await this.check(state, step);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ...base, status: "failed", detail: error instanceof Refused ? `refused: ${message}; nothing was changed for it` : message };
    }
    if (keep) {
      return { ...base, status: "failed", detail: "kept the service account: a step after it was not undone; run rollback again once that is fixed" };
    }
    await this.options.journal.append({ planId: state.planId, migrationId: state.migrationId, step, phase: "rollback-intent" });
    try {
      const { status, detail, data } = await this.undoStep(state, step);
      await this.options.journal.append({
        planId: state.planId,
        migrationId: state.migrationId,
        step,
        phase: "rolled-back",
        data: { result: status, ...(data ?? {}) },
      });
      return { ...base, status, detail };
    } catch (error) {
      // No `rolled-back` record: the next rollback tries this step again.
      return { ...base, status: "failed", detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private async listed() {
    if (this.serviceAccounts === undefined) this.serviceAccounts = (await this.provider.listServiceAccounts?.()) ?? [];
    return this.serviceAccounts;
  }

  /**
   * Refuses a journal entry that names something this tool did not do, before anything is
   * journaled or changed: a service account without the migration's marker, or an old account
   * that is not the source of the migration.
   */
  private async check(state: MigrationJournalState, step: StepName): Promise<void> {
    if (step === "mint" || step === "group" || step === "create") {
      await this.serviceAccountOf(state);
      return;
    }
    if (step === "idp") {
      await this.checkIdp(state);
      return;
    }
    if (step !== "decommission") return;
    const c = state.created;
    const accountId = c.oldAccountId;
    if (state.steps.decommission.status === "waiting" || accountId === undefined) return;
    if (c.decommissionAction !== "suspend" && c.decommissionAction !== "deactivate") return;
    const migration = `migration ${state.migrationId} of plan ${state.planId}`;
    if (c.sourceAccountId !== undefined && c.sourceAccountId !== accountId) {
      throw new Refused(`${accountId} is not the source account of ${migration} (its create step names ${c.sourceAccountId ?? "no account"})`);
    }
    if (!isMigrationIdOf(state.migrationId, accountId)) {
      throw new Refused(`${migration} is not the migration of account ${accountId} (expected ${migrationIdOf(accountId)})`);
    }
    const plan = this.options.plans?.find((p) => p.id === state.planId);
    if (plan !== undefined) {
      if (!plan.migrations.some((m) => m.id === state.migrationId && m.source.accountId === accountId)) {
        throw new Refused(`${accountId} is not the source account of ${state.migrationId} in the plan given with --plan`);
      }
      return;
    }
    // Without the plan, the service account this migration created shows that it was real.
    const marker = markerOf(state.planId, state.migrationId);
    if (!(await this.listed()).some((sa) => hasMarker(sa.description, marker))) {
      throw new Refused(
        `no service account carries the marker ${marker}, so nothing shows that bot2svc suspended ${accountId}; ` +
          `restore it by hand in admin.atlassian.com, or pass the plan with --plan FILE`,
      );
    }
  }

  /**
   * Refuses to reactivate a SCIM user that is not this migration's bot: its email must be the
   * migration's source email (from the journal's own create record, or the plan given with
   * --plan, whose idp email also counts), and with the plan its SCIM user id must be the plan's.
   */
  private async checkIdp(state: MigrationJournalState): Promise<void> {
    const accountId = idpAccountIdOf(state);
    if (accountId === undefined || !wouldReactivate(state)) return;
    const migration = `migration ${state.migrationId} of plan ${state.planId}`;
    const plan = this.options.plans?.find((p) => p.id === state.planId);
    const planned = plan?.migrations.find((m) => m.id === state.migrationId);
    if (plan !== undefined) {
      if (planned?.idp === undefined) throw new Refused(`${migration} has no idp step in the plan given with --plan, so nothing shows that bot2svc deactivated ${accountId}`);
      if (planned.idp.accountId !== accountId) throw new Refused(`${accountId} is not the SCIM user of ${migration} in the plan given with --plan (it names ${planned.idp.accountId})`);
    }
    // Without the provider, or without the user, the undo itself reports what is missing.
    const user = await this.idpUser(accountId);
    if (user === null) return;
    const expected = [planned?.source.email ?? state.created.sourceEmail, planned?.idp?.email].filter((e): e is string => typeof e === "string" && e !== "").map((e) => e.toLowerCase());
    if (expected.length === 0) {
      throw new Refused(`the journal records no source email for ${migration}, so nothing shows that SCIM user ${accountId} is its bot; pass the plan with --plan FILE`);
    }
    const emails = userEmails(user);
    if (!emails.some((e) => expected.includes(e))) {
      throw new Refused(
        `SCIM user ${accountId} is ${emails.length > 0 ? emails.join(", ") : "a user without an email"}, not ${[...new Set(expected)].join(" or ")}, the bot of ${migration}`,
      );
    }
  }

  /**
   * The service account this migration created or adopted, as it exists now; null when gone.
   * It is found by the migration's marker only; a journal that names another account is refused.
   */
  private async serviceAccountOf(state: MigrationJournalState) {
    const c = state.created;
    const marker = markerOf(state.planId, state.migrationId);
    if (c.marker !== undefined && c.marker !== marker) {
      throw new Refused(`the journal gives ${state.migrationId} the marker ${c.marker}, not ${marker}`);
    }
    const all = await this.listed();
    const ours = all.find((sa) => hasMarker(sa.description, marker)) ?? null;
    const named = c.serviceAccountId === undefined ? undefined : all.find((sa) => sa.id === c.serviceAccountId);
    if (named !== undefined && named !== ours) {
      throw new Refused(`the journal names service account ${named.email} (${named.id}), which does not carry the marker ${marker} and was not made by this plan`);
    }
    return ours;
  }

  private async undoStep(
    state: MigrationJournalState,
    step: StepName,
  ): Promise<{ status: RollbackAction["status"]; detail: string; data?: JournalData }> {
    const c = state.created;
    switch (step) {
      case "decommission":
        return this.undoDecommission(state);
      case "idp":
        return this.undoIdp(state);
      case "verify":
        return { status: "nothing-to-do", detail: "verification changed nothing" };
      case "deliver":
        return { status: "nothing-to-do", detail: "the delivered secret stops working once its token is revoked" };
      case "grant":
        return { status: "nothing-to-do", detail: "app roles go with the service account" };
      case "mint": {
        const sa = await this.serviceAccountOf(state);
        if (sa === null) return { status: "nothing-to-do", detail: "the service account (and its tokens) no longer exists" };
        // The service account is this plan's own, so every token on it is one the plan made:
        // the documented revoke-all call first, then whatever a token listing still shows.
        let revokedAll = false;
        if (typeof this.provider.revokeServiceAccountTokens === "function") {
          await this.provider.revokeServiceAccountTokens(sa.id);
          revokedAll = true;
        }
        if (!this.provider.capabilities.listTokens || !this.provider.capabilities.revokeToken) {
          return revokedAll
            ? { status: "undone", detail: `revoked every API token of ${sa.email}`, data: { revokedAll: true } }
            : { status: "nothing-to-do", detail: "tokens go with the service account" };
        }
        const tokens = (await this.provider.listTokens?.(sa.accountId)) ?? [];
        const ours = tokens.filter((t) => c.tokenIds.includes(t.id) || (c.tokenLabel !== undefined && t.label === c.tokenLabel));
        for (const t of ours) await ignoreNotFound(this.provider.revokeToken?.(sa.accountId, t.id));
        if (revokedAll) {
          return { status: "undone", detail: `revoked every API token of ${sa.email}`, data: { revokedAll: true, revokedTokenIds: ours.map((t) => t.id) } };
        }
        return {
          status: ours.length > 0 ? "undone" : "nothing-to-do",
          detail: ours.length > 0 ? `revoked ${ours.length} minted token${ours.length === 1 ? "" : "s"}` : "no minted token left",
          data: { revokedTokenIds: ours.map((t) => t.id) },
        };
      }
      case "group": {
        const sa = await this.serviceAccountOf(state);
        if (sa === null) return { status: "nothing-to-do", detail: "the service account no longer exists" };
        const members = await this.membershipsToRemove(state, sa);
        if (members.length === 0) return { status: "nothing-to-do", detail: "no group membership to remove" };
        if (!this.provider.capabilities.removeFromGroup || typeof this.provider.removeFromGroup !== "function") {
          return { status: "nothing-to-do", detail: "memberships go with the service account" };
        }
        const removed: string[] = [];
        for (const id of members) {
          try {
            await this.provider.removeFromGroup(id, sa.accountId);
            removed.push(id);
          } catch (error) {
            // Not a member (or not a directory user at all): there is nothing to remove.
            if (providerErrorKind(error) !== "not-found") throw error;
          }
        }
        sa.groupIds = sa.groupIds.filter((id) => !members.includes(id));
        if (removed.length === 0) return { status: "nothing-to-do", detail: "not a member of any group it was added to", data: { removedGroupIds: [] } };
        return { status: "undone", detail: `removed from ${removed.length} group${removed.length === 1 ? "" : "s"}`, data: { removedGroupIds: removed } };
      }
      case "create": {
        const sa = await this.serviceAccountOf(state);
        if (sa === null) return { status: "nothing-to-do", detail: "the service account no longer exists" };
        if (typeof this.provider.deleteServiceAccount !== "function" || !this.provider.capabilities.deleteServiceAccount) {
          throw new Error(`The ${this.provider.name} provider cannot delete service accounts; delete ${sa.email} in admin.atlassian.com.`);
        }
        await this.provider.deleteServiceAccount(sa.id);
        this.serviceAccounts = (await this.listed()).filter((x) => x.id !== sa.id);
        return { status: "undone", detail: `deleted service account ${sa.email}`, data: { serviceAccountId: sa.id } };
      }
    }
  }

  /**
   * The groups rollback takes the service account out of: those the journal records as added.
   * When the group step stopped without saying what it added (a crash after its intent, or a
   * failure part-way), the planned groups the account is a member of now are added to them.
   */
  private async membershipsToRemove(state: MigrationJournalState, sa: { accountId: string; groupIds: string[] }): Promise<string[]> {
    const c = state.created;
    const recorded = c.groupIds.filter((id) => sa.groupIds.length === 0 || sa.groupIds.includes(id));
    const status = state.steps.group.status;
    if (status !== "in-progress" && status !== "failed") return recorded;
    const live = new Set(sa.groupIds);
    if (typeof this.provider.getAccount === "function") {
      const asUser = await this.provider.getAccount(sa.accountId).catch(() => null);
      for (const id of asUser?.groupIds ?? []) live.add(id);
    }
    return [...new Set([...recorded, ...c.plannedGroupIds.filter((id) => live.has(id))])];
  }

  /** Reactivates in the identity provider a bot that apply deactivated there (not one that was already inactive). */
  private async undoIdp(state: MigrationJournalState): Promise<{ status: RollbackAction["status"]; detail: string; data?: JournalData }> {
    const step = state.steps.idp;
    const orgId = typeof step.data?.idpOrgId === "string" ? step.data.idpOrgId : state.created.idpOrgId;
    const accountId = idpAccountIdOf(state);
    if (step.status === "done" && step.data?.byHand === true) {
      return {
        status: "cannot-undo",
        detail: `${accountId ?? "the bot"} was deactivated by hand in ${orgId ?? "the identity provider"} (--confirm-idp): reactivate it there by hand if the old account should work again`,
      };
    }
    if (accountId === undefined || !wouldReactivate(state)) {
      return { status: "nothing-to-do", detail: "nothing was deactivated in the identity provider" };
    }
    const provider = this.options.idpProvider ?? null;
    if (provider === null) {
      throw new Error(
        `${accountId} was deactivated in ${orgId ?? "the identity provider"}: set BOT2SVC_SCIM_BASE_URL and BOT2SVC_SCIM_TOKEN so rollback reactivates it, or reactivate it there by hand`,
      );
    }
    if (orgId !== undefined && provider.orgId !== orgId) {
      throw new Error(`${accountId} was deactivated in ${orgId}, but the SCIM provider is connected to ${provider.orgId ?? "an unknown directory"}`);
    }
    const current = await this.idpUser(accountId);
    if (current === null) throw new Error(`${accountId} no longer exists in ${orgId ?? "the identity provider"}`);
    if (current.accountStatus === "active" && current.status === "active") return { status: "nothing-to-do", detail: "already active in the identity provider" };
    if (typeof provider.reactivateAccount !== "function") throw new Error(`The ${provider.name} provider cannot reactivate accounts.`);
    await provider.reactivateAccount(accountId);
    return { status: "undone", detail: `reactivated ${accountId} in the identity provider`, data: { idpAccountId: accountId } };
  }

  private async undoDecommission(state: MigrationJournalState): Promise<{ status: RollbackAction["status"]; detail: string; data?: JournalData }> {
    const c = state.created;
    const step = state.steps.decommission;
    const accountId = c.oldAccountId;
    if (step.status === "waiting" || accountId === undefined) return { status: "nothing-to-do", detail: "the old account was not decommissioned" };
    switch (c.decommissionAction) {
      case "suspend": {
        const current = (await this.provider.getAccount?.(accountId)) ?? null;
        if (current === null) throw new Error(`The old account ${accountId} no longer exists.`);
        if (current.status !== "suspended" || c.previousStatus === "suspended") return { status: "nothing-to-do", detail: "the old account is not suspended" };
        if (typeof this.provider.restoreAccount !== "function") throw new Error(`The ${this.provider.name} provider cannot restore accounts.`);
        await this.provider.restoreAccount(accountId);
        return { status: "undone", detail: "restored the suspended old account" };
      }
      case "deactivate": {
        const current = (await this.provider.getAccount?.(accountId)) ?? null;
        if (current === null) throw new Error(`The old account ${accountId} no longer exists.`);
        if (current.accountStatus !== "inactive" || c.previousAccountStatus === "inactive") {
          return { status: "nothing-to-do", detail: "the old account is not deactivated" };
        }
        if (typeof this.provider.reactivateAccount !== "function") throw new Error(`The ${this.provider.name} provider cannot reactivate accounts.`);
        await this.provider.reactivateAccount(accountId);
        return { status: "undone", detail: "reactivated the old account" };
      }
      case "revoke-tokens": {
        const revoked = step.data?.revokedTokenIds;
        const n = Array.isArray(revoked) ? revoked.length : 0;
        return {
          status: "cannot-undo",
          detail: `revoked API tokens cannot be un-revoked${n > 0 ? ` (${n} revoked)` : ""}; create new ones for the old account if it still needs them`,
        };
      }
      default:
        return { status: "nothing-to-do", detail: "the old account was kept" };
    }
  }
}
