/**
 * The one catalogue of Atlassian endpoints that bot2svc's client uses; the provider calls only
 * these. The emulator keeps its own route table, written from Atlassian's documentation, and a
 * test fails when the client calls a route it does not serve. One line per endpoint, with its
 * source and what the client does when Atlassian refuses: docs/atlassian-api.md.
 *
 * `status`:
 * - `documented`   — in Atlassian's published REST reference.
 * - `experimental` — documented but marked experimental by Atlassian (may change).
 * - `unofficial`   — only seen in the admin console's own traffic; used only when enabled with
 *                    BOT2SVC_ATLASSIAN_UNOFFICIAL=1 or `atlassian.unofficial: true` in the config.
 *
 * `pagination`:
 * - `v2-body-cursor`   — POST search; `cursor` and `limit` in the JSON body; response
 *                        `{data, links:{self,prev,next}}` where `links.next` is a bare cursor token.
 *                        Workspaces search allows no other body field next to `cursor`.
 * - `query-cursor`     — GET with `cursor` (and the route's own page-size name, `limit` or
 *                        `pageSize`, where it documents one) in the query; response
 *                        `{data|items, links:{self,next,prev}}` where `links.next` is a bare cursor.
 * - `next-link`        — like `query-cursor`, but `links.next` may be a bare cursor or an absolute
 *                        URL; either is followed (service-account list).
 * - `poll-stream`      — GET (events-stream); `links.next` is a full URL, `meta.next` a cursor. Per
 *                        ACCESS-1603 the next URL drops `from`/`to`, so the client re-adds them. The
 *                        last page may still carry a cursor (kept for polling); the read ends on an
 *                        empty page or once an event reaches `to`.
 * - `none`             — one response holds everything (a plain array).
 */
export type EndpointStatus = "documented" | "experimental" | "unofficial";
export type Pagination = "v2-body-cursor" | "query-cursor" | "next-link" | "poll-stream" | "none";
export type Auth = "bearer-api-key" | "basic-token";

export interface Endpoint {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template; `{name}` segments are filled from parameters. */
  path: string;
  status: EndpointStatus;
  pagination: Pagination;
  auth: Auth;
  /** True when repeating the request cannot create a duplicate (safe to retry blindly). */
  idempotent: boolean;
  summary: string;
}

const e = (x: Endpoint): Endpoint => x;

