import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import type { AuditEvent, User } from "../core/snapshot/schema.js";
import { decodeCursor, decodeStreamCursor, encodeStreamCursor, pageOf, type PageSize } from "./pagination.js";
import { EmulatorError, platformRoleName, searchProductKey, type EmulatorState, type GatewayIdentity } from "./state.js";

/*
 * The emulator's own route table, written from Atlassian's documentation of the organization,
 * API-access and user-management REST APIs (and, where those are silent, from Atlassian's OpenAPI
 * specs as mirrored in public generated clients). It serves what those documents describe, the
 * way they describe it, and refuses what they forbid:
 *
 * - unknown body fields are refused (400 ADMIN-400-24) on every JSON body;
 * - `-` as directoryId is accepted by search and get only; suspend, restore and group membership
 *   writes must name the org's directory (GET /admin/v2/orgs/{orgId}/directories);
 * - roles/assign|revoke take a role name (`atlassian/user`, ...) and a workspace ARI from the
 *   workspaces search; product-role ARIs are refused;
 * - groups synced from an identity provider (`externalSynced`, `managedBy: "external"`) refuse
 *   membership changes;
 * - a service account is not a directory user: group membership, role grants, suspend and
 *   restore naming one answer 404 USER_NOT_FOUND. Atlassian does not document this; it is the
 *   behaviour a third party observed, and it agrees with the documented rule that a member must be
 *   in the group's directory. `serviceAccountWrites: "accept"` lifts it. A service account gets
 *   its access when it is created (`permissionRules`, `additionalGroups`, as the create operation
 *   describes) or through the admin console's `service-accounts/invite`;
 * - the user search, user details and role assignments list directory users only; service
 *   accounts are listed by the service-account routes;
 * - user details carry no groups and no product access, and product access from the search
 *   (`expand: ["productAccess"]`) carries no role: role assignments list the roles;
 * - the events stream never ends by dropping its cursor: the last page carries a cursor that
 *   polls for newer events, and past the end the page is empty;
 * - the service-account list pages with an absolute `links.next` URL and refuses pages above 80;
 * - the workspaces search refuses any other field next to `cursor`;
 * - each paged GET route accepts only its documented page-size parameter (`limit` on the
 *   organization API, `pageSize` on the API Access lists that document one); a route that
 *   documents none refuses both names;
 * - the users search reports platform roles as `atlassian/org-admin`, ... and product keys as
 *   `jira`, `confluence`, ... (the generated models' forms), whatever form the snapshot holds;
 * - the API gateway refuses a token whose scopes do not cover the endpoint (401 "Unauthorized;
 *   scope does not match") and an account without access to the product: Jira's "Get current
 *   user" answers 401, Confluence's 403.
 */

/** How a route authenticates: the org API key as Bearer, or a product API token as Basic email:token. */
export type Auth = "bearer-api-key" | "basic-token";

/** How settled the documentation of a route is. */
export type RouteStatus = "documented" | "experimental" | "unofficial" | "console";

/** What a route handler sees of a request. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** `http://host:port` as the client addressed the emulator, for absolute URLs. */
  baseUrl: string;
  /** The request path with its query string, for `links.self`. */
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  /** The caller, on routes authenticated with Basic email:token. */
  identity?: GatewayIdentity;
  pageSize(route: RouteId, requested: unknown, name: string): number;
}

export interface RouteReply {
  status: number;
  body?: unknown;
}

/**
 * How a route reports errors: the Atlassian admin shape, the lifecycle API's plain array, or the
 * API gateway's `{code, message}`.
 */
export type ErrorStyle = "admin" | "lifecycle" | "gateway";

/** The query parameter a paged GET route documents for its page size. */
export type PageSizeParam = "limit" | "pageSize";

/** Query parameter names that set a page size on some Atlassian route. */
export const PAGE_SIZE_PARAMS: readonly PageSizeParam[] = ["limit", "pageSize"];

export type RouteId =
  | "listOrgs"
  | "getOrg"
  | "listDirectories"
  | "searchWorkspaces"
  | "searchUsers"
  | "getUser"
  | "listUserRoleAssignments"
  | "suspendUser"
  | "restoreUser"
  | "searchGroups"
  | "addGroupMember"
  | "removeGroupMember"
  | "assignRole"
  | "revokeRole"
  | "eventsStream"
  | "listApiTokens"
  | "listServiceAccounts"
  | "createServiceAccount"
  | "deleteServiceAccount"
  | "listServiceAccountTokens"
  | "listTokensOfServiceAccount"
  | "revokeServiceAccountTokens"
  | "listServiceAccountOAuthClients"
  | "listOAuthClientsOfServiceAccount"
  | "listOAuthClients"
  | "consoleListServiceAccounts"
  | "consoleCreateServiceAccount"
  | "consoleDeleteServiceAccount"
  | "consoleInviteServiceAccounts"
  | "listUserTokens"
  | "revokeUserToken"
  | "mintToken"
  | "disableUser"
  | "enableUser"
  | "auditLogEvents"
  | "verifyMyself"
  | "verifyConfluenceUser";

export interface RouteDefinition {
  id: RouteId;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  auth: Auth;
  status: RouteStatus;
  /** Where the route is described (a section of the project's API notes). */
  source: string;
  errorStyle: ErrorStyle;
  /** On routes with {directoryId}: whether `-` (all directories) is accepted. */
  allDirectories?: boolean;
  /**
   * The page-size query parameter the route documents (or, where the reference names none, the
   * one its examples use); any other page-size name is refused. Absent: none is accepted.
   */
  pageSizeParam?: PageSizeParam;
  handle(state: EmulatorState, req: RouteRequest): RouteReply;
}

/** Default and maximum page sizes: documented values where known, otherwise conservative ones. */
export const DEFAULT_PAGE_SIZES: Partial<Record<RouteId, PageSize>> = {
  listDirectories: { default: 50, max: 100 },
  listUserRoleAssignments: { default: 50, max: 100 },
  searchWorkspaces: { default: 20, max: 100 },
  searchUsers: { default: 50, max: 100 },
  searchGroups: { default: 20, max: 100 },
  listApiTokens: { default: 50, max: 1000 },
  eventsStream: { default: 200, max: 500 },
  listServiceAccounts: { default: 50, max: 80, over: "refuse" },
  consoleListServiceAccounts: { default: 50, max: 80, over: "refuse" },
  listServiceAccountTokens: { default: 50, max: 100 },
  listTokensOfServiceAccount: { default: 50, max: 100 },
  listServiceAccountOAuthClients: { default: 50, max: 100 },
  listOAuthClientsOfServiceAccount: { default: 50, max: 100 },
  listOAuthClients: { default: 50, max: 100 },
  auditLogEvents: { default: 100, max: 1000 },
};

