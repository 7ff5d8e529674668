import type { IncomingHttpHeaders } from "node:http";
import type { AuditEvent, User } from "../core/snapshot/schema.js";
import { ENDPOINTS, type Auth, type EndpointId } from "../providers/atlassian/endpoints.js";
import { decodeCursor, pageOf, type PageSize } from "./pagination.js";
import { EmulatorError, type EmulatorState, type GatewayIdentity } from "./state.js";

/** What a route handler sees of a request. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** `http://host:port` as the client addressed the emulator, for absolute `links.next` URLs. */
  baseUrl: string;
  /** The request path with its query string, for `links.self`. */
  pathWithQuery: string;
  headers: IncomingHttpHeaders;
  /** The caller, on routes authenticated with Basic email:token. */
  identity?: GatewayIdentity;
  pageSize(endpoint: RouteId, requested: unknown, name: string): number;
}

export interface RouteReply {
  status: number;
  body?: unknown;
}

/** How a route reports errors: the Atlassian admin shape, or the lifecycle API's plain array. */
export type ErrorStyle = "admin" | "lifecycle";

/** Routes the emulator serves beyond the catalogue (cheap extras for token verification). */
export const EXTRA_ROUTES = {
  verifyConfluenceUser: {
    id: "verifyConfluenceUser",
    method: "GET",
    path: "/ex/confluence/{cloudId}/wiki/rest/api/user/current",
    auth: "basic-token" as Auth,
  },
} as const;

export type RouteId = EndpointId | keyof typeof EXTRA_ROUTES;

export interface RouteDefinition {
  id: RouteId;
  method: string;
  path: string;
  auth: Auth;
  errorStyle: ErrorStyle;
  handle(state: EmulatorState, req: RouteRequest): RouteReply;
}

/** Default and maximum page sizes: documented values where known, otherwise conservative ones. */
export const DEFAULT_PAGE_SIZES: Partial<Record<RouteId, PageSize>> = {
  searchWorkspaces: { default: 50, max: 100 },
  searchUsers: { default: 50, max: 100 },
  searchGroups: { default: 50, max: 100 },
  listApiTokens: { default: 50, max: 1000 },
  eventsStream: { default: 200, max: 500 },
  listServiceAccounts: { default: 50, max: 100 },
  listServiceAccountTokens: { default: 50, max: 100 },
};

type Handler = (state: EmulatorState, req: RouteRequest) => RouteReply;

