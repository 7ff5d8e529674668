import type { z } from "zod";
import { Bot2svcError, ConfigError } from "../../core/errors.js";
import { issuesToLines } from "../../core/validation.js";
import { CancelledError, type HttpAuth, type HttpClient, type HttpResponse, type QueryValue } from "../../http/index.js";
import { ENDPOINTS, type Endpoint, type EndpointId } from "./endpoints.js";
import {
  apiTokensPageSchema,
  createdServiceAccountSchema,
  directoriesPageSchema,
  eventsPageSchema,
  groupsPageSchema,
  mintedTokenSchema,
  confluenceUserSchema,
  myselfSchema,
  oauthClientsPageSchema,
  orgResponseSchema,
  serviceAccountsPageSchema,
  serviceAccountTokensOfOnePageSchema,
  serviceAccountTokensPageSchema,
  userTokensSchema,
  usersPageSchema,
  workspacesPageSchema,
  type ApiDirectory,
  type ApiDirectoryUser,
  type ApiEvent,
  type ApiOAuthClient,
  type ApiGroup,
  type ApiServiceAccount,
  type ApiServiceAccountToken,
  type ApiServiceAccountTokenOfOne,
  type ApiToken,
  type ApiWorkspace,
} from "./schemas.js";

/** Largest service-account page asked for. */
const SERVICE_ACCOUNT_PAGE = 80;

/** A response that does not have the shape the provider relies on. */
export class ResponseShapeError extends Bot2svcError {
  constructor(endpointId: string, details: readonly string[]) {
    super("API_RESPONSE_INVALID", `Unexpected response from ${endpointId} (${details.length} problem${details.length === 1 ? "" : "s"})`, {
      details: details.slice(0, 20),
      hint: "The Atlassian API changed or the base URL points at something else; run `bot2svc doctor`.",
    });
  }
}

/** Options shared by every paginated read. */
export interface PageOptions<T> {
  /** Called after each page with the items read so far. */
  onPage?: (countSoFar: number, page: readonly T[]) => void;
  /** Stop after this many pages (doctor reads one). */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface AtlassianClientSettings {
  orgId: string;
  /** Directory for reads (search, count); `-` means every directory the key can manage. */
  directoryId: string;
  /** Allows endpoints with status `unofficial`. */
  unofficial: boolean;
}

interface PageResult<T> {
  items: T[];
  next: string | null | undefined;
  /** v1 events also carry a cursor in `meta.next`. */
  metaNext?: string | null | undefined;
}

/**
 * One method per catalogue endpoint, plus a paginator per pagination style. Every call goes
 * through the shared HTTP client and is validated with the lenient schemas.
 */
export class AtlassianClient {
  constructor(
    readonly http: HttpClient,
    readonly settings: AtlassianClientSettings,
  ) {}

  private get orgParams(): Record<string, string> {
    return { orgId: this.settings.orgId, directoryId: this.settings.directoryId };
  }

  /** Sends one request to a catalogue endpoint; refuses unofficial ones unless enabled. */
  async call<T>(
    endpoint: Endpoint,
    req: { params?: Record<string, string>; query?: Record<string, QueryValue>; body?: unknown; url?: string; auth?: HttpAuth; signal?: AbortSignal },
    schema?: z.ZodType<T>,
  ): Promise<HttpResponse<T>> {
    if (endpoint.status === "unofficial" && !this.settings.unofficial) {
      throw new ConfigError(`${endpoint.id} uses an unofficial Atlassian endpoint, which is disabled`, {
        code: "UNOFFICIAL_DISABLED",
        hint: "Set BOT2SVC_ATLASSIAN_UNOFFICIAL=1 (or atlassian.unofficial: true in the config) to allow endpoints seen only in the admin console's traffic.",
      });
    }
    const res = await this.http.request<unknown>({
      endpoint,
      params: { ...this.orgParams, ...req.params },
      ...(req.query ? { query: req.query } : {}),
      ...(req.body !== undefined ? { body: req.body } : {}),
      ...(req.url ? { url: req.url } : {}),
      ...(req.auth ? { auth: req.auth } : {}),
      ...(req.signal ? { signal: req.signal } : {}),
    });
    if (schema === undefined) return res as HttpResponse<T>;
    const parsed = schema.safeParse(res.data);
    if (!parsed.success) throw new ResponseShapeError(endpoint.id, issuesToLines(parsed.error.issues));
    return { ...res, data: parsed.data };
  }