// ---- request bodies (strict: unknown fields are refused) ----------------------------------------

const str = z.string();
const strList = z.array(z.string());

const userSearchBody = z.strictObject({
  cursor: str.optional(),
  limit: z.unknown().optional(),
  accountIds: strList.optional(),
  directoryIds: strList.optional(),
  resourceIds: strList.optional(),
  groupIds: strList.optional(),
  mfaEnabled: z.boolean().optional(),
  claimStatus: z.enum(["managed", "unmanaged"]).optional(),
  status: z.array(z.enum(["active", "suspended", "not_invited", "deactivated", "for_deletion"])).optional(),
  accountStatus: z.array(z.enum(["active", "inactive", "closed"])).optional(),
  membershipStatus: z.array(z.enum(["active", "suspended", "no_membership"])).optional(),
  roleIds: strList.optional(),
  emailDomains: strList.optional(),
  searchTerm: str.optional(),
  emails: strList.optional(),
  expand: z.array(z.enum(["platformRoles", "counts.resources", "productAccess", "groups"])).optional(),
  sortBy: z.array(z.strictObject({ field: z.enum(["nick_name"]), direction: z.enum(["asc", "desc"]) })).max(1).optional(),
});

const groupSearchBody = z.strictObject({
  cursor: str.optional(),
  limit: z.unknown().optional(),
  sortBy: z.array(z.looseObject({ field: str, direction: z.enum(["asc", "desc"]).optional() })).max(1).optional(),
  accountIds: strList.optional(),
  directoryIds: strList.optional(),
  roleIds: strList.optional(),
  resourceOwners: strList.optional(),
  resourceIds: strList.optional(),
  searchTerm: str.optional(),
  groupIds: strList.optional(),
  groupNames: strList.optional(),
  expand: z.array(z.enum(["counts.resources", "counts.users"])).optional(),
});

const workspaceSearchBody = z.strictObject({
  query: z.record(z.string(), z.unknown()).optional(),
  limit: z.unknown().optional(),
  sort: z.array(z.record(z.string(), z.unknown())).nullable().optional(),
  cursor: str.nullable().optional(),
});

const membershipBody = z.strictObject({ accountId: str.min(1) });
const roleBody = z.strictObject({ role: str.min(1), resource: str.min(1).optional() });
const permissionRule = z.strictObject({ role: str.min(1), resource: str.min(1).optional() });

const createServiceAccountBody = z.strictObject({
  displayName: str.trim().min(1).max(255),
  description: str.nullable().optional(),
  permissionRules: z.array(permissionRule).optional(),
  additionalGroups: strList.optional(),
});

const consoleCreateBody = z.strictObject({
  displayName: str.trim().min(1).max(255),
  description: str.nullable().optional(),
});

const consoleInviteBody = z.strictObject({
  userIds: strList.min(1),
  permissionRules: z.array(z.strictObject({ role: str.min(1), resource: str.min(1) })).min(1),
});

const mintBody = z.strictObject({
  label: str.trim().min(1),
  scopes: strList,
  expiry: z.unknown(),
});

const disableBody = z.strictObject({ message: str.optional() });
const emptyBody = z.strictObject({});

// ---- the table ------------------------------------------------------------------------------------

const ORG_V1 = "/admin/v1/orgs/{orgId}";
const ORG_V2 = "/admin/v2/orgs/{orgId}";
const DIR = `${ORG_V2}/directories/{directoryId}`;
const API_ACCESS = "/admin/api-access/v1/orgs/{orgId}";
const ACCOUNT_MGMT = "/admin/account-management/v1/orgs/{orgId}";

function route(
  id: RouteId,
  method: RouteDefinition["method"],
  path: string,
  meta: { status: RouteStatus; source: string; auth?: Auth; allDirectories?: boolean; pageSizeParam?: PageSizeParam },
  handle: RouteDefinition["handle"],
): RouteDefinition {
  return {
    id,
    method,
    path,
    auth: meta.auth ?? "bearer-api-key",
    status: meta.status,
    source: meta.source,
    errorStyle: path.includes("/manage/lifecycle/") ? "lifecycle" : path.startsWith("/ex/") ? "gateway" : "admin",
    ...(meta.allDirectories !== undefined ? { allDirectories: meta.allDirectories } : {}),
    ...(meta.pageSizeParam !== undefined ? { pageSizeParam: meta.pageSizeParam } : {}),
    handle,
  };
}

