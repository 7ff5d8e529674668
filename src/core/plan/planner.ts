import type { AuditReport, Finding } from "../detect/types.js";
import { InputError } from "../errors.js";
import type { Snapshot, User } from "../snapshot/schema.js";
import type { Capabilities } from "../../providers/provider.js";
import { migrationFingerprint, sourceStateOf } from "./fingerprint.js";
import { markerOf, migrationIdOf } from "./io.js";
import { verificationOf } from "./verification.js";
import {
  cleanText,
  MAX_TOKEN_EXPIRY_DAYS,
  PLAN_KIND,
  PLAN_VERSION,
  type Blocker,
  type Migration,
  type OldAccountAction,
  type Plan,
  type SecretSink,
} from "./schema.js";

/** The verdicts a plan may migrate. */
export type PlannableVerdict = "bot" | "likely-bot";

/** Scopes a Jira integration needs for everyday reads and writes (atlassian-api.md §1.4). */
export const JIRA_SCOPES: readonly string[] = ["read:jira-work", "write:jira-work", "read:jira-user"];
/** Scopes a Confluence integration needs for everyday reads and writes (atlassian-api.md §1.4). */
export const CONFLUENCE_SCOPES: readonly string[] = [
  "read:confluence-content.all",
  "write:confluence-content",
  "read:confluence-space.summary",
  "read:confluence-user",
];
/** Where service-account tokens work; the site URL does not accept them. */
export const DEFAULT_GATEWAY_BASE = "https://api.atlassian.com";
/** Env vars the secret sink writes for each migrated account. */
export const CUTOVER_ENV_VARS: readonly string[] = ["ATLASSIAN_EMAIL", "ATLASSIAN_API_TOKEN", "ATLASSIAN_BASE_URL"];

export interface PlanOptions {
  /** Verdicts to plan when no explicit selection is given. Default `["bot"]`. */
  include: PlannableVerdict[];
  /** Account ids or emails to plan, exactly these; unknown or non-bot entries are an error. */
  select?: string[] | undefined;
  /** Org and site admins are left out unless this is true. */
  includeAdmins: boolean;
  /** Token lifetime, 1–365 days. Default 365. */
  tokenExpiryDays: number;
  /** Token scopes; by default derived from the products the bot uses. */
  scopes?: string[] | undefined;
  /** What happens to the old account after verification. Default `suspend`. */
  oldAccount: OldAccountAction;
  /** Days to wait after verification before decommissioning. Default 0. */
  soakDays: number;
  /** Default secret sink recorded in the plan. */
  secretSink: SecretSink | null;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  include: ["bot"],
  includeAdmins: false,
  tokenExpiryDays: MAX_TOKEN_EXPIRY_DAYS,
  oldAccount: "suspend",
  soakDays: 0,
  secretSink: null,
};

export interface BuildPlanInput {
  snapshot: Snapshot;
  report: AuditReport;
  capabilities: Capabilities;
  options: Partial<PlanOptions>;
  planId: string;
  createdAt: Date;
  provider: { name: string; baseUrl?: string | undefined };
  source: { type: "provider" | "audit"; file?: string | undefined };
}

/** An account the audit flagged that the plan leaves out, and why. */
export interface ExcludedAccount {
  accountId: string;
  name: string;
  email: string | null;
  reason: string;
}

export interface BuildPlanResult {
  plan: Plan;
  excluded: ExcludedAccount[];
}

/**
 * Turns audit findings and the directory state into a migration plan. Pure: the same input
 * gives the same plan, byte for byte. Throws an InputError when a selection names accounts that
 * cannot be planned, or when the report and the snapshot are of different organizations.
 */