const handlers: Record<EndpointId, Handler> = {
  getOrg: (state, req) => ({
    status: 200,
    body: { data: { id: state.orgId, type: "orgs", attributes: { name: state.org.name }, links: { self: `${req.baseUrl}${req.pathWithQuery}` } } },
  }),

  searchWorkspaces: (state, req) => {
    const body = searchBody(req.body);
    const workspaces = state.sites.flatMap((site) =>
      site.products.map((product) => ({
        id: `ari:cloud:${productFamily(product)}::site/${site.cloudId}`,
        type: "workspace",
        attributes: { name: siteName(site.url), typeKey: product, status: "online", hostUrl: site.url },
      })),
    );
    return { status: 200, body: v2Page(workspaces, body, req, "searchWorkspaces") };
  },

  searchUsers: (state, req) => {
    const body = searchBody(req.body);
    if (body.searchTerm !== undefined && body.emails !== undefined) {
      throw badBody("searchTerm and emails cannot be used together.");
    }
    const accountIds = stringList(body, "accountIds");
    const statuses = stringList(body, "status");
    const accountStatuses = stringList(body, "accountStatus");
    const groupIds = stringList(body, "groupIds");
    const emails = stringList(body, "emails")?.map((e) => e.toLowerCase());
    const domains = stringList(body, "emailDomains")?.map((d) => d.toLowerCase());
    const expand = new Set(stringList(body, "expand") ?? []);
    const term = optionalString(body, "searchTerm")?.toLowerCase();
    const users = state.users.filter((u) => {
      const email = (u.email ?? "").toLowerCase();
      if (accountIds && !accountIds.includes(u.accountId)) return false;
      if (statuses && !statuses.includes(u.status)) return false;
      if (accountStatuses && !accountStatuses.includes(u.accountStatus)) return false;
      if (groupIds && !u.groupIds.some((g) => groupIds.includes(g))) return false;
      if (emails && !emails.includes(email)) return false;
      if (domains && !domains.some((d) => email.endsWith(`@${d}`))) return false;
      if (term && !u.name.toLowerCase().includes(term) && !email.includes(term) && !(u.nickname ?? "").toLowerCase().includes(term)) return false;
      return true;
    });
    const page = v2Page(users, body, req, "searchUsers");
    return { status: 200, body: { ...page, data: page.data.map((u) => directoryUser(state, u, expand)) } };
  },

  searchGroups: (state, req) => {
    const body = searchBody(req.body);
    const groupIds = stringList(body, "groupIds");
    const groupNames = stringList(body, "groupNames");
    const term = optionalString(body, "searchTerm")?.toLowerCase();
    const groups = state.groups
      .filter((g) => (!groupIds || groupIds.includes(g.id)) && (!groupNames || groupNames.includes(g.name)) && (!term || g.name.toLowerCase().includes(term)))
      .map((g) => ({
        id: g.id,
        name: g.name,
        description: g.description ?? null,
        ...(g.managementSource !== undefined ? { managementSource: g.managementSource } : {}),
      }));
    return { status: 200, body: v2Page(groups, body, req, "searchGroups") };
  },

  listApiTokens: (state, req) => {
    const status = req.query.get("status");
    const tokens = state.apiTokens
      .filter((t) => !status || t.status === status)
      .map((t) => {
        const owner = state.describeAccount(t.accountId);
        return {
          id: t.id,
          label: t.label,
          status: t.status,
          createdAt: t.createdAt ?? null,
          expiresAt: t.expiresAt ?? null,
          lastActiveAt: t.lastActiveAt ?? null,
          user: { id: t.accountId, orgId: state.orgId, name: owner.name, email: owner.email },
        };
      });
    const { page, self, next, prev } = queryPage(tokens, req, "listApiTokens");
    return { status: 200, body: { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } } };
  },

  eventsStream: (state, req) => eventsStream(state, req),

  listServiceAccounts: (state, req) => {
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
    const { page, next, prev } = queryPage(items, req, "listServiceAccounts");
    return { status: 200, body: { items: page, links: { ...(next ? { next } : {}), ...(prev ? { prev } : {}) }, total: items.length } };
  },

  listServiceAccountTokens: (state, req) => {
    const label = req.query.get("tokenLabel");
    const tokens = state.serviceAccountTokens
      .filter((t) => !label || t.label === label)
      .map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt ?? null, expiresAt: t.expiresAt ?? null, serviceAccountId: t.serviceAccountId }));
    const { page, next } = queryPage(tokens, req, "listServiceAccountTokens");
    return { status: 200, body: { data: page, links: next ? { next } : {} } };
  },

  getUser: (state, req) => {
    const user = state.findUser(param(req, "accountId"));
    if (!user) throw new EmulatorError(404, "ADMIN-404-8", "Not Found", `User ${param(req, "accountId")} was not found.`);
    return { status: 200, body: { data: directoryUser(state, user, new Set(["platformRoles", "productAccess", "groups"])) } };
  },

  createServiceAccount: (state, req) => {
    const body = objectBody(req.body);
    const displayName = body.displayName;
    if (typeof displayName !== "string" || displayName.trim() === "" || displayName.length > 255) {
      throw badBody("displayName is required: a non-empty string of at most 255 characters.");
    }
    const description = body.description;
    if (description !== undefined && description !== null && typeof description !== "string") throw badBody("description must be a string.");
    const sa = state.createServiceAccount({ displayName, description: description ?? null });
    return {
      status: 201,
      body: { id: sa.id, atlassianId: sa.accountId, email: sa.email, displayName: sa.displayName, description: sa.description ?? null, status: sa.status },
    };
  },

  deleteServiceAccount: (state, req) => {
    state.deleteServiceAccount(param(req, "serviceAccountId"));
    return { status: 204 };
  },

  assignRole: (state, req) => {
    const body = objectBody(req.body);
    if (typeof body.role !== "string" || typeof body.resource !== "string") throw badBody("role and resource are required strings.");
    state.assignRole(param(req, "accountId"), body.role, body.resource);
    return { status: 204 };
  },

  addGroupMember: (state, req) => {
    const body = objectBody(req.body);
    if (typeof body.accountId !== "string" || body.accountId === "") throw badBody("accountId is required.");
    state.addGroupMember(param(req, "groupId"), body.accountId);
    return { status: 204 };
  },

  removeGroupMember: (state, req) => {
    state.removeGroupMember(param(req, "groupId"), param(req, "accountId"));
    return { status: 204 };
  },

  listUserTokens: (state, req) => ({ status: 200, body: state.tokensOf(param(req, "accountId")) }),

  revokeUserToken: (state, req) => {
    state.revokeToken(param(req, "accountId"), param(req, "tokenId"));
    return { status: 204 };
  },

  mintToken: (state, req) => {
    const body = objectBody(req.body);
    if (typeof body.label !== "string" || body.label.trim() === "") throw badBody("label is required.");
    if (!Array.isArray(body.scopes) || !body.scopes.every((s): s is string => typeof s === "string")) {
      throw badBody("scopes must be an array of strings.");
    }
    if (body.expiry === undefined) {
      throw new EmulatorError(400, "ADMIN-400-24", "INVALID_EXPIRY", "expiry is required (RFC 3339); expiresAt is not accepted.");
    }
    const expiry = typeof body.expiry === "string" && /^\d{4}-\d{2}-\d{2}T/.test(body.expiry) ? new Date(body.expiry) : undefined;
    if (!expiry || Number.isNaN(expiry.getTime())) throw new EmulatorError(400, "ADMIN-400-24", "INVALID_EXPIRY", "expiry must be an RFC 3339 timestamp.");
    const minted = state.mintToken(param(req, "accountId"), { label: body.label, scopes: body.scopes, expiry });
    return { status: 201, body: minted };
  },

  suspendUser: (state, req) => {
    state.suspend(param(req, "accountId"));
    return { status: 200, body: { message: "User access suspended." } };
  },

  restoreUser: (state, req) => {
    state.restore(param(req, "accountId"));
    return { status: 200, body: { message: "User access restored." } };
  },

  disableUser: (state, req) => {
    if (req.body !== undefined) {
      const body = objectBody(req.body);
      if (body.message !== undefined && typeof body.message !== "string") throw badBody("message must be a string.");
    }
    state.disable(param(req, "accountId"));
    return { status: 204 };
  },

  enableUser: (state, req) => {
    state.enable(param(req, "accountId"));
    return { status: 204 };
  },

  verifyMyself: (_state, req) => ({ status: 200, body: identityOf(req) }),
};