const ROUTES: readonly RouteDefinition[] = [
  // Organizations REST API
  route("listOrgs", "GET", "/admin/v1/orgs", { status: "documented", source: "2.1 (ACCESS-966: empty for an org API key)" }, (_s, req) => ({
    status: 200,
    body: { data: [], links: { self: `${req.baseUrl}${req.pathWithQuery}` }, meta: null },
  })),
  route("getOrg", "GET", ORG_V1, { status: "documented", source: "2.1" }, (state, req) => ({
    status: 200,
    body: { data: { id: state.orgId, type: "orgs", attributes: { name: state.org.name }, links: { self: `${req.baseUrl}${req.pathWithQuery}` } } },
  })),
  route("listDirectories", "GET", `${ORG_V2}/directories`, { status: "documented", source: "2.1", pageSizeParam: "limit" }, listDirectories),
  route("searchWorkspaces", "POST", `${ORG_V2}/workspaces`, { status: "documented", source: "2.1" }, searchWorkspaces),
  route("searchUsers", "POST", `${DIR}/users/search`, { status: "documented", source: "2.2", allDirectories: true }, searchUsers),
  route("getUser", "GET", `${DIR}/users/{accountId}`, { status: "documented", source: "2.2", allDirectories: true }, getUser),
  route("listUserRoleAssignments", "GET", `${DIR}/users/{accountId}/role-assignments`, { status: "documented", source: "2.2", allDirectories: true, pageSizeParam: "limit" }, listUserRoleAssignments),
  route("suspendUser", "POST", `${DIR}/users/{accountId}/suspend`, { status: "documented", source: "2.2", allDirectories: false }, (state, req) => {
    noBody(req.body);
    state.suspend(param(req, "accountId"));
    return { status: 200, body: { message: "User access suspended." } };
  }),
  route("restoreUser", "POST", `${DIR}/users/{accountId}/restore`, { status: "documented", source: "2.2", allDirectories: false }, (state, req) => {
    noBody(req.body);
    state.restore(param(req, "accountId"));
    return { status: 200, body: { message: "User access restored." } };
  }),
  route("searchGroups", "POST", `${DIR}/groups/search`, { status: "documented", source: "2.3", allDirectories: true }, searchGroups),
  route("addGroupMember", "POST", `${DIR}/groups/{groupId}/memberships`, { status: "documented", source: "2.3", allDirectories: false }, (state, req) => {
    const body = parse(membershipBody, req.body);
    state.addGroupMember(param(req, "groupId"), body.accountId);
    return { status: 204 };
  }),
  route("removeGroupMember", "DELETE", `${DIR}/groups/{groupId}/memberships/{accountId}`, { status: "documented", source: "2.3", allDirectories: false }, (state, req) => {
    state.removeGroupMember(param(req, "groupId"), param(req, "accountId"));
    return { status: 204 };
  }),
  route("assignRole", "POST", `${ORG_V1}/users/{accountId}/roles/assign`, { status: "documented", source: "0, 2.2 (roleApiRequest)" }, (state, req) => {
    const body = parse(roleBody, req.body);
    state.assignRole(param(req, "accountId"), body.role, body.resource);
    return { status: 204 };
  }),
  route("revokeRole", "POST", `${ORG_V1}/users/{accountId}/roles/revoke`, { status: "documented", source: "0, 2.2 (roleApiRequest)" }, (state, req) => {
    const body = parse(roleBody, req.body);
    state.revokeRole(param(req, "accountId"), body.role, body.resource);
    return { status: 204 };
  }),
  route("eventsStream", "GET", `${ORG_V1}/events-stream`, { status: "documented", source: "0, 2.4 (pollEvents)", pageSizeParam: "limit" }, eventsStream),

  // API Access REST API
  route("listApiTokens", "GET", `${API_ACCESS}/api-tokens`, { status: "documented", source: "3 (org-wide user API token inventory; pageSize, cursor)", pageSizeParam: "pageSize" }, listApiTokens),
  route("listServiceAccounts", "GET", `${API_ACCESS}/service-accounts`, { status: "experimental", source: "1.3, 0 (absolute links.next, 80 per page; pageSize as on the other API Access lists)", pageSizeParam: "pageSize" }, (state, req) =>
    listServiceAccounts(state, req, "listServiceAccounts"),
  ),
  route("createServiceAccount", "POST", `${API_ACCESS}/service-accounts`, { status: "experimental", source: "1.3" }, (state, req) => {
    const body = parse(createServiceAccountBody, req.body);
    const sa = state.createServiceAccount({
      displayName: body.displayName,
      description: body.description ?? null,
      ...(body.permissionRules ? { permissionRules: body.permissionRules } : {}),
      ...(body.additionalGroups ? { additionalGroups: body.additionalGroups } : {}),
    });
    return { status: 201, body: serviceAccountCreated(sa) };
  }),
  route("deleteServiceAccount", "DELETE", `${API_ACCESS}/service-accounts/{serviceAccountId}`, { status: "experimental", source: "1.3" }, (state, req) => {
    state.deleteServiceAccount(param(req, "serviceAccountId"));
    return { status: 204 };
  }),
  route("listServiceAccountTokens", "GET", `${API_ACCESS}/service-accounts/api-tokens`, { status: "experimental", source: "1.3" }, (state, req) =>
    serviceAccountTokens(state, req, "listServiceAccountTokens", undefined),
  ),
  route("listTokensOfServiceAccount", "GET", `${API_ACCESS}/service-accounts/{serviceAccountId}/api-tokens`, { status: "experimental", source: "1.3" }, (state, req) =>
    serviceAccountTokens(state, req, "listTokensOfServiceAccount", requireServiceAccount(state, param(req, "serviceAccountId")).id),
  ),
  route("revokeServiceAccountTokens", "DELETE", `${API_ACCESS}/service-accounts/{serviceAccountId}/api-tokens`, { status: "experimental", source: "1.3 (revoke all tokens of one service account)" }, (state, req) => {
    state.revokeAllServiceAccountTokens(param(req, "serviceAccountId"));
    return { status: 204 };
  }),
  route("listServiceAccountOAuthClients", "GET", `${API_ACCESS}/service-accounts/oauth-clients`, { status: "experimental", source: "0, 1.3" }, (state, req) =>
    oauthClients(state, req, "listServiceAccountOAuthClients", { serviceAccounts: true }),
  ),
  route("listOAuthClientsOfServiceAccount", "GET", `${API_ACCESS}/service-accounts/{serviceAccountId}/oauth-clients`, { status: "experimental", source: "0, 1.3" }, (state, req) =>
    oauthClients(state, req, "listOAuthClientsOfServiceAccount", { serviceAccountId: requireServiceAccount(state, param(req, "serviceAccountId")).id }),
  ),
  route("listOAuthClients", "GET", `${API_ACCESS}/oauth-clients`, { status: "documented", source: "0, 1.3 (pageSize, cursor)", pageSizeParam: "pageSize" }, (state, req) => oauthClients(state, req, "listOAuthClients", {})),

  // Admin console routes reported by a third party (section 1.4)
  route("consoleListServiceAccounts", "GET", `${ACCOUNT_MGMT}/service-accounts`, { status: "console", source: "1.4 (limit, at most 80)", pageSizeParam: "limit" }, (state, req) =>
    listServiceAccounts(state, req, "consoleListServiceAccounts"),
  ),
  route("consoleCreateServiceAccount", "POST", `${ACCOUNT_MGMT}/service-accounts`, { status: "console", source: "1.4" }, (state, req) => {
    const body = parse(consoleCreateBody, req.body);
    const sa = state.createServiceAccount({ displayName: body.displayName, description: body.description ?? null });
    return { status: 201, body: serviceAccountCreated(sa) };
  }),
  route("consoleDeleteServiceAccount", "DELETE", `${ACCOUNT_MGMT}/service-accounts/{serviceAccountId}`, { status: "console", source: "1.4" }, (state, req) => {
    state.deleteServiceAccount(param(req, "serviceAccountId"));
    return { status: 204 };
  }),
  route("consoleInviteServiceAccounts", "POST", `${ACCOUNT_MGMT}/service-accounts/invite`, { status: "console", source: "1.4" }, (state, req) => {
    const body = parse(consoleInviteBody, req.body);
    state.inviteServiceAccounts(body.userIds, body.permissionRules);
    return { status: 202 };
  }),

  // User management REST API
  route("listUserTokens", "GET", "/users/{accountId}/manage/api-tokens", { status: "documented", source: "3" }, (state, req) => ({
    status: 200,
    body: state.tokensOf(param(req, "accountId")),
  })),
  route("revokeUserToken", "DELETE", "/users/{accountId}/manage/api-tokens/{tokenId}", { status: "documented", source: "3" }, (state, req) => {
    state.revokeToken(param(req, "accountId"), param(req, "tokenId"));
    return { status: 204 };
  }),
  route("mintToken", "POST", "/users/{accountId}/manage/api-tokens", { status: "unofficial", source: "1.4" }, mintToken),
  route("disableUser", "POST", "/users/{accountId}/manage/lifecycle/disable", { status: "documented", source: "3" }, (state, req) => {
    if (req.body !== undefined) parse(disableBody, req.body);
    state.disable(param(req, "accountId"));
    return { status: 204 };
  }),
  route("enableUser", "POST", "/users/{accountId}/manage/lifecycle/enable", { status: "documented", source: "3" }, (state, req) => {
    noBody(req.body);
    state.enable(param(req, "accountId"));
    return { status: 204 };
  }),

  // Audit Log API (product-side events; pre-release: the reference shows Basic email:token
  // authentication, a workspace ARI in the path and cursor paging; the event body is assumed to
  // follow the organization events model)
  route("auditLogEvents", "GET", "/audit-log/v1/workspaces/{workspaceId}/events", { status: "experimental", source: "0 (Audit Log API; limit and cursor as its examples use)", auth: "basic-token", pageSizeParam: "limit" }, auditLogEvents),

  // The API gateway, for token verification
  route("verifyMyself", "GET", "/ex/jira/{cloudId}/rest/api/3/myself", { status: "documented", source: "1.2 (Jira: Get current user)", auth: "basic-token" }, (_s, req) => {
    const who = gatewayCaller(req, "jira");
    return { status: 200, body: { accountId: who.accountId, emailAddress: who.emailAddress, displayName: who.displayName, accountType: who.accountType, active: who.active } };
  }),
  route("verifyConfluenceUser", "GET", "/ex/confluence/{cloudId}/wiki/rest/api/user/current", { status: "documented", source: "1.2 (Confluence: Get current user)", auth: "basic-token" }, (_s, req) => {
    const who = gatewayCaller(req, "confluence");
    return {
      status: 200,
      body: { type: "known", accountId: who.accountId, accountType: who.accountType, email: who.emailAddress, publicName: who.displayName, displayName: who.displayName },
    };
  }),
];

