import { validateSnapshot } from "../../core/snapshot/reader.js";
import type { Snapshot, User } from "../../core/snapshot/schema.js";
import { ApiError, RetryUnsafeError, createHttpClient, type HintInput, type HttpClient, type HttpEndpoint, type QueryValue } from "../../http/index.js";
import { NO_WRITE_CAPABILITIES, ProviderError, type Capabilities, type DirectoryProvider, type ProviderErrorKind, type ReadSnapshotOptions } from "../provider.js";
import { buildScimSnapshot, mapScimGroup, mapScimUser, type ScimGroup, type ScimUser } from "./mappers.js";
import type { ScimSettings } from "./settings.js";

const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

const ENDPOINTS = {
  serviceProviderConfig: { id: "scimServiceProviderConfig", method: "GET", path: "/ServiceProviderConfig", idempotent: true },
  listUsers: { id: "scimListUsers", method: "GET", path: "/Users", idempotent: true },
  getUser: { id: "scimGetUser", method: "GET", path: "/Users/{id}", idempotent: true },
  patchUser: { id: "scimPatchUser", method: "PATCH", path: "/Users/{id}", idempotent: true },
  putUser: { id: "scimPutUser", method: "PUT", path: "/Users/{id}", idempotent: true },
  listGroups: { id: "scimListGroups", method: "GET", path: "/Groups", idempotent: true },
} as const satisfies Record<string, HttpEndpoint>;

/** What the server says it supports (RFC 7643 §5); missing entries count as unsupported. */
export interface ScimServerConfig {
  patch: boolean;
  filter: boolean;
  /** Largest page the server returns; requests ask for no more. */
  maxResults: number | undefined;
}

interface ListResponse<T> {
  totalResults?: number;
  startIndex?: number;
  itemsPerPage?: number;
  Resources?: T[];
}

export interface ScimProviderDeps {
  log?: (line: string) => void;
  redact?: (text: string) => string;
  onSecret?: (secret: string) => void;
  now?: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  http?: HttpClient;
  userAgent?: string;
}

/**
 * A SCIM 2.0 directory (RFC 7643/7644): Okta, Entra ID, OneLogin, Atlassian's user provisioning
 * API. Reads users and groups page by page; writes are limited to what SCIM can do to an
 * existing account: deactivate (`active: false`) and reactivate. Service accounts, tokens and
 * product roles are not part of SCIM, so those capabilities are false.
 */
export class ScimProvider implements DirectoryProvider {
  readonly name = "scim";
  readonly orgId: string;
  readonly capabilities: Capabilities = { ...NO_WRITE_CAPABILITIES, deactivateAccount: true, reactivateAccount: true, listGroups: true };
  readonly http: HttpClient;
  private config: Promise<ScimServerConfig> | undefined;
  private readonly clock: () => Date;

  constructor(
    readonly settings: ScimSettings,
    deps: ScimProviderDeps = {},
  ) {
    this.orgId = `scim:${settings.baseUrl}`;
    this.clock = deps.now ?? (() => new Date());
    deps.onSecret?.(settings.token);
    this.http =
      deps.http ??
      createHttpClient({
        baseUrl: settings.baseUrl,
        auth: { type: "bearer", token: settings.token },
        timeoutMs: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        maxConcurrency: settings.concurrency,
        hintFor: scimHint,
        ...(deps.log ? { log: deps.log } : {}),
        ...(deps.onSecret ? { onSecret: deps.onSecret } : {}),
        ...(deps.redact ? { redact: deps.redact } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.userAgent ? { userAgent: deps.userAgent } : {}),
      });
  }

  /** The server's ServiceProviderConfig, read once. */
  serverConfig(signal?: AbortSignal): Promise<ScimServerConfig> {
    this.config ??= this.http
      .request<Record<string, unknown>>({ endpoint: ENDPOINTS.serviceProviderConfig, ...(signal ? { signal } : {}) })
      .then(({ data }) => {
        const feature = (name: string) => (data?.[name] ?? {}) as { supported?: unknown; maxResults?: unknown };
        const max = feature("filter").maxResults;
        return {
          patch: feature("patch").supported === true,
          filter: feature("filter").supported === true,
          maxResults: typeof max === "number" && Number.isInteger(max) && max > 0 ? max : undefined,
        };
      })
      .catch((error: unknown) => {
        this.config = undefined;
        throw error;
      });
    return this.config;
  }