export function buildPlan(input: BuildPlanInput): BuildPlanResult {
  const options: PlanOptions = { ...DEFAULT_PLAN_OPTIONS, ...stripUndefined(input.options) };
  checkOptions(options);
  const { snapshot, report } = input;
  if (report.org.id !== snapshot.org.id) {
    throw new InputError(
      `The audit report is for organization ${report.org.id} (${report.org.name}) but the directory is ${snapshot.org.id} (${snapshot.org.name})`,
      { code: "ORG_MISMATCH", hint: "Plan with an audit report and a snapshot of the same organization." },
    );
  }
  const users = new Map(snapshot.users.map((u) => [u.accountId, u]));
  const excluded: ExcludedAccount[] = [];
  let chosen: Finding[];
  if (options.select !== undefined) chosen = resolveSelection(options.select, report, users);
  else {
    chosen = [];
    for (const f of report.findings) {
      if (!(options.include as string[]).includes(f.verdict) || f.lifecycle?.state === "migrated") continue;
      if (isWorkToDo(f)) chosen.push(f);
      else excluded.push(excludedOf(f, notWorkReason(f)));
    }
  }

  const planned: { finding: Finding; user: User }[] = [];
  for (const finding of sortFindings(chosen)) {
    const user = users.get(finding.accountId);
    if (user === undefined) {
      excluded.push(excludedOf(finding, "not found in the directory snapshot; audit and plan against the same directory"));
      continue;
    }
    if (isAdmin(finding, user) && !options.includeAdmins) {
      excluded.push(excludedOf(finding, "org or site admin; re-run with --include-admins to migrate it"));
      continue;
    }
    planned.push({ finding, user });
  }

  const context = new PlanContext(input, options);
  const migrations = planned.map(({ finding, user }) => context.migrationFor(finding, user));
  applyQuota(migrations, snapshot);

  const plan: Plan = {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: input.planId,
    createdAt: input.createdAt.toISOString(),
    referenceTime: new Date(report.referenceTime).toISOString(),
    org: {
      id: snapshot.org.id,
      name: snapshot.org.name,
      sites: snapshot.org.sites.map((s) => ({ cloudId: s.cloudId, url: s.url, products: [...s.products] })),
    },
    provider: input.provider.baseUrl === undefined ? { name: input.provider.name } : { name: input.provider.name, baseUrl: input.provider.baseUrl },
    source: input.source.file === undefined ? { type: input.source.type } : { type: input.source.type, file: input.source.file },
    secretSink: options.secretSink,
    includeAdmins: options.includeAdmins,
    migrations,
  };
  return { plan, excluded };
}

/**
 * The findings a person may pick from: bots and likely bots that exist in the directory, admins
 * only when `includeAdmins`. In plan order.
 */
export function planCandidates(report: AuditReport, snapshot: Snapshot, options: { includeAdmins: boolean }): Finding[] {
  const users = new Map(snapshot.users.map((u) => [u.accountId, u]));
  return sortFindings(
    report.findings.filter((f) => {
      if (f.verdict !== "bot" && f.verdict !== "likely-bot") return false;
      if (!isWorkToDo(f)) return false;
      const user = users.get(f.accountId);
      return user !== undefined && (options.includeAdmins || !isAdmin(f, user));
    }),
  );
}

/**
 * True when the audit presents a finding as work to do: an account in ordinary use, or a
 * suspended, deactivated or closed one whose token a script still uses (the audit then still
 * recommends migrating it). An account already replaced by a service account never is.
 */
export function isWorkToDo(f: Finding): boolean {
  if (f.lifecycle === undefined) return true;
  if (f.lifecycle.state === "migrated") return false;
  return f.recommendation === "migrate-to-service-account";
}

function notWorkReason(f: Finding): string {
  if (f.lifecycle?.state === "migrated") return "already migrated to a service account";
  return `${f.lifecycle?.state ?? "inactive"} and no token of it is in use: the audit reports it, it is not planned`;
}

/** Default token scopes for a set of product keys: Jira and/or Confluence; Jira when none is known. */
export function defaultScopesFor(productKeys: Iterable<string>): string[] {
  const families = new Set([...productKeys].map(productFamily));
  const scopes: string[] = [];
  if (families.has("jira")) scopes.push(...JIRA_SCOPES);
  if (families.has("confluence")) scopes.push(...CONFLUENCE_SCOPES);
  return scopes.length > 0 ? scopes : [...JIRA_SCOPES];
}

/** True for a group whose name says it grants admin rights (`site-admins`, `jira-administrators`). */
export function isAdminGroupName(name: string): boolean {
  return /admin/i.test(name);
}

/** True when the account holds an org or site admin role. */
export function isAdmin(finding: Pick<Finding, "isAdmin">, user: Pick<User, "platformRoles">): boolean {
  return finding.isAdmin || (user.platformRoles ?? []).some((role) => /admin/i.test(role));
}