export const ENDPOINTS = {
  // ---- reads (an audit costs about one request per page of each) ----
  getOrg: e({ id: "getOrg", method: "GET", path: "/admin/v1/orgs/{orgId}", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Organization name. Response {data:{id,type,attributes:{name}}}." }),
  searchWorkspaces: e({ id: "searchWorkspaces", method: "POST", path: "/admin/v2/orgs/{orgId}/workspaces", status: "documented", pagination: "v2-body-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "Sites and products. Body {limit} on page 1, {cursor} alone after. data[]: {id:'ari:cloud:jira::site/<cloudId>', type, attributes:{name,typeKey,status,hostUrl}}." }),
  searchUsers: e({ id: "searchUsers", method: "POST", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/search", status: "documented", pagination: "v2-body-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "Users with expand [platformRoles, productAccess, groups]. data[]: MultiDirectoryUser (camelCase), groups[] = {id,name,description}." }),
  searchGroups: e({ id: "searchGroups", method: "POST", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/search", status: "documented", pagination: "v2-body-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "Groups. data[]: {id,name,description,directoryId,externalSynced,managedBy}; externalSynced true = IdP-synced (no member writes)." }),
  listDirectories: e({ id: "listDirectories", method: "GET", path: "/admin/v2/orgs/{orgId}/directories", status: "documented", pagination: "query-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "Directories of the org (query accountId, cursor, limit). {data:[{directoryId,name,icon}], links:{self,prev,next}}. Writes name one of these, never '-'." }),
  listApiTokens: e({ id: "listApiTokens", method: "GET", path: "/admin/api-access/v1/orgs/{orgId}/api-tokens", status: "documented", pagination: "query-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "Org-wide user API token inventory. Query pageSize,cursor. data[]: {id,label,status,createdAt,expiresAt,lastActiveAt,user:{id,orgId,name,email}}." }),
  eventsStream: e({ id: "eventsStream", method: "GET", path: "/admin/v1/orgs/{orgId}/events-stream", status: "documented", pagination: "poll-stream", auth: "bearer-api-key", idempotent: true,
    summary: "Audit events for bulk reads. Query from,to (epoch ms),limit (max 500),cursor,sortOrder=asc. data[]: {id,type:'events',attributes:{time,action,actor:{id,name,email,auth:{authType,tokenId,tokenLabel}},location:{ip},context[],container[]}}; meta.next cursor; links.next URL; the last page may keep a cursor for polling." }),
  listServiceAccounts: e({ id: "listServiceAccounts", method: "GET", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts", status: "experimental", pagination: "next-link", auth: "bearer-api-key", idempotent: true,
    summary: "Service accounts. Query pageSize,cursor; links.next is a cursor or an absolute URL. {items:[{atlassianId,id,email,displayName,picture,container,updatedAt,status,createdById,description}], links:{next,prev}, total}." }),
  listServiceAccountTokens: e({ id: "listServiceAccountTokens", method: "GET", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts/api-tokens", status: "experimental", pagination: "query-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "API tokens of all service accounts. Query tokenLabel only (no page size is documented). {data:[{id,label,createdAt,expiresAt,serviceAccountId}], links:{next}}." }),
  listTokensOfServiceAccount: e({ id: "listTokensOfServiceAccount", method: "GET", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts/{serviceAccountId}/api-tokens", status: "experimental", pagination: "query-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "API tokens of one service account (collection id). Query tokenLabel only. {data:[{id,label,createdAt,expiresAt}], links:{next}}. 404/405: the user-management route is used instead." }),
  listServiceAccountOAuthClients: e({ id: "listServiceAccountOAuthClients", method: "GET", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts/oauth-clients", status: "experimental", pagination: "query-cursor", auth: "bearer-api-key", idempotent: true,
    summary: "OAuth 2.0 clients of all service accounts. Query clientName only (no page size is documented). {data|items:[{clientId,name,status,createdAt,updatedAt,serviceAccountId?}], links:{next}}." }),
  auditLogEvents: e({ id: "auditLogEvents", method: "GET", path: "/audit-log/v1/workspaces/{workspaceId}/events", status: "experimental", pagination: "query-cursor", auth: "basic-token", idempotent: true,
    summary: "Product-side (Jira/Confluence) audit events of one workspace, with Basic email:token of an admin. Query from,to,cursor,limit. {data:[{id,attributes:{time,action,actor:{id},location:{ip}}}], links:{next}}." }),

  // ---- writes ----
  createServiceAccount: e({ id: "createServiceAccount", method: "POST", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts", status: "experimental", pagination: "none", auth: "bearer-api-key", idempotent: false,
    summary: "Create a service account. Body {displayName,description}. Response {id,atlassianId,email,displayName,status}. 409 ADMIN-409-3 when the quota is full." }),
  deleteServiceAccount: e({ id: "deleteServiceAccount", method: "DELETE", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts/{serviceAccountId}", status: "experimental", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Delete a service account. 204." }),
  revokeServiceAccountTokens: e({ id: "revokeServiceAccountTokens", method: "DELETE", path: "/admin/api-access/v1/orgs/{orgId}/service-accounts/{serviceAccountId}/api-tokens", status: "experimental", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Revoke every API token of one service account. 204." }),
  assignRole: e({ id: "assignRole", method: "POST", path: "/admin/v1/orgs/{orgId}/users/{accountId}/roles/assign", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Grant an app role. Body {role:'atlassian/user'|'atlassian/admin'|…, resource: workspace ARI}. 204. Service accounts as target: UNCONFIRMED." }),
  addGroupMember: e({ id: "addGroupMember", method: "POST", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Add a member. Body {accountId}; real directory id. 204; refused for IdP-synced groups; service accounts as members: UNCONFIRMED (USER_NOT_FOUND reported)." }),
  removeGroupMember: e({ id: "removeGroupMember", method: "DELETE", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/groups/{groupId}/memberships/{accountId}", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Remove a member. 204." }),
  listUserTokens: e({ id: "listUserTokens", method: "GET", path: "/users/{accountId}/manage/api-tokens", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "A user's API tokens: plain array [{id,label,createdAt,lastAccess,expiry}]." }),
  revokeUserToken: e({ id: "revokeUserToken", method: "DELETE", path: "/users/{accountId}/manage/api-tokens/{tokenId}", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Revoke one API token. 204." }),
  mintToken: e({ id: "mintToken", method: "POST", path: "/users/{accountId}/manage/api-tokens", status: "unofficial", pagination: "none", auth: "bearer-api-key", idempotent: false,
    summary: "Create a scoped API token. Body {label,scopes,expiry (RFC 3339)}. Response {id,token} — the token is shown once." }),
  suspendUser: e({ id: "suspendUser", method: "POST", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/suspend", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Suspend access (roles and groups kept). 200 {message}." }),
  restoreUser: e({ id: "restoreUser", method: "POST", path: "/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Restore suspended access. 200 {message}." }),
  disableUser: e({ id: "disableUser", method: "POST", path: "/users/{accountId}/manage/lifecycle/disable", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Deactivate the account. Body {message?}. 204." }),
  enableUser: e({ id: "enableUser", method: "POST", path: "/users/{accountId}/manage/lifecycle/enable", status: "documented", pagination: "none", auth: "bearer-api-key", idempotent: true,
    summary: "Reactivate the account. 204." }),
  verifyMyself: e({ id: "verifyMyself", method: "GET", path: "/ex/jira/{cloudId}/rest/api/3/myself", status: "documented", pagination: "none", auth: "basic-token", idempotent: true,
    summary: "Who the credential is, through the API gateway (Jira: Get current user). Basic email:token; needs Jira access on the site and read:jira-user. {accountId,emailAddress,displayName,accountType,active}." }),
  verifyConfluenceUser: e({ id: "verifyConfluenceUser", method: "GET", path: "/ex/confluence/{cloudId}/wiki/rest/api/user/current", status: "documented", pagination: "none", auth: "basic-token", idempotent: true,
    summary: "Who the credential is, through the API gateway (Confluence: Get current user). Basic email:token; needs Confluence access on the site and read:confluence-user. {type,accountId,accountType,email,publicName,displayName}." }),
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof ENDPOINTS;

/** Fills `{name}` segments of an endpoint path, URL-encoding each value. */
export function endpointPath(endpoint: Endpoint, params: Record<string, string>): string {
  return endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${endpoint.id}`);
    return encodeURIComponent(value);
  });
}