  async readSnapshot(options: ReadSnapshotOptions = {}): Promise<Snapshot> {
    const signal = options.signal;
    const config = await this.serverConfig(signal);
    const filter = this.settings.userFilter;
    if (filter !== undefined && !config.filter) {
      throw new ProviderError("refused", `The SCIM server does not support filters, so BOT2SVC_SCIM_USER_FILTER (${filter}) cannot be used.`, {
        code: "SCIM_FILTER_UNSUPPORTED",
        hint: "Unset BOT2SVC_SCIM_USER_FILTER to read every user.",
      });
    }
    const progress = (resource: string) => (count: number, done: boolean) => options.onProgress?.({ resource, count, done });
    const [users, groups] = await Promise.all([
      this.listAll<ScimUser>(ENDPOINTS.listUsers, { ...(filter !== undefined ? { filter } : {}) }, progress("users"), signal),
      this.listAll<ScimGroup>(ENDPOINTS.listGroups, {}, progress("groups"), signal),
    ]);
    const url = new URL(this.settings.baseUrl);
    const snapshot = buildScimSnapshot({ orgId: this.orgId, name: `SCIM directory ${url.host}${url.pathname === "/" ? "" : url.pathname}`, baseUrl: this.settings.baseUrl, takenAt: options.now ?? this.clock(), users, groups });
    return validateSnapshot(snapshot, `SCIM directory ${this.settings.baseUrl}`);
  }

  /**
   * Every group, page by page (`startIndex`/`count`), without their member lists
   * (`excludedAttributes=members`, RFC 7644 §3.4.2.5; a server that sends them anyway is read alike).
   */
  async listGroups(options: { signal?: AbortSignal } = {}): Promise<Snapshot["groups"]> {
    const groups = await this.listAll<ScimGroup>(ENDPOINTS.listGroups, { excludedAttributes: "members" }, () => {}, options.signal);
    return groups.map(mapScimGroup);
  }

  /** Users matching a SCIM filter, e.g. `emails.value eq "jenkins@acme.com"` (RFC 7644 §3.4.2.2). */
  async findUsers(filter: string, signal?: AbortSignal): Promise<User[]> {
    const config = await this.serverConfig(signal);
    if (!config.filter) throw new ProviderError("refused", "The SCIM server does not support filters.", { code: "SCIM_FILTER_UNSUPPORTED" });
    return (await this.listAll<ScimUser>(ENDPOINTS.listUsers, { filter }, () => {}, signal)).map((u) => mapScimUser(u));
  }

  /**
   * Every resource of a list endpoint, following `startIndex`/`count` (1-based, RFC 7644
   * §3.4.2.4) until `totalResults` are read or a page comes back empty.
   */
  private async listAll<T>(endpoint: HttpEndpoint, query: Record<string, QueryValue>, onPage: (count: number, done: boolean) => void, signal?: AbortSignal): Promise<T[]> {
    const config = await this.serverConfig(signal);
    const count = Math.min(this.settings.pageSize, config.maxResults ?? Number.MAX_SAFE_INTEGER);
    const out: T[] = [];
    let previousFirst: unknown;
    for (let startIndex = 1; ; ) {
      const { data } = await this.http.request<ListResponse<T>>({ endpoint, query: { ...query, startIndex, count }, ...(signal ? { signal } : {}) });
      const page = Array.isArray(data?.Resources) ? data.Resources : [];
      // A server that ignores startIndex answers the first page again; reading on would never end.
      const first = (page[0] as { id?: unknown } | undefined)?.id;
      if (startIndex > 1 && first !== undefined && first === previousFirst) {
        throw new ProviderError("refused", `The SCIM server returned the same ${endpoint.path} page for startIndex ${startIndex} as before: it does not page with startIndex/count.`, {
          code: "SCIM_PAGING",
          hint: "Raise BOT2SVC_SCIM_PAGE_SIZE above the number of resources, or check the server's paging support.",
        });
      }
      previousFirst = first;
      out.push(...page);
      const total = typeof data?.totalResults === "number" ? data.totalResults : undefined;
      if (page.length === 0 || (total !== undefined && out.length >= total) || (total === undefined && page.length < count)) break;
      onPage(out.length, false);
      startIndex += page.length;
    }
    onPage(out.length, true);
    return out;
  }