type Family = "jira" | "confluence";
const FAMILY_ORDER: readonly Family[] = ["jira", "confluence"];

export function productFamily(key: string): Family | undefined {
  if (key.startsWith("jira")) return "jira";
  if (key.startsWith("confluence")) return "confluence";
  return undefined;
}

/** The platform role a service account gets for an app: admins are not copied, so always a user. */
export const APP_USER_ROLE = "atlassian/user";

function roleNameFor(_productRole: string | undefined): string {
  return APP_USER_ROLE;
}

/**
 * The workspace ARI a role is granted on, as the workspaces search names it: Jira products
 * share `ari:cloud:jira::site/<cloudId>`, Confluence is `ari:cloud:confluence::site/<cloudId>`.
 * The cloud id comes from the product access id (an ARI or a bare cloud id).
 */
export function workspaceAriOf(pa: { key: string; id: string }): string {
  const family = productFamily(pa.key);
  const cloudId = pa.id.startsWith("ari:cloud:") ? cloudIdOf(pa.id) : pa.id;
  if (family === undefined || cloudId === undefined || cloudId === "") return pa.id;
  return `ari:cloud:${family}::site/${cloudId}`;
}

/** `ari:cloud:jira::site/<cloudId>` → `<cloudId>`. */
function cloudIdOf(resource: string): string | undefined {
  return /site\/([^/]+)$/.exec(resource)?.[1];
}

class PlanContext {
  private readonly ids = new Set<string>();
  private readonly labels = new Set<string>();
  private readonly groups: Map<string, Snapshot["groups"][number]>;
  private readonly gatewayBase: string;

  constructor(
    private readonly input: BuildPlanInput,
    private readonly options: PlanOptions,
  ) {
    this.groups = new Map(input.snapshot.groups.map((g) => [g.id, g]));
    this.gatewayBase = gatewayBaseOf(input.provider.baseUrl);
  }

