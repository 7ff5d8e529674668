import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type ApiToken,
  type AuditEvent,
  type Group,
  type ServiceAccount,
  type ServiceAccountToken,
  type Site,
  type Snapshot,
  type SnapshotOrg,
  type User,
} from "../core/snapshot/schema.js";
import { randomString, randomUuid, seededRandom, type Random } from "./random.js";

/**
 * A failure the emulator reports the way Atlassian does: an HTTP status and an Atlassian error
 * code (`ADMIN-404-8`, ...). The server turns it into the route's error body.
 */
export class EmulatorError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;

  constructor(status: number, code: string, title: string, detail: string) {
    super(detail);
    this.name = "EmulatorError";
    this.status = status;
    this.code = code;
    this.title = title;
  }
}

export interface EmulatorStateOptions {
  /** Seed for generated ids and service-account emails (default 1). */
  seed?: number;
  /** The emulator's clock, used for `createdAt` stamps and token expiry. */
  now?: () => Date;
  /** Status answered when the service-account quota is full: 409 (default) or 402. */
  quotaFullStatus?: 402 | 409;
  /**
   * Whether directory writes (group membership, role grants, suspend/restore) accept a service
   * account: "refuse" (default) answers 404 USER_NOT_FOUND as reported for Atlassian, where a
   * service account is not a directory user; "accept" treats it like a user.
   */
  serviceAccountWrites?: "refuse" | "accept";
  /**
   * How long a new service account is "not found in the directory" for the console's invite
   * route, as a third party reports (default 0: found at once). Measured on the emulator's clock.
   */
  inviteDelayMs?: number;
}

/** One workspace (a product on a site) as the workspaces search lists it. */
export interface Workspace {
  id: string;
  cloudId: string;
  typeKey: string;
  name: string;
  hostUrl: string;
}

/** An OAuth 2.0 client of a service account (credential inventory; never a secret). */
export type OAuthClient = {
  clientId: string;
  name: string;
  serviceAccountId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  status: string;
};

/** Roles the role-grant endpoint accepts; `resource` is required for all but org-admin. */
export const PLATFORM_ROLE_NAMES = [
  "atlassian/user",
  "atlassian/user-access-admin",
  "atlassian/admin",
  "atlassian/guest",
  "atlassian/contributor",
  "atlassian/customer",
  "atlassian/basic",
  "atlassian/stakeholder",
  "atlassian/site-admin",
  "atlassian/org-admin",
] as const;
export type PlatformRoleName = (typeof PLATFORM_ROLE_NAMES)[number];

// Roles held as admin roles on the account rather than as access to a product.
const ADMIN_ROLES: Partial<Record<PlatformRoleName, string>> = {
  "atlassian/org-admin": "org-admin",
  "atlassian/site-admin": "site-admin",
  "atlassian/user-access-admin": "user-access-admin",
};

/** An account as the token-verification endpoint describes it, with what its credential may reach. */
export interface GatewayIdentity {
  accountId: string;
  emailAddress: string;
  displayName: string;
  accountType: "app" | "atlassian" | "customer";
  active: boolean;
  /** Scopes of the presented token; null for a token without scopes (a classic user token). */
  scopes: readonly string[] | null;
  /** The products the account may use: product key and the cloud id of its site. */
  productAccess: readonly { key: string; cloudId: string | undefined }[];
}

/** One row of `GET /users/{accountId}/manage/api-tokens`. */
export interface UserTokenRow {
  id: string;
  label: string;
  createdAt: string | null;
  lastAccess: string | null;
  expiry: string | null;
}

/** Which kind of account an account id names. */
export type Account = { kind: "user"; user: User } | { kind: "serviceAccount"; serviceAccount: ServiceAccount };

const MAX_TOKEN_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The emulated organization: seeded from a snapshot, changed by the write endpoints, and
 * exported again with `toSnapshot()`. Token secrets live only as SHA-256 hashes in a side table,
 * so no export can leak one.
 */