/** Every route the emulator serves. */
export function routeDefinitions(): RouteDefinition[] {
  return [...ROUTES];
}

// ---- handlers -------------------------------------------------------------------------------------

function listDirectories(state: EmulatorState, req: RouteRequest): RouteReply {
  const cursor = req.query.get("cursor");
  // With a cursor every other parameter is discarded.
  const accountId = cursor ? null : req.query.get("accountId");
  const ids = cursor ? [] : req.query.getAll("directoryIds").flatMap((v) => v.split(",")).filter((v) => v !== "");
  const term = cursor ? null : req.query.get("searchTerm")?.toLowerCase();
  const dirs = state.directories().filter((d) => {
    if (ids.length > 0 && !ids.includes(d.directoryId)) return false;
    if (term && !d.name.toLowerCase().includes(term)) return false;
    if (accountId && !state.findUser(accountId)) return false;
    return true;
  });
  const limit = req.pageSize("listDirectories", req.query.get("limit") ?? undefined, "limit");
  const { page, self, next, prev } = pageOf(dirs, decodeCursor(cursor ?? undefined), limit);
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
}

// Workspaces cursors carry the page size: a request with a cursor may hold nothing else.
function searchWorkspaces(state: EmulatorState, req: RouteRequest): RouteReply {
  const body = parse(workspaceSearchBody, req.body ?? {});
  let offset = 0;
  let limit: number;
  if (body.cursor !== undefined && body.cursor !== null) {
    const others = Object.keys(body).filter((k) => k !== "cursor");
    if (others.length > 0) throw badBody(`When cursor is sent no other field is allowed; got ${others.join(", ")}.`);
    const m = /^ws:(\d{1,9}):(\d{1,4})$/.exec(Buffer.from(body.cursor, "base64url").toString("utf8"));
    if (!m) throw new EmulatorError(400, "ADMIN-400-1", "Bad Request", "The cursor is invalid.");
    offset = Number(m[1]);
    limit = Number(m[2]);
  } else {
    limit = req.pageSize("searchWorkspaces", body.limit, "limit");
  }
  const all = state.workspaces();
  const page = all.slice(offset, offset + limit);
  const wsCursor = (o: number): string => Buffer.from(`ws:${o}:${limit}`, "utf8").toString("base64url");
  const data = page.map((w) => ({
    id: w.id,
    type: "workspace",
    attributes: { name: w.name, typeKey: w.typeKey, type: w.typeKey, owner: state.orgId, status: "online", hostUrl: w.hostUrl },
    links: { self: `${req.baseUrl}/admin/v2/orgs/${encodeURIComponent(state.orgId)}/workspaces/${encodeURIComponent(w.id)}` },
  }));
  return {
    status: 200,
    body: {
      data,
      links: {
        self: wsCursor(offset),
        ...(offset + limit < all.length ? { next: wsCursor(offset + limit) } : {}),
        ...(offset > 0 ? { prev: wsCursor(Math.max(0, offset - limit)) } : {}),
      },
      meta: { pageSize: limit, startIndex: offset, endIndex: offset + page.length, total: all.length },
    },
  };
}

