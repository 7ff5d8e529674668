import { createHash } from "node:crypto";
import type { ApiToken, User } from "../snapshot/schema.js";
import type { SourceState } from "./schema.js";

/**
 * The state of an account that a plan depends on: directory status, groups, product access,
 * API tokens and admin roles. Arrays are sorted so the same account always yields the same state.
 * `tokens` may be the whole token inventory; only the account's own tokens are kept.
 */
export function sourceStateOf(user: User, tokens: readonly ApiToken[]): SourceState {
  return {
    status: user.status,
    accountStatus: user.accountStatus,
    groupIds: sortedUnique(user.groupIds),
    productAccess: sortedUnique(user.productAccess.map((pa) => productAccessEntry(pa.key, pa.id, pa.role))),
    tokenIds: sortedUnique(tokens.filter((t) => t.accountId === user.accountId).map((t) => t.id)),
    platformRoles: sortedUnique(user.platformRoles ?? []),
  };
}

/** What a migration gives the new service account: app roles and groups, by id. */
export interface FingerprintedGrants {
  appRoles: readonly { key: string; role: string; resource: string }[];
  groups: readonly { id: string; synced: boolean }[];
}

/**
 * sha256 (hex) of the canonical JSON of a source state, the gateway URLs consumers are sent to,
 * the app roles and groups the service account gets, the scopes its token is minted with and the
 * account it deactivates in an identity provider, so editing any of them by hand is detected. The
 * URLs keep their order (the first one is the one delivered with the secret), scopes do not (a
 * token's scopes are a set); a migration with none of them hashes its state alone. The token's
 * label, lifetime and how it is made are covered too (`token`). A fingerprint
 * only catches accidental edits (anyone can recompute it): apply checks what it does against the
 * directory, and the scopes against the ones a service account's token may carry.
 */
export function fingerprintOf(
  state: SourceState,
  gatewayUrls: readonly string[] = [],
  grants?: FingerprintedGrants,
  scopes: readonly string[] = [],
  idp?: FingerprintedIdp,
  token?: FingerprintedToken,
): string {
  const covered: Record<string, unknown> = { state };
  if (token !== undefined) covered.token = `${token.label}|${token.expiryDays}|${token.mint}`;
  if (idp !== undefined) covered.idp = `${idp.provider}|${idp.orgId}|${idp.accountId}|${idp.email ?? ""}|${idp.matchedBy}`;
  if (gatewayUrls.length > 0) covered.gatewayUrls = gatewayUrls.join(" ");
  if (grants !== undefined && (grants.appRoles.length > 0 || grants.groups.length > 0)) {
    covered.grants = {
      appRoles: grants.appRoles.map((r) => `${r.key}|${r.role}|${r.resource}`),
      groups: grants.groups.map((g) => `${g.id}|${g.synced ? "synced" : "copied"}`),
    };
  }
  if (scopes.length > 0) covered.scopes = sortedUnique(scopes);
  return createHash("sha256").update(canonicalJson(Object.keys(covered).length === 1 ? state : covered)).digest("hex");
}

/** The account a migration deactivates in an identity provider, and the email and match that tie it to the bot. */
export interface FingerprintedIdp {
  provider: string;
  orgId: string;
  accountId: string;
  email: string | null;
  matchedBy: string;
}

/** The API token a migration mints: its label, lifetime in days, and whether apply mints it or an admin makes it. */
export interface FingerprintedToken {
  label: string;
  expiryDays: number;
  mint: string;
}

/** What a migration's fingerprint covers. */
export interface FingerprintedMigration {
  source: { state: SourceState };
  cutover: { gatewayUrls: readonly string[] };
  appRoles: FingerprintedGrants["appRoles"];
  groups: FingerprintedGrants["groups"];
  credential: FingerprintedToken & { scopes: readonly string[] };
  idp?: FingerprintedIdp | undefined;
}

/** The fingerprint a migration must carry: its source state, gateway URLs, grants, token (scopes, label, lifetime, how it is made) and IdP account. */
export function migrationFingerprint(m: FingerprintedMigration): string {
  const { scopes, label, expiryDays, mint } = m.credential;
  return fingerprintOf(m.source.state, m.cutover.gatewayUrls, { appRoles: m.appRoles, groups: m.groups }, scopes, m.idp, { label, expiryDays, mint });
}

/**
 * Which fingerprint a migration carries: this version's; the previous release's (the token's scopes
 * covered, not its label, lifetime and minting), which plans may still carry; the one from before
 * scopes were covered, so a plan made then is told apart from one whose fields were edited; or none
 * of them (`edited`). The earlier ones are worked out only when the current one does not match.
 */
export function fingerprintVintage(m: FingerprintedMigration & { source: { fingerprint: string } }): "current" | "previous" | "before-scopes" | "edited" {
  const carried = m.source.fingerprint;
  if (carried === migrationFingerprint(m)) return "current";
  const grants = { appRoles: m.appRoles, groups: m.groups };
  if (carried === fingerprintOf(m.source.state, m.cutover.gatewayUrls, grants, m.credential.scopes, m.idp)) return "previous";
  if (carried === fingerprintOf(m.source.state, m.cutover.gatewayUrls, grants, [], m.idp)) return "before-scopes";
  return "edited";
}

