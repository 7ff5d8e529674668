import { snapshotSchema, type Snapshot, type User } from "../snapshot/schema.js";
import { validateWith } from "../validation.js";
import { mapWithConcurrency } from "../concurrency.js";
import type { ApiToken } from "../snapshot/schema.js";
import { Bot2svcError, ConfigError, InputError } from "../errors.js";
import { describeStateChanges, sourceStateOf } from "../plan/fingerprint.js";
import { scopeProblems } from "../plan/scopes.js";
import { APP_USER_ROLE, isAdminGroupName, productFamily, workspaceAriOf } from "../plan/planner.js";
import { allowedGatewayOrigins, cleanText, parseGatewayUrl, type Migration, type Plan, type SourceState, type StepName } from "../plan/schema.js";
import { hasOptionalCapability, type CapabilityName, type DirectoryProvider } from "../../providers/provider.js";
import { isStepComplete, type MigrationJournalState } from "../journal/state.js";

/** The plan was computed from a state that no longer holds. Exit 1, nothing written. */
export class StalePlanError extends Bot2svcError {
  constructor(message: string, details: readonly string[]) {
    super("PLAN_STALE", message, {
      details,
      hint: "Make a fresh plan with `bot2svc plan` and review it again.",
    });
  }
}

/** The plan would make more writes than `--max-changes` allows. */
export class TooManyChangesError extends Bot2svcError {
  constructor(writes: number, max: number) {
    super("MAX_CHANGES", `The plan makes ${writes} changes, more than --max-changes ${max} allows. Nothing was changed.`, {
      hint: "Split the plan, or raise --max-changes after reviewing it with `bot2svc show`.",
    });
  }
}

/** Writes each step makes (directory changes only; delivering a secret is not one). */
export function plannedWrites(migration: Migration, state: MigrationJournalState | undefined): Record<StepName, number> {
  const pending = (step: StepName, count: number) => (isStepComplete(state, step) ? 0 : count);
  const decommission =
    migration.oldAccount.action === "none"
      ? 0
      : migration.oldAccount.action === "revoke-tokens"
        ? migration.oldAccount.tokenIds.length
        : 1;
  return {
    create: pending("create", 1),
    grant: pending("grant", migration.appRoles.length),
    group: pending("group", migration.groups.filter((g) => !g.synced).length),
    mint: pending("mint", migration.credential.mint === "api" ? 1 : 0),
    deliver: 0,
    verify: 0,
    idp: pending("idp", migration.idp !== undefined ? 1 : 0),
    decommission: pending("decommission", decommission),
  };
}

/** Total directory writes still to make for these migrations. */
export function countWrites(migrations: readonly Migration[], states: ReadonlyMap<string, MigrationJournalState>): number {
  let total = 0;
  for (const m of migrations) {
    for (const n of Object.values(plannedWrites(m, states.get(m.id)))) total += n;
  }
  return total;
}

/** The provider capabilities a migration's pending steps need. */
export function requiredCapabilities(migration: Migration, state: MigrationJournalState | undefined): CapabilityName[] {
  const need = new Set<CapabilityName>();
  if (!isStepComplete(state, "create")) {
    need.add("createServiceAccount");
  }
  if (!isStepComplete(state, "grant") && migration.appRoles.length > 0) need.add("grantAppRole");
  if (!isStepComplete(state, "group") && migration.groups.some((g) => !g.synced)) need.add("addToGroup");
  if (!isStepComplete(state, "mint") && migration.credential.mint === "api") need.add("mintToken");
  if (!isStepComplete(state, "decommission")) {
    const action = migration.oldAccount.action;
    if (action === "revoke-tokens" && migration.oldAccount.tokenIds.length > 0) need.add("revokeToken");
    if (action === "suspend") need.add("suspendAccount");
    if (action === "deactivate") need.add("deactivateAccount");
  }
  return [...need];
}

