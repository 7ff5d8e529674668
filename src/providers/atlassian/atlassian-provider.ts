import { Bot2svcError, ConfigError } from "../../core/errors.js";
import { validateSnapshot } from "../../core/snapshot/reader.js";
import type { Snapshot, User } from "../../core/snapshot/schema.js";
import { ApiError, RetryUnsafeError, createHttpClient, defaultSleep, type HttpClient } from "../../http/index.js";
import {
  AccessWriteRefusedError,
  type AppRoleGrant,
  type Capabilities,
  type CreatedServiceAccount,
  type DirectoryProvider,
  type MintedToken,
  type ReadProgress,
  type ReadSnapshotOptions,
  type TokenInfo,
  type VerifiedIdentity,
  type VerifyProduct,
} from "../provider.js";
import { AtlassianClient, endpointStatuses } from "./client.js";
import { atlassianHint } from "./hints.js";
import { translateWriteErrors } from "./provider-errors.js";
import { buildSnapshot, mapCreatedServiceAccount, mapGroup, mapServiceAccount, mapServiceAccountTokenInfo, mapSites, mapUser, mapUserToken, type RawOrgData } from "./mappers.js";
import type { ApiEvent, ApiServiceAccount } from "./schemas.js";
import type { AtlassianSettings } from "./settings.js";

const DAY_MS = 86_400_000;
/** Default event lookback when `since` is not given. */
export const DEFAULT_EVENT_LOOKBACK_DAYS = 30;
// How often createServiceAccount looks and retries after an ambiguous failure.
const CREATE_ATTEMPTS = 5;

/** Hooks the provider needs from its surroundings; tests pass fakes. */
export interface AtlassianProviderDeps {
  /** Debug lines (each request with --verbose; counts of dropped records). */
  log?: (line: string) => void;
  /** Warnings the user should see (e.g. an experimental endpoint is missing). */
  warn?: (line: string) => void;
  /** The CLI's redactor, applied after the HTTP layer's own scrubbing. */
  redact?: (text: string) => string;
  /** Told about every secret the provider handles (API key, minted and verified tokens). */
  onSecret?: (secret: string) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  /** Use this HTTP client instead of creating one. */
  http?: HttpClient;
  userAgent?: string;
  /** Cancels every request the provider makes (e.g. `doctor`'s overall deadline). */
  signal?: AbortSignal;
}

/**
 * The Atlassian Cloud organization, through the admin REST APIs in the endpoint catalogue.
 * Reads use bulk endpoints only (about one request per page, never one per user); each write
 * is available as its capability says.
 */