  migrationFor(finding: Finding, user: User): Migration {
    const { snapshot, capabilities, provider } = this.input;
    const id = this.unique(this.ids, migrationIdOf(user.accountId));
    const marker = markerOf(this.input.planId, id);
    const email = user.email ?? finding.email ?? null;
    const who = email ?? (user.name.trim() || user.accountId);
    const state = sourceStateOf(user, snapshot.apiTokens);
    const warnings: string[] = [];
    const blockers: Blocker[] = [];

    const supported = user.productAccess.filter((pa) => productFamily(pa.key) !== undefined);
    const unsupported = user.productAccess.filter((pa) => productFamily(pa.key) === undefined);
    for (const pa of unsupported) {
      warnings.push(`product access ${pa.key} is not copied: service accounts can only be given Jira, Jira Service Management and Confluence access`);
    }
    if (supported.length === 0 && unsupported.length > 0) {
      blockers.push({
        code: "PRODUCT_UNSUPPORTED",
        message: `${who} only uses ${unsupported.map((pa) => pa.key).join(", ")}, which service accounts cannot be given access to`,
      });
    }
    // roles/assign takes a role name and the workspace ARI; a product-role ARI is refused there.
    const appRoles = dedupeBy(
      supported.map((pa) => ({ key: pa.key, role: roleNameFor(pa.role), resource: workspaceAriOf(pa) })),
      (r) => `${r.resource}|${r.role}`,
    ).sort((a, b) => compare(`${a.key}|${a.resource}`, `${b.key}|${b.resource}`));

    const memberOf = user.groupIds
      .map((gid) => {
        const group = this.groups.get(gid);
        return { id: gid, name: group?.name ?? gid, synced: group?.managementSource === "synced" };
      })
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    // A group that looks like it grants admin rights is guarded like an admin account: copied
    // only by a plan made with --include-admins.
    const groups = this.options.includeAdmins ? memberOf : memberOf.filter((g) => !isAdminGroupName(g.name));
    for (const g of memberOf.filter((g) => !groups.includes(g))) {
      warnings.push(`group ${g.name} looks like it grants admin rights and is not copied; plan with --include-admins to copy it`);
    }
    for (const g of groups.filter((g) => g.synced)) {
      warnings.push(
        `group ${g.name} is synced from your identity provider and cannot be copied by the admin API; add the service account in the IdP or the admin console`,
      );
    }
    for (const g of groups.filter((g) => !g.synced && isAdminGroupName(g.name))) {
      warnings.push(`group ${g.name} looks like it grants admin rights; keep it only if the automation needs them`);
    }
    if (!capabilities.grantAppRole && appRoles.length > 0) {
      warnings.push(`the ${provider.name} provider cannot grant app roles; grant them by hand in admin.atlassian.com (Directory → Service accounts)`);
    }
    if (!capabilities.addToGroup && groups.some((g) => !g.synced)) {
      warnings.push(`the ${provider.name} provider cannot add accounts to groups; add the service account to its groups by hand in admin.atlassian.com`);
    }

    const scopes = this.options.scopes ?? defaultScopesFor(supported.length > 0 ? supported.map((pa) => pa.key) : snapshot.org.sites.flatMap((s) => s.products));
    const mint = capabilities.mintToken ? "api" : "manual";
    const label = this.unique(this.labels, `bot2svc-${slugOf(email, user.name) || id}`.slice(0, 100));

    const cutover = this.cutoverFor(user, supported, who, scopes);
    // Verification asks a product the account is given, with the token's own scopes: Jira's
    // current user, else Confluence's; when neither can answer, the reviewer is told now.
    const verification = verificationOf({ cutover, credential: { label, scopes: [...scopes], expiryDays: this.options.tokenExpiryDays, mint } });
    if (verification.kind === "manual") {
      warnings.push(`bot2svc cannot verify the new token: ${verification.reason}; check it by hand after apply, which warns and does not verify it`);
    } else if (!capabilities.verifyToken) {
      warnings.push(`the ${provider.name} provider cannot verify the token; check it with GET ${verification.url}`);
    }

    const admin = isAdmin(finding, user);
    if (admin) {
      const roles = user.platformRoles ?? [];
      warnings.push(`${who} is an admin${roles.length > 0 ? ` (${roles.join(", ")})` : ""}; admin roles are not copied to the service account`);
    }
    if (user.status !== "active" || user.accountStatus !== "active") {
      warnings.push(`${who} is ${user.status}/${user.accountStatus} in the directory; check that its automation still runs before migrating`);
    }
    const existingByName = snapshot.serviceAccounts.find((sa) => sa.displayName === displayNameOf(user));
    if (existingByName) {
      warnings.push(`a service account named "${existingByName.displayName}" already exists (${existingByName.email}); apply creates a new one`);
    }

    if (user.accountType === "service" || snapshot.serviceAccounts.some((sa) => sa.accountId === user.accountId)) {
      blockers.push({ code: "ALREADY_SERVICE_ACCOUNT", message: `${who} is already a service account; there is nothing to migrate` });
    }
    if (!capabilities.createServiceAccount) {
      blockers.push({
        code: "PROVIDER_CANNOT_CREATE",
        message: `the ${provider.name} provider cannot create service accounts; plan with the atlassian provider, or create the account in admin.atlassian.com and migrate by hand`,
      });
    }
    const needed = decommissionCapability(this.options.oldAccount);
    if (needed !== undefined && !capabilities[needed]) {
      blockers.push({
        code: "OLD_ACCOUNT_UNSUPPORTED",
        message: `the ${provider.name} provider cannot ${this.options.oldAccount === "revoke-tokens" ? "revoke API tokens" : `${this.options.oldAccount} accounts`}; plan with --old-account none and decommission ${who} by hand`,
      });
    }

    const migration: Migration = {
      id,
      source: {
        accountId: user.accountId,
        name: user.name,
        email,
        verdict: finding.verdict as PlannableVerdict,
        score: finding.score,
        isAdmin: admin,
        reasons: topReasons(finding),
        fingerprint: "",
        state,
      },
      serviceAccount: {
        displayName: displayNameOf(user),
        description: cleanText(`Migrated from ${who} by bot2svc plan ${this.input.planId} on ${this.input.createdAt.toISOString().slice(0, 10)}; marker ${marker}`),
        marker,
      },
      appRoles,
      groups,
      credential: { label, scopes: [...scopes], expiryDays: this.options.tokenExpiryDays, mint },
      cutover,
      oldAccount: { action: this.options.oldAccount, soakDays: this.options.soakDays, tokenIds: [...state.tokenIds] },
      warnings,
      blockers,
    };
    migration.source.fingerprint = migrationFingerprint(migration);
    return migration;
  }

