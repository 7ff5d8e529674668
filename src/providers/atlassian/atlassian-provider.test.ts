import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiError, atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../../../test/msw/atlassian/index.js";
import { RequestRecorder } from "../../../test/msw/recorder.js";
import { ConfigError } from "../../core/errors.js";
import { validateSnapshot } from "../../core/snapshot/reader.js";
import { ApiError, RetryUnsafeError } from "../../http/index.js";
import { AccessWriteRefusedError, type ReadProgress } from "../provider.js";
import { AtlassianProvider } from "./atlassian-provider.js";
import { resolveAtlassianSettings, type AtlassianSettings } from "./settings.js";

const NOW = new Date("2026-11-01T00:00:00Z");
const recorder = new RequestRecorder();
const server = setupServer();
let org: FakeOrg;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  org = makeFakeOrg();
  server.resetHandlers(...atlassianHandlers(org, recorder));
});
afterEach(() => recorder.clear());
afterAll(() => server.close());

function provider(extra: Partial<AtlassianSettings> = {}) {
  const logs: string[] = [];
  const warnings: string[] = [];
  const secrets: string[] = [];
  const sleeps: number[] = [];
  const p = new AtlassianProvider(
    { orgId: org.orgId, apiKey: FAKE_KEY, baseUrl: org.baseUrl, directoryId: "-", unofficial: false, concurrency: 4, timeoutMs: 5000, maxRetries: 3, ...extra },
    {
      log: (l) => logs.push(l),
      warn: (l) => warnings.push(l),
      onSecret: (s) => secrets.push(s),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      now: () => NOW,
    },
  );
  return { p, logs, warnings, secrets, sleeps };
}