function searchUsers(state: EmulatorState, req: RouteRequest): RouteReply {
  const body = parse(userSearchBody, req.body ?? {});
  if (body.searchTerm !== undefined && body.emails !== undefined) throw badBody("searchTerm and emails cannot be used together.");
  checkDirectoryIds(state, body.directoryIds);
  const emails = body.emails?.map((e) => e.toLowerCase());
  const domains = body.emailDomains?.map((d) => d.toLowerCase().replace(/^@/, ""));
  const term = body.searchTerm?.toLowerCase();
  const expand = new Set(body.expand ?? []);
  let users = state.users.filter((u) => {
    const email = (u.email ?? "").toLowerCase();
    if (body.accountIds && !body.accountIds.includes(u.accountId)) return false;
    if (body.status && !body.status.includes(compositeStatus(u) as never)) return false;
    if (body.accountStatus && !body.accountStatus.includes(u.accountStatus)) return false;
    if (body.membershipStatus && !body.membershipStatus.includes(membershipStatus(u) as never)) return false;
    if (body.groupIds && !u.groupIds.some((g) => body.groupIds?.includes(g))) return false;
    if (body.resourceIds && !u.productAccess.some((p) => body.resourceIds?.includes(p.id))) return false;
    if (body.mfaEnabled !== undefined && (u.mfaEnabled ?? false) !== body.mfaEnabled) return false;
    if (body.claimStatus && (u.claimStatus ?? "managed") !== body.claimStatus) return false;
    if (body.roleIds && !body.roleIds.some((r) => holdsRole(u, r))) return false;
    if (emails && !emails.includes(email)) return false;
    if (domains && !domains.some((d) => email.endsWith(`@${d}`))) return false;
    if (term && !u.name.toLowerCase().includes(term) && !email.includes(term) && !(u.nickname ?? "").toLowerCase().includes(term)) return false;
    return true;
  });
  const sort = body.sortBy?.[0];
  if (sort) {
    const dir = sort.direction === "desc" ? -1 : 1;
    users = [...users].sort((a, b) => dir * (a.nickname ?? a.name).localeCompare(b.nickname ?? b.name));
  }
  const limit = req.pageSize("searchUsers", body.limit, "limit");
  const { page, self, next, prev } = pageOf(users, decodeCursor(body.cursor), limit);
  return {
    status: 200,
    body: {
      data: page.map((u) => directoryUser(state, u, expand)),
      links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) },
    },
  };
}

// User details: the profile and status, with no groups and no product access (those come from
// the search with accountIds and expand).
function getUser(state: EmulatorState, req: RouteRequest): RouteReply {
  const accountId = param(req, "accountId");
  const user = state.findUser(accountId);
  if (!user) throw new EmulatorError(404, "ADMIN-404-8", "Not Found", `User ${accountId} was not found.`);
  const { productAccess: _p, groups: _g, links: _l, ...details } = directoryUser(state, user, new Set(["platformRoles"]));
  return { status: 200, body: { data: details } };
}

function listUserRoleAssignments(state: EmulatorState, req: RouteRequest): RouteReply {
  const accountId = param(req, "accountId");
  const user = state.findUser(accountId);
  const list = (name: string): string[] => req.query.getAll(name).flatMap((v) => v.split(",")).filter((v) => v !== "");
  const resourceIds = list("resourceIds");
  const roleIds = list("roleIds");
  const owners = list("resourceOwners");
  const items = state
    .roleAssignmentsOf(accountId)
    .filter((a) => (resourceIds.length === 0 || resourceIds.includes(a.resourceId)) && (roleIds.length === 0 || roleIds.includes(a.role)) && (owners.length === 0 || owners.includes(a.resourceOwner)))
    .map((a) => ({
      resourceId: a.resourceId,
      resourceOwner: a.resourceOwner,
      roles: [a.role],
      roleAssignments: [{ role: a.role }],
      directoryId: a.directory ? state.directoryId : null,
      userDirectoryStatus: a.directory ? (user ? membershipStatus(user) : "active") : null,
    }));
  const limit = req.pageSize("listUserRoleAssignments", req.query.get("limit") ?? undefined, "limit");
  const { page, self, next, prev } = pageOf(items, decodeCursor(req.query.get("cursor") ?? undefined), limit);
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
}