/** Every route: each catalogue entry with its handler, then the emulator's extras. */
export function routeDefinitions(): RouteDefinition[] {
  const routes: RouteDefinition[] = (Object.keys(ENDPOINTS) as EndpointId[]).map((id) => {
    const endpoint = ENDPOINTS[id];
    return {
      id,
      method: endpoint.method,
      path: endpoint.path,
      auth: endpoint.auth,
      errorStyle: endpoint.path.includes("/manage/lifecycle/") ? "lifecycle" : "admin",
      handle: handlers[id],
    };
  });
  routes.push({
    ...EXTRA_ROUTES.verifyConfluenceUser,
    errorStyle: "admin",
    handle: (_state, req) => {
      const who = identityOf(req);
      return {
        status: 200,
        body: { type: "known", accountId: who.accountId, accountType: who.accountType, email: who.emailAddress, publicName: who.displayName, displayName: who.displayName },
      };
    },
  });
  return routes;
}

// ---- shapes ------------------------------------------------------------------------------------

function directoryUser(state: EmulatorState, u: User, expand: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    accountId: u.accountId,
    accountType: u.accountType,
    status: u.status,
    accountStatus: u.accountStatus,
    membershipStatus: u.status === "suspended" ? "suspended" : "active",
    addedToOrg: u.addedToOrg ?? null,
    name: u.name,
    nickname: u.nickname ?? null,
    ...(u.email !== undefined && u.email !== null ? { email: u.email } : {}),
    emailVerified: u.emailVerified ?? null,
    claimStatus: u.claimStatus ?? null,
    picture: u.picture ?? null,
    managementSource: u.managementSource ?? null,
    mfaEnabled: u.mfaEnabled ?? null,
    jobTitle: u.jobTitle ?? null,
    department: u.department ?? null,
  };
  if (expand.has("platformRoles")) out.platformRoles = [...(u.platformRoles ?? [])];
  if (expand.has("productAccess")) {
    out.productAccess = u.productAccess.map((p) => ({
      key: p.key,
      id: p.id,
      ...(p.role !== undefined ? { role: p.role } : {}),
      lastActiveTimestamp: p.lastActiveTimestamp ?? null,
    }));
  }
  if (expand.has("groups")) {
    out.groups = u.groupIds.flatMap((id) => {
      const g = state.groups.find((x) => x.id === id);
      return g ? [{ id: g.id, name: g.name, description: g.description ?? null }] : [];
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

// Emulates the events-stream page: `links.next` is a full URL and `meta.next` the bare cursor.
// The next URL deliberately drops `from` and `to` (ACCESS-1603), so a client that follows it
// blindly reads outside its window; the cursor counts offsets in the filtered list.
function eventsStream(state: EmulatorState, req: RouteRequest): RouteReply {
  const from = epochParam(req.query.get("from"), "from");
  const to = epochParam(req.query.get("to"), "to");
  const sortOrder = req.query.get("sortOrder") ?? "asc";
  if (sortOrder !== "asc" && sortOrder !== "desc") throw badBody("sortOrder must be asc or desc.");
  const limit = req.pageSize("eventsStream", req.query.get("limit") ?? undefined, "limit");
  const offset = decodeCursor(req.query.get("cursor") ?? undefined);
  const events = state.events
    .map((ev) => ({ ev, t: Date.parse(ev.time) }))
    .filter(({ t }) => (from === undefined || t >= from) && (to === undefined || t <= to))
    .sort((a, b) => (sortOrder === "asc" ? 1 : -1) * (a.t - b.t))
    .map(({ ev }) => ev);
  const { page, next } = pageOf(events, offset, limit);
  const look = lookups(state);
  const base = `${req.baseUrl}/admin/v1/orgs/${encodeURIComponent(state.orgId)}/events-stream`;
  const nextUrl = next === undefined ? undefined : `${base}?${new URLSearchParams({ cursor: next, limit: String(limit), sortOrder }).toString()}`;
  return {
    status: 200,
    body: {
      data: page.map((ev) => eventShape(state, look, ev, req.baseUrl)),
      meta: { ...(next ? { next } : {}), page_size: page.length },
      links: { self: `${req.baseUrl}${req.pathWithQuery}`, ...(nextUrl ? { next: nextUrl } : {}) },
    },
  };
}

function v2Page<T>(items: readonly T[], body: Record<string, unknown>, req: RouteRequest, id: RouteId): { data: T[]; links: Record<string, string> } {
  const limit = req.pageSize(id, body.limit, "limit");
  const offset = decodeCursor(body.cursor);
  const { page, self, next, prev } = pageOf(items, offset, limit);
  return { data: page, links: { self, ...(next ? { next } : {}), ...(prev ? { prev } : {}) } };
}

function queryPage<T>(items: readonly T[], req: RouteRequest, id: RouteId): ReturnType<typeof pageOf<T>> {
  const requested = req.query.get("pageSize") ?? req.query.get("limit") ?? undefined;
  const limit = req.pageSize(id, requested, "pageSize");
  return pageOf(items, decodeCursor(req.query.get("cursor") ?? undefined), limit);
}

// ---- request helpers ---------------------------------------------------------------------------

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

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badBody("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

// Search endpoints accept an empty body as "no filters".
function searchBody(body: unknown): Record<string, unknown> {
  return body === undefined ? {} : objectBody(body);
}

function stringList(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) throw badBody(`${name} must be an array of strings.`);
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badBody(`${name} must be a string.`);
  return value;
}

function epochParam(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  if (!/^\d+$/.test(value)) throw new EmulatorError(400, "ADMIN-400-3", "Bad Request", `${name} must be a UNIX epoch time in milliseconds.`);
  return Number(value);
}

// Jira products share the `jira` site ARI; every other product names its own.
function productFamily(product: string): string {
  return product.startsWith("jira") ? "jira" : product;
}

function siteName(url: string): string {
  try {
    return new URL(url).hostname.split(".")[0] ?? url;
  } catch {
    return url;
  }
}