describe("AtlassianProvider.readSnapshot", () => {
  it("reads every resource to the end with bulk endpoints only and returns a valid snapshot", async () => {
    const { p, logs } = provider();
    const progress: ReadProgress[] = [];
    const snapshot = await p.readSnapshot({ onProgress: (x) => progress.push(x) });
    expect(() => validateSnapshot(snapshot, "t")).not.toThrow();

    // Every request carries the key; none is per user.
    expect(recorder.requests.every((r) => r.authorization === `Bearer ${FAKE_KEY}`)).toBe(true);
    expect(recorder.to(/\/users\/u-/)).toHaveLength(0);

    // v2-body-cursor: 5 users in pages of 2 → 3 requests, cursor in the body, expand asked for.
    const userCalls = recorder.to("/admin/v2/orgs/org-1/directories/-/users/search", "POST");
    expect(userCalls).toHaveLength(3);
    expect(userCalls[0]?.body).toEqual({ limit: 100, expand: ["platformRoles", "productAccess", "groups"] });
    expect((userCalls[1]?.body as { cursor?: string }).cursor).toBeTypeOf("string");
    expect(snapshot.users.map((u) => u.accountId).sort()).toEqual(["sa-acct-1", "u-alice", "u-app", "u-bob", "u-jenkins"]);

    // query-cursor: 3 tokens → 2 requests with pageSize 100 and the cursor in the query.
    const tokenCalls = recorder.to("/admin/api-access/v1/orgs/org-1/api-tokens", "GET");
    expect(tokenCalls.map((r) => r.query.pageSize)).toEqual(["100", "100"]);
    expect(tokenCalls[1]?.query.cursor).toBeTypeOf("string");

    // Workspaces: page 2 sends the cursor alone (the spec allows no other field with it).
    const workspaceCalls = recorder.to("/admin/v2/orgs/org-1/workspaces", "POST");
    expect(workspaceCalls.map((r) => r.body)).toEqual([{ limit: 100 }, { cursor: expect.any(String) }]);

    // poll-stream: from/to re-added to every next link (ACCESS-1603), so the old event stays out;
    // the last page keeps a cursor for polling, and the read ends on the empty page after it.
    const eventCalls = recorder.to("/admin/v1/orgs/org-1/events-stream");
    expect(eventCalls).toHaveLength(4);
    for (const call of eventCalls) {
      expect(call.query.from).toBe(String(NOW.getTime() - 30 * 86_400_000));
      expect(call.query.to).toBe(String(NOW.getTime()));
      expect(call.query.sortOrder).toBe("asc");
    }
    expect(eventCalls[0]?.query.limit).toBe("500");
    expect(snapshot.events.map((e) => e.id)).toEqual(["ev-1", "ev-2", "ev-3", "ev-5"]);
    expect(logs.some((l) => /dropped 1 audit events/.test(l))).toBe(true);

    // Mapping.
    expect(snapshot.org).toEqual({
      id: "org-1",
      name: "Acme",
      directoryId: "-",
      sites: [{ cloudId: "c0ffee00-0000-4000-8000-000000000001", url: "https://acme.atlassian.net", products: ["confluence", "jira-software"] }],
    });
    const jenkins = snapshot.users.find((u) => u.accountId === "u-jenkins");
    expect(jenkins).toMatchObject({ accountType: "atlassian", status: "active", mfaEnabled: false, groupIds: ["g-automation"], addedToOrg: "2021-03-04T10:00:00.000Z" });
    expect(jenkins?.productAccess[0]).toMatchObject({ key: "jira-software", lastActiveTimestamp: null });
    expect(snapshot.users.find((u) => u.accountId === "u-alice")?.productAccess[0]?.lastActiveTimestamp).toBe(new Date(1_793_000_000_000).toISOString());
    expect(snapshot.users.find((u) => u.accountId === "u-app")?.accountType).toBe("app");
    expect(snapshot.users.find((u) => u.accountId === "sa-acct-1")?.accountType).toBe("service");
    expect(snapshot.users.find((u) => u.accountId === "u-bob")).toMatchObject({ accountStatus: "inactive", status: "deactivated" });
    expect(snapshot.events[0]).toEqual({ id: "ev-1", time: "2026-10-20T02:00:03.000Z", action: "user_login", actorId: "u-jenkins", ip: "34.201.10.7", authType: "container-token", tokenId: "tok-1" });
    expect(snapshot.apiTokens.map((t) => t.id)).toEqual(["tok-1", "tok-2"]);
    expect(snapshot.apiTokens[1]).toMatchObject({ status: "BLOCKED", expiresAt: null, lastActiveAt: null });
    expect(snapshot.groups.map((g) => g.id).sort()).toEqual(["g-automation", "g-empty", "g-idp", "g-synced-only-on-user", "g-users"]);
    // Synced groups are known by externalSynced/managedBy (groups carry no managementSource).
    expect(snapshot.groups.find((g) => g.id === "g-idp")?.managementSource).toBe("synced");
    expect(snapshot.groups.find((g) => g.id === "g-synced-only-on-user")?.managementSource).toBe("synced");
    expect(snapshot.groups.find((g) => g.id === "g-automation")?.managementSource).toBeUndefined();
    expect(snapshot.serviceAccounts).toEqual([
      expect.objectContaining({ id: "sa-coll-1", accountId: "sa-acct-1", status: "active", groupIds: ["g-synced-only-on-user"], productAccess: [expect.objectContaining({ key: "jira-software" })] }),
    ]);
    expect(snapshot.serviceAccountTokens).toEqual([expect.objectContaining({ id: "satok-1", serviceAccountId: "sa-coll-1" })]);
    // OAuth clients travel as a top-level list naming their service account; one naming nobody is dropped.
    expect((snapshot as { oauthClients?: unknown }).oauthClients).toEqual([
      { clientId: "oc-1", name: "deploy-oauth", serviceAccountId: "sa-coll-1", createdAt: "2026-02-01T00:00:00.000Z", updatedAt: "2026-02-01T00:00:00.000Z", status: "ACTIVE" },
    ]);
    expect(logs.some((l) => /dropped 1 OAuth clients/.test(l))).toBe(true);

    // Progress per page, then done for each resource.
    const doneResources = progress.filter((x) => x.done).map((x) => x.resource).sort();
    expect(doneResources).toEqual(["apiTokens", "events", "groups", "oauthClients", "serviceAccountTokens", "serviceAccounts", "sites", "users"]);
    expect(progress.find((x) => x.resource === "users" && !x.done)?.count).toBe(2);

    // About one request per page.
    expect(p.http.stats().requests).toBe(recorder.requests.length);
    expect(recorder.requests.length).toBe(1 + 2 + 3 + 2 + 2 + 4 + 1 + 1 + 1);
  });

  it("uses `since` and keeps reading after a 429 and a 5xx on different pages", async () => {
    let groupCalls = 0;
    let eventFailures = 0;
    server.use(
      http.post(`${org.baseUrl}/admin/v2/orgs/:orgId/directories/:directoryId/groups/search`, () => {
        groupCalls += 1;
        if (groupCalls === 1) return new HttpResponse(null, { status: 429, headers: { "Retry-After": "3" } });
        return undefined;
      }),
      http.get(`${org.baseUrl}/admin/v1/orgs/:orgId/events-stream`, ({ request }) => {
        if (new URL(request.url).searchParams.has("cursor") && eventFailures < 2) {
          eventFailures += 1;
          return apiError(503, "ADMIN-503", "Unavailable");
        }
        return undefined;
      }),
    );
    const { p, sleeps } = provider();
    const snapshot = await p.readSnapshot({ since: new Date("2026-07-01T00:00:00Z") });
    expect(snapshot.events.map((e) => e.id)).toContain("ev-old");
    expect(snapshot.groups.length).toBe(5);
    expect(sleeps.filter((ms) => ms === 3000)).toHaveLength(1);
    expect(groupCalls).toBe(3);
    expect(eventFailures).toBe(2);
    expect(p.http.stats().retries).toBeGreaterThanOrEqual(2);
  });

  it("turns a missing experimental service-account API into a warning", async () => {
    server.use(http.get(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/service-accounts`, () => apiError(404, "ADMIN-404-0", "Request failed to match any route")));
    const { p, warnings } = provider();
    const snapshot = await p.readSnapshot();
    expect(snapshot.serviceAccounts).toEqual([]);
    // The service account's events stay: the user search lists it as a user too.
    expect(snapshot.events.map((e) => e.id)).toContain("ev-5");
    expect(warnings.join("\n")).toMatch(/listServiceAccounts is not available/);
  });

  it("maps a wrong org id to ADMIN-404-2 with a hint naming the variable", async () => {
    const { p } = provider({ orgId: "wrong-org" });
    const error = (await p.readSnapshot().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.apiCode).toBe("ADMIN-404-2");
    expect(error.hint).toContain("BOT2SVC_ATLASSIAN_ORG_ID");
  });

  it("maps 401 and 403 to key hints, without the key anywhere", async () => {
    const bad = provider({ apiKey: "fake-wrong-key-000000000000" });
    const e401 = (await bad.p.readSnapshot().catch((e: unknown) => e)) as ApiError;
    expect(e401.status).toBe(401);
    expect(e401.hint).toMatch(/Settings > API keys/);
    expect(e401.hint).toMatch(/bot2svc doctor/);
    expect(`${e401.message}${e401.stack}`).not.toContain("fake-wrong-key");
    expect(bad.secrets).toContain("fake-wrong-key-000000000000");

    server.use(http.post(`${org.baseUrl}/users/:accountId/manage/lifecycle/disable`, () => apiError(403, "ADMIN-403-1", "Forbidden")));
    const { p } = provider();
    const e403 = (await p.deactivateAccount("u-jenkins").catch((e: unknown) => e)) as ApiError;
    expect(e403.status).toBe(403);
    expect(e403.hint).toMatch(/WITHOUT scopes/);
  });
});

describe("AtlassianProvider writes", () => {
  it("calls each write endpoint with the right method, path and body", async () => {
    const { p } = provider();
    const created = await p.createServiceAccount({ displayName: "Jenkins CI", description: "bot2svc plan abc" });
    expect(created).toEqual({ id: "sa-coll-new-1", accountId: "sa-acct-new-1", email: "jenkins-ci-1@serviceaccount.atlassian.com", displayName: "Jenkins CI" });
    await p.grantAppRole("sa-acct-new-1", { role: "atlassian/user", resource: "ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001" });
    await p.addToGroup("g-automation", "sa-acct-new-1");
    await p.removeFromGroup("g-automation", "u-jenkins");
    await p.revokeToken("u-jenkins", "tok-1");
    await p.suspendAccount("u-jenkins");
    await p.restoreAccount("u-jenkins");
    await p.deactivateAccount("u-jenkins");
    await p.reactivateAccount("u-jenkins");
    await p.deleteServiceAccount("sa-coll-new-1");
    await p.deleteServiceAccount("sa-coll-new-1"); // already gone: no error
    expect(org.writes).toEqual([
      "create sa-coll-new-1",
      "assign atlassian/user on ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001 to sa-acct-new-1",
      "add sa-acct-new-1 to g-automation in dir-acme",
      "remove u-jenkins from g-automation in dir-acme",
      "revoke tok-1",
      "suspend u-jenkins in dir-acme",
      "restore u-jenkins in dir-acme",
      "disable u-jenkins",
      "enable u-jenkins",
      "delete sa-coll-new-1",
    ]);
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "POST")[0]?.body).toEqual({ displayName: "Jenkins CI", description: "bot2svc plan abc" });
    expect(recorder.to("/admin/v2/orgs/org-1/directories/dir-acme/groups/g-automation/memberships", "POST")[0]?.body).toEqual({ accountId: "sa-acct-new-1" });
    // `-` is only ever used for reads.
    expect(recorder.requests.filter((r) => r.method !== "GET" && /\/directories\/-\//.test(r.path) && !/\/search$/.test(r.path))).toEqual([]);
    expect(recorder.to("/users/u-jenkins/manage/lifecycle/disable", "POST")[0]?.body).toEqual({});
  });

  it("reads one account and a user's tokens", async () => {
    const { p } = provider();
    expect(await p.getAccount("u-jenkins")).toMatchObject({ accountId: "u-jenkins", groupIds: ["g-automation"] });
    expect(await p.getAccount("nobody")).toBeNull();
    expect(await p.listTokens("u-jenkins")).toEqual([
      { id: "tok-1", label: "jenkins-prod", createdAt: "2025-06-01T00:00:00.000Z", expiresAt: "2026-06-01T00:00:00.000Z", lastActiveAt: "2026-10-31T23:55:00.000Z" },
    ]);
    expect(await p.listServiceAccounts()).toHaveLength(1);
  });

  it("looks before retrying createServiceAccount after a 5xx, and finds the one that was created", async () => {
    let first = true;
    server.use(
      http.post(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/service-accounts`, async ({ request }) => {
        if (!first) return undefined;
        first = false;
        await recorder.record(request);
        // The server created it, then failed to answer.
        org.serviceAccounts.push({ id: "sa-ghost", atlassianId: "acct-ghost", email: "g@serviceaccount.atlassian.com", displayName: "Jenkins CI", description: "marker-1", status: "ACTIVE" });
        return apiError(502, "ADMIN-502", "Bad gateway");
      }),
    );
    const { p } = provider();
    const created = await p.createServiceAccount({ displayName: "Jenkins CI", description: "marker-1" });
    expect(created).toEqual({ id: "sa-ghost", accountId: "acct-ghost", email: "g@serviceaccount.atlassian.com", displayName: "Jenkins CI" });
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "POST")).toHaveLength(1);
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "GET")).toHaveLength(1);
  });

  it("retries createServiceAccount after looking when the first attempt did not create it", async () => {
    let first = true;
    server.use(
      http.post(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/service-accounts`, async ({ request }) => {
        if (!first) return undefined;
        first = false;
        await recorder.record(request);
        return HttpResponse.error();
      }),
    );
    const { p } = provider();
    const created = await p.createServiceAccount({ displayName: "Build", description: "marker-2" });
    expect(created.id).toBe("sa-coll-new-1");
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "POST")).toHaveLength(2);
    expect(org.serviceAccounts.filter((s) => s.description === "marker-2")).toHaveLength(1);
  });

  it("gives up on createServiceAccount with RetryUnsafeError after repeated ambiguous failures", async () => {
    server.use(http.post(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/service-accounts`, () => new HttpResponse(null, { status: 500 })));
    const { p } = provider();
    await expect(p.createServiceAccount({ displayName: "X", description: "m" })).rejects.toBeInstanceOf(RetryUnsafeError);
  });

  it("mints tokens only when unofficial endpoints are enabled, and registers the secret", async () => {
    const off = provider();
    expect(off.p.capabilities.mintToken).toBe(false);
    expect(off.p.mintToken).toBeUndefined();
    await expect(off.p.client.mintToken("u", { label: "l", scopes: [], expiry: "x" })).rejects.toBeInstanceOf(ConfigError);

    const on = provider({ unofficial: true });
    expect(on.p.capabilities.mintToken).toBe(true);
    const minted = await on.p.mintToken?.("sa-acct-1", { label: "bot2svc-deploy", scopes: ["read:jira-work"], expiresAt: "2027-11-01T00:00:00.000Z" });
    expect(minted).toEqual({ id: "minted-1", token: "fake-minted-secret-1-abcdef" });
    expect(recorder.to("/users/sa-acct-1/manage/api-tokens", "POST")[0]?.body).toEqual({ label: "bot2svc-deploy", scopes: ["read:jira-work"], expiry: "2027-11-01T00:00:00.000Z" });
    expect(on.secrets).toContain("fake-minted-secret-1-abcdef");
  });

  it("verifies a token through the gateway with Basic auth and explains a refusal", async () => {
    org.gatewayCredentials.push({ email: "sa@serviceaccount.atlassian.com", token: "sa-token-value-123456", accountId: "sa-acct-1" });
    const { p, secrets, logs } = provider();
    const me = await p.verifyToken({ cloudId: "c1", email: "sa@serviceaccount.atlassian.com", token: "sa-token-value-123456" });
    expect(me).toEqual({ accountId: "sa-acct-1", email: "sa@serviceaccount.atlassian.com", displayName: "SA" });
    const call = recorder.to("/ex/jira/c1/rest/api/3/myself")[0];
    expect(call?.authorization).toBe(`Basic ${Buffer.from("sa@serviceaccount.atlassian.com:sa-token-value-123456").toString("base64")}`);
    expect(secrets).toContain("sa-token-value-123456");

    const error = (await p.verifyToken({ cloudId: "c1", email: "sa@serviceaccount.atlassian.com", token: "wrong-token-0000000" }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(/gateway/);
    expect(`${error.message}${error.stack}${logs.join("")}`).not.toContain("wrong-token-0000000");
  });
});

