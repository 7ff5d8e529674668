import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Group, type Snapshot, type User } from "../../core/snapshot/schema.js";

/** The SCIM 2.0 enterprise user extension (RFC 7643 §4.3). */
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** What this provider reads of a SCIM User (RFC 7643 §4.1); everything is optional on the wire. */
export interface ScimUser {
  id: string;
  externalId?: string;
  userName?: string;
  displayName?: string;
  nickName?: string;
  title?: string;
  active?: boolean;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: { value?: string; type?: string; primary?: boolean }[];
  photos?: { value?: string; primary?: boolean }[];
  groups?: { value?: string; display?: string }[];
  meta?: { created?: string; lastModified?: string };
  [ENTERPRISE_USER]?: { department?: string; employeeNumber?: string; organization?: string; manager?: { value?: string; displayName?: string } };
}

export interface ScimGroup {
  id: string;
  displayName?: string;
  members?: { value?: string; type?: string; display?: string }[];
  meta?: { created?: string; lastModified?: string };
}

/**
 * What a SCIM directory cannot tell, said once per audit instead of pretending it was seen:
 * the signals it has no record of. The audit adds what the missing events rule out.
 */
export const SCIM_LIMITATIONS: readonly string[] = [
  "API tokens (token use is not judged)",
  "login and audit events",
  "product activity",
  "two-step verification state",
];

/** An ISO 8601 instant in UTC, or null when the value is missing or not a date. */
export function isoOrNull(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function primaryEmail(user: ScimUser): string | null {
  const emails = (user.emails ?? []).filter((e) => typeof e.value === "string" && e.value !== "");
  const chosen = emails.find((e) => e.primary === true) ?? emails.find((e) => e.type === "work") ?? emails[0];
  if (chosen?.value) return chosen.value;
  return user.userName !== undefined && user.userName.includes("@") ? user.userName : null;
}

function displayName(user: ScimUser): string {
  const n = user.name;
  const joined = [n?.givenName, n?.familyName].filter((x) => x !== undefined && x !== "").join(" ");
  return user.displayName || n?.formatted || joined || user.userName || user.id;
}

/** A SCIM User as a snapshot user; `groupIds` are the groups that list it as a member, plus its own `groups`. */
export function mapScimUser(user: ScimUser, memberOf: readonly string[] = []): User {
  const active = user.active !== false;
  const enterprise = user[ENTERPRISE_USER];
  const groupIds = [...new Set([...(user.groups ?? []).map((g) => g.value).filter((v): v is string => typeof v === "string" && v !== ""), ...memberOf])].sort();
  const photo = (user.photos ?? []).find((p) => p.primary === true) ?? user.photos?.[0];
  return {
    accountId: user.id,
    accountType: "atlassian",
    accountStatus: active ? "active" : "inactive",
    status: active ? "active" : "deactivated",
    name: displayName(user),
    nickname: user.nickName ?? null,
    email: primaryEmail(user),
    jobTitle: user.title ?? null,
    department: enterprise?.department ?? null,
    picture: photo?.value ?? null,
    addedToOrg: isoOrNull(user.meta?.created),
    productAccess: [],
    groupIds,
    // Kept for people reading the snapshot and for correlation across directories.
    userName: user.userName ?? null,
    externalId: user.externalId ?? null,
    lastModified: isoOrNull(user.meta?.lastModified),
  } as User;
}

export function mapScimGroup(group: ScimGroup): Group {
  return { id: group.id, name: group.displayName ?? group.id, description: null, managementSource: null };
}

/** The directory's users and groups as a snapshot. Group membership comes from both sides. */
export function buildScimSnapshot(input: { orgId: string; name: string; baseUrl: string; takenAt: Date; users: ScimUser[]; groups: ScimGroup[] }): Snapshot {
  const userIds = new Set(input.users.map((u) => u.id));
  const groupIds = new Set(input.groups.map((g) => g.id));
  const memberOf = new Map<string, string[]>();
  for (const g of input.groups) {
    for (const m of g.members ?? []) {
      if (typeof m.value !== "string" || (m.type !== undefined && m.type !== "User") || !userIds.has(m.value)) continue;
      memberOf.set(m.value, [...(memberOf.get(m.value) ?? []), g.id]);
    }
  }
  const seen = new Set<string>();
  const users: User[] = [];
  for (const u of input.users) {
    if (seen.has(u.id)) continue;
    seen.add(u.id);
    const user = mapScimUser(u, memberOf.get(u.id) ?? []);
    // A membership in a group that was not read (filtered, or deleted mid-read) would dangle.
    user.groupIds = user.groupIds.filter((id) => groupIds.has(id));
    users.push(user);
  }
  return {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: input.takenAt.toISOString(),
    source: { provider: "scim", baseUrl: input.baseUrl, limitations: [...SCIM_LIMITATIONS] },
    org: { id: input.orgId, name: input.name, directoryId: "-", sites: [] },
    users,
    groups: input.groups.map(mapScimGroup),
    apiTokens: [],
    events: [],
    serviceAccounts: [],
    serviceAccountTokens: [],
  };
}