  // ---- paginators, one per catalogue style ----

  /**
   * `v2-body-cursor`: POST with `cursor`/`limit` in the JSON body; `links.next` is a bare cursor.
   * With `cursorOnly`, pages after the first send `{cursor}` alone (workspaces search forbids
   * any other field next to it).
   */
  async paginateBodyCursor<P, T>(
    endpoint: Endpoint,
    body: Record<string, unknown>,
    schema: z.ZodType<P>,
    pick: (page: P) => PageResult<T>,
    options: PageOptions<T> & { cursorOnly?: boolean } = {},
  ): Promise<T[]> {
    return this.loop(endpoint, options, async (cursor) => {
      const pageBody = cursor === undefined ? body : options.cursorOnly ? { cursor } : { ...body, cursor };
      const res = await this.call(endpoint, { body: pageBody, ...signalOf(options) }, schema);
      const page = pick(res.data);
      return { items: page.items, next: cursorOf(page.next) };
    });
  }

  /** `query-cursor`: GET with `cursor` in the query; `links.next` is a bare cursor. */
  async paginateQueryCursor<P, T>(
    endpoint: Endpoint,
    query: Record<string, QueryValue>,
    schema: z.ZodType<P>,
    pick: (page: P) => PageResult<T>,
    options: PageOptions<T> & { params?: Record<string, string> } = {},
  ): Promise<T[]> {
    return this.loop(endpoint, options, async (cursor) => {
      const res = await this.call(
        endpoint,
        { ...(options.params ? { params: options.params } : {}), query: { ...query, ...(cursor ? { cursor } : {}) }, ...signalOf(options) },
        schema,
      );
      const page = pick(res.data);
      return { items: page.items, next: cursorOf(page.next) };
    });
  }

  /**
   * `next-link`: GET with `cursor` in the query; `links.next` is followed whether it is a bare
   * cursor or an absolute URL (kept on the configured origin, original parameters re-added).
   */
  async paginateNextLink<P, T>(
    endpoint: Endpoint,
    query: Record<string, QueryValue>,
    schema: z.ZodType<P>,
    pick: (page: P) => PageResult<T>,
    options: PageOptions<T> = {},
  ): Promise<T[]> {
    return this.loop(endpoint, options, async (next) => {
      let res: HttpResponse<P>;
      if (next === undefined) res = await this.call(endpoint, { query, ...signalOf(options) }, schema);
      else if (isUrl(next)) res = await this.call(endpoint, { url: this.nextUrl(next, query), ...signalOf(options) }, schema);
      else res = await this.call(endpoint, { query: { ...query, cursor: next }, ...signalOf(options) }, schema);
      const page = pick(res.data);
      const link = page.next ?? undefined;
      return { items: page.items, next: link === "" ? undefined : link };
    });
  }