export class AtlassianProvider implements DirectoryProvider {
  readonly name = "atlassian";
  readonly capabilities: Capabilities;
  readonly http: HttpClient;
  readonly client: AtlassianClient;
  /** Present only when unofficial endpoints are enabled (capability `mintToken`). */
  readonly mintToken?: (accountId: string, input: { label: string; scopes: string[]; expiresAt: string }) => Promise<MintedToken>;
  private readonly log: (line: string) => void;
  private readonly warn: (line: string) => void;
  private readonly onSecret: (secret: string) => void;
  private readonly clock: () => Date;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    readonly settings: AtlassianSettings,
    deps: AtlassianProviderDeps = {},
  ) {
    this.log = deps.log ?? (() => {});
    this.warn = deps.warn ?? this.log;
    this.onSecret = deps.onSecret ?? (() => {});
    this.clock = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? defaultSleep;
    this.random = deps.random ?? Math.random;
    this.onSecret(settings.apiKey);
    if (settings.auditLog) this.onSecret(settings.auditLog.token);
    this.http =
      deps.http ??
      createHttpClient({
        baseUrl: settings.baseUrl,
        auth: { type: "bearer", token: settings.apiKey },
        timeoutMs: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        maxConcurrency: settings.concurrency,
        hintFor: atlassianHint,
        log: this.log,
        onSecret: this.onSecret,
        ...(deps.redact ? { redact: deps.redact } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        ...(deps.random ? { random: deps.random } : {}),
        ...(deps.now ? { now: () => this.clock().getTime() } : {}),
        ...(deps.userAgent ? { userAgent: deps.userAgent } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
    this.client = new AtlassianClient(this.http, { orgId: settings.orgId, directoryId: settings.directoryId, unofficial: settings.unofficial });
    this.capabilities = {
      readSnapshot: true,
      createServiceAccount: true,
      deleteServiceAccount: true,
      grantAppRole: true,
      addToGroup: true,
      removeFromGroup: true,
      mintToken: settings.unofficial,
      listTokens: true,
      revokeToken: true,
      verifyToken: true,
      suspendAccount: true,
      restoreAccount: true,
      deactivateAccount: true,
      reactivateAccount: true,
      productAuditLog: settings.auditLog !== undefined,
      listGroups: true,
    };
    if (settings.unofficial) this.mintToken = (accountId, input) => this.mint(accountId, input);
    translateWriteErrors(this);
  }

  get orgId(): string {
    return this.settings.orgId;
  }

  get baseUrl(): string {
    return this.settings.baseUrl;
  }

  /** Each catalogue endpoint with its status (documented/experimental/unofficial) and whether it is enabled. */
  endpointStatus() {
    return endpointStatuses(this.settings.unofficial);
  }

  async listSites(): Promise<Snapshot["org"]["sites"]> {
    return mapSites(await this.client.searchWorkspaces());
  }

  /** Every group, from the paged groups search (`externalSynced` becomes `managementSource: "synced"`). */
  async listGroups(options: { signal?: AbortSignal } = {}): Promise<Snapshot["groups"]> {
    const seen = new Map<string, Snapshot["groups"][number]>();
    for (const g of await this.client.searchGroups(options.signal ? { signal: options.signal } : {})) if (!seen.has(g.id)) seen.set(g.id, mapGroup(g));
    return [...seen.values()];
  }

  async readSnapshot(options: ReadSnapshotOptions = {}): Promise<Snapshot> {
    const now = options.now ?? this.clock();
    const since = options.since ?? new Date(now.getTime() - DEFAULT_EVENT_LOOKBACK_DAYS * DAY_MS);
    const signal = options.signal;
    const progress = (resource: string) => ({
      onPage: (count: number) => options.onProgress?.({ resource, count, done: false } satisfies ReadProgress),
      ...(signal ? { signal } : {}),
    });
    const done = <T>(resource: string, items: T[]): T[] => {
      options.onProgress?.({ resource, count: items.length, done: true });
      return items;
    };
    const [org, workspaces, users, groups, apiTokens, events, serviceAccounts, serviceAccountTokens, oauthClients] = await Promise.all([
      this.client.getOrg(signal),
      this.client.searchWorkspaces(progress("sites")).then((x) => done("sites", x)),
      this.client.searchUsers({ limit: 100, ...progress("users") }).then((x) => done("users", x)),
      this.client.searchGroups(progress("groups")).then((x) => done("groups", x)),
      this.client.listApiTokens({ pageSize: 100, ...progress("apiTokens") }).then((x) => done("apiTokens", x)),
      this.client.eventsStream({ from: since, to: now }, { limit: 500, ...progress("events") }).then((x) => done("events", x)),
      this.optionalExperimental("listServiceAccounts", () => this.client.listServiceAccounts(progress("serviceAccounts"))).then((x) =>
        done("serviceAccounts", x),
      ),
      this.optionalExperimental("listServiceAccountTokens", () => this.client.listServiceAccountTokens(progress("serviceAccountTokens"))).then((x) =>
        done("serviceAccountTokens", x),
      ),
      this.optionalExperimental("listServiceAccountOAuthClients", () => this.client.listServiceAccountOAuthClients(progress("oauthClients"))).then((x) =>
        done("oauthClients", x),
      ),
    ]);
    const productEvents = this.settings.auditLog
      ? await this.readProductAuditLog(this.settings.auditLog, workspaces, { from: since, to: now }, progress("productEvents"))
      : [];
    const raw: RawOrgData = {
      org,
      directoryId: this.settings.directoryId,
      workspaces,
      users,
      groups,
      apiTokens,
      events: [...events, ...productEvents],
      serviceAccounts,
      serviceAccountTokens,
      oauthClients,
    };
    const { snapshot, dropped } = buildSnapshot(raw, { takenAt: now, baseUrl: this.settings.baseUrl });
    if (dropped.events > 0) this.log(`dropped ${dropped.events} audit events whose actor is not a user or service account of this org (or that lack a time or action)`);
    if (dropped.apiTokens > 0) this.log(`dropped ${dropped.apiTokens} API tokens whose owner is not in the user list`);
    if (dropped.serviceAccountTokens > 0) this.log(`dropped ${dropped.serviceAccountTokens} service-account tokens whose service account is not listed`);
    if (dropped.duplicateUsers > 0) this.log(`ignored ${dropped.duplicateUsers} duplicate user entries`);
    if (dropped.oauthClients > 0) this.log(`dropped ${dropped.oauthClients} OAuth clients whose service account is not listed`);
    const s = this.http.stats();
    this.log(`read the org in ${s.requests} requests (${s.retries} retries, ${s.rateLimitWaits} rate-limit waits)`);
    return validateSnapshot(snapshot, `Atlassian org ${this.settings.orgId}`);
  }

  // The service-account API is marked experimental and has been reported missing for some
  // orgs; without it the audit still works, so a 404 becomes a warning, not a failed read.
  private async optionalExperimental<T>(id: string, read: () => Promise<T[]>): Promise<T[]> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && error.apiCode !== "ADMIN-404-2") {
        this.warn(`${id} is not available for this organization (404); existing service accounts are not included.`);
        return [];
      }
      throw error;
    }
  }

  /**
   * Product-side events (Audit Log API) of every Jira and Confluence workspace, in the window.
   * A workspace the API does not serve (404) or refuses (403) is skipped with a warning.
   */
  private async readProductAuditLog(
    credential: { email: string; token: string },
    workspaces: readonly { id: string; attributes?: { typeKey?: string | null | undefined } | null | undefined }[],
    range: { from: Date; to: Date },
    options: { onPage?: (count: number) => void; signal?: AbortSignal },
  ): Promise<ApiEvent[]> {
    const out: ApiEvent[] = [];
    for (const ws of workspaces) {
      const key = ws.attributes?.typeKey ?? "";
      if (!key.startsWith("jira") && !key.startsWith("confluence")) continue;
      try {
        out.push(...(await this.client.auditLogEvents(ws.id, credential, range, options)));
      } catch (error) {
        if (error instanceof ApiError && [401, 403, 404].includes(error.status) && error.apiCode !== "ADMIN-404-2") {
          this.warn(`the Audit Log API is not available for workspace ${ws.id} (${error.status}); its product-side events are not included.`);
          continue;
        }
        throw error;
      }
    }
    return out;
  }

  /** One account with its groups and product access, from the users search; null when gone. */
  async getAccount(accountId: string): Promise<User | null> {
    const user = await this.client.getUser(accountId);
    return user === null ? null : mapUser(user);
  }

  async listServiceAccounts(): Promise<Snapshot["serviceAccounts"]> {
    const listed = await this.client.listServiceAccounts();
    for (const sa of listed) this.serviceAccountIds.set(sa.atlassianId, sa.id);
    return listed.map((sa) => mapServiceAccount(sa));
  }

  /** Service-account collection id by account id (atlassianId), for the routes that take the former. */
  private readonly serviceAccountIds = new Map<string, string>();
  private serviceAccountsListed: Promise<void> | undefined;

  /** The collection id when `accountId` is a service account; undefined for a user (or when the list is not served). */
  private async serviceAccountIdOf(accountId: string): Promise<string | undefined> {
    const known = this.serviceAccountIds.get(accountId);
    if (known !== undefined) return known;
    this.serviceAccountsListed ??= this.client.listServiceAccounts().then(
      (listed) => {
        for (const sa of listed) if (!this.serviceAccountIds.has(sa.atlassianId)) this.serviceAccountIds.set(sa.atlassianId, sa.id);
      },
      (error: unknown) => this.log(`listServiceAccounts failed (${error instanceof Error ? error.message : String(error)}); tokens are listed by the user-management route`),
    );
    await this.serviceAccountsListed;
    return this.serviceAccountIds.get(accountId);
  }

  /**
   * Creates a service account. The create call is not idempotent, so after an ambiguous
   * failure (5xx, reset, timeout) this looks for an account with the same display name and
   * description (the description carries the plan's marker) before trying again.
   */
  async createServiceAccount(input: { displayName: string; description: string }): Promise<CreatedServiceAccount> {
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await this.client.createServiceAccount(input);
        this.serviceAccountIds.set(created.atlassianId, created.id);
        return mapCreatedServiceAccount(created, input.displayName);
      } catch (error) {
        if (!(error instanceof RetryUnsafeError)) throw error;
        this.log(`createServiceAccount failed ambiguously (${error.failure.message}); looking for the account before retrying`);
        const existing = await this.findServiceAccount(input).catch(() => {
          throw error;
        });
        if (existing) {
          this.serviceAccountIds.set(existing.atlassianId, existing.id);
          return { id: existing.id, accountId: existing.atlassianId, email: existing.email ?? "", displayName: existing.displayName ?? input.displayName };
        }
        if (attempt >= CREATE_ATTEMPTS) throw error;
        await this.sleep(Math.floor(this.random() * 1000 * 2 ** attempt));
      }
    }
  }

  private async findServiceAccount(input: { displayName: string; description: string }): Promise<ApiServiceAccount | undefined> {
    const all = await this.client.listServiceAccounts();
    return all.find((sa) => sa.displayName === input.displayName && (sa.description ?? "") === input.description);
  }

  async deleteServiceAccount(serviceAccountId: string): Promise<void> {
    try {
      await this.client.deleteServiceAccount(serviceAccountId);
    } catch (error) {
      // Already gone is the state rollback wants.
      if (error instanceof ApiError && error.status === 404 && error.apiCode !== "ADMIN-404-2") return;
      throw error;
    }
  }

  /**
   * Grants a platform role on a workspace. Whether Atlassian accepts a service account here is
   * not documented; a refusal that a retry cannot change becomes AccessWriteRefusedError.
   */
  async grantAppRole(accountId: string, grant: AppRoleGrant): Promise<void> {
    try {
      await this.client.assignRole(accountId, grant);
    } catch (error) {
      throw refusal(error, "grant", `${grant.role} on ${grant.resource}`) ?? error;
    }
  }

  /**
   * Adds a member in the account's real directory. A service account reported as "not a
   * directory user" (USER_NOT_FOUND), or a group that is synced from an IdP, is a refusal.
   */
  async addToGroup(groupId: string, accountId: string): Promise<void> {
    let directoryId: string;
    try {
      directoryId = await this.client.writeDirectoryId(accountId);
    } catch (error) {
      throw refusal(error, "group", groupId) ?? error;
    }
    try {
      await this.client.addGroupMember(groupId, accountId, directoryId);
    } catch (error) {
      throw refusal(error, "group", groupId) ?? error;
    }
  }

  async removeFromGroup(groupId: string, accountId: string): Promise<void> {
    await this.client.removeGroupMember(groupId, accountId, await this.client.writeDirectoryId(accountId));
  }

  /** Revokes every API token of a service account (documented API Access call). */
  async revokeServiceAccountTokens(serviceAccountId: string): Promise<void> {
    try {
      await this.client.revokeServiceAccountTokens(serviceAccountId);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && error.apiCode !== "ADMIN-404-2") return;
      throw error;
    }
  }

  private async mint(accountId: string, input: { label: string; scopes: string[]; expiresAt: string }): Promise<MintedToken> {
    try {
      const minted = await this.client.mintToken(accountId, { label: input.label, scopes: input.scopes, expiry: input.expiresAt });
      this.onSecret(minted.token);
      return { id: minted.id, token: minted.token };
    } catch (error) {
      if (error instanceof RetryUnsafeError) {
        throw new Bot2svcError("MINT_UNCERTAIN", `Minting token "${input.label}" failed and may have created it: ${error.failure.message}`, {
          hint: `List the account's tokens; revoke one labelled "${input.label}" (its secret was never received), then run again.`,
        });
      }
      throw error;
    }
  }

  /**
   * An account's API tokens. A service account's are read from the route documented for service
   * accounts (API Access, by collection id); when Atlassian refuses it (404/405, e.g. the
   * experimental route is not served for the org), and for every user, from the user-management
   * route, which is documented for managed accounts.
   */
  async listTokens(accountId: string): Promise<TokenInfo[]> {
    const serviceAccountId = await this.serviceAccountIdOf(accountId);
    if (serviceAccountId !== undefined) {
      try {
        return (await this.client.listTokensOfServiceAccount(serviceAccountId)).map(mapServiceAccountTokenInfo);
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 405) || error.apiCode === "ADMIN-404-2") throw error;
        this.log(`listTokensOfServiceAccount answered ${error.status}; listing ${accountId}'s tokens with the user-management route`);
      }
    }
    return (await this.client.listUserTokens(accountId)).map(mapUserToken);
  }

  revokeToken(accountId: string, tokenId: string): Promise<void> {
    return this.client.revokeUserToken(accountId, tokenId);
  }

  /**
   * Who a token answers as, through the gateway: Jira's current user (needs Jira access and
   * read:jira-user), or Confluence's for a token meant for Confluence only (Confluence access and
   * read:confluence-user).
   */
  async verifyToken(input: { cloudId: string; email: string; token: string; product?: VerifyProduct }): Promise<VerifiedIdentity> {
    this.onSecret(input.token);
    const credential = { cloudId: input.cloudId, email: input.email, token: input.token };
    if (input.product === "confluence") {
      const me = await this.client.verifyConfluenceUser(credential);
      return { accountId: me.accountId, email: me.email ?? null, displayName: me.displayName ?? me.publicName ?? null };
    }
    const me = await this.client.verifyMyself(credential);
    return { accountId: me.accountId, email: me.emailAddress ?? null, displayName: me.displayName ?? null };
  }

  async suspendAccount(accountId: string): Promise<void> {
    await this.client.suspendUser(accountId, await this.client.writeDirectoryId(accountId));
  }

  async restoreAccount(accountId: string): Promise<void> {
    await this.client.restoreUser(accountId, await this.client.writeDirectoryId(accountId));
  }

  deactivateAccount(accountId: string): Promise<void> {
    return this.client.disableUser(accountId);
  }

  reactivateAccount(accountId: string): Promise<void> {
    return this.client.enableUser(accountId);
  }

  async close(): Promise<void> {}
}

/**
 * A 4xx answer to an access write that retrying will not change (not auth, not rate limit, not
 * an unknown org or group) is a refusal: the step falls back to a manual instruction.
 */
function refusal(error: unknown, write: "grant" | "group", target: string): AccessWriteRefusedError | undefined {
  if (error instanceof ConfigError && error.code === "ATLASSIAN_DIRECTORY") {
    return new AccessWriteRefusedError(write, target, `no directory holds the account: ${error.message}`, 0, error.code);
  }
  if (!(error instanceof ApiError)) return undefined;
  const { status, apiCode } = error;
  if (status === 401 || status === 429 || status >= 500 || status < 400) return undefined;
  if (apiCode === "ADMIN-404-2" || apiCode === "ADMIN-403-3" || apiCode === "ADMIN-404-10") return undefined;
  return new AccessWriteRefusedError(write, target, error.message, status, apiCode);
}
