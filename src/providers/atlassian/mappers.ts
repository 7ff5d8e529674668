import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type ApiToken, type AuditEvent, type Group, type ProductAccess, type ServiceAccount, type ServiceAccountToken, type Site, type Snapshot, type User } from "../../core/snapshot/schema.js";
import type { CreatedServiceAccount, TokenInfo } from "../provider.js";
import type {
  ApiDirectoryUser,
  ApiEvent,
  ApiGroup,
  ApiOAuthClient,
  ApiServiceAccount,
  ApiServiceAccountToken,
  ApiToken as ApiTokenRecord,
  ApiWorkspace,
} from "./schemas.js";

/**
 * Normalises a timestamp to ISO 8601 UTC with milliseconds. Accepts ISO text with any offset
 * and epoch milliseconds (or seconds, for small numbers). Returns null when unreadable, and
 * undefined when absent, so "never" and "not collected" stay distinct.
 */
export function toIso(value: string | number | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  let ms: number;
  if (typeof value === "number" || /^\d+$/.test(value)) {
    const n = Number(value);
    ms = n < 1e11 ? n * 1000 : n;
  } else {
    ms = Date.parse(value);
  }
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

const SITE_ARI = /^ari:cloud:[^:]+::site\/(.+)$/;

/** Groups workspaces by site: cloudId from `ari:cloud:<product>::site/<cloudId>`, products from typeKey. */
export function mapSites(workspaces: readonly ApiWorkspace[]): Site[] {
  const sites = new Map<string, Site>();
  for (const ws of workspaces) {
    const cloudId = SITE_ARI.exec(ws.id)?.[1];
    if (cloudId === undefined) continue;
    const site = sites.get(cloudId) ?? { cloudId, url: "", products: [] };
    const host = ws.attributes?.hostUrl;
    if (site.url === "" && host) site.url = siteUrlOf(host);
    const product = ws.attributes?.typeKey;
    if (product && !site.products.includes(product)) site.products.push(product);
    sites.set(cloudId, site);
  }
  return [...sites.values()].map((s) => ({ ...s, url: s.url === "" ? s.cloudId : s.url, products: s.products.sort() }));
}

/** A workspace `hostUrl` as a site URL: with a scheme, without Confluence's `/wiki` suffix. */
export function siteUrlOf(host: string): string {
  const url = /^https?:\/\//.test(host) ? host : `https://${host}`;
  return url.replace(/\/+$/, "").replace(/\/wiki$/, "").replace(/\/+$/, "");
}

const ACCOUNT_TYPES = new Set(["atlassian", "app", "customer", "service"]);
const ACCOUNT_STATUSES = new Set(["active", "inactive", "closed"]);

function oneOf<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | null | undefined {
  if (value === undefined) return undefined;
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function mapProductAccess(items: ApiDirectoryUser["productAccess"]): ProductAccess[] {
  return (items ?? []).map((p) => {
    const out: ProductAccess = { key: p.key, id: p.id && p.id !== "" ? p.id : p.key };
    if (p.role) out.role = p.role;
    const last = toIso(p.lastActiveTimestamp);
    if (last !== undefined) out.lastActiveTimestamp = last;
    return out;
  });
}

/**
 * A platform role in the snapshot's form: the organization API names roles `atlassian/org-admin`,
 * `atlassian/site-admin`, `atlassian/user-access-admin`, ...; snapshots keep `org-admin`, ... (the
 * short form is also understood when an API or a file already uses it).
 */
function roleName(role: NonNullable<ApiDirectoryUser["platformRoles"]>[number]): string | undefined {
  const name = typeof role === "string" ? role : (role.id ?? role.role ?? role.key ?? role.name ?? undefined);
  return name?.startsWith("atlassian/") ? name.slice("atlassian/".length) : name;
}

/**
 * Maps a v2 directory user (camelCase) to the snapshot model. `serviceAccountIds` marks
 * accounts that are service accounts as `accountType: "service"` when the API says otherwise.
 */
export function mapUser(u: ApiDirectoryUser, serviceAccountIds: ReadonlySet<string> = new Set()): User {
  const status = u.status ?? undefined;
  let accountType = u.accountType && ACCOUNT_TYPES.has(u.accountType) ? (u.accountType as User["accountType"]) : "atlassian";
  if (serviceAccountIds.has(u.accountId) || (u.email ?? "").toLowerCase().endsWith("@serviceaccount.atlassian.com")) accountType = "service";
  const accountStatus =
    u.accountStatus && ACCOUNT_STATUSES.has(u.accountStatus)
      ? (u.accountStatus as User["accountStatus"])
      : status === "deactivated" || status === "for_deletion"
        ? "inactive"
        : "active";
  const user: User = {
    accountId: u.accountId,
    accountType,
    accountStatus,
    status: status && status !== "" ? status : accountStatus,
    name: u.name ?? u.nickname ?? "",
    productAccess: mapProductAccess(u.productAccess),
    groupIds: [...new Set((u.groups ?? []).map((g) => g.id))],
  };
  if (u.nickname !== undefined) user.nickname = u.nickname;
  if (u.email !== undefined) user.email = u.email;
  if (u.emailVerified !== undefined) user.emailVerified = u.emailVerified;
  if (u.mfaEnabled !== undefined) user.mfaEnabled = u.mfaEnabled;
  const claim = oneOf(u.claimStatus, ["managed", "unmanaged"] as const);
  if (claim !== undefined) user.claimStatus = claim;
  const source = oneOf(u.managementSource, ["invited", "synced"] as const);
  if (source !== undefined) user.managementSource = source;
  if (u.jobTitle !== undefined) user.jobTitle = u.jobTitle;
  if (u.department !== undefined) user.department = u.department;
  if (u.picture !== undefined) user.picture = u.picture;
  const added = toIso(u.addedToOrg);
  if (added !== undefined) user.addedToOrg = added;
  if (u.platformRoles) user.platformRoles = u.platformRoles.map(roleName).filter((r): r is string => r !== undefined && r !== "");
  return user;
}

/**
 * Maps a group. Groups carry no `managementSource`: `externalSynced: true` (created by IdP sync)
 * or `managedBy: "external"` make it "synced" in the snapshot; members cannot be added to those.
 */
export function mapGroup(g: ApiGroup | NonNullable<ApiDirectoryUser["groups"]>[number]): Group {
  const group: Group = { id: g.id, name: g.name ?? "" };
  if (g.description !== undefined) group.description = g.description;
  if (g.externalSynced === true || g.managedBy === "external") group.managementSource = "synced";
  else if (g.externalSynced === false || (typeof g.managedBy === "string" && g.managedBy !== "")) group.managementSource = "invited";
  return group;
}

/** Maps an org token-inventory entry; undefined when it names no user. */
export function mapApiToken(t: ApiTokenRecord): ApiToken | undefined {
  const accountId = t.user?.id;
  if (!accountId) return undefined;
  const token: ApiToken = {
    id: t.id,
    accountId,
    label: t.label ?? "",
    status: (t.status ?? "").toUpperCase() === "BLOCKED" ? "BLOCKED" : "ALLOWED",
  };
  const createdAt = toIso(t.createdAt);
  if (createdAt !== undefined) token.createdAt = createdAt;
  const expiresAt = toIso(t.expiresAt);
  if (expiresAt !== undefined) token.expiresAt = expiresAt;
  const lastActiveAt = toIso(t.lastActiveAt);
  if (lastActiveAt !== undefined) token.lastActiveAt = lastActiveAt;
  return token;
}

/**
 * Maps an audit event: `attributes.actor.id` → actorId, `attributes.location.ip` → ip,
 * `actor.auth.{authType,tokenId}` verbatim. Undefined when it has no actor, time or action.
 */
export function mapEvent(e: ApiEvent): AuditEvent | undefined {
  const a = e.attributes;
  const actorId = a?.actor?.id;
  const time = toIso(a?.time);
  const action = a?.action;
  if (!actorId || !time || !action) return undefined;
  const event: AuditEvent = { id: e.id, time, action, actorId };
  const ip = a.location?.ip;
  if (ip !== undefined) event.ip = ip;
  const userAgent = a.userAgent ?? a.location?.userAgent;
  if (userAgent !== undefined) event.userAgent = userAgent;
  const auth = a.actor?.auth;
  if (auth?.authType !== undefined) event.authType = auth.authType;
  if (auth?.tokenId !== undefined) event.tokenId = auth.tokenId;
  return event;
}

/**
 * Maps a service account. Product access and groups come from the account's own entry in the
 * user search when the API lists it there (the service-account list carries neither).
 */
export function mapServiceAccount(sa: ApiServiceAccount, asUser?: User): ServiceAccount {
  const out: ServiceAccount = {
    id: sa.id,
    accountId: sa.atlassianId,
    email: sa.email ?? asUser?.email ?? "",
    displayName: sa.displayName ?? asUser?.name ?? "",
    status: sa.status && sa.status !== "" ? sa.status.toLowerCase() : "active",
    productAccess: (sa.productAccess ? mapProductAccess(sa.productAccess) : (asUser?.productAccess ?? [])).map((p) => {
      const { lastActiveTimestamp: _dropped, ...rest } = p;
      return rest;
    }),
    groupIds: [...new Set([...(sa.groupIds ?? []), ...(sa.groups ?? []).map((g) => g.id), ...(asUser?.groupIds ?? [])])],
  };
  if (sa.description !== undefined) out.description = sa.description;
  const createdAt = toIso(sa.createdAt);
  if (createdAt !== undefined) out.createdAt = createdAt;
  return out;
}

export function mapServiceAccountToken(t: ApiServiceAccountToken, serviceAccountId: string): ServiceAccountToken {
  const out: ServiceAccountToken = { id: t.id, serviceAccountId, label: t.label ?? "" };
  const createdAt = toIso(t.createdAt);
  if (createdAt !== undefined) out.createdAt = createdAt;
  const expiresAt = toIso(t.expiresAt);
  if (expiresAt !== undefined) out.expiresAt = expiresAt;
  if (t.scopes) out.scopes = t.scopes;
  return out;
}

export function mapCreatedServiceAccount(c: { id: string; atlassianId: string; email: string; displayName?: string | null | undefined }, fallbackName: string): CreatedServiceAccount {
  return { id: c.id, accountId: c.atlassianId, email: c.email, displayName: c.displayName ?? fallbackName };
}

/** A token of one service account (API Access) as the provider reports tokens. */
export function mapServiceAccountTokenInfo(t: { id: string; label?: string | null | undefined; createdAt?: string | number | null | undefined; expiresAt?: string | number | null | undefined; lastActiveAt?: string | number | null | undefined }): TokenInfo {
  return {
    id: t.id,
    label: t.label ?? "",
    createdAt: toIso(t.createdAt) ?? null,
    expiresAt: toIso(t.expiresAt) ?? null,
    lastActiveAt: toIso(t.lastActiveAt) ?? null,
  };
}

export function mapUserToken(t: { id: string; label?: string | null | undefined; createdAt?: string | number | null | undefined; lastAccess?: string | number | null | undefined; expiry?: string | number | null | undefined }): TokenInfo {
  return {
    id: t.id,
    label: t.label ?? "",
    createdAt: toIso(t.createdAt) ?? null,
    expiresAt: toIso(t.expiry) ?? null,
    lastActiveAt: toIso(t.lastAccess) ?? null,
  };
}

/** An OAuth 2.0 client credential of a service account, as the snapshot's `oauthClients` keeps it. */
export type OAuthClient = {
  clientId: string;
  name: string;
  /** Collection id of the service account. */
  serviceAccountId: string;
  createdAt: string | null;
  updatedAt: string | null;
  status: string;
};

/** Everything a bulk read returned, before it is joined into a snapshot. */
export interface RawOrgData {
  org: { id: string; name: string };
  directoryId: string;
  workspaces: readonly ApiWorkspace[];
  users: readonly ApiDirectoryUser[];
  groups: readonly ApiGroup[];
  apiTokens: readonly ApiTokenRecord[];
  events: readonly ApiEvent[];
  serviceAccounts: readonly ApiServiceAccount[];
  serviceAccountTokens: readonly ApiServiceAccountToken[];
  /** OAuth 2.0 clients of service accounts (absent when the endpoint is not served). */
  oauthClients?: readonly ApiOAuthClient[];
}

/** What was left out so that every reference in the snapshot resolves. */
export interface DroppedCounts {
  events: number;
  apiTokens: number;
  serviceAccountTokens: number;
  duplicateUsers: number;
  oauthClients: number;
}

/**
 * Joins the bulk reads into one snapshot whose references all resolve: groups seen only on a
 * user are added, and events, tokens and service-account tokens that point at nobody the read
 * returned are dropped (and counted).
 */
export function buildSnapshot(raw: RawOrgData, meta: { takenAt: Date; baseUrl: string }): { snapshot: Snapshot; dropped: DroppedCounts } {
  const dropped: DroppedCounts = { events: 0, apiTokens: 0, serviceAccountTokens: 0, duplicateUsers: 0, oauthClients: 0 };
  const saAccountIds = new Set(raw.serviceAccounts.map((s) => s.atlassianId));

  const users: User[] = [];
  const byAccount = new Map<string, User>();
  for (const u of raw.users) {
    if (byAccount.has(u.accountId)) {
      dropped.duplicateUsers += 1;
      continue;
    }
    const user = mapUser(u, saAccountIds);
    byAccount.set(user.accountId, user);
    users.push(user);
  }

  const groups = new Map<string, Group>();
  for (const g of raw.groups) if (!groups.has(g.id)) groups.set(g.id, mapGroup(g));
  for (const u of raw.users) for (const g of u.groups ?? []) if (!groups.has(g.id)) groups.set(g.id, mapGroup(g));
  for (const sa of raw.serviceAccounts) for (const g of sa.groups ?? []) if (!groups.has(g.id)) groups.set(g.id, mapGroup(g));

  const serviceAccounts: ServiceAccount[] = [];
  const saIds = new Set<string>();
  const saIdByAccount = new Map<string, string>();
  for (const sa of raw.serviceAccounts) {
    if (saIds.has(sa.id)) continue;
    const mapped = mapServiceAccount(sa, byAccount.get(sa.atlassianId));
    mapped.groupIds = mapped.groupIds.filter((g) => groups.has(g));
    serviceAccounts.push(mapped);
    saIds.add(sa.id);
    saIdByAccount.set(sa.atlassianId, sa.id);
  }

  // OAuth clients go in the snapshot's optional top-level `oauthClients` list, each naming its
  // service account by collection id.
  const oauthClients: OAuthClient[] = [];
  for (const c of raw.oauthClients ?? []) {
    const ownerKey = c.serviceAccountId ?? c.atlassianId ?? c.accountId ?? "";
    const owner = saIds.has(ownerKey) ? ownerKey : saIdByAccount.get(ownerKey);
    if (owner === undefined) {
      dropped.oauthClients += 1;
      continue;
    }
    oauthClients.push({
      clientId: c.clientId,
      name: c.name ?? "",
      serviceAccountId: owner,
      createdAt: toIso(c.createdAt) ?? null,
      updatedAt: toIso(c.updatedAt) ?? null,
      status: (c.status ?? "ACTIVE").toUpperCase(),
    });
  }

  const apiTokens: ApiToken[] = [];
  for (const t of raw.apiTokens) {
    const token = mapApiToken(t);
    if (token === undefined || !byAccount.has(token.accountId)) dropped.apiTokens += 1;
    else apiTokens.push(token);
  }

  const events: AuditEvent[] = [];
  const seenEvents = new Set<string>();
  for (const e of raw.events) {
    const event = mapEvent(e);
    if (event === undefined || (!byAccount.has(event.actorId) && !saAccountIds.has(event.actorId)) || seenEvents.has(event.id)) {
      dropped.events += 1;
      continue;
    }
    seenEvents.add(event.id);
    events.push(event);
  }

  const serviceAccountTokens: ServiceAccountToken[] = [];
  for (const t of raw.serviceAccountTokens) {
    // The API may name the owner by collection id or by account id; the snapshot uses the collection id.
    const owner = saIds.has(t.serviceAccountId) ? t.serviceAccountId : saIdByAccount.get(t.serviceAccountId);
    if (owner === undefined) dropped.serviceAccountTokens += 1;
    else serviceAccountTokens.push(mapServiceAccountToken(t, owner));
  }

  const snapshot: Snapshot = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: meta.takenAt.toISOString(),
    source: { provider: "atlassian", baseUrl: meta.baseUrl },
    org: { id: raw.org.id, name: raw.org.name, directoryId: raw.directoryId, sites: mapSites(raw.workspaces) },
    users,
    groups: [...groups.values()],
    apiTokens,
    events,
    serviceAccounts,
    serviceAccountTokens,
    ...(oauthClients.length > 0 ? { oauthClients } : {}),
  };
  return { snapshot, dropped };
}