  /**
   * `poll-stream`: events-stream. The cursor may stay on the last page (for polling later), so
   * the read ends on an empty page, or once `reachedEnd` says a page got to the window's end,
   * not when the cursor goes missing; a cursor seen twice ends it too.
   */
  async paginatePollStream<P, T>(
    endpoint: Endpoint,
    query: Record<string, QueryValue>,
    schema: z.ZodType<P>,
    pick: (page: P) => PageResult<T>,
    reachedEnd: (page: readonly T[]) => boolean,
    options: PageOptions<T> = {},
  ): Promise<T[]> {
    const seen = new Set<string>();
    return this.loop(endpoint, options, async (next) => {
      let res: HttpResponse<P>;
      if (next === undefined) res = await this.call(endpoint, { query, ...signalOf(options) }, schema);
      else if (next.startsWith("cursor:")) res = await this.call(endpoint, { query: { ...query, cursor: next.slice(7) }, ...signalOf(options) }, schema);
      else res = await this.call(endpoint, { url: this.nextUrl(next, query), ...signalOf(options) }, schema);
      const page = pick(res.data);
      if (page.items.length === 0 || reachedEnd(page.items)) return { items: page.items, next: undefined };
      const link = page.next ?? undefined;
      const meta = page.metaNext ?? undefined;
      const following = link ? link : meta ? `cursor:${meta}` : undefined;
      if (following === undefined || seen.has(following)) return { items: page.items, next: undefined };
      seen.add(following);
      return { items: page.items, next: following };
    });
  }

  /** Resolves a next link against the base URL, keeps it on our origin and re-adds dropped parameters. */
  nextUrl(link: string, query: Record<string, QueryValue>): string {
    const base = new URL(this.http.baseUrl);
    const parsed = new URL(link, `${base.href}/`);
    let url: URL;
    if (parsed.origin === base.origin) {
      url = parsed;
    } else {
      // A next link naming another host (e.g. the public host when talking to a proxy or the
      // emulator) is followed on the configured origin, so the key never leaves it.
      const basePath = base.pathname.replace(/\/+$/, "");
      const path = basePath !== "" && !parsed.pathname.startsWith(basePath) ? basePath + parsed.pathname : parsed.pathname;
      url = new URL(base.origin + path + parsed.search);
    }
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || key === "cursor" || url.searchParams.has(key)) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
      else url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private async loop<T>(
    endpoint: Endpoint,
    options: PageOptions<T>,
    fetchPage: (next: string | undefined) => Promise<{ items: T[]; next: string | undefined }>,
  ): Promise<T[]> {
    const all: T[] = [];
    const seen = new Set<string>();
    let next: string | undefined;
    for (let pages = 0; ; pages++) {
      if (options.signal?.aborted) throw new CancelledError();
      const page = await fetchPage(next);
      all.push(...page.items);
      options.onPage?.(all.length, page.items);
      if (page.next === undefined || (options.maxPages !== undefined && pages + 1 >= options.maxPages)) return all;
      if (seen.has(page.next)) {
        throw new Bot2svcError("API_PAGINATION_LOOP", `${endpoint.id} returned the same next page twice; stopping to avoid an endless loop`);
      }
      seen.add(page.next);
      next = page.next;
    }
  }

  // ---- reads ----

  async getOrg(signal?: AbortSignal): Promise<{ id: string; name: string }> {
    const res = await this.call(ENDPOINTS.getOrg, { ...signalOpt(signal) }, orgResponseSchema);
    return { id: res.data.data.id, name: res.data.data.attributes?.name ?? "" };
  }

  searchWorkspaces(options: PageOptions<ApiWorkspace> & { limit?: number } = {}): Promise<ApiWorkspace[]> {
    return this.paginateBodyCursor(ENDPOINTS.searchWorkspaces, { limit: options.limit ?? 100 }, workspacesPageSchema, (p) => ({ items: p.data, next: p.links?.next }), {
      ...options,
      cursorOnly: true,
    });
  }

  searchUsers(options: PageOptions<ApiDirectoryUser> & { limit?: number; accountIds?: string[] } = {}): Promise<ApiDirectoryUser[]> {
    const body: Record<string, unknown> = { limit: options.limit ?? 100, expand: ["platformRoles", "productAccess", "groups"] };
    if (options.accountIds) body.accountIds = options.accountIds;
    return this.paginateBodyCursor(ENDPOINTS.searchUsers, body, usersPageSchema, (p) => ({ items: p.data, next: p.links?.next }), options);
  }