function searchGroups(state: EmulatorState, req: RouteRequest): RouteReply {
  const body = parse(groupSearchBody, req.body ?? {});
  if (body.groupNames !== undefined && (body.searchTerm !== undefined || body.groupIds !== undefined)) {
    throw badBody("groupNames cannot be used together with searchTerm or groupIds.");
  }
  checkDirectoryIds(state, body.directoryIds);
  const names = body.groupNames?.map((n) => n.toLowerCase());
  const term = body.searchTerm?.toLowerCase();
  const expand = new Set(body.expand ?? []);
  const members = new Map<string, number>();
  for (const u of state.users) for (const g of u.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
  const groups = state.groups
    .filter((g) => {
      if (body.groupIds && !body.groupIds.includes(g.id)) return false;
      if (names && !names.includes(g.name.toLowerCase())) return false;
      if (term && !g.name.toLowerCase().includes(term)) return false;
      if (body.accountIds && !state.users.some((u) => body.accountIds?.includes(u.accountId) && u.groupIds.includes(g.id))) return false;
      return true;
    })
    .map((g) => {
      const synced = state.isSynced(g);
      const counts: Record<string, number> = {};
      if (expand.has("counts.users")) counts.users = members.get(g.id) ?? 0;
      if (expand.has("counts.resources")) counts.resources = 0;
      return {
        id: g.id,
        name: g.name,
        ...(g.description !== undefined && g.description !== null ? { description: g.description } : {}),
        directoryId: state.directoryId,
        externalSynced: synced,
        managedBy: synced ? "external" : "admins",
        ...(expand.size > 0 ? { counts } : {}),
      };
    });
  const limit = req.pageSize("searchGroups", body.limit, "limit");
  const { page, self, next, prev } = pageOf(groups, decodeCursor(body.cursor), limit);
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
}

function listApiTokens(state: EmulatorState, req: RouteRequest): RouteReply {
  const status = req.query.get("status");
  const q = req.query.get("q")?.toLowerCase();
  const tokens = state.apiTokens
    .map((t) => ({ t, owner: state.describeAccount(t.accountId) }))
    .filter(({ t, owner }) => {
      if (status && t.status !== status) return false;
      if (q && ![t.label, owner.name ?? "", owner.email ?? ""].some((v) => v.toLowerCase().includes(q))) return false;
      return true;
    })
    .map(({ t, owner }) => ({
      id: t.id,
      label: t.label,
      status: t.status,
      createdAt: t.createdAt ?? null,
      expiresAt: t.expiresAt ?? null,
      lastActiveAt: t.lastActiveAt ?? null,
      user: { id: t.accountId, orgId: state.orgId, name: owner.name, email: owner.email },
    }));
  const { page, self, next, prev } = queryPage(tokens, req, "listApiTokens", "pageSize");
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
}

// `{items, links:{next,prev}, total}`; the links are absolute URLs, and more than 80 per page is
// refused.
function listServiceAccounts(state: EmulatorState, req: RouteRequest, id: RouteId): RouteReply {
  const items = state.serviceAccounts.map((sa) => ({
    atlassianId: sa.accountId,
    id: sa.id,
    email: sa.email,
    displayName: sa.displayName,
    picture: null,
    container: null,
    updatedAt: sa.createdAt ? Date.parse(sa.createdAt) : null,
    status: sa.status,
    createdById: null,
    description: sa.description ?? null,
  }));
  // The API Access list pages with `pageSize` like the other API Access lists; the console's
  // account-management list with `limit` (as a third party saw it).
  const name: PageSizeParam = id === "consoleListServiceAccounts" ? "limit" : "pageSize";
  const limit = req.pageSize(id, req.query.get(name) ?? undefined, name);
  const { page, next, prev } = pageOf(items, decodeCursor(req.query.get("cursor") ?? undefined), limit);
  const path = req.pathWithQuery.split("?")[0] ?? "";
  const url = (cursor: string): string => `${req.baseUrl}${path}?${new URLSearchParams({ cursor, [name]: String(limit) }).toString()}`;
  return {
    status: 200,
    body: { items: page, links: { ...(next ? { next: url(next) } : {}), ...(prev ? { prev: url(prev) } : {}) }, total: items.length },
  };
}

function serviceAccountTokens(state: EmulatorState, req: RouteRequest, id: RouteId, serviceAccountId: string | undefined): RouteReply {
  const label = req.query.get("tokenLabel");
  const tokens = state.serviceAccountTokens
    .filter((t) => (serviceAccountId === undefined || t.serviceAccountId === serviceAccountId) && (!label || t.label === label))
    .map((t) => ({
      id: t.id,
      label: t.label,
      createdAt: t.createdAt ?? null,
      expiresAt: t.expiresAt ?? null,
      lastActiveAt: typeof t.lastActiveAt === "string" ? t.lastActiveAt : null,
      serviceAccountId: t.serviceAccountId,
    }));
  // No page size is documented for these lists (only `tokenLabel`): pages are the route's own.
  const { page, self, next } = queryPage(tokens, req, id, undefined);
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}) } } };
}

function oauthClients(state: EmulatorState, req: RouteRequest, id: RouteId, filter: { serviceAccounts?: boolean; serviceAccountId?: string }): RouteReply {
  const clientName = req.query.get("clientName");
  const clients = state.oauthClients
    .filter((c) => {
      if (filter.serviceAccounts && c.serviceAccountId === null) return false;
      if (filter.serviceAccountId !== undefined && c.serviceAccountId !== filter.serviceAccountId) return false;
      if (clientName && c.name !== clientName) return false;
      return true;
    })
    .map((c) => ({
      clientId: c.clientId,
      name: c.name,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      status: c.status,
      ...(id === "listOAuthClients" ? {} : { serviceAccountId: c.serviceAccountId }),
    }));
  const { page, self, next, prev } = queryPage(clients, req, id, id === "listOAuthClients" ? "pageSize" : undefined);
  return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
}

function mintToken(state: EmulatorState, req: RouteRequest): RouteReply {
  const raw = req.body;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw) && "expiresAt" in raw && !("expiry" in raw)) {
    throw new EmulatorError(400, "ADMIN-400-24", "INVALID_EXPIRY", "expiry is required (RFC 3339); expiresAt is not accepted.");
  }
  const body = parse(mintBody, raw);
  const expiry = typeof body.expiry === "string" && /^\d{4}-\d{2}-\d{2}T/.test(body.expiry) ? new Date(body.expiry) : undefined;
  if (!expiry || Number.isNaN(expiry.getTime())) throw new EmulatorError(400, "ADMIN-400-24", "INVALID_EXPIRY", "expiry must be an RFC 3339 timestamp.");
  const minted = state.mintToken(param(req, "accountId"), { label: body.label, scopes: body.scopes, expiry });
  return { status: 201, body: minted };
}

/**
 * Emulates the polling events stream. The cursor is a position (the last event served), so it
 * stays valid at the end: the last page carries a cursor, and a request with it answers an empty
 * page until newer events arrive. `links.next` is a full URL that keeps only cursor and limit
 * (the window parameters are not carried over), so a client re-adds `from` and `to`.
 */