describe("AtlassianProvider service-account tokens and verification", () => {
  const saTokens = "/admin/api-access/v1/orgs/org-1/service-accounts/sa-coll-1/api-tokens";

  it("lists a service account's tokens through the route documented for service accounts, by collection id", async () => {
    const { p } = provider();
    const tokens = await p.listTokens("sa-acct-1");
    expect(tokens).toEqual([{ id: "satok-1", label: "deploy", createdAt: "2026-01-01T00:00:00.000Z", expiresAt: "2027-01-01T00:00:00.000Z", lastActiveAt: null }]);
    expect(recorder.to(saTokens, "GET")).toHaveLength(1);
    // No page size: the reference documents only tokenLabel for this list.
    expect(Object.keys(recorder.to(saTokens, "GET")[0]?.query ?? { missing: 1 })).toEqual([]);
    expect(recorder.to("/users/sa-acct-1/manage/api-tokens")).toHaveLength(0);
    // The service-account list is read once to learn collection ids, not per call.
    await p.listTokens("sa-acct-1");
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "GET")).toHaveLength(1);
    // A person's tokens still come from the user-management route.
    expect((await p.listTokens("u-jenkins")).map((t) => t.id)).toEqual(["tok-1"]);
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts/u-jenkins/api-tokens")).toHaveLength(0);
  });

  it("knows a service account it just created without listing them again", async () => {
    const { p } = provider();
    const created = await p.createServiceAccount({ displayName: "Build", description: "marker-9" });
    expect(await p.listTokens(created.accountId)).toEqual([]);
    expect(recorder.to(`/admin/api-access/v1/orgs/org-1/service-accounts/${created.id}/api-tokens`, "GET")).toHaveLength(1);
  });

  it("falls back to the user-management route when Atlassian does not serve the service-account route (404)", async () => {
    org.serviceAccountTokenRoute = "missing";
    org.userTokens["sa-acct-1"] = [{ id: "satok-1", label: "deploy", createdAt: "2026-01-01T00:00:00Z", lastAccess: null, expiry: "2027-01-01T00:00:00Z" }];
    const { p, logs } = provider();
    expect((await p.listTokens("sa-acct-1")).map((t) => t.id)).toEqual(["satok-1"]);
    expect(recorder.to(saTokens, "GET")).toHaveLength(1);
    expect(recorder.to("/users/sa-acct-1/manage/api-tokens", "GET")).toHaveLength(1);
    expect(logs.join("\n")).toMatch(/listTokensOfServiceAccount answered 404/);
  });

  it("does not fall back on other refusals", async () => {
    server.use(http.get(`${org.baseUrl}/admin/api-access/v1/orgs/:orgId/service-accounts/:id/api-tokens`, () => apiError(403, "ADMIN-403-3", "Forbidden")));
    const { p } = provider();
    await expect(p.listTokens("sa-acct-1")).rejects.toMatchObject({ status: 403 });
    expect(recorder.to("/users/sa-acct-1/manage/api-tokens")).toHaveLength(0);
  });

  it("verifies a Confluence token with Confluence's current user, not Jira's", async () => {
    org.gatewayCredentials.push({ email: "wiki@serviceaccount.atlassian.com", token: "wiki-token-value-123456", accountId: "sa-acct-1" });
    const { p } = provider();
    const me = await p.verifyToken({ cloudId: "c1", email: "wiki@serviceaccount.atlassian.com", token: "wiki-token-value-123456", product: "confluence" });
    expect(me).toEqual({ accountId: "sa-acct-1", email: "wiki@serviceaccount.atlassian.com", displayName: "SA" });
    expect(recorder.to("/ex/confluence/c1/wiki/rest/api/user/current", "GET")).toHaveLength(1);
    expect(recorder.to("/ex/jira/c1/rest/api/3/myself")).toHaveLength(0);
  });

  it("reads platform roles in the spec's form into the snapshot's", async () => {
    org.users[0].platformRoles = ["atlassian/org-admin", "atlassian/user-access-admin"];
    org.users[0].productAccess = [{ key: "jira", id: "ari:cloud:jira::site/c1" }];
    const { p } = provider();
    const user = await p.getAccount(org.users[0].accountId);
    expect(user?.platformRoles).toEqual(["org-admin", "user-access-admin"]);
    expect(user?.productAccess.map((a) => a.key)).toEqual(["jira"]);
  });
});