  private cutoverFor(user: User, supported: User["productAccess"], who: string, scopes: readonly string[]): Migration["cutover"] {
    const { snapshot } = this.input;
    const pairs = new Map<string, { family: Family; cloudId: string }>();
    const add = (family: Family, cloudId: string) => pairs.set(`${family}|${cloudId}`, { family, cloudId });
    for (const pa of supported) {
      const family = productFamily(pa.key);
      const cloudId = cloudIdOf(pa.id);
      if (family === undefined) continue;
      if (cloudId !== undefined) add(family, cloudId);
      else for (const site of snapshot.org.sites) if (site.products.some((p) => productFamily(p) === family)) add(family, site.cloudId);
    }
    const gatewayUrls = [...pairs.values()]
      // Jira first: most integrations are Jira's, and apply verifies with Jira's current user
      // when the account has Jira (Confluence's otherwise).
      .sort((a, b) => FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) || compare(a.cloudId, b.cloudId))
      .map((p) => `${this.gatewayBase}/ex/${p.family}/${p.cloudId}`);
    const cloudIds = new Set([...pairs.values()].map((p) => p.cloudId));
    const siteUrls = snapshot.org.sites.filter((s) => cloudIds.has(s.cloudId)).map((s) => s.url);
    const tokens = snapshot.apiTokens.filter((t) => t.accountId === user.accountId);
    const notes: string[] = [
      `Use the gateway URL${gatewayUrls.length === 1 ? "" : "s"} ${gatewayUrls.length > 0 ? gatewayUrls.join(" and ") : `${this.gatewayBase}/ex/jira/{cloudId}`}, not the site URL${siteUrls.length > 0 ? ` (${siteUrls.join(", ")})` : ""}: service-account tokens fail there with 401, permission errors or even empty results. This is the most common breakage after a migration.`,
      `Authenticate with HTTP Basic auth as <service-account email>:<token>, using the NEW service account's email (…@serviceaccount.atlassian.com, known once it is created), not ${who}.`,
      `The new token is scoped (${scopes.join(", ")}); integrations built for classic unscoped tokens may not work with it.`,
    ];
    if (tokens.length > 0) {
      notes.push(
        `Find the consumers by the old token label${tokens.length === 1 ? "" : "s"} ${tokens.map((t) => `"${t.label}"`).join(", ")}; ${this.options.oldAccount === "none" ? "they keep working" : "they stop working when the old account is decommissioned"}.`,
      );
    }
    return { gatewayUrls, envVars: [...CUTOVER_ENV_VARS], notes };
  }

  private unique(taken: Set<string>, base: string): string {
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
    taken.add(candidate);
    return candidate;
  }
}

/**
 * Migrations in plan order use up the service-account quota; those past what is left get a
 * `SA_QUOTA` blocker. Migrations blocked for another reason create nothing and use none.
 */
function applyQuota(migrations: Migration[], snapshot: Snapshot): void {
  const quota = snapshot.org.serviceAccountQuota;
  if (quota === undefined) return;
  const existing = snapshot.serviceAccounts.length;
  const remaining = Math.max(0, quota - existing);
  const wanting = migrations.filter((m) => m.blockers.length === 0);
  wanting.slice(remaining).forEach((m) => {
    m.blockers.push({
      code: "SA_QUOTA",
      message: `the organization's service-account quota is used up: ${existing} of ${quota} exist and this plan needs ${wanting.length} more; delete unused service accounts or upgrade (Guard Standard allows 250, Enterprise 1,000)`,
    });
  });
}

function decommissionCapability(action: OldAccountAction): keyof Capabilities | undefined {
  switch (action) {
    case "suspend":
      return "suspendAccount";
    case "deactivate":
      return "deactivateAccount";
    case "revoke-tokens":
      return "revokeToken";
    case "none":
      return undefined;
  }
}