/** The cloud id a migration's gateway URL names (`/ex/jira/{cloudId}`), if any. */
export function cloudIdOf(migration: Migration): string | undefined {
  for (const url of migration.cutover.gatewayUrls) {
    const match = /\/ex\/(?:jira|confluence)\/([^/?#]+)/.exec(url);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  for (const role of migration.appRoles) {
    const match = /::site\/([^/]+)$/.exec(role.resource);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** True when one of these platform roles is an org or site admin role. */
export function hasAdminRole(platformRoles: readonly string[] | undefined): boolean {
  return (platformRoles ?? []).some((role) => /admin/i.test(role));
}

function adminGuardrailError(who: readonly string[], what = "org admin"): InputError {
  const subject = what === "org admin" ? `migrates ${who.length} org admin account${who.length === 1 ? "" : "s"}` : `gives ${who.length} admin grant${who.length === 1 ? "" : "s"} (admin groups or roles)`;
  return new InputError(`The plan ${subject} but was not made with --include-admins.`, {
    code: "ADMIN_GUARDRAIL",
    details: what === "org admin" ? who.map((w) => `${w}: org admin`) : who,
    hint: "Make the plan again with `bot2svc plan --include-admins` if you really mean to migrate admins.",
  });
}

export interface PreflightResult {
  /**
   * Migrations that will run (not blocked), with the names and kinds of their groups as the
   * directory has them, not as the plan file says.
   */
  runnable: Migration[];
  /** Migrations skipped because of plan-time blockers. */
  blocked: Migration[];
  /** Directory writes still to make. */
  writes: number;
  /** Cloud id per migration id, for verification and the sink. */
  cloudIds: Map<string, string>;
  /** Gateway URL per migration id. */
  gatewayUrls: Map<string, string>;
  warnings: string[];
}

export interface PreflightOptions {
  provider: DirectoryProvider;
  journal: ReadonlyMap<string, MigrationJournalState>;
  maxChanges?: number;
  /** A snapshot already read (tests, or providers without `getAccount`). */
  snapshot?: Snapshot;
  /** The clock; when given, a directory read for group names skips the audit events. */
  now?: () => Date;
  /** The plan file as the user named it, for messages. */
  planFile?: string;
}

/**
 * Everything that can refuse a plan, checked before the first write: provider and org match,
 * token scopes, admin guardrail, provider capabilities, the blast-radius cap and a stale plan
 * (re-reading every source account that is not decommissioned yet).
 */
export async function preflight(plan: Plan, options: PreflightOptions): Promise<PreflightResult> {
  const { provider, journal } = options;
  const warnings: string[] = [];
  let snapshot = options.snapshot;
  const readSnapshotOnce = async (): Promise<Snapshot> => {
    if (snapshot === undefined) {
      const now = options.now?.();
      snapshot = await provider.readSnapshot(now === undefined ? undefined : { since: now, now });
    }
    return snapshot;
  };
  // The groups alone when the provider can list them, rather than the whole directory.
  let groups: Snapshot["groups"] | undefined;
  const readGroupsOnce = async (): Promise<Snapshot["groups"]> => {
    if (groups === undefined) {
      const listed = snapshot === undefined && hasOptionalCapability(provider, "listGroups") ? await provider.listGroups?.() : undefined;
      groups =
        listed === undefined
          ? (await readSnapshotOnce()).groups
          : validateWith(snapshotSchema.shape.groups, listed, `The ${provider.name} provider's listGroups()`, "list of groups");
    }
    return groups;
  };

  // A provider names the directory it is connected to; one that cannot (a snapshot file) is
  // compared by the org id of what it reads.
  const orgId = provider.orgId ?? (await readSnapshotOnce()).org.id;
  if (orgId !== plan.org.id) {
    throw new ConfigError(`The plan is for organization ${plan.org.id}, but the provider is connected to ${orgId}.`, {
      code: "ORG_MISMATCH",
      hint: "Check BOT2SVC_ATLASSIAN_ORG_ID, or apply the plan made for this organization.",
    });
  }

  let runnable = plan.migrations.filter((m) => m.blockers.length === 0);
  checkScopes(runnable, journal, options.planFile);
  checkGrantsOffline(plan, runnable, journal);
  const blocked = plan.migrations.filter((m) => m.blockers.length > 0);

  // The roles in the fingerprinted state decide, not the plan's isAdmin flag; the live roles are
  // checked again when the accounts are re-read below.
  const admins = runnable.filter((m) => m.source.isAdmin || hasAdminRole(m.source.state.platformRoles));
  if (admins.length > 0 && !plan.includeAdmins) throw adminGuardrailError(admins.map((m) => m.source.email ?? m.source.accountId));

  const origins = allowedGatewayOrigins(provider.baseUrl);
  const foreign = runnable.flatMap((m) =>
    m.cutover.gatewayUrls.filter((u) => !origins.includes(parseGatewayUrl(u)?.origin ?? "")).map((u) => `${m.source.email ?? m.source.accountId}: ${u}`),
  );
  if (foreign.length > 0) {
    throw new InputError(`The plan sends consumers to a gateway URL that is not on ${origins.join(" or ")}.`, {
      code: "PLAN_INVALID",
      details: foreign,
      hint: "Make a fresh plan with `bot2svc plan` against this provider rather than editing gateway URLs by hand.",
    });
  }

  const missing = new Map<CapabilityName, string[]>();
  for (const m of runnable) {
    for (const cap of requiredCapabilities(m, journal.get(m.id))) {
      if (provider.capabilities[cap] !== true || typeof (provider as unknown as Record<string, unknown>)[cap] !== "function") {
        missing.set(cap, [...(missing.get(cap) ?? []), m.source.email ?? m.source.accountId]);
      }
    }
  }
  if (!isFunction(provider.listServiceAccounts) && runnable.some((m) => !isStepComplete(journal.get(m.id), "create"))) {
    missing.set("createServiceAccount", missing.get("createServiceAccount") ?? ["(listServiceAccounts)"]);
  }
  if (missing.size > 0) {
    throw new ConfigError(`The ${provider.name} provider cannot carry out this plan.`, {
      code: "PROVIDER_CAPABILITY",
      details: [...missing].map(([cap, who]) => `${cap}: not supported (needed for ${who.slice(0, 3).join(", ")}${who.length > 3 ? ", …" : ""})`),
      hint: "Use a provider that supports these writes, e.g. atlassian with BOT2SVC_ATLASSIAN_UNOFFICIAL=1 for minting.",
    });
  }
  if (!provider.capabilities.verifyToken && runnable.length > 0) {
    warnings.push(`The ${provider.name} provider cannot verify tokens; verify each credential yourself before relying on it.`);
  }

  const writes = countWrites(runnable, journal);
  if (options.maxChanges !== undefined && writes > options.maxChanges) throw new TooManyChangesError(writes, options.maxChanges);

  await checkSites(plan, runnable, provider, readSnapshotOnce);

  const cloudIds = new Map<string, string>();
  const gatewayUrls = new Map<string, string>();
  for (const m of runnable) {
    let cloudId = cloudIdOf(m);
    if (cloudId === undefined) cloudId = (await readSnapshotOnce()).org.sites[0]?.cloudId;
    if (cloudId === undefined) {
      throw new InputError(`Cannot tell which site ${m.source.email ?? m.source.accountId}'s token is for: the plan names no gateway URL and the org has no site.`, {
        code: "PLAN_INVALID",
      });
    }
    cloudIds.set(m.id, cloudId);
    gatewayUrls.set(m.id, m.cutover.gatewayUrls[0] ?? `https://api.atlassian.com/ex/jira/${cloudId}`);
  }

  runnable = await checkLive(plan, runnable, options, readSnapshotOnce, readGroupsOnce);
  return { runnable, blocked, writes, cloudIds, gatewayUrls, warnings };
}

function isFunction(value: unknown): boolean {
  return typeof value === "function";
}

/** Source accounts re-read at once during the stale-plan check. */
const PREFLIGHT_CONCURRENCY = 4;

/**
 * Every site the plan names (in `org.sites` and in gateway URLs) must be a site of the live org,
 * so a hand-added cloud id is refused before a token is minted and handed out with its URL.
 */
async function checkSites(plan: Plan, runnable: readonly Migration[], provider: DirectoryProvider, readSnapshotOnce: () => Promise<Snapshot>): Promise<void> {
  const named = new Set([...(plan.org.sites ?? []).map((s) => s.cloudId), ...runnable.map(cloudIdOf).filter((id): id is string => id !== undefined)]);
  if (named.size === 0) return;
  const sites = typeof provider.listSites === "function" ? await provider.listSites() : (await readSnapshotOnce()).org.sites;
  const live = new Set(sites.map((s) => s.cloudId));
  const unknown = [...named].filter((id) => !live.has(id));
  if (unknown.length > 0) {
    throw new InputError(`The plan names ${unknown.length === 1 ? "a site" : "sites"} that organization ${plan.org.id} does not have: ${unknown.join(", ")}.`, {
      code: "PLAN_INVALID",
      hint: "Make a fresh plan with `bot2svc plan` rather than editing org.sites or gateway URLs by hand.",
    });
  }
}

/**
 * A token is minted only with scopes a service account's token may carry, whatever the plan
 * says; that they are the scopes the plan was made with is the fingerprint's part, checked when
 * the plan file is read (see findPlanProblems).
 */
function checkScopes(runnable: readonly Migration[], journal: ReadonlyMap<string, MigrationJournalState>, planFile: string | undefined): void {
  const problems: string[] = [];
  for (const m of runnable) {
    if (isStepComplete(journal.get(m.id), "mint")) continue;
    const at = `migration ${m.id} (${whoOf(m)})`;
    for (const p of scopeProblems(m)) problems.push(`${at}: ${p}`);
  }
  if (problems.length > 0) {
    const file = planFile ?? "The plan";
    throw new InputError(`${file} asks for token scopes apply does not mint (${problems.length} problem${problems.length === 1 ? "" : "s"}). Nothing was changed.`, {
      code: "PLAN_INVALID",
      details: problems,
      hint: "Make a fresh plan with `bot2svc plan` (choose scopes with --scopes or plan.scopes in the config file) rather than editing credential.scopes by hand.",
    });
  }
}

/** The plan names another account than the one it says, or one that was renamed: nothing was changed. */
export class PlanIdentityError extends Bot2svcError {
  constructor(message: string, details: readonly string[]) {
    super("PLAN_IDENTITY", message, {
      details,
      hint: "Make a fresh plan with `bot2svc plan` and review it again; a plan is never applied to an account other than the one it shows.",
    });
  }
}

/**
 * Checks that need no directory read: every app role is one the planner gives (a user role on a
 * site), and the journal, when it already knows the migration, knows it for the same account.
 */
function checkGrantsOffline(plan: Plan, runnable: readonly Migration[], journal: ReadonlyMap<string, MigrationJournalState>): void {
  const problems: string[] = [];
  const admin: string[] = [];
  for (const m of runnable) {
    const who = whoOf(m);
    const recorded = journal.get(m.id)?.created.sourceAccountId;
    if (recorded !== undefined && recorded !== m.source.accountId) {
      problems.push(`${who}: the journal records migration ${m.id} for account ${recorded}, not ${m.source.accountId}`);
    }
    if (isStepComplete(journal.get(m.id), "grant")) continue;
    for (const r of m.appRoles) {
      // Plans made before roles/assign took role names carry a product-role ARI, granted as a user.
      if (r.role === APP_USER_ROLE || r.role.startsWith("ari:")) continue;
      if (/admin/i.test(r.role)) admin.push(`${who}: app role ${r.role} on ${r.resource}`);
      else problems.push(`${who}: app role ${r.role} on ${r.resource} is not one apply grants (only ${APP_USER_ROLE})`);
    }
  }
  if (admin.length > 0 && !plan.includeAdmins) throw adminGuardrailError(admin, "grant");
  if (admin.length > 0) problems.push(...admin.map((a) => `${a}: admin roles are not copied to service accounts`));
  if (problems.length > 0) {
    throw new InputError(`The plan asks for something the planner never writes (${problems.length} problem${problems.length === 1 ? "" : "s"}). Nothing was changed.`, {
      code: "PLAN_INVALID",
      details: problems,
      hint: "Make a fresh plan with `bot2svc plan` rather than editing it by hand.",
    });
  }
}

function whoOf(m: Migration): string {
  return `${m.source.email ?? m.source.name} (${m.source.accountId})`;
}

/**
 * Re-reads every source account whose decommission is not complete and refuses the plan when
 * the account is not the one the plan shows (email or name differ), when it holds an admin role
 * the plan was not made for, when the groups and app roles the service account would get are not
 * the source's own, and (for accounts whose decommission has not started) when it differs from
 * the state it was planned on. Returns the migrations with their groups as the directory names
 * them.
 */
async function checkLive(
  plan: Plan,
  runnable: readonly Migration[],
  options: PreflightOptions,
  readSnapshotOnce: () => Promise<Snapshot>,
  readGroupsOnce: () => Promise<Snapshot["groups"]>,
): Promise<Migration[]> {
  const { provider, journal } = options;
  const toRead = runnable.filter((m) => !isStepComplete(journal.get(m.id), "decommission"));
  if (toRead.length === 0) return [...runnable];
  const toCheck = toRead.filter((m) => {
    const step = journal.get(m.id)?.steps.decommission;
    // A soak that has not ended has not touched the old account either, and days may have
    // passed since the plan was checked, so a resume after it checks the account again; so does
    // a plan applied again after a rollback undid its decommission.
    return step === undefined || step.status === "pending" || step.status === "waiting" || step.rolledBack;
  });
  const current = new Map<string, { user: User | null; tokens: ApiToken[] }>();
  const live = isFunction(provider.getAccount) && isFunction(provider.listTokens) && options.snapshot === undefined;
  if (live) {
    // A few accounts at a time: the HTTP layer keeps the whole run inside the rate limit.
    await mapWithConcurrency(toRead, PREFLIGHT_CONCURRENCY, async (m) => {
      const user = (await provider.getAccount?.(m.source.accountId)) ?? null;
      const tokens =
        user === null || !toCheck.includes(m)
          ? []
          : ((await provider.listTokens?.(m.source.accountId)) ?? []).map(
              (t): ApiToken => ({ id: t.id, accountId: m.source.accountId, label: t.label, status: "ALLOWED" }),
            );
      current.set(m.id, { user, tokens });
    });
  } else {
    const snap = await readSnapshotOnce();
    for (const m of toRead) {
      current.set(m.id, { user: snap.users.find((u) => u.accountId === m.source.accountId) ?? null, tokens: snap.apiTokens });
    }
  }
  if (!plan.includeAdmins) {
    const admins = toRead.filter((m) => hasAdminRole(current.get(m.id)?.user?.platformRoles)).map((m) => m.source.email ?? m.source.accountId);
    if (admins.length > 0) throw adminGuardrailError(admins);
  }

  // The account must be the one the plan shows: the same email and the same name.
  const mismatched: string[] = [];
  for (const m of toRead) {
    const user = current.get(m.id)?.user;
    if (user === null || user === undefined) continue;
    const liveEmail = (user.email ?? "").trim();
    const planEmail = (m.source.email ?? "").trim();
    if (liveEmail !== "" && liveEmail.toLowerCase() !== planEmail.toLowerCase()) {
      mismatched.push(`${whoOf(m)}: the directory's email for account ${m.source.accountId} is ${liveEmail}, not ${planEmail || "(none)"}`);
    } else if (cleanText(user.name) !== cleanText(m.source.name)) {
      mismatched.push(`${whoOf(m)}: account ${m.source.accountId} is now named "${cleanText(user.name)}", not "${cleanText(m.source.name)}" as in the plan; make the plan again`);
    }
  }
  if (mismatched.length > 0) {
    throw new PlanIdentityError(
      `The plan does not match the directory: ${mismatched[0] as string}. Nothing was changed.`,
      mismatched.length > 1 ? mismatched : [],
    );
  }

  const problems: string[] = [];
  let groupNames: Map<string, string> | undefined;
  for (const m of toCheck) {
    const who = m.source.email ?? m.source.accountId;
    const found = current.get(m.id);
    if (!found || found.user === null) {
      problems.push(`${who} no longer exists`);
      continue;
    }
    const now = withoutRoles(sourceStateOf(found.user, found.tokens));
    const planned = withoutRoles(m.source.state);
    let changes = describeStateChanges(planned, now, groupNames);
    if (changes.length > 0 && changes.some((c) => /group "/.test(c)) && groupNames === undefined) {
      groupNames = await groupNameMap(plan, readGroupsOnce);
      changes = describeStateChanges(planned, now, groupNames);
    }
    for (const change of changes) problems.push(`${who} ${change}`);
  }
  if (problems.length > 0) {
    throw new StalePlanError(`Saved plan is stale: ${problems[0] as string} since the plan was made`, problems.length > 1 ? problems : []);
  }
  return checkGrantsLive(plan, runnable, toRead, current, options, readGroupsOnce);
}

/**
 * The groups and app roles a service account gets must be the source account's own, as the
 * directory has them now (by id); group names and kinds come from the directory, and a group
 * that looks like an admin group needs a plan made with --include-admins.
 */
async function checkGrantsLive(
  plan: Plan,
  runnable: readonly Migration[],
  toRead: readonly Migration[],
  current: ReadonlyMap<string, { user: User | null }>,
  options: PreflightOptions,
  readGroupsOnce: () => Promise<Snapshot["groups"]>,
): Promise<Migration[]> {
  const { journal } = options;
  const problems: string[] = [];
  const admin: string[] = [];
  const pending = (m: Migration, step: StepName) => toRead.includes(m) && !isStepComplete(journal.get(m.id), step);
  const withGroups = runnable.filter((m) => pending(m, "group") && m.groups.length > 0);
  let groups: Map<string, Snapshot["groups"][number]> | undefined;
  if (withGroups.length > 0) groups = new Map((await readGroupsOnce()).map((g) => [g.id, g]));
  const checked = runnable.map((m) => {
    const user = current.get(m.id)?.user;
    if (user === null || user === undefined) return m;
    const who = whoOf(m);
    if (pending(m, "grant")) {
      for (const r of m.appRoles) {
        const target = r.role.startsWith("ari:") ? workspaceAriOf({ key: r.key, id: r.resource }) : r.resource;
        // The users search names Jira's products `jira`, snapshots may name them `jira-software`: one product.
        const family = productFamily(r.key) ?? r.key;
        if (!user.productAccess.some((pa) => (productFamily(pa.key) ?? pa.key) === family && workspaceAriOf(pa) === target)) {
          problems.push(`${who}: app role ${r.key} on ${r.resource} is not access the account has in the directory`);
        }
      }
    }
    if (groups === undefined || !withGroups.includes(m)) return m;
    const named = m.groups.map((g) => {
      const found = groups?.get(g.id);
      if (!user.groupIds.includes(g.id) || found === undefined) {
        problems.push(`${who}: group ${g.id} ("${cleanText(g.name)}") is not one of the account's groups in the directory`);
        return g;
      }
      const name = cleanText(found.name);
      if (name !== cleanText(g.name)) problems.push(`${who}: group ${g.id} is named "${name}" in the directory, not "${cleanText(g.name)}" as in the plan`);
      const synced = found.managementSource === "synced";
      // What the reviewer saw as "cannot be copied" is never copied, and the other way round.
      if (synced !== g.synced) problems.push(`${who}: group ${name} (${g.id}) is ${synced ? "" : "not "}synced from the identity provider in the directory, unlike in the plan`);
      if (!synced && isAdminGroupName(name)) admin.push(`${who}: group ${name} (${g.id}) looks like it grants admin rights`);
      return { id: g.id, name, synced };
    });
    return { ...m, groups: named };
  });
  if (admin.length > 0 && !plan.includeAdmins) throw adminGuardrailError(admin, "grant");
  if (problems.length > 0) {
    throw new PlanIdentityError(`The plan gives access the source account does not have: ${problems[0] as string}. Nothing was changed.`, problems.length > 1 ? problems : []);
  }
  return checked;
}

/**
 * The state without product roles: the users search reports product access as `{key, id}` with
 * no role, so a role recorded at plan time (from a snapshot file) can be neither confirmed nor
 * contradicted by a live re-read, and must not make every plan look stale.
 */
function withoutRoles(state: SourceState): SourceState {
  return { ...state, productAccess: [...new Set(state.productAccess.map((entry) => entry.split("|").slice(0, 2).join("|")))].sort() };
}

async function groupNameMap(plan: Plan, readGroupsOnce: () => Promise<Snapshot["groups"]>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const m of plan.migrations) for (const g of m.groups) names.set(g.id, g.name);
  try {
    for (const g of await readGroupsOnce()) names.set(g.id, g.name);
  } catch {
    // Names only make the message friendlier; ids will do when the directory cannot be read.
  }
  return names;
}