describe("resolveAtlassianSettings", () => {
  it("reads env over config, with defaults", () => {
    const s = resolveAtlassianSettings({
      env: { BOT2SVC_ATLASSIAN_ORG_ID: "env-org", BOT2SVC_ATLASSIAN_API_KEY: "key-123456", BOT2SVC_ATLASSIAN_UNOFFICIAL: "0" },
      config: { orgId: "cfg-org", unofficial: true, concurrency: 2 },
    });
    expect(s).toMatchObject({ orgId: "env-org", apiKey: "key-123456", baseUrl: "https://api.atlassian.com", directoryId: "-", unofficial: false, concurrency: 2 });
    expect(resolveAtlassianSettings({ env: { BOT2SVC_ATLASSIAN_API_KEY: "k-123456" }, config: { orgId: "o", unofficial: true }, concurrency: 1 })).toMatchObject({
      orgId: "o",
      unofficial: true,
      concurrency: 1,
    });
  });

  it("takes the retry count of 5xx answers from BOT2SVC_ATLASSIAN_MAX_RETRIES and refuses a bad one", () => {
    const env = { BOT2SVC_ATLASSIAN_ORG_ID: "o", BOT2SVC_ATLASSIAN_API_KEY: "key-123456" };
    expect(resolveAtlassianSettings({ env }).maxRetries).toBe(5);
    expect(resolveAtlassianSettings({ env: { ...env, BOT2SVC_ATLASSIAN_MAX_RETRIES: "8" } }).maxRetries).toBe(8);
    expect(resolveAtlassianSettings({ env: { ...env, BOT2SVC_ATLASSIAN_MAX_RETRIES: " " } }).maxRetries).toBe(5);
    for (const bad of ["-1", "21", "2.5", "many"]) {
      expect(() => resolveAtlassianSettings({ env: { ...env, BOT2SVC_ATLASSIAN_MAX_RETRIES: bad } }), bad).toThrow(/BOT2SVC_ATLASSIAN_MAX_RETRIES must be a whole number from 0 to 20/);
    }
  });

  it("lists every missing setting in one ConfigError with a hint", () => {
    const error = (() => {
      try {
        resolveAtlassianSettings({ env: {} });
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.details.join("\n")).toMatch(/BOT2SVC_ATLASSIAN_ORG_ID[\s\S]*BOT2SVC_ATLASSIAN_API_KEY/);
    expect(error?.hint).toMatch(/API keys/);
  });

  it("refuses a plain-http base URL off loopback", () => {
    expect(() =>
      resolveAtlassianSettings({ env: { BOT2SVC_ATLASSIAN_ORG_ID: "o", BOT2SVC_ATLASSIAN_API_KEY: "k-123456", BOT2SVC_ATLASSIAN_BASE_URL: "http://api.atlassian.com" } }),
    ).toThrow(/BOT2SVC_ATLASSIAN_BASE_URL must use https/);
    expect(
      resolveAtlassianSettings({ env: { BOT2SVC_ATLASSIAN_ORG_ID: "o", BOT2SVC_ATLASSIAN_API_KEY: "k-123456", BOT2SVC_ATLASSIAN_BASE_URL: "http://127.0.0.1:4010/" } }).baseUrl,
    ).toBe("http://127.0.0.1:4010");
  });
});

describe("AtlassianProvider against documented shapes", () => {
  it("re-reads one account through the users search with accountIds and expand, never the details endpoint", async () => {
    const { p } = provider();
    const user = await p.getAccount("u-jenkins");
    expect(user).toMatchObject({ groupIds: ["g-automation"], productAccess: [expect.objectContaining({ key: "jira-software" })] });
    const calls = recorder.to("/admin/v2/orgs/org-1/directories/-/users/search", "POST");
    expect(calls.map((c) => c.body)).toEqual([{ limit: 10, expand: ["platformRoles", "productAccess", "groups"], accountIds: ["u-jenkins"] }]);
    expect(recorder.to(/\/users\/u-jenkins$/)).toHaveLength(0);
  });

  it("follows an absolute links.next on the service-account list to the end", async () => {
    org.absoluteServiceAccountLinks = true;
    org.serviceAccounts.push(
      { id: "sa-coll-2", atlassianId: "sa-acct-2", email: "b@serviceaccount.atlassian.com", displayName: "B", status: "ACTIVE" },
      { id: "sa-coll-3", atlassianId: "sa-acct-3", email: "c@serviceaccount.atlassian.com", displayName: "C", status: "ACTIVE" },
    );
    const { p } = provider();
    expect((await p.listServiceAccounts()).map((s) => s.id)).toEqual(["sa-coll-1", "sa-coll-2", "sa-coll-3"]);
    const calls = recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts", "GET");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query.startAt).toBeTypeOf("string");
  });

  it("ends events-stream on an empty page even when the cursor never changes, and on reaching `to`", async () => {
    const stream = (pages: unknown[][]) => {
      let n = 0;
      server.use(
        http.get(`${org.baseUrl}/admin/v1/orgs/:orgId/events-stream`, async ({ request }) => {
          await recorder.record(request);
          const data = pages[Math.min(n, pages.length - 1)];
          n += 1;
          return HttpResponse.json({ data, meta: { next: "same-cursor" }, links: { next: `${org.baseUrl}/admin/v1/orgs/org-1/events-stream?cursor=same-cursor` } });
        }),
      );
    };
    const ev = (id: string, time: string) => ({ id, attributes: { time, action: "user_login", actor: { id: "u-jenkins" } } });
    stream([[ev("a", "2026-10-30T00:00:00Z")], []]);
    const { p } = provider();
    const range = { from: new Date("2026-10-01T00:00:00Z"), to: NOW };
    expect((await p.client.eventsStream(range)).map((e) => e.id)).toEqual(["a"]);

    recorder.clear();
    // A page that reaches `to` ends the read; events after `to` are left out.
    stream([[ev("b", "2026-10-31T00:00:00Z"), ev("late", "2026-11-02T00:00:00Z")], [ev("never", "2026-11-03T00:00:00Z")]]);
    expect((await p.client.eventsStream(range)).map((e) => e.id)).toEqual(["b"]);
    expect(recorder.to("/admin/v1/orgs/org-1/events-stream")).toHaveLength(1);
  });

  it("turns a refused group or role write for a service account into AccessWriteRefusedError, and nothing else", async () => {
    org.refuseServiceAccountTargets = true;
    const { p } = provider();
    const group = await p.addToGroup("g-automation", "sa-acct-1").catch((e: unknown) => e);
    expect(group).toBeInstanceOf(AccessWriteRefusedError);
    expect(group).toMatchObject({ write: "group", status: 404, apiCode: "USER_NOT_FOUND" });
    const role = await p.grantAppRole("sa-acct-1", { role: "atlassian/user", resource: "ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001" }).catch((e: unknown) => e);
    expect(role).toMatchObject({ code: "ACCESS_WRITE_REFUSED", write: "grant" });
    // A synced group refuses every member.
    expect(await p.addToGroup("g-idp", "u-jenkins").catch((e: unknown) => e)).toBeInstanceOf(AccessWriteRefusedError);
    // A product-role ARI is refused by roles/assign.
    expect(await p.grantAppRole("u-jenkins", { role: "ari:cloud:jira-software::role/product/member", resource: "ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001" }).catch((e: unknown) => e)).toBeInstanceOf(AccessWriteRefusedError);
    // An unknown group or a bad key is not a refusal to work around.
    expect(await p.addToGroup("g-nope", "u-jenkins").catch((e: unknown) => e)).not.toBeInstanceOf(AccessWriteRefusedError);
    const badKey = provider({ apiKey: "fake-wrong-key-000000000000" }).p;
    expect(await badKey.grantAppRole("u-jenkins", { role: "atlassian/user", resource: "x" }).catch((e: unknown) => e)).not.toBeInstanceOf(AccessWriteRefusedError);
    expect(org.writes).toEqual([]);
  });

  it("uses the configured directory for writes, and asks for one when the org has several", async () => {
    const { p } = provider({ directoryId: "dir-acme" });
    await p.suspendAccount("u-jenkins");
    expect(org.writes).toEqual(["suspend u-jenkins in dir-acme"]);
    expect(recorder.to("/admin/v2/orgs/org-1/directories", "GET")).toHaveLength(0);

    org.directories.push({ directoryId: "dir-other", name: "Other" });
    const several = provider().p;
    // The account's own directory decides.
    await several.restoreAccount("u-jenkins");
    expect(recorder.to("/admin/v2/orgs/org-1/directories", "GET")[0]?.query).toEqual({ limit: "100", accountId: "u-jenkins" });
    // A service account in no directory, with several to choose from, cannot be placed.
    const error = (await several.addToGroup("g-automation", "sa-acct-1").catch((e: unknown) => e)) as AccessWriteRefusedError;
    expect(error).toBeInstanceOf(AccessWriteRefusedError);
    expect(error.message).toMatch(/2 directories/);
  });

  it("revokes every token of a service account with one documented call", async () => {
    const { p } = provider();
    await p.revokeServiceAccountTokens("sa-coll-1");
    await p.revokeServiceAccountTokens("sa-gone"); // already gone: no error
    expect(org.writes).toEqual(["revoke all tokens of sa-coll-1"]);
    expect(recorder.to("/admin/api-access/v1/orgs/org-1/service-accounts/sa-coll-1/api-tokens", "DELETE")).toHaveLength(1);
  });

  it("reads product-side events through the Audit Log API only when enabled", async () => {
    const off = provider();
    expect(off.p.capabilities.productAuditLog).toBe(false);
    expect((await off.p.readSnapshot()).events.map((e) => e.id)).not.toContain("pev-1");
    expect(recorder.to(/\/audit-log\//)).toHaveLength(0);

    const on = provider({ auditLog: { email: "admin@acme.com", token: "fake-audit-token-0000" } });
    expect(on.p.capabilities.productAuditLog).toBe(true);
    const snapshot = await on.p.readSnapshot();
    expect(snapshot.events.find((e) => e.id === "pev-1")).toMatchObject({ action: "issue_created", actorId: "u-jenkins" });
    // One Jira and one Confluence workspace; Bitbucket is not asked. The Audit Log API takes an
    // admin's Basic email:token, never the org API key.
    const calls = recorder.to(/\/audit-log\/v1\/workspaces\//);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.authorization === `Basic ${Buffer.from("admin@acme.com:fake-audit-token-0000").toString("base64")}`)).toBe(true);
    expect(on.secrets).toContain("fake-audit-token-0000");
  });

  it("strips Confluence's /wiki from a workspace hostUrl", async () => {
    org.workspaces = [
      { id: "ari:cloud:confluence::site/c2", type: "workspace", attributes: { typeKey: "confluence", hostUrl: "https://wiki-only.atlassian.net/wiki" } },
    ];
    const { p } = provider();
    expect((await p.readSnapshot()).org.sites).toEqual([{ cloudId: "c2", url: "https://wiki-only.atlassian.net", products: ["confluence"] }]);
  });
});