  searchGroups(options: PageOptions<ApiGroup> & { limit?: number } = {}): Promise<ApiGroup[]> {
    return this.paginateBodyCursor(ENDPOINTS.searchGroups, { limit: options.limit ?? 100 }, groupsPageSchema, (p) => ({ items: p.data, next: p.links?.next }), options);
  }

  listApiTokens(options: PageOptions<ApiToken> & { pageSize?: number } = {}): Promise<ApiToken[]> {
    return this.paginateQueryCursor(ENDPOINTS.listApiTokens, { pageSize: options.pageSize ?? 100 }, apiTokensPageSchema, (p) => ({ items: p.data, next: p.links?.next }), options);
  }

  /** Audit events from `from` to `to`, oldest first; events after `to` are left out. */
  async eventsStream(range: { from: Date; to: Date }, options: PageOptions<ApiEvent> & { limit?: number } = {}): Promise<ApiEvent[]> {
    const to = range.to.getTime();
    const query = { from: range.from.getTime(), to, limit: options.limit ?? 500, sortOrder: "asc" };
    const timeOf = (e: ApiEvent) => eventTime(e.attributes?.time);
    const events = await this.paginatePollStream(
      ENDPOINTS.eventsStream,
      query,
      eventsPageSchema,
      (p) => ({ items: p.data, next: p.links?.next, metaNext: p.meta?.next }),
      (page) => page.some((e) => (timeOf(e) ?? -Infinity) >= to),
      options,
    );
    return events.filter((e) => (timeOf(e) ?? -Infinity) <= to);
  }

  /** The org's directories; with `accountId`, those the account belongs to. */
  listDirectories(options: PageOptions<ApiDirectory> & { accountId?: string } = {}): Promise<ApiDirectory[]> {
    const query: Record<string, QueryValue> = { limit: 100 };
    if (options.accountId !== undefined) query.accountId = options.accountId;
    return this.paginateQueryCursor(ENDPOINTS.listDirectories, query, directoriesPageSchema, (p) => ({ items: p.data, next: p.links?.next }), options);
  }

  /** The route documents no page size (only `clientName`), so none is sent; `links.next` is followed. */
  listServiceAccountOAuthClients(options: PageOptions<ApiOAuthClient> = {}): Promise<ApiOAuthClient[]> {
    return this.paginateQueryCursor(
      ENDPOINTS.listServiceAccountOAuthClients,
      {},
      oauthClientsPageSchema,
      (p) => ({ items: p.items, next: p.links?.next }),
      options,
    );
  }

  /** Product-side audit events of one workspace (Audit Log API). */
  auditLogEvents(
    workspaceId: string,
    credential: { email: string; token: string },
    range: { from: Date; to: Date },
    options: PageOptions<ApiEvent> & { limit?: number } = {},
  ): Promise<ApiEvent[]> {
    const auth: HttpAuth = { type: "basic", username: credential.email, password: credential.token };
    const query = { from: range.from.toISOString(), to: range.to.toISOString(), limit: options.limit ?? 100 };
    return this.loop(ENDPOINTS.auditLogEvents, options, async (cursor) => {
      const res = await this.call(
        ENDPOINTS.auditLogEvents,
        { params: { workspaceId }, query: { ...query, ...(cursor ? { cursor } : {}) }, auth, ...signalOf(options) },
        eventsPageSchema,
      );
      return { items: res.data.data, next: res.data.data.length === 0 ? undefined : cursorOf(res.data.links?.next) };
    });
  }

  listServiceAccounts(options: PageOptions<ApiServiceAccount> & { pageSize?: number } = {}): Promise<ApiServiceAccount[]> {
    // Third parties saw the list refuse more than 80 per page.
    return this.paginateNextLink(
      ENDPOINTS.listServiceAccounts,
      { pageSize: Math.min(options.pageSize ?? SERVICE_ACCOUNT_PAGE, SERVICE_ACCOUNT_PAGE) },
      serviceAccountsPageSchema,
      (p) => ({ items: p.items, next: p.links?.next }),
      options,
    );
  }