export class EmulatorState {
  readonly org: SnapshotOrg;
  private readonly source: Snapshot["source"];
  private readonly userList: User[];
  private readonly groupList: Group[];
  private readonly apiTokenList: ApiToken[];
  private readonly eventList: AuditEvent[];
  private readonly serviceAccountList: ServiceAccount[];
  private readonly serviceAccountTokenList: ServiceAccountToken[];
  /** The events ordered by (time, id), built on first use and dropped when an event is added. */
  private eventIndex: { t: number; id: string; ev: AuditEvent }[] | undefined;
  /** tokenId → hash of the secret, for tokens minted by this emulator. */
  private readonly secretHashes = new Map<string, Buffer>();
  /** tokenId → scopes, for user tokens minted by this emulator (service-account tokens keep theirs). */
  private readonly userTokenScopes = new Map<string, readonly string[]>();
  private readonly random: Random;
  private readonly clock: () => Date;
  private readonly quotaFullStatus: 402 | 409;
  private readonly serviceAccountWrites: "refuse" | "accept";
  private readonly inviteDelayMs: number;
  /** Service-account collection id → creation time (ms on the emulator's clock), for the invite delay. */
  private readonly createdAtMs = new Map<string, number>();
  private readonly oauthClientList: OAuthClient[];
  /** Top-level snapshot fields this emulator does not model, written back unchanged. */
  private readonly extras: Record<string, unknown>;
  /** The id of the org's one directory: the snapshot's, or a stable one derived from the org id. */
  readonly directoryId: string;

  constructor(snapshot: Snapshot, options: EmulatorStateOptions = {}) {
    // A deep copy: the caller's snapshot object is never changed by writes.
    const copy = structuredClone(snapshot);
    this.org = copy.org;
    this.source = copy.source;
    this.userList = copy.users;
    this.groupList = copy.groups;
    this.apiTokenList = copy.apiTokens;
    this.eventList = copy.events;
    this.serviceAccountList = copy.serviceAccounts;
    this.serviceAccountTokenList = copy.serviceAccountTokens;
    this.random = seededRandom(options.seed ?? 1);
    this.clock = options.now ?? (() => new Date());
    this.quotaFullStatus = options.quotaFullStatus ?? 409;
    this.serviceAccountWrites = options.serviceAccountWrites ?? "refuse";
    this.inviteDelayMs = options.inviteDelayMs ?? 0;
    this.directoryId = copy.org.directoryId !== "-" ? copy.org.directoryId : stableUuid(`directory:${copy.org.id}`);
    const known = new Set(["kind", "version", "takenAt", "source", "org", "users", "groups", "apiTokens", "events", "serviceAccounts", "serviceAccountTokens"]);
    this.extras = Object.fromEntries(Object.entries(copy).filter(([k]) => !known.has(k)));
    this.oauthClientList = readOAuthClients(this.extras.oauthClients);
  }

  get orgId(): string {
    return this.org.id;
  }

  /** The current time on the emulator's clock. */
  now(): Date {
    return this.clock();
  }

  // ---- reads -------------------------------------------------------------------------------

  get users(): readonly User[] {
    return this.userList;
  }
  get groups(): readonly Group[] {
    return this.groupList;
  }
  get sites(): readonly Site[] {
    return this.org.sites;
  }
  get apiTokens(): readonly ApiToken[] {
    return this.apiTokenList;
  }
  get events(): readonly AuditEvent[] {
    return this.eventList;
  }
  get serviceAccounts(): readonly ServiceAccount[] {
    return this.serviceAccountList;
  }
  get serviceAccountTokens(): readonly ServiceAccountToken[] {
    return this.serviceAccountTokenList;
  }
  get oauthClients(): readonly OAuthClient[] {
    return this.oauthClientList;
  }

  /** The org's directories: one, named after the org. */
  directories(): { directoryId: string; name: string }[] {
    return [{ directoryId: this.directoryId, name: this.org.name }];
  }

  /**
   * One workspace per product of each site. Jira products share the site's `jira` ARI; every
   * other product names its own. Confluence is served under `/wiki`.
   */
  workspaces(): Workspace[] {
    return this.org.sites.flatMap((site) =>
      site.products.map((product) => ({
        id: workspaceAri(product, site.cloudId),
        cloudId: site.cloudId,
        typeKey: product,
        name: siteName(site.url),
        hostUrl: product === "confluence" ? `${site.url.replace(/\/+$/, "")}/wiki` : site.url,
      })),
    );
  }