  async getAccount(accountId: string): Promise<User | null> {
    try {
      const { data } = await this.http.request<ScimUser>({ endpoint: ENDPOINTS.getUser, params: { id: accountId } });
      return mapScimUser(data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  deactivateAccount(accountId: string): Promise<void> {
    return this.setActive(accountId, false);
  }

  reactivateAccount(accountId: string): Promise<void> {
    return this.setActive(accountId, true);
  }

  /** PATCH `active` where the server supports PATCH; otherwise GET the user and PUT it back changed. */
  private async setActive(accountId: string, active: boolean): Promise<void> {
    const action = active ? "reactivate" : "deactivate";
    try {
      const config = await this.serverConfig();
      if (config.patch) {
        await this.http.request({
          endpoint: ENDPOINTS.patchUser,
          params: { id: accountId },
          body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: "active", value: active }] },
        });
        return;
      }
      const { data } = await this.http.request<ScimUser & Record<string, unknown>>({ endpoint: ENDPOINTS.getUser, params: { id: accountId } });
      const { meta: _meta, groups: _groups, ...rest } = data;
      await this.http.request({ endpoint: ENDPOINTS.putUser, params: { id: accountId }, body: { ...rest, active } });
    } catch (error) {
      throw scimProviderError(error, `${action} SCIM user ${accountId}`);
    }
  }

  async close(): Promise<void> {}
}

/** The error kind of a SCIM failure (RFC 7644 §3.12 status codes). */
export function scimErrorKind(error: unknown): ProviderErrorKind | undefined {
  if (error instanceof RetryUnsafeError) return "uncertain";
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 404) return "not-found";
  if (error.status === 409 || error.status === 412) return "conflict";
  if (error.status === 429) return "rate-limited";
  if (error.status >= 400 && error.status < 500) return "refused";
  if (error.status === 501) return "refused";
  return undefined;
}

/**
 * A failed SCIM call as a clear message: what was being done, the status, the `scimType` and the
 * server's `detail`, typed for apply when the kind is known.
 */
export function scimProviderError(error: unknown, doing: string): unknown {
  if (error instanceof ProviderError || !(error instanceof ApiError || error instanceof RetryUnsafeError)) return error;
  const api = error instanceof RetryUnsafeError ? error.failure : error;
  let message: string;
  if (api instanceof ApiError) {
    // The HTTP layer's message is "METHOD /path failed: STATUS [scimType] detail".
    const said = api.message.replace(/^.*? failed: \d{3}\s*/, "");
    const detail = api.apiCode !== undefined && said.startsWith(api.apiCode) ? said.slice(api.apiCode.length).trim() : said;
    message = `The SCIM server refused to ${doing}: ${api.status}${api.apiCode !== undefined ? ` (scimType ${api.apiCode})` : ""}${detail !== "" ? `: ${detail}` : ""}`;
  } else {
    message = `Could not ${doing}: ${api.message}`;
  }
  const kind = scimErrorKind(error);
  if (kind === undefined) return error;
  return new ProviderError(kind, kind === "uncertain" ? `${message} (the change may have happened)` : message, {
    code: `SCIM_${kind.toUpperCase().replace("-", "_")}`,
    cause: error,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  });
}

/** Advice for a failed SCIM request. */
export function scimHint(input: HintInput): string | undefined {
  if (input.kind === "network") return `Could not reach ${input.host}: check BOT2SVC_SCIM_BASE_URL, the network and proxy settings.`;
  if (input.status === 401) return "The SCIM server did not accept the token: set BOT2SVC_SCIM_TOKEN to a current bearer token of the IdP's SCIM app.";
  if (input.status === 403) return "The SCIM token is valid but not allowed to do this; give the SCIM app read (and, to deactivate, write) access to users.";
  if (input.status === 404 && input.endpoint.id !== "scimGetUser" && input.endpoint.id !== "scimPatchUser" && input.endpoint.id !== "scimPutUser") {
    return "Nothing answers there: BOT2SVC_SCIM_BASE_URL must be the SCIM base, the URL that /Users and /Groups are under (often ending in /scim/v2).";
  }
  if (input.status === 501) return "The SCIM server does not implement this operation.";
  return undefined;
}