function eventsStream(state: EmulatorState, req: RouteRequest): RouteReply {
  const from = epochParam(req.query.get("from"), "from");
  const to = epochParam(req.query.get("to"), "to");
  const sortOrder = req.query.get("sortOrder");
  if (sortOrder !== null && sortOrder !== "asc" && sortOrder !== "desc") throw badBody("sortOrder must be asc or desc.");
  const limit = req.pageSize("eventsStream", req.query.get("limit") ?? undefined, "limit");
  const cursor = req.query.get("cursor");
  const position: { t: number | null; id: string | null; order: "asc" | "desc" } = cursor
    ? decodeStreamCursor(cursor)
    : { t: null, id: null, order: sortOrder === "desc" ? "desc" : "asc" };
  // The sort order is kept in the cursor across requests. The events are indexed by (time, id),
  // so a page costs a few binary searches rather than a pass over every event.
  const order = position.order;
  const index = state.eventsByTime();
  const before = (e: { t: number; id: string }, p: { t: number; id: string }): boolean => e.t < p.t || (e.t === p.t && e.id < p.id);
  const lo = from === undefined ? 0 : firstIndex(index, (e) => e.t >= from);
  const hi = to === undefined ? index.length : firstIndex(index, (e) => e.t > to);
  const at = position.t === null || position.id === null ? undefined : { t: position.t, id: position.id };
  let page: { t: number; id: string; ev: AuditEvent }[];
  if (order === "asc") {
    const begin = at === undefined ? lo : Math.max(lo, firstIndex(index, (e) => before(at, e)));
    page = index.slice(begin, Math.max(begin, Math.min(begin + limit, hi)));
  } else {
    const end = at === undefined ? hi : Math.min(hi, firstIndex(index, (e) => !before(e, at)));
    page = index.slice(Math.max(lo, end - limit), Math.max(lo, end)).reverse();
  }
  const last = page[page.length - 1];
  const nextCursor = last ? encodeStreamCursor({ t: last.t, id: last.id, order }) : cursor ?? encodeStreamCursor({ t: null, id: null, order });
  const look = lookups(state);
  const base = `${req.baseUrl}/admin/v1/orgs/${encodeURIComponent(state.orgId)}/events-stream`;
  return {
    status: 200,
    body: {
      data: page.map(({ ev }) => eventShape(state, look, ev, req.baseUrl)),
      meta: { next: nextCursor, page_size: page.length },
      links: { self: `${req.baseUrl}${req.pathWithQuery}`, next: `${base}?${new URLSearchParams({ cursor: nextCursor, limit: String(limit) }).toString()}` },
    },
  };
}

// Product-side events of one workspace (its ARI, URL-encoded in the path, or its site's cloud id).
// The snapshot format has no product events; events that carry an extra `workspaceId` naming the
// workspace are served here. `links.next` is a full URL carrying the cursor.
function auditLogEvents(state: EmulatorState, req: RouteRequest): RouteReply {
  identityOf(req);
  const workspaceId = param(req, "workspaceId");
  const workspace = state.workspaces().find((w) => w.id === workspaceId || w.cloudId === workspaceId);
  if (!workspace) throw new EmulatorError(404, "NOT_FOUND", "Not Found", `Workspace ${workspaceId} was not found.`);
  const from = epochOrIso(req.query.get("from"), "from");
  const to = epochOrIso(req.query.get("to"), "to");
  const actions = req.query.getAll("action");
  const events = state.events.filter((ev) => {
    const w = (ev as AuditEvent & { workspaceId?: unknown }).workspaceId;
    if (w !== workspace.cloudId && w !== workspace.id) return false;
    const t = Date.parse(ev.time);
    if (from !== undefined && t < from) return false;
    if (to !== undefined && t > to) return false;
    return actions.length === 0 || actions.includes(ev.action);
  });
  const limit = req.pageSize("auditLogEvents", req.query.get("limit") ?? undefined, "limit");
  const { page, next } = pageOf(events, decodeCursor(req.query.get("cursor") ?? undefined), limit);
  const look = lookups(state);
  const path = req.pathWithQuery.split("?")[0] ?? "";
  const nextUrl = next === undefined ? undefined : `${req.baseUrl}${path}?${new URLSearchParams({ cursor: next, limit: String(limit) }).toString()}`;
  return {
    status: 200,
    body: {
      data: page.map((ev) => {
        const shaped = eventShape(state, look, ev, req.baseUrl);
        return { ...shaped, links: { self: `${req.baseUrl}${path}/${encodeURIComponent(ev.id)}` } };
      }),
      links: { self: `${req.baseUrl}${req.pathWithQuery}`, ...(nextUrl ? { next: nextUrl } : {}) },
    },
  };
}

/** The first index whose item satisfies `pred` (false for a prefix, true after), or the length. */
function firstIndex<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// ---- shapes ---------------------------------------------------------------------------------------

function serviceAccountCreated(sa: EmulatorState["serviceAccounts"][number]): Record<string, unknown> {
  return { id: sa.id, atlassianId: sa.accountId, email: sa.email, displayName: sa.displayName, description: sa.description ?? null, status: sa.status };
}

function compositeStatus(u: User): string {
  if (u.accountStatus !== "active") return "deactivated";
  return u.status;
}

function membershipStatus(u: User): string {
  if (u.status === "suspended") return "suspended";
  if (u.status === "not_invited") return "no_membership";
  return "active";
}

function holdsRole(u: User, role: string): boolean {
  const admin: Record<string, string> = { "atlassian/org-admin": "org-admin", "atlassian/site-admin": "site-admin", "atlassian/user-access-admin": "user-access-admin" };
  const adminRole = admin[role];
  if (adminRole) return (u.platformRoles ?? []).map(platformRoleName).includes(role);
  if (role === "atlassian/user") return u.productAccess.length > 0;
  return u.productAccess.some((p) => p.role === role);
}

function directoryUser(state: EmulatorState, u: User, expand: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    accountId: u.accountId,
    accountType: u.accountType,
    status: compositeStatus(u),
    accountStatus: u.accountStatus,
    membershipStatus: membershipStatus(u),
    ...(u.addedToOrg ? { addedToOrg: u.addedToOrg } : {}),
    name: u.name,
    ...(u.nickname ? { nickname: u.nickname } : {}),
    ...(u.email !== undefined && u.email !== null ? { email: u.email } : {}),
    ...(u.emailVerified !== undefined && u.emailVerified !== null ? { emailVerified: u.emailVerified } : {}),
    ...(u.claimStatus ? { claimStatus: u.claimStatus } : {}),
    ...(u.picture ? { picture: u.picture } : {}),
    managementSource: u.managementSource ?? null,
    ...(u.mfaEnabled !== undefined && u.mfaEnabled !== null ? { mfaEnabled: u.mfaEnabled } : {}),
    ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
    department: u.department ?? null,
  };
  if (expand.has("platformRoles")) out.platformRoles = (u.platformRoles ?? []).map(platformRoleName);
  if (expand.has("counts.resources")) out.counts = { resources: new Set(u.productAccess.map((p) => p.id)).size };
  if (expand.has("productAccess")) {
    // Product access as the search reports it: key, workspace id and last activity; no role.
    out.productAccess = u.productAccess.map((p) => ({ key: searchProductKey(p.key), id: p.id, lastActiveTimestamp: p.lastActiveTimestamp ?? null }));
  }
  if (expand.has("groups")) {
    out.groups = u.groupIds.flatMap((id) => {
      const g = state.groups.find((x) => x.id === id);
      return g ? [{ id: g.id, name: g.name, ...(g.description ? { description: g.description } : {}) }] : [];
    });
  }
  return out;
}