  /** The route documents no page size (only `tokenLabel`), so none is sent; `links.next` is followed. */
  listServiceAccountTokens(options: PageOptions<ApiServiceAccountToken> = {}): Promise<ApiServiceAccountToken[]> {
    return this.paginateQueryCursor(
      ENDPOINTS.listServiceAccountTokens,
      {},
      serviceAccountTokensPageSchema,
      (p) => ({ items: p.items, next: p.links?.next }),
      options,
    );
  }

  /** API tokens of one service account, by its collection id (the route documented for service accounts). */
  listTokensOfServiceAccount(serviceAccountId: string, options: PageOptions<ApiServiceAccountTokenOfOne> = {}): Promise<ApiServiceAccountTokenOfOne[]> {
    return this.paginateQueryCursor(
      ENDPOINTS.listTokensOfServiceAccount,
      {},
      serviceAccountTokensOfOnePageSchema,
      (p) => ({ items: p.items, next: p.links?.next }),
      { ...options, params: { serviceAccountId } },
    );
  }

  /**
   * One account's current state, with its groups and product access: the users search with
   * `accountIds:[id]` and `expand` (the user-details endpoint carries neither). Null when absent.
   */
  async getUser(accountId: string, signal?: AbortSignal): Promise<ApiDirectoryUser | null> {
    const found = await this.searchUsers({ limit: 10, accountIds: [accountId], maxPages: 1, ...signalOpt(signal) });
    return found.find((u) => u.accountId === accountId) ?? null;
  }

  private directoryCache = new Map<string, Promise<string>>();

  /**
   * The real directory id for writes (suspend, restore, membership): the configured one when it
   * is not `-`, else the directory the account belongs to, else the org's only directory.
   */
  writeDirectoryId(accountId?: string): Promise<string> {
    if (this.settings.directoryId !== "-") return Promise.resolve(this.settings.directoryId);
    const key = accountId ?? "";
    let pending = this.directoryCache.get(key);
    if (pending === undefined) {
      pending = this.resolveDirectory(accountId);
      pending.catch(() => this.directoryCache.delete(key));
      this.directoryCache.set(key, pending);
    }
    return pending;
  }

  private async resolveDirectory(accountId: string | undefined): Promise<string> {
    if (accountId !== undefined) {
      const own = await this.listDirectories({ accountId, maxPages: 1 });
      if (own[0] !== undefined) return own[0].directoryId;
    }
    const all = await this.writeDirectoryIdOfOrg();
    return all;
  }

  private async writeDirectoryIdOfOrg(): Promise<string> {
    const all = await this.listDirectories();
    if (all.length === 1) return (all[0] as ApiDirectory).directoryId;
    throw new ConfigError(
      all.length === 0 ? "The organization lists no directory to write to" : `The organization has ${all.length} directories and the account's own could not be found`,
      {
        code: "ATLASSIAN_DIRECTORY",
        details: all.map((d) => `${d.directoryId}${d.name ? ` (${d.name})` : ""}`),
        hint: "Set BOT2SVC_ATLASSIAN_DIRECTORY_ID (or atlassian.directoryId in the config) to the directory that holds the accounts; `-` is accepted for reads only.",
      },
    );
  }

  // ---- writes ----

  async createServiceAccount(input: { displayName: string; description: string }) {
    return (await this.call(ENDPOINTS.createServiceAccount, { body: input }, createdServiceAccountSchema)).data;
  }

  async deleteServiceAccount(serviceAccountId: string): Promise<void> {
    await this.call(ENDPOINTS.deleteServiceAccount, { params: { serviceAccountId } });
  }

  async assignRole(accountId: string, grant: { role: string; resource: string }): Promise<void> {
    await this.call(ENDPOINTS.assignRole, { params: { accountId }, body: { role: grant.role, resource: grant.resource } });
  }