function resolveSelection(select: readonly string[], report: AuditReport, users: Map<string, User>): Finding[] {
  const problems: string[] = [];
  const chosen = new Map<string, Finding>();
  const matches = (entry: string, accountId: string, email: string | null | undefined) =>
    accountId === entry || (email != null && email.toLowerCase() === entry.toLowerCase());
  for (const raw of select) {
    const entry = raw.trim();
    if (entry === "") continue;
    const finding = report.findings.find((f) => matches(entry, f.accountId, f.email));
    if (finding === undefined) {
      const known = [...users.values()].some((u) => matches(entry, u.accountId, u.email));
      problems.push(
        known
          ? `${entry}: not a bot candidate in the audit report (the audit judged it human)`
          : `${entry}: no account with this id or email in the audit report or the directory`,
      );
      continue;
    }
    if (finding.verdict !== "bot" && finding.verdict !== "likely-bot") {
      problems.push(`${entry}: verdict is ${finding.verdict}; only bot and likely-bot accounts can be migrated`);
      continue;
    }
    if (!users.has(finding.accountId)) {
      problems.push(`${entry}: not found in the directory snapshot`);
      continue;
    }
    if (!isWorkToDo(finding)) {
      problems.push(`${entry}: ${notWorkReason(finding)}`);
      continue;
    }
    chosen.set(finding.accountId, finding);
  }
  if (problems.length > 0) {
    throw new InputError(`Cannot plan ${problems.length} selected account${problems.length === 1 ? "" : "s"}`, {
      code: "SELECT_INVALID",
      details: problems,
      hint: "Select bot or likely-bot accounts from `bot2svc audit`, by account id or email.",
    });
  }
  return [...chosen.values()];
}

function checkOptions(options: PlanOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.tokenExpiryDays) || options.tokenExpiryDays < 1 || options.tokenExpiryDays > MAX_TOKEN_EXPIRY_DAYS) {
    problems.push(`tokenExpiryDays: must be a whole number from 1 to ${MAX_TOKEN_EXPIRY_DAYS} (got ${options.tokenExpiryDays})`);
  }
  if (!Number.isInteger(options.soakDays) || options.soakDays < 0 || options.soakDays > 365) {
    problems.push(`soakDays: must be a whole number from 0 to 365 (got ${options.soakDays})`);
  }
  if (options.scopes !== undefined && options.scopes.length === 0) problems.push("scopes: at least one scope is needed");
  if (problems.length > 0) throw new InputError("Invalid plan options", { code: "PLAN_OPTIONS", details: problems });
}

function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) => (f.email ?? f.name).toLowerCase();
  return [...findings].sort((a, b) => compare(key(a), key(b)) || compare(a.accountId, b.accountId));
}

function topReasons(finding: Finding): string[] {
  const reasons: string[] = [];
  if (finding.listed?.list === "deny") reasons.push(`on the denylist (owner ${finding.listed.owner}): ${finding.listed.reason}`);
  const signals = finding.signals
    .filter((s) => s.weight > 0)
    .sort((a, b) => b.weight - a.weight || compare(a.id, b.id))
    .map((s) => s.evidence);
  return [...reasons, ...signals].slice(0, 3);
}

function displayNameOf(user: User): string {
  const name = cleanText(user.name) || cleanText(user.nickname ?? "") || cleanText(user.email?.split("@")[0] ?? "") || cleanText(user.accountId);
  return name.slice(0, 100).trim();
}

function slugOf(email: string | null, name: string): string {
  const base = email?.split("@")[0] ?? name;
  return base
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

// A provider that talks to a bare API host (Atlassian, or the local emulator in a rehearsal)
// serves the gateway on that host; any other base URL (a SCIM endpoint has a path) does not.
function gatewayBaseOf(baseUrl: string | undefined): string {
  if (baseUrl === undefined || baseUrl === "") return DEFAULT_GATEWAY_BASE;
  try {
    const url = new URL(baseUrl);
    return url.pathname === "/" || url.pathname === "" ? url.origin : DEFAULT_GATEWAY_BASE;
  } catch {
    return DEFAULT_GATEWAY_BASE;
  }
}

function excludedOf(finding: Finding, reason: string): ExcludedAccount {
  return { accountId: finding.accountId, name: finding.name, email: finding.email, reason };
}

function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