/**
 * JSON with object keys sorted and arrays sorted (by their own canonical form), so two values
 * that differ only in order serialise identically.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map((item) => canonicalize(item))
      .map((item) => ({ item, key: JSON.stringify(item) }))
      .sort((a, b) => compare(a.key, b.key))
      .map(({ item }) => item);
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compare)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonicalize(child);
    }
    return out;
  }
  return value;
}

/**
 * Says in plain sentences how an account changed since a plan was made, e.g.
 * `gained group "automation"`, `lost product access jira-software`,
 * `status changed from active to suspended`, `new API token tok-9`.
 * `groupNames` maps group ids to names for friendlier sentences. Empty when nothing changed.
 */
export function describeStateChanges(planned: SourceState, current: SourceState, groupNames?: ReadonlyMap<string, string>): string[] {
  const changes: string[] = [];
  if (planned.status !== current.status) changes.push(`status changed from ${planned.status} to ${current.status}`);
  if (planned.accountStatus !== current.accountStatus) {
    changes.push(`account status changed from ${planned.accountStatus} to ${current.accountStatus}`);
  }
  const groupLabel = (id: string) => `"${groupNames?.get(id) ?? id}"`;
  const groups = diff(planned.groupIds, current.groupIds);
  for (const id of groups.added) changes.push(`gained group ${groupLabel(id)}`);
  for (const id of groups.removed) changes.push(`lost group ${groupLabel(id)}`);
  // Entries that are the same once Jira's product keys are read alike are not changes.
  const plannedSame = new Set(planned.productAccess.map(sameProductKey));
  const currentSame = new Set(current.productAccess.map(sameProductKey));
  changes.push(
    ...describeProductAccess(
      planned.productAccess.filter((e) => !currentSame.has(sameProductKey(e)) || current.productAccess.includes(e)),
      current.productAccess.filter((e) => !plannedSame.has(sameProductKey(e)) || planned.productAccess.includes(e)),
    ),
  );
  const tokens = diff(planned.tokenIds, current.tokenIds);
  for (const id of tokens.added) changes.push(`new API token ${id}`);
  for (const id of tokens.removed) changes.push(`API token ${id} no longer exists`);
  const roles = diff(planned.platformRoles, current.platformRoles);
  for (const role of roles.added) changes.push(`gained admin role ${role}`);
  for (const role of roles.removed) changes.push(`lost admin role ${role}`);
  return changes;
}

/** The `key|resourceId|role` string that stands for one product access entry in a source state. */
export function productAccessEntry(key: string, resourceId: string, role: string | undefined): string {
  return `${key}|${resourceId}|${role ?? ""}`;
}

/**
 * A product access entry with Jira's product keys (`jira-software`, `jira-servicedesk`, ...) as
 * `jira`: the users search names them `jira`, while snapshots and older reads may name the
 * product, so one account read both ways is not a change.
 */
function sameProductKey(entry: string): string {
  const bar = entry.indexOf("|");
  const key = bar < 0 ? entry : entry.slice(0, bar);
  return key.startsWith("jira-") ? `jira${bar < 0 ? "" : entry.slice(bar)}` : entry;
}

function describeProductAccess(planned: readonly string[], current: readonly string[]): string[] {
  const { added, removed } = diff(planned, current);
  const parse = (entry: string) => {
    const [key = "", resource = "", role = ""] = entry.split("|");
    return { key, resource, role };
  };
  const addedParsed = added.map(parse);
  const removedParsed = removed.map(parse);
  const changes: string[] = [];
  // The same product on the same site with another role is one change, not a loss and a gain.
  const roleChanged = new Set<string>();
  for (const before of removedParsed) {
    const after = addedParsed.find((a) => a.key === before.key && a.resource === before.resource);
    if (after) {
      roleChanged.add(`${before.key}|${before.resource}`);
      changes.push(`role on ${before.key} changed from ${before.role || "(default)"} to ${after.role || "(default)"}`);
    }
  }
  // The resource is only named when the key alone would be ambiguous (one product on several sites).
  const keyCount = (list: readonly string[], key: string) => list.filter((e) => parse(e).key === key).length;
  const label = (p: { key: string; resource: string }, list: readonly string[]) =>
    keyCount(list, p.key) > 1 ? `${p.key} on ${p.resource}` : p.key;
  for (const p of addedParsed) {
    if (!roleChanged.has(`${p.key}|${p.resource}`)) changes.push(`gained product access ${label(p, current)}`);
  }
  for (const p of removedParsed) {
    if (!roleChanged.has(`${p.key}|${p.resource}`)) changes.push(`lost product access ${label(p, planned)}`);
  }
  return changes;
}

function diff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return {
    added: [...a].filter((x) => !b.has(x)).sort(compare),
    removed: [...b].filter((x) => !a.has(x)).sort(compare),
  };
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

// Code-unit order, not locale order, so the fingerprint is the same on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