  async addGroupMember(groupId: string, accountId: string, directoryId: string): Promise<void> {
    await this.call(ENDPOINTS.addGroupMember, { params: { groupId, directoryId }, body: { accountId } });
  }

  async removeGroupMember(groupId: string, accountId: string, directoryId: string): Promise<void> {
    await this.call(ENDPOINTS.removeGroupMember, { params: { groupId, accountId, directoryId } });
  }

  async revokeServiceAccountTokens(serviceAccountId: string): Promise<void> {
    await this.call(ENDPOINTS.revokeServiceAccountTokens, { params: { serviceAccountId } });
  }

  async listUserTokens(accountId: string) {
    return (await this.call(ENDPOINTS.listUserTokens, { params: { accountId } }, userTokensSchema)).data;
  }

  async revokeUserToken(accountId: string, tokenId: string): Promise<void> {
    await this.call(ENDPOINTS.revokeUserToken, { params: { accountId, tokenId } });
  }

  async mintToken(accountId: string, input: { label: string; scopes: string[]; expiry: string }) {
    return (await this.call(ENDPOINTS.mintToken, { params: { accountId }, body: input }, mintedTokenSchema)).data;
  }

  async suspendUser(accountId: string, directoryId: string): Promise<void> {
    await this.call(ENDPOINTS.suspendUser, { params: { accountId, directoryId } });
  }

  async restoreUser(accountId: string, directoryId: string): Promise<void> {
    await this.call(ENDPOINTS.restoreUser, { params: { accountId, directoryId } });
  }

  async disableUser(accountId: string, message?: string): Promise<void> {
    await this.call(ENDPOINTS.disableUser, { params: { accountId }, body: message === undefined ? {} : { message } });
  }

  async enableUser(accountId: string): Promise<void> {
    await this.call(ENDPOINTS.enableUser, { params: { accountId } });
  }

  /** Who a credential is (Jira's current user), through the gateway on the same base URL, with Basic `email:token`. */
  async verifyMyself(input: { cloudId: string; email: string; token: string }) {
    const res = await this.call(
      ENDPOINTS.verifyMyself,
      { params: { cloudId: input.cloudId }, auth: { type: "basic", username: input.email, password: input.token } },
      myselfSchema,
    );
    return res.data;
  }

  /** Who a credential is (Confluence's current user), through the gateway, with Basic `email:token`. */
  async verifyConfluenceUser(input: { cloudId: string; email: string; token: string }) {
    const res = await this.call(
      ENDPOINTS.verifyConfluenceUser,
      { params: { cloudId: input.cloudId }, auth: { type: "basic", username: input.email, password: input.token } },
      confluenceUserSchema,
    );
    return res.data;
  }
}

/** The catalogue with each endpoint's status and whether this configuration may call it. */
export function endpointStatuses(unofficial: boolean): Array<{ id: EndpointId; method: string; path: string; status: Endpoint["status"]; enabled: boolean }> {
  return (Object.keys(ENDPOINTS) as EndpointId[]).map((id) => {
    const e: Endpoint = ENDPOINTS[id];
    return { id, method: e.method, path: e.path, status: e.status, enabled: e.status !== "unofficial" || unofficial };
  });
}

function isUrl(value: string): boolean {
  return /^https?:\/\//.test(value) || value.startsWith("/");
}

function eventTime(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function cursorOf(next: string | null | undefined): string | undefined {
  if (next === null || next === undefined || next === "") return undefined;
  // Tolerate a server that sends a full URL where a bare cursor is documented.
  if (/^https?:\/\//.test(next)) {
    try {
      return new URL(next).searchParams.get("cursor") ?? undefined;
    } catch {
      return next;
    }
  }
  return next;
}

function signalOf(options: { signal?: AbortSignal }): { signal?: AbortSignal } {
  return options.signal ? { signal: options.signal } : {};
}

function signalOpt(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}