  /** Whether a group is synced from an identity provider (its members are managed there). */
  isSynced(group: Group): boolean {
    const g = group as Group & { externalSynced?: unknown; managedBy?: unknown };
    return group.managementSource === "synced" || g.externalSynced === true || g.managedBy === "external";
  }

  findUser(accountId: string): User | undefined {
    return this.userList.find((u) => u.accountId === accountId);
  }

  /** A user or a service account (by its atlassianId), or undefined. */
  findAccount(accountId: string): Account | undefined {
    const user = this.findUser(accountId);
    if (user) return { kind: "user", user };
    const serviceAccount = this.serviceAccountList.find((sa) => sa.accountId === accountId);
    return serviceAccount ? { kind: "serviceAccount", serviceAccount } : undefined;
  }

  /** Display name and email of an account id, for event actors and token owners. */
  describeAccount(accountId: string): { name: string | null; email: string | null } {
    const account = this.findAccount(accountId);
    if (!account) return { name: null, email: null };
    if (account.kind === "user") return { name: account.user.name, email: account.user.email ?? null };
    return { name: account.serviceAccount.displayName, email: account.serviceAccount.email };
  }

  /** The API tokens of one account (user or service account), as the user-management API lists them. */
  tokensOf(accountId: string): UserTokenRow[] {
    const account = this.requireAccount(accountId);
    if (account.kind === "user") {
      return this.apiTokenList
        .filter((t) => t.accountId === accountId)
        .map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt ?? null, lastAccess: t.lastActiveAt ?? null, expiry: t.expiresAt ?? null }));
    }
    const saId = account.serviceAccount.id;
    return this.serviceAccountTokenList
      .filter((t) => t.serviceAccountId === saId)
      .map((t) => ({
        id: t.id,
        label: t.label,
        createdAt: t.createdAt ?? null,
        lastAccess: typeof t.lastActiveAt === "string" ? t.lastActiveAt : null,
        expiry: t.expiresAt ?? null,
      }));
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Creates a service account, or throws 409 ADMIN-409-3 (or 402) when the quota is full. */
  createServiceAccount(input: {
    displayName: string;
    description?: string | null;
    permissionRules?: readonly { role: string; resource?: string | undefined }[];
    additionalGroups?: readonly string[];
  }): ServiceAccount {
    // Everything is checked before anything is created: a refused request changes nothing.
    for (const rule of input.permissionRules ?? []) this.resolveRoleGrant(rule.role, rule.resource);
    for (const groupId of input.additionalGroups ?? []) this.requireWritableGroup(groupId);
    const quota = this.org.serviceAccountQuota;
    if (quota !== undefined && this.serviceAccountList.length >= quota) {
      throw new EmulatorError(
        this.quotaFullStatus,
        this.quotaFullStatus === 402 ? "ADMIN-UAM-402-1" : "ADMIN-409-3",
        this.quotaFullStatus === 402 ? "Payment Required" : "Conflict",
        `The organization already has ${this.serviceAccountList.length} of ${quota} service accounts allowed by its plan.`,
      );
    }
    let id = randomUuid(this.random);
    while (this.serviceAccountList.some((sa) => sa.id === id)) id = randomUuid(this.random);
    let accountId = `712020:${randomUuid(this.random)}`;
    while (this.findAccount(accountId)) accountId = `712020:${randomUuid(this.random)}`;
    const slug = slugify(input.displayName);
    let email = `${slug}-${randomString(this.random, 10)}@serviceaccount.atlassian.com`;
    while (this.serviceAccountList.some((sa) => sa.email === email)) {
      email = `${slug}-${randomString(this.random, 10)}@serviceaccount.atlassian.com`;
    }
    const serviceAccount: ServiceAccount = {
      id,
      accountId,
      email,
      displayName: input.displayName,
      description: input.description ?? null,
      status: "active",
      createdAt: this.clock().toISOString(),
      productAccess: [],
      groupIds: [],
    };
    this.serviceAccountList.push(serviceAccount);
    this.createdAtMs.set(serviceAccount.id, this.clock().getTime());
    for (const rule of input.permissionRules ?? []) this.applyRoleGrant({ kind: "serviceAccount", serviceAccount }, rule.role, rule.resource);
    for (const groupId of input.additionalGroups ?? []) if (!serviceAccount.groupIds.includes(groupId)) serviceAccount.groupIds.push(groupId);
    return serviceAccount;
  }

  /**
   * The role assignments of a directory account: one per workspace it can use (the role granted,
   * `atlassian/user` when the snapshot names a product role) and one per admin role.
   */
  roleAssignmentsOf(accountId: string): { resourceId: string; resourceOwner: string; role: string; directory: boolean }[] {
    const account = this.requireDirectoryAccount(accountId);
    const access = account.kind === "user" ? account.user.productAccess : account.serviceAccount.productAccess;
    const out = access.map((a) => ({
      resourceId: a.id,
      resourceOwner: a.key,
      role: a.role !== undefined && (PLATFORM_ROLE_NAMES as readonly string[]).includes(a.role) ? a.role : "atlassian/user",
      directory: true,
    }));
    if (account.kind === "user") {
      for (const role of account.user.platformRoles ?? []) {
        out.push({ resourceId: `ari:cloud:platform::org/${this.orgId}`, resourceOwner: "platform", role: platformRoleName(role), directory: false });
      }
    }
    return out;
  }

  /** Appends an audit event (as if it had just been recorded); the events stream serves it next. */
  addEvent(event: AuditEvent): void {
    this.eventList.push(structuredClone(event));
    this.eventIndex = undefined;
  }

  /** The events ordered by time, then id (the order of the events stream). */
  eventsByTime(): readonly { t: number; id: string; ev: AuditEvent }[] {
    this.eventIndex ??= this.eventList
      .map((ev) => ({ t: Date.parse(ev.time), id: ev.id, ev }))
      .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.eventIndex;
  }

  /** Revokes every API token of one service account (by collection id); 404 for an unknown account. */
  revokeAllServiceAccountTokens(serviceAccountId: string): number {
    if (!this.serviceAccountList.some((sa) => sa.id === serviceAccountId)) throw notFoundAccount(serviceAccountId);
    let removed = 0;
    for (let i = this.serviceAccountTokenList.length - 1; i >= 0; i--) {
      const token = this.serviceAccountTokenList[i];
      if (token && token.serviceAccountId === serviceAccountId) {
        this.secretHashes.delete(token.id);
        this.serviceAccountTokenList.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }

  /** The service account with collection id `id`, or undefined. */
  findServiceAccount(id: string): ServiceAccount | undefined {
    return this.serviceAccountList.find((sa) => sa.id === id);
  }

  /** Deletes a service account and every token it holds. */
  deleteServiceAccount(serviceAccountId: string): void {
    const index = this.serviceAccountList.findIndex((sa) => sa.id === serviceAccountId);
    if (index < 0) throw notFoundAccount(serviceAccountId);
    this.serviceAccountList.splice(index, 1);
    for (let i = this.serviceAccountTokenList.length - 1; i >= 0; i--) {
      const token = this.serviceAccountTokenList[i];
      if (token && token.serviceAccountId === serviceAccountId) {
        this.secretHashes.delete(token.id);
        this.serviceAccountTokenList.splice(i, 1);
      }
    }
  }

  /**
   * Mints an API token for an account. The secret is returned once and only its hash is kept.
   * `expiry` must lie in the future and at most 365 days ahead.
   */
  mintToken(accountId: string, input: { label: string; scopes: readonly string[]; expiry: Date }): { id: string; token: string } {
    const account = this.requireAccount(accountId);
    const now = this.clock();
    const expiryMs = input.expiry.getTime();
    if (expiryMs <= now.getTime() || expiryMs > now.getTime() + (MAX_TOKEN_DAYS + 1) * DAY_MS) {
      throw new EmulatorError(400, "ADMIN-400-24", "INVALID_EXPIRY", `expiry must be in the future and at most ${MAX_TOKEN_DAYS} days ahead.`);
    }
    let id = randomUuid(this.random);
    while (this.secretHashes.has(id) || this.apiTokenList.some((t) => t.id === id) || this.serviceAccountTokenList.some((t) => t.id === id)) {
      id = randomUuid(this.random);
    }
    // Real tokens start with ATATT and vary in length; the secret must be unguessable, so it
    // comes from the system's CSPRNG rather than the seeded generator.
    const token = `ATATT3xFfGF0${randomBytes(96).toString("base64url")}`;
    const createdAt = now.toISOString();
    const expiresAt = input.expiry.toISOString();
    if (account.kind === "user") {
      this.apiTokenList.push({ id, accountId, label: input.label, status: "ALLOWED", createdAt, expiresAt, lastActiveAt: null });
      this.userTokenScopes.set(id, [...input.scopes]);
    } else {
      this.serviceAccountTokenList.push({
        id,
        serviceAccountId: account.serviceAccount.id,
        label: input.label,
        createdAt,
        expiresAt,
        scopes: [...input.scopes],
      });
    }
    this.secretHashes.set(id, hashSecret(token));
    return { id, token };
  }

  /** Revokes one token of an account; 404 when the account or the token is unknown. */
  revokeToken(accountId: string, tokenId: string): void {
    const account = this.requireAccount(accountId);
    if (account.kind === "user") {
      const index = this.apiTokenList.findIndex((t) => t.id === tokenId && t.accountId === accountId);
      if (index < 0) throw notFoundToken(tokenId);
      this.apiTokenList.splice(index, 1);
    } else {
      const saId = account.serviceAccount.id;
      const index = this.serviceAccountTokenList.findIndex((t) => t.id === tokenId && t.serviceAccountId === saId);
      if (index < 0) throw notFoundToken(tokenId);
      this.serviceAccountTokenList.splice(index, 1);
    }
    this.secretHashes.delete(tokenId);
  }

  /** Suspends an account's access: directory status "suspended"; roles and groups are kept. */
  suspend(accountId: string): void {
    this.requireDirectoryAccount(accountId);
    this.setStatus(accountId, { status: "suspended" });
  }

  /** Restores suspended access. */
  restore(accountId: string): void {
    this.requireDirectoryAccount(accountId);
    this.setStatus(accountId, { status: "active" });
  }

  /** Deactivates the account: accountStatus "inactive", directory status "deactivated". */
  disable(accountId: string): void {
    this.setStatus(accountId, { status: "deactivated", accountStatus: "inactive" });
  }

  /** Reactivates a deactivated account. */
  enable(accountId: string): void {
    this.setStatus(accountId, { status: "active", accountStatus: "active" });
  }

  /**
   * Adds a directory account to a group; adding a member twice is a no-op. Groups synced from an
   * identity provider refuse new members (400); a service account is not a directory user (404
   * USER_NOT_FOUND) unless the emulator was told to accept it.
   */
  addGroupMember(groupId: string, accountId: string): void {
    this.requireWritableGroup(groupId);
    const ids = this.groupIdsOf(this.requireDirectoryAccount(accountId));
    if (!ids.includes(groupId)) ids.push(groupId);
  }

  /** Removes an account from a group; removing a non-member is a no-op. Synced groups answer 400. */
  removeGroupMember(groupId: string, accountId: string): void {
    this.requireWritableGroup(groupId);
    const ids = this.groupIdsOf(this.requireDirectoryAccount(accountId));
    const index = ids.indexOf(groupId);
    if (index >= 0) ids.splice(index, 1);
  }

  /**
   * Grants a platform role: `role` is a role name (`atlassian/user`, ...) and `resource` a
   * workspace ARI from the workspaces search (ignored for org-admin). Product roles add access to
   * the workspace's product(s); admin roles are held as platform roles. Granting a held role is a
   * no-op.
   */
  assignRole(accountId: string, role: string, resource: string | undefined): void {
    this.resolveRoleGrant(role, resource);
    this.applyRoleGrant(this.requireDirectoryAccount(accountId), role, resource);
  }

  /** Revokes a platform role granted by `assignRole`; revoking a role not held is a no-op. */
  revokeRole(accountId: string, role: string, resource: string | undefined): void {
    const grant = this.resolveRoleGrant(role, resource);
    const account = this.requireDirectoryAccount(accountId);
    if (grant.adminRole) {
      if (account.kind === "user" && account.user.platformRoles) {
        account.user.platformRoles = account.user.platformRoles.filter((r) => r !== grant.adminRole);
      }
      return;
    }
    const access = account.kind === "user" ? account.user.productAccess : account.serviceAccount.productAccess;
    for (let i = access.length - 1; i >= 0; i--) {
      const a = access[i];
      if (a && grant.products.includes(a.key) && siteOfAri(a.id) === grant.cloudId) access.splice(i, 1);
    }
  }

  /**
   * The admin console's service-account licence grant (`service-accounts/invite`, reported by a
   * third party): each rule's role is a product role ARI (`ari:cloud:jira-software::role/product/member`)
   * and its resource a site ARI. A role whose product the site does not run is accepted and grants
   * nothing, as reported for `ari:cloud:jira::role/...`.
   */
  inviteServiceAccounts(accountIds: readonly string[], rules: readonly { role: string; resource: string }[]): void {
    const parsed = rules.map((rule) => {
      const roleMatch = /^ari:cloud:([^:]+)::role\/.+$/.exec(rule.role);
      const cloudId = siteOfAri(rule.resource);
      if (!roleMatch || cloudId === undefined) {
        throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", "permissionRules[].role and resource must be Atlassian resource identifiers (ari:cloud:...).");
      }
      const site = this.org.sites.find((s) => s.cloudId === cloudId);
      if (!site) throw new EmulatorError(404, "ADMIN-404-1", "Not Found", `No site with cloud id ${cloudId} in this organization.`);
      return { key: roleMatch[1] ?? "", site, rule };
    });
    const accounts = accountIds.map((id) => {
      const account = this.findAccount(id);
      const created = account?.kind === "serviceAccount" ? this.createdAtMs.get(account.serviceAccount.id) : undefined;
      const settling = created !== undefined && this.clock().getTime() - created < this.inviteDelayMs;
      if (!account || account.kind !== "serviceAccount" || settling) {
        throw new EmulatorError(404, "ADMIN-404-8", "Not Found", `Service account ${id} was not found in the directory.`);
      }
      return account.serviceAccount;
    });
    for (const sa of accounts) {
      for (const { key, site, rule } of parsed) {
        if (!site.products.includes(key)) continue;
        if (sa.productAccess.some((a) => a.key === key && siteOfAri(a.id) === site.cloudId)) continue;
        sa.productAccess.push({ key, id: rule.resource, role: rule.role });
      }
    }
  }

  /**
   * Checks `email:token` Basic credentials as the API gateway does: the token must be one this
   * emulator minted for the account with that email, unexpired, and the account must be usable.
   */
  authenticate(email: string, token: string): GatewayIdentity | undefined {
    const wanted = email.toLowerCase();
    const presented = hashSecret(token);
    const now = this.clock().getTime();
    const live = (id: string, expiresAt: string | null | undefined): boolean => {
      const hash = this.secretHashes.get(id);
      if (!hash || !timingSafeEqual(hash, presented)) return false;
      return expiresAt === null || expiresAt === undefined || Date.parse(expiresAt) > now;
    };
    const sa = this.serviceAccountList.find((s) => s.email.toLowerCase() === wanted);
    if (sa) {
      if (sa.status !== "active") return undefined;
      const token = this.serviceAccountTokenList.find((t) => t.serviceAccountId === sa.id && live(t.id, t.expiresAt));
      if (!token) return undefined;
      return {
        accountId: sa.accountId,
        emailAddress: sa.email,
        displayName: sa.displayName,
        accountType: "app",
        active: true,
        scopes: token.scopes ? [...token.scopes] : null,
        productAccess: sa.productAccess.map((a) => ({ key: a.key, cloudId: siteOfAri(a.id) })),
      };
    }
    const user = this.userList.find((u) => typeof u.email === "string" && u.email.toLowerCase() === wanted);
    if (!user || user.accountStatus !== "active" || user.status !== "active") return undefined;
    const token0 = this.apiTokenList.find((t) => t.accountId === user.accountId && t.status === "ALLOWED" && live(t.id, t.expiresAt));
    if (!token0) return undefined;
    token0.lastActiveAt = new Date(now).toISOString();
    const scopes = this.userTokenScopes.get(token0.id);
    return {
      accountId: user.accountId,
      emailAddress: user.email ?? email,
      displayName: user.name,
      accountType: user.accountType === "customer" ? "customer" : user.accountType === "atlassian" ? "atlassian" : "app",
      active: true,
      scopes: scopes ? [...scopes] : null,
      productAccess: user.productAccess.map((a) => ({ key: a.key, cloudId: siteOfAri(a.id) })),
    };
  }

  /** The current state as a valid snapshot. It never contains a token secret. */
  toSnapshot(): Snapshot {
    return structuredClone({
      ...this.extras,
      ...(this.oauthClientList.length > 0 || this.extras.oauthClients !== undefined ? { oauthClients: this.oauthClientList } : {}),
      kind: SNAPSHOT_KIND,
      version: SNAPSHOT_VERSION,
      takenAt: this.clock().toISOString(),
      source: { ...(this.source ?? {}), provider: "emulator" },
      org: this.org,
      users: this.userList,
      groups: this.groupList,
      apiTokens: this.apiTokenList,
      events: this.eventList,
      serviceAccounts: this.serviceAccountList,
      serviceAccountTokens: this.serviceAccountTokenList,
    });
  }

  // ---- helpers -----------------------------------------------------------------------------

  private requireAccount(accountId: string): Account {
    const account = this.findAccount(accountId);
    if (!account) throw notFoundAccount(accountId);
    return account;
  }

  /** An account that directory writes may name: a user, or a service account when accepted. */
  private requireDirectoryAccount(accountId: string): Account {
    const account = this.requireAccount(accountId);
    if (account.kind === "serviceAccount" && this.serviceAccountWrites === "refuse") {
      throw new EmulatorError(
        404,
        "USER_NOT_FOUND",
        "Not Found",
        `Account ${accountId} is a service account, not a directory user; manage its access from the service account's page in Atlassian Administration.`,
      );
    }
    return account;
  }

  private requireWritableGroup(groupId: string): Group {
    const group = this.requireGroup(groupId);
    if (this.isSynced(group)) {
      throw new EmulatorError(
        400,
        "ADMIN-400-24",
        "Bad Request",
        `Group ${group.name} is synced from an identity provider; change its members in the identity provider.`,
      );
    }
    return group;
  }

  /** Checks a role grant and says what it grants; throws the service's refusal otherwise. */
  private resolveRoleGrant(role: string, resource: string | undefined): { adminRole?: string; products: string[]; cloudId?: string } {
    if (!(PLATFORM_ROLE_NAMES as readonly string[]).includes(role)) {
      throw new EmulatorError(
        400,
        "ADMIN-400-24",
        "Bad Request",
        `role must be one of ${PLATFORM_ROLE_NAMES.join(", ")}; got "${role}". Product role ARIs are not accepted here.`,
      );
    }
    const adminRole = ADMIN_ROLES[role as PlatformRoleName];
    if (role === "atlassian/org-admin") return { adminRole: adminRole ?? "org-admin", products: [] };
    if (resource === undefined || resource === "") throw new EmulatorError(400, "ADMIN-400-24", "Bad Request", `resource is required for ${role}.`);
    // A workspace id from the workspaces search names every product behind it; a site ARI that
    // names one product the site runs (`ari:cloud:jira-software::site/...`, as product access ids
    // and the resource-id filters write them) names that product.
    let matching = this.workspaces().filter((w) => w.id === resource);
    if (matching.length === 0) {
      const m = /^ari:cloud:([^:]+)::site\/(.+)$/.exec(resource);
      matching = this.workspaces().filter((w) => m !== null && w.cloudId === m[2] && w.typeKey === m[1]);
    }
    if (matching.length === 0) {
      throw new EmulatorError(
        400,
        "ADMIN-400-24",
        "Bad Request",
        `resource ${resource} is not a workspace of this organization; use an id from the workspaces search.`,
      );
    }
    const cloudId = matching[0]?.cloudId ?? "";
    return { ...(adminRole ? { adminRole } : {}), products: matching.map((w) => w.typeKey), cloudId };
  }

  private applyRoleGrant(account: Account, role: string, resource: string | undefined): void {
    const grant = this.resolveRoleGrant(role, resource);
    if (grant.adminRole) {
      if (account.kind === "user") {
        const roles = (account.user.platformRoles ??= []);
        if (!roles.includes(grant.adminRole)) roles.push(grant.adminRole);
      }
      return;
    }
    const access = account.kind === "user" ? account.user.productAccess : account.serviceAccount.productAccess;
    for (const key of grant.products) {
      if (access.some((a) => a.key === key && siteOfAri(a.id) === grant.cloudId)) continue;
      if (account.kind === "user") account.user.productAccess.push({ key, id: resource ?? "", role, lastActiveTimestamp: null });
      else account.serviceAccount.productAccess.push({ key, id: resource ?? "", role });
    }
  }

  private requireGroup(groupId: string): Group {
    const group = this.groupList.find((g) => g.id === groupId);
    if (!group) throw new EmulatorError(404, "ADMIN-404-10", "Not Found", `Group ${groupId} was not found.`);
    return group;
  }

  private groupIdsOf(account: Account): string[] {
    return account.kind === "user" ? account.user.groupIds : account.serviceAccount.groupIds;
  }

  private setStatus(accountId: string, change: { status: string; accountStatus?: "active" | "inactive" }): void {
    const account = this.requireAccount(accountId);
    if (account.kind === "user") {
      account.user.status = change.status;
      if (change.accountStatus) account.user.accountStatus = change.accountStatus;
    } else {
      account.serviceAccount.status = change.status;
    }
  }
}

/**
 * A platform role as the organization API names it (`atlassian/org-admin`); snapshots may hold
 * the short form (`org-admin`).
 */
export function platformRoleName(role: string): string {
  return role.includes("/") ? role : `atlassian/${role}`;
}

/**
 * A product key as the users search reports it: the Jira products (`jira-software`,
 * `jira-servicedesk`, ...) are `jira`; other keys (`confluence`, ...) are unchanged.
 */
export function searchProductKey(key: string): string {
  return key === "jira" || key.startsWith("jira-") ? "jira" : key;
}

/** The workspace ARI of a product on a site: Jira products share `jira`; others name themselves. */
export function workspaceAri(product: string, cloudId: string): string {
  return `ari:cloud:${product.startsWith("jira") ? "jira" : product}::site/${cloudId}`;
}

/** The cloud id of a site ARI (`ari:cloud:<product>::site/<cloudId>`), or undefined. */
export function siteOfAri(ari: string): string | undefined {
  return /^ari:cloud:[^:]+::site\/(.+)$/.exec(ari)?.[1];
}

function siteName(url: string): string {
  try {
    return new URL(url).hostname.split(".")[0] ?? url;
  } catch {
    return url;
  }
}

// A UUID-shaped id derived from `seed`, the same on every run.
function stableUuid(seed: string): string {
  const h = createHash("sha256").update(seed, "utf8").digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// OAuth clients are not part of the snapshot format; a snapshot may carry them as an extra
// top-level `oauthClients` list, which the credential-inventory routes serve.
function readOAuthClients(value: unknown): OAuthClient[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw): OAuthClient[] => {
    if (typeof raw !== "object" || raw === null) return [];
    const r = raw as Record<string, unknown>;
    if (typeof r.clientId !== "string") return [];
    const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
    return [
      {
        clientId: r.clientId,
        name: str(r.name) ?? r.clientId,
        serviceAccountId: str(r.serviceAccountId),
        createdAt: str(r.createdAt),
        updatedAt: str(r.updatedAt),
        status: str(r.status) ?? "ACTIVE",
      },
    ];
  });
}

function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

function notFoundAccount(accountId: string): EmulatorError {
  return new EmulatorError(404, "ADMIN-404-8", "Not Found", `User ${accountId} was not found.`);
}

function notFoundToken(tokenId: string): EmulatorError {
  return new EmulatorError(404, "ADMIN-404-1", "Not Found", `API token ${tokenId} was not found.`);
}

// Service-account emails are `<slug>-<random>@serviceaccount.atlassian.com`, the slug taken from
// the display name.
function slugify(displayName: string): string {
  const slug = displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug === "" ? "service-account" : slug;
}