interface Lookups {
  actor(accountId: string): { name: string | null; email: string | null };
  tokenLabel(tokenId: string): string | null;
}

// Events pages are large (up to 500), so actors and token labels are looked up through maps
// built once per request rather than by scanning the lists for every event.
function lookups(state: EmulatorState): Lookups {
  const actors = new Map<string, { name: string | null; email: string | null }>();
  for (const u of state.users) actors.set(u.accountId, { name: u.name, email: u.email ?? null });
  for (const sa of state.serviceAccounts) actors.set(sa.accountId, { name: sa.displayName, email: sa.email });
  const labels = new Map<string, string>();
  for (const t of state.serviceAccountTokens) labels.set(t.id, t.label);
  for (const t of state.apiTokens) labels.set(t.id, t.label);
  return {
    actor: (id) => actors.get(id) ?? { name: null, email: null },
    tokenLabel: (id) => labels.get(id) ?? null,
  };
}

function eventShape(state: EmulatorState, look: Lookups, ev: AuditEvent, baseUrl: string): Record<string, unknown> {
  const actor = look.actor(ev.actorId);
  const tokenId = ev.tokenId ?? null;
  const tokenLabel = tokenId === null ? null : look.tokenLabel(tokenId);
  const hasAuth = (ev.authType ?? null) !== null || tokenId !== null;
  return {
    id: ev.id,
    type: "events",
    attributes: {
      time: ev.time,
      processedAt: ev.time,
      action: ev.action,
      actor: {
        id: ev.actorId,
        name: actor.name,
        email: actor.email,
        ...(hasAuth ? { auth: { authType: ev.authType ?? null, tokenId, tokenLabel } } : {}),
      },
      ...(ev.ip ? { location: { ip: ev.ip } } : {}),
      context: [],
      container: [],
    },
    links: { self: `${baseUrl}/admin/v1/orgs/${encodeURIComponent(state.orgId)}/events/${encodeURIComponent(ev.id)}` },
  };
}

function queryPage<T>(items: readonly T[], req: RouteRequest, id: RouteId, name: PageSizeParam | undefined): ReturnType<typeof pageOf<T>> {
  const requested = name === undefined ? undefined : (req.query.get(name) ?? undefined);
  const limit = req.pageSize(id, requested, name ?? "page size");
  return pageOf(items, decodeCursor(req.query.get("cursor") ?? undefined), limit);
}

// ---- request helpers ------------------------------------------------------------------------------

/** Parses a JSON body with a strict schema; every problem is named in one 400 ADMIN-400-24. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badBody("The request body must be a JSON object.");
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
    const where = issue.path.map(String).join(".");
    return where === "" ? issue.message : `${where}: ${issue.message}`;
  });
  throw badBody(`The request body is invalid: ${problems.join("; ")}.`);
}

function noBody(body: unknown): void {
  if (body !== undefined) parse(emptyBody, body);
}

function checkDirectoryIds(state: EmulatorState, ids: readonly string[] | undefined): void {
  for (const id of ids ?? []) {
    if (id !== state.directoryId) throw new EmulatorError(404, "ADMIN-404-1", "Not Found", `Directory ${id} was not found.`);
  }
}

function requireServiceAccount(state: EmulatorState, id: string): { id: string } {
  const sa = state.findServiceAccount(id);
  if (!sa) throw new EmulatorError(404, "ADMIN-404-8", "Not Found", `Service account ${id} was not found.`);
  return sa;
}

/**
 * Scopes each gateway "current user" endpoint requires: the classic scope, or every granular one
 * (Jira: Get current user; Confluence: Get current user).
 */
const CURRENT_USER_SCOPES: Record<"jira" | "confluence", { classic: string; granular: readonly string[] }> = {
  jira: { classic: "read:jira-user", granular: ["read:application-role:jira", "read:group:jira", "read:user:jira", "read:avatar:jira"] },
  confluence: { classic: "read:confluence-user", granular: ["read:content-details:confluence"] },
};

/**
 * The caller of a gateway "current user" endpoint, refused as Atlassian refuses it: a token whose
 * scopes do not cover the endpoint gets the gateway's 401 "Unauthorized; scope does not match";
 * an account without access to the product on this site gets Jira's 401 or Confluence's 403.
 */
function gatewayCaller(req: RouteRequest, product: "jira" | "confluence"): GatewayIdentity {
  const who = identityOf(req);
  const needed = CURRENT_USER_SCOPES[product];
  if (who.scopes !== null && !who.scopes.includes(needed.classic) && !needed.granular.every((s) => who.scopes?.includes(s))) {
    throw new EmulatorError(401, "401", "Unauthorized", "Unauthorized; scope does not match");
  }
  const cloudId = param(req, "cloudId");
  const family = (key: string) => (key.startsWith("jira") ? "jira" : key.startsWith("confluence") ? "confluence" : key);
  if (!who.productAccess.some((a) => family(a.key) === product && a.cloudId === cloudId)) {
    if (product === "jira") throw new EmulatorError(401, "401", "Unauthorized", "Client must be authenticated to access this resource.");
    throw new EmulatorError(403, "403", "Forbidden", "The calling user does not have permission to use Confluence.");
  }
  return who;
}

function identityOf(req: RouteRequest): GatewayIdentity {
  if (!req.identity) throw new EmulatorError(401, "UNAUTHORIZED", "Unauthorized", "Client must be authenticated to access this resource.");
  return req.identity;
}

function param(req: RouteRequest, name: string): string {
  const value = req.params[name];
  if (value === undefined) throw new Error(`route has no parameter ${name}`);
  return value;
}

function badBody(detail: string): EmulatorError {
  return new EmulatorError(400, "ADMIN-400-24", "Bad Request", detail);
}

function epochParam(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new EmulatorError(400, "ADMIN-400-3", "Bad Request", `${name} must be a UNIX epoch time in milliseconds.`);
  return Number(value);
}

function epochOrIso(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new EmulatorError(400, "ADMIN-400-3", "Bad Request", `${name} must be an epoch time in milliseconds or an ISO 8601 time.`);
  return t;
}
