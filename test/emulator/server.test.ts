import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { validateSnapshot } from "../../src/core/snapshot/reader.js";
import type { Snapshot } from "../../src/core/snapshot/schema.js";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator/server.js";
import { ENDPOINTS } from "../../src/providers/atlassian/endpoints.js";
import { CLOUD_ID, ORG_ID, sampleSnapshot } from "./fixture.js";

const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  // The shapes are checked against the snapshot's own times; time.test.ts covers the shift.
  const emu = await startEmulator({ snapshot: sampleSnapshot(), apiKey: "test-key-123", asOf: "taken", ...options });
  running.push(emu);
  return emu;
}

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function call(emu: RunningEmulator, method: string, path: string, options: { body?: unknown; auth?: string | null } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = options.auth === undefined ? `Bearer ${emu.apiKey}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

const v2 = (p: string) => `/admin/v2/orgs/${ORG_ID}${p}`;
const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`;
const futureExpiry = () => new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();

describe("read routes and pagination", () => {
  it("pages users/search to the end with a bare cursor in links.next", async () => {
    const emu = await start({ pageSizes: { searchUsers: { default: 3 } } });
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await call(emu, "POST", v2("/directories/-/users/search"), { body: { expand: ["productAccess", "groups", "platformRoles"], ...(cursor ? { cursor } : {}) } });
      expect(r.status).toBe(200);
      ids.push(...r.body.data.map((u: { accountId: string }) => u.accountId));
      cursor = r.body.links.next;
      if (cursor) expect(cursor).not.toMatch(/^http/);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids).toEqual(["acc-0", "acc-1", "acc-2", "acc-3", "acc-4", "acc-5", "acc-6"]);
  });

  it("returns MultiDirectoryUser fields, expansions only when asked", async () => {
    const emu = await start();
    const plain = await call(emu, "POST", v2("/directories/dir-1/users/search"), { body: { accountIds: ["acc-0"] } });
    expect(plain.body.data).toHaveLength(1);
    expect(plain.body.data[0]).toMatchObject({ accountId: "acc-0", accountType: "atlassian", status: "active", accountStatus: "active", email: "jenkins@acme.com" });
    expect(plain.body.data[0].productAccess).toBeUndefined();
    const expanded = await call(emu, "POST", v2("/directories/-/users/search"), { body: { accountIds: ["acc-0"], expand: ["productAccess", "groups"] } });
    // Product keys as the generated models name them (`jira`, `confluence`), whatever the snapshot holds.
    expect(expanded.body.data[0].productAccess).toEqual([{ key: "jira", id: `ari:cloud:jira::site/${CLOUD_ID}`, lastActiveTimestamp: null }]);
    expect(expanded.body.data[0].groups).toEqual([{ id: "g-jira-users", name: "jira-users", description: "Jira users" }]);
    const hidden = await call(emu, "POST", v2("/directories/-/users/search"), { body: { accountIds: ["acc-6"] } });
    expect(hidden.body.data[0]).not.toHaveProperty("email");
  });

  it("honours the limit in the body and clamps it at the maximum", async () => {
    const emu = await start({ pageSizes: { searchUsers: { max: 4 } } });
    const two = await call(emu, "POST", v2("/directories/-/users/search"), { body: { limit: 2 } });
    expect(two.body.data).toHaveLength(2);
    const many = await call(emu, "POST", v2("/directories/-/users/search"), { body: { limit: 1000 } });
    expect(many.body.data).toHaveLength(4);
    const bad = await call(emu, "POST", v2("/directories/-/users/search"), { body: { limit: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe("ADMIN-400-24");
  });

  it("rejects a cursor it did not issue with ADMIN-400-1", async () => {
    const emu = await start();
    const r = await call(emu, "POST", v2("/directories/-/users/search"), { body: { cursor: "garbage!" } });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].code).toBe("ADMIN-400-1");
  });

  it("pages groups/search and reports IdP-synced groups as externalSynced / managedBy", async () => {
    const emu = await start({ pageSizes: { searchGroups: { default: 2 } } });
    const first = await call(emu, "POST", v2("/directories/-/groups/search"), { body: {} });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).toEqual({ id: "g-jira-users", name: "jira-users", description: "Jira users", directoryId: "dir-1", externalSynced: false, managedBy: "admins" });
    const second = await call(emu, "POST", v2("/directories/-/groups/search"), { body: { cursor: first.body.links.next } });
    expect(second.body.data).toEqual([{ id: "g-sso", name: "sso-staff", directoryId: "dir-1", externalSynced: true, managedBy: "external" }]);
    expect(second.body.data[0]).not.toHaveProperty("managementSource");
    expect(second.body.links.next).toBeUndefined();
  });

  it("lists workspaces with site ARIs; Confluence is served under /wiki", async () => {
    const emu = await start();
    const r = await call(emu, "POST", `/admin/v2/orgs/${ORG_ID}/workspaces`, { body: { limit: 10 } });
    expect(r.body.data).toHaveLength(3);
    expect(r.body.data[0]).toMatchObject({
      id: `ari:cloud:jira::site/${CLOUD_ID}`,
      type: "workspace",
      attributes: { name: "acme", typeKey: "jira-software", status: "online", hostUrl: "https://acme.atlassian.net" },
    });
    expect(r.body.data[1]).toMatchObject({ id: `ari:cloud:confluence::site/${CLOUD_ID}`, attributes: { typeKey: "confluence", hostUrl: "https://acme.atlassian.net/wiki" } });
    expect(r.body.meta).toMatchObject({ total: 3 });
  });

  it("answers getOrg and getUser", async () => {
    const emu = await start();
    const org = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
    expect(org.body.data).toMatchObject({ id: ORG_ID, type: "orgs", attributes: { name: "Acme" } });
    const user = await call(emu, "GET", v2("/directories/-/users/acc-1"));
    // Platform roles in the spec's form, from the snapshot's short one.
    expect(user.body.data).toMatchObject({ accountId: "acc-1", platformRoles: ["atlassian/org-admin"] });
    const missing = await call(emu, "GET", v2("/directories/-/users/nobody"));
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]).toMatchObject({ status: "404", code: "ADMIN-404-8", title: "Not Found" });
  });

  it("pages the api-token inventory with ?cursor&pageSize", async () => {
    const emu = await start();
    const seen: any[] = [];
    let cursor = "";
    for (;;) {
      const r = await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/api-tokens?pageSize=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.data);
      if (!r.body.links.next) break;
      cursor = r.body.links.next;
    }
    expect(seen.map((t) => t.id)).toEqual(["tok-0", "tok-1", "tok-2", "tok-3", "tok-4"]);
    expect(seen[0]).toEqual({
      id: "tok-0",
      label: "token-0",
      status: "ALLOWED",
      createdAt: "2025-06-01T00:00:00.000Z",
      expiresAt: "2026-12-01T00:00:00.000Z",
      lastActiveAt: "2026-10-31T23:55:00.000Z",
      user: { id: "acc-0", orgId: ORG_ID, name: "Jenkins CI", email: "jenkins@acme.com" },
    });
  });

  it("lists service accounts as {items, links, total} and their tokens", async () => {
    const emu = await start();
    const sas = await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts?pageSize=10`);
    expect(sas.body.total).toBe(1);
    expect(sas.body.items[0]).toMatchObject({ atlassianId: "712020:existing-sa", id: "sa-coll-1", email: "existing-x1ax@serviceaccount.atlassian.com", status: "active" });
    expect(typeof sas.body.items[0].updatedAt).toBe("number");
    const toks = await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts/api-tokens`);
    expect(toks.status).toBe(200);
    expect(toks.body.data).toEqual([
      { id: "satok-1", label: "existing", createdAt: "2026-10-01T00:00:00.000Z", expiresAt: "2027-10-01T00:00:00.000Z", lastActiveAt: null, serviceAccountId: "sa-coll-1" },
    ]);
  });

  it("lists a user's tokens as a plain array", async () => {
    const emu = await start();
    const r = await call(emu, "GET", "/users/acc-2/manage/api-tokens");
    expect(Array.isArray(r.body)).toBe(true);
    expect(r.body).toEqual([
      { id: "tok-3", label: "token-3", createdAt: "2025-06-01T00:00:00.000Z", lastAccess: "2026-10-31T23:55:00.000Z", expiry: "2026-12-01T00:00:00.000Z" },
      { id: "tok-4", label: "token-4", createdAt: "2025-06-01T00:00:00.000Z", lastAccess: "2026-10-31T23:55:00.000Z", expiry: "2026-12-01T00:00:00.000Z" },
    ]);
  });

  it("streams events with a full-URL links.next that drops from/to (ACCESS-1603)", async () => {
    const emu = await start();
    const from = Date.parse("2026-10-22T00:00:00Z");
    const to = Date.parse("2026-10-27T00:00:00Z");
    const path = `/admin/v1/orgs/${ORG_ID}/events-stream?from=${from}&to=${to}&limit=2&sortOrder=asc`;
    const first = await call(emu, "GET", path);
    expect(first.status).toBe(200);
    expect(first.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-2", "ev-3"]);
    expect(first.body.data[0].attributes).toMatchObject({
      action: "issue_viewed",
      actor: { id: "acc-0", name: "Jenkins CI", email: "jenkins@acme.com", auth: { authType: "container-token", tokenId: "tok-0", tokenLabel: "token-0" } },
      location: { ip: "34.201.10.7" },
    });
    const next = new URL(first.body.links.next as string);
    expect(`${next.protocol}//${next.host}`).toBe(emu.url);
    expect(next.searchParams.get("cursor")).toBe(first.body.meta.next);
    expect(next.searchParams.has("from")).toBe(false);
    expect(next.searchParams.has("to")).toBe(false);
    // A client that re-adds from/to walks its window to the end.
    // A client that re-adds from/to walks its window to the end, where the page is empty and
    // still carries a cursor (for polling).
    const ids = first.body.data.map((e: { id: string }) => e.id);
    let url: string = first.body.links.next;
    let pages = 1;
    for (;;) {
      const u = new URL(url);
      u.searchParams.set("from", String(from));
      u.searchParams.set("to", String(to));
      const page = await call(emu, "GET", `${u.pathname}${u.search}`);
      pages++;
      expect(typeof page.body.meta.next).toBe("string");
      expect(typeof page.body.links.next).toBe("string");
      if (page.body.data.length === 0) break;
      ids.push(...page.body.data.map((e: { id: string }) => e.id));
      url = page.body.links.next;
      expect(pages).toBeLessThan(10);
    }
    expect(ids).toEqual(["ev-2", "ev-3", "ev-4", "ev-5", "ev-6"]);
    // Following the bare link (no window) reads on past the window's end.
    const blind = await call(emu, "GET", `${next.pathname}${next.search}`);
    expect(blind.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-4", "ev-5"]);
    const beyond = await call(emu, "GET", `${new URL(blind.body.links.next).pathname}${new URL(blind.body.links.next).search}`);
    expect(beyond.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-6", "ev-7"]);
  });

  it("caps events-stream limit at 500 and rejects a bad from", async () => {
    const emu = await start();
    const r = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}/events-stream?limit=9999`);
    expect(r.body.data).toHaveLength(9);
    expect(r.body.meta.page_size).toBe(9);
    const end = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}/events-stream?cursor=${encodeURIComponent(r.body.meta.next)}`);
    expect(end.body.data).toEqual([]);
    expect(end.body.meta.next).toBe(r.body.meta.next);
    const bad = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}/events-stream?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe("ADMIN-400-3");
  });

  it("serves every catalogue entry (no route answers 'failed to match')", async () => {
    const emu = await start();
    for (const endpoint of Object.values(ENDPOINTS)) {
      const path = endpoint.path.replace(/\{(\w+)\}/g, (_, n: string) => (n === "orgId" ? ORG_ID : n === "directoryId" ? "-" : n === "cloudId" ? CLOUD_ID : "x"));
      const r = await call(emu, endpoint.method, path, endpoint.method === "GET" || endpoint.method === "DELETE" ? {} : { body: {} });
      expect([200, 201, 204, 400, 401, 404], `${endpoint.method} ${endpoint.path}`).toContain(r.status);
      if (r.status === 404) {
        const detail = Array.isArray(r.body) ? r.body[0].message : r.body.errors[0].detail;
        expect(detail, `${endpoint.method} ${endpoint.path}`).not.toMatch(/failed to match/);
      }
    }
  });
});

describe("auth, scope and errors", () => {
  it("401 in the Atlassian error shape for a missing or wrong key", async () => {
    const emu = await start();
    for (const auth of [null, "Bearer wrong-key", "Basic Zm9vOmJhcg=="]) {
      const r = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`, { auth });
      expect(r.status).toBe(401);
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errors[0]).toMatchObject({ status: "401", code: "ADMIN-401-1", title: "Unauthorized" });
      expect(typeof r.body.errors[0].id).toBe("string");
      expect(r.headers.get("x-ratelimit-limit")).toBe("1000");
    }
  });

  it("lifecycle routes answer errors as an array of {code, message}", async () => {
    const emu = await start();
    const unauth = await call(emu, "POST", "/users/acc-1/manage/lifecycle/disable", { auth: null });
    expect(unauth.status).toBe(401);
    expect(unauth.body).toEqual([{ code: "ADMIN-401-1", message: expect.any(String) }]);
    const missing = await call(emu, "POST", "/users/nobody/manage/lifecycle/disable");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: "ADMIN-404-8", message: expect.any(String) }]);
  });

  it("404 ADMIN-404-2 for another org, ADMIN-404-8 for an unknown user, 400 ADMIN-400-24 for a bad body", async () => {
    const emu = await start();
    const org = await call(emu, "POST", "/admin/v2/orgs/other-org/directories/-/users/search", { body: {} });
    expect(org.status).toBe(404);
    expect(org.body.errors[0].code).toBe("ADMIN-404-2");
    const user = await call(emu, "POST", v2("/directories/dir-1/users/nobody/suspend"));
    expect(user.status).toBe(404);
    expect(user.body.errors[0].code).toBe("ADMIN-404-8");
    const notJson = await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: "{not json" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0].code).toBe("ADMIN-400-24");
    const noName = await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { description: "x" } });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].code).toBe("ADMIN-400-24");
    const both = await call(emu, "POST", v2("/directories/-/users/search"), { body: { searchTerm: "a", emails: ["a@b.c"] } });
    expect(both.status).toBe(400);
  });

  it("answers unknown paths 404 and wrong methods 405", async () => {
    const emu = await start();
    expect((await call(emu, "GET", "/admin/v9/nothing")).status).toBe(404);
    expect((await call(emu, "PUT", `/admin/v1/orgs/${ORG_ID}`)).status).toBe(405);
  });
});

describe("rate limit", () => {
  it("sends X-RateLimit-* on admin responses and 429 ADMIN-429-1 with Retry-After when over", async () => {
    const emu = await start({ rateLimitPerMinute: 3 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("x-ratelimit-limit")).toBe("3");
      expect(r.headers.get("x-ratelimit-reset")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      remaining.push(r.headers.get("x-ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await call(emu, "POST", v2("/directories/-/users/search"), { body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0]).toMatchObject({ status: "429", code: "ADMIN-429-1" });
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Date.parse(limited.headers.get("x-ratelimit-reset") ?? "")).toBeGreaterThan(Date.now());
    expect(emu.requests().byStatus["429"]).toBe(1);
    // The control routes are never limited.
    expect((await fetch(`${emu.url}/__emulator/requests`)).status).toBe(200);
  });

  it("keeps the 429 write from changing state", async () => {
    const emu = await start({ rateLimitPerMinute: 1 });
    await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
    const r = await call(emu, "POST", v2("/directories/dir-1/users/acc-1/suspend"));
    expect(r.status).toBe(429);
    expect(emu.state.findUser("acc-1")?.status).toBe("active");
  });
});

describe("faults", () => {
  async function statuses(seed: number): Promise<(number | "reset")[]> {
    const emu = await start({ faults: { rate5xx: 0.3, rateReset: 0.2, seed } });
    const out: (number | "reset")[] = [];
    for (let i = 0; i < 25; i++) {
      try {
        const r = await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
        out.push(r.status);
        if (r.status === 503) expect(r.body.errors[0]).toMatchObject({ status: "503", code: "ADMIN-503-1" });
      } catch {
        out.push("reset");
      }
    }
    return out;
  }

  it("are deterministic for a seed and differ across seeds", async () => {
    const a = await statuses(7);
    const b = await statuses(7);
    const c = await statuses(8);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toContain(503);
    expect(a).toContain("reset");
    expect(a).toContain(200);
  });

  it("never apply to /__emulator routes", async () => {
    const emu = await start({ faults: { rate5xx: 1, seed: 1 } });
    expect((await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`)).status).toBe(503);
    const state = await fetch(`${emu.url}/__emulator/state`);
    expect(state.status).toBe(200);
  });

  it("leave state unchanged when a write fails by fault", async () => {
    const emu = await start({ faults: { rate5xx: 1, seed: 3 } });
    const r = await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: "Bot" } });
    expect(r.status).toBe(503);
    expect(emu.state.serviceAccounts).toHaveLength(1);
    const emu2 = await start({ faults: { rateReset: 1, seed: 3 } });
    await expect(call(emu2, "POST", v2("/directories/dir-1/users/acc-1/suspend"))).rejects.toThrow();
    expect(emu2.state.findUser("acc-1")?.status).toBe("active");
  });

  it("resetAfterWrite applies the write and then drops the connection", async () => {
    const emu = await start({ faults: { resetAfterWrite: 1, seed: 3 } });
    await expect(call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: "Bot" } })).rejects.toThrow();
    expect(emu.state.serviceAccounts).toHaveLength(2);
    // Reads are not affected by this mode.
    expect((await call(emu, "GET", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`)).body.total).toBe(2);
    expect(emu.requests().byStatus.reset).toBe(1);
  });

  it("adds latency within the range", async () => {
    const emu = await start({ faults: { latencyMs: [60, 80], seed: 1 } });
    const t0 = performance.now();
    await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
  });
});

describe("writes change state", () => {
  it("creates a service account, mints a token the gateway accepts, and revokes it", async () => {
    const emu = await start();
    const created = await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, {
      body: {
        displayName: "Jenkins CI",
        description: "Migrated",
        permissionRules: [
          { role: "atlassian/user", resource: `ari:cloud:jira::site/${CLOUD_ID}` },
          { role: "atlassian/user", resource: `ari:cloud:confluence::site/${CLOUD_ID}` },
        ],
      },
    });
    expect(created.status).toBe(201);
    const sa = created.body;
    expect(sa.email).toMatch(/^jenkins-ci-[a-z0-9]{10}@serviceaccount\.atlassian\.com$/);
    expect(sa.atlassianId).not.toBe(sa.id);
    expect(sa).toMatchObject({ displayName: "Jenkins CI", status: "active" });

    const minted = await call(emu, "POST", `/users/${encodeURIComponent(sa.atlassianId)}/manage/api-tokens`, {
      body: { label: "bot2svc-jenkins", scopes: ["read:jira-work", "read:jira-user", "read:confluence-user"], expiry: futureExpiry() },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.token).toMatch(/^ATATT/);
    const token: string = minted.body.token;

    const me = await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth: basic(sa.email, token) });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ accountId: sa.atlassianId, emailAddress: sa.email, displayName: "Jenkins CI", accountType: "app", active: true });
    expect(me.headers.get("x-ratelimit-limit")).toBeNull();
    const wiki = await call(emu, "GET", `/ex/confluence/${CLOUD_ID}/wiki/rest/api/user/current`, { auth: basic(sa.email, token) });
    expect(wiki.body).toMatchObject({ accountId: sa.atlassianId, accountType: "app" });
    expect((await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth: basic(sa.email, `${token}x`) })).status).toBe(401);
    expect((await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth: `Bearer ${emu.apiKey}` })).status).toBe(401);
    expect((await call(emu, "GET", `/ex/jira/nope/rest/api/3/myself`, { auth: basic(sa.email, token) })).status).toBe(404);

    const listed = await call(emu, "GET", `/users/${encodeURIComponent(sa.atlassianId)}/manage/api-tokens`);
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token);

    const revoked = await call(emu, "DELETE", `/users/${encodeURIComponent(sa.atlassianId)}/manage/api-tokens/${minted.body.id}`);
    expect(revoked.status).toBe(204);
    expect((await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth: basic(sa.email, token) })).status).toBe(401);
    expect((await call(emu, "DELETE", `/users/${encodeURIComponent(sa.atlassianId)}/manage/api-tokens/${minted.body.id}`)).status).toBe(404);
  });

  it("mint rejects expiresAt, a past expiry and more than 365 days", async () => {
    const emu = await start();
    const base = { label: "x", scopes: [] as string[] };
    const wrongField = await call(emu, "POST", "/users/712020:existing-sa/manage/api-tokens", { body: { ...base, expiresAt: futureExpiry() } });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors[0]).toMatchObject({ code: "ADMIN-400-24", title: "INVALID_EXPIRY" });
    const past = await call(emu, "POST", "/users/712020:existing-sa/manage/api-tokens", { body: { ...base, expiry: "2020-01-01T00:00:00Z" } });
    expect(past.status).toBe(400);
    const far = new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString();
    expect((await call(emu, "POST", "/users/712020:existing-sa/manage/api-tokens", { body: { ...base, expiry: far } })).status).toBe(400);
    expect((await call(emu, "POST", "/users/nobody/manage/api-tokens", { body: { ...base, expiry: futureExpiry() } })).status).toBe(404);
  });

  it("a user's minted token works until the user is suspended", async () => {
    const emu = await start();
    const minted = await call(emu, "POST", "/users/acc-1/manage/api-tokens", { body: { label: "l", scopes: ["read:jira-user"], expiry: futureExpiry() } });
    const auth = basic("person1@acme.com", minted.body.token);
    const me = await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth });
    expect(me.body).toMatchObject({ accountId: "acc-1", accountType: "atlassian", active: true });
    const suspended = await call(emu, "POST", v2("/directories/dir-1/users/acc-1/suspend"));
    expect(suspended.status).toBe(200);
    expect(suspended.body).toEqual({ message: expect.any(String) });
    expect((await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth })).status).toBe(401);
    const state = await call(emu, "GET", "/__emulator/state", { auth: null });
    expect(state.body.users.find((u: { accountId: string }) => u.accountId === "acc-1").status).toBe("suspended");
    const user = await call(emu, "GET", v2("/directories/-/users/acc-1"));
    expect(user.body.data).toMatchObject({ status: "suspended", membershipStatus: "suspended" });
    await call(emu, "POST", v2("/directories/dir-1/users/acc-1/restore"));
    expect(emu.state.findUser("acc-1")?.status).toBe("active");
  });

  it("deactivates and reactivates through the lifecycle API", async () => {
    const emu = await start();
    expect((await call(emu, "POST", "/users/acc-2/manage/lifecycle/disable", { body: { message: "migrated" } })).status).toBe(204);
    expect(emu.state.findUser("acc-2")).toMatchObject({ accountStatus: "inactive", status: "deactivated" });
    expect((await call(emu, "POST", "/users/acc-2/manage/lifecycle/enable")).status).toBe(204);
    expect(emu.state.findUser("acc-2")).toMatchObject({ accountStatus: "active", status: "active" });
  });

  it("adds and removes group members; synced groups answer 400", async () => {
    const emu = await start();
    const add = await call(emu, "POST", v2("/directories/dir-1/groups/g-automation/memberships"), { body: { accountId: "acc-4" } });
    expect(add.status).toBe(204);
    expect(emu.state.findUser("acc-4")?.groupIds).toEqual(["g-automation"]);
    await call(emu, "POST", v2("/directories/dir-1/groups/g-automation/memberships"), { body: { accountId: "acc-4" } });
    expect(emu.state.findUser("acc-4")?.groupIds).toEqual(["g-automation"]);
    const sync = await call(emu, "POST", v2("/directories/dir-1/groups/g-sso/memberships"), { body: { accountId: "acc-4" } });
    expect(sync.status).toBe(400);
    expect(sync.body.errors[0]).toMatchObject({ status: "400", code: "ADMIN-400-24" });
    expect(emu.state.findUser("acc-4")?.groupIds).toEqual(["g-automation"]);
    const remove = await call(emu, "DELETE", v2("/directories/dir-1/groups/g-automation/memberships/acc-4"));
    expect(remove.status).toBe(204);
    expect(emu.state.findUser("acc-4")?.groupIds).toEqual([]);
    const noGroup = await call(emu, "POST", v2("/directories/dir-1/groups/g-nope/memberships"), { body: { accountId: "acc-4" } });
    expect(noGroup.body.errors[0].code).toBe("ADMIN-404-10");
    const noBody = await call(emu, "POST", v2("/directories/dir-1/groups/g-automation/memberships"), { body: {} });
    expect(noBody.body.errors[0].code).toBe("ADMIN-400-24");
  });

  it("grants a role name on a workspace as product access; a held role is a no-op; revoke removes it", async () => {
    const emu = await start();
    const url = `/admin/v1/orgs/${ORG_ID}/users/acc-5/roles/assign`;
    const body = { role: "atlassian/user", resource: `ari:cloud:confluence::site/${CLOUD_ID}` };
    expect((await call(emu, "POST", url, { body })).status).toBe(204);
    await call(emu, "POST", url, { body });
    expect(emu.state.findUser("acc-5")?.productAccess.map((p) => p.key)).toEqual(["jira-software", "confluence"]);
    const search = await call(emu, "POST", v2("/directories/-/users/search"), { body: { accountIds: ["acc-5"], expand: ["productAccess"] } });
    expect(search.body.data[0].productAccess[1]).toEqual({ key: "confluence", id: body.resource, lastActiveTimestamp: null });
    expect((await call(emu, "POST", `/admin/v1/orgs/${ORG_ID}/users/acc-5/roles/revoke`, { body })).status).toBe(204);
    expect(emu.state.findUser("acc-5")?.productAccess.map((p) => p.key)).toEqual(["jira-software"]);
    const admin = await call(emu, "POST", url, { body: { role: "atlassian/org-admin" } });
    expect(admin.status).toBe(204);
    expect(emu.state.findUser("acc-5")?.platformRoles).toEqual(["org-admin"]);
  });

  it("enforces the service-account quota with 409 ADMIN-409-3 (or 402)", async () => {
    const emu = await start({ snapshot: sampleSnapshot({ serviceAccountQuota: 2 }) });
    const url = `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`;
    expect((await call(emu, "POST", url, { body: { displayName: "A" } })).status).toBe(201);
    const full = await call(emu, "POST", url, { body: { displayName: "B" } });
    expect(full.status).toBe(409);
    expect(full.body.errors[0].code).toBe("ADMIN-409-3");
    const emu402 = await start({ snapshot: sampleSnapshot({ serviceAccountQuota: 1 }), quotaFullStatus: 402 });
    expect((await call(emu402, "POST", url, { body: { displayName: "B" } })).status).toBe(402);
  });

  it("deleting a service account removes it and its tokens, and its token stops working", async () => {
    const emu = await start();
    const created = (await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: "Temp" } })).body;
    const minted = (await call(emu, "POST", `/users/${created.atlassianId}/manage/api-tokens`, { body: { label: "t", scopes: [], expiry: futureExpiry() } })).body;
    expect((await call(emu, "DELETE", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts/${created.id}`)).status).toBe(204);
    expect(emu.state.serviceAccounts.map((s) => s.id)).toEqual(["sa-coll-1"]);
    expect(emu.state.serviceAccountTokens.map((t) => t.id)).toEqual(["satok-1"]);
    expect((await call(emu, "GET", `/ex/jira/${CLOUD_ID}/rest/api/3/myself`, { auth: basic(created.email, minted.token) })).status).toBe(401);
    expect((await call(emu, "DELETE", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts/${created.id}`)).status).toBe(404);
  });

  it("generates the same ids and emails for the same seed", async () => {
    const make = async (seed: number) => {
      const emu = await start({ seed });
      return (await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: "Bot!" } })).body;
    };
    const a = await make(5);
    const b = await make(5);
    const c = await make(6);
    expect(a).toEqual(b);
    expect(a.email).not.toBe(c.email);
    expect(a.email).toMatch(/^bot-[a-z0-9]{10}@serviceaccount\.atlassian\.com$/);
  });
});

describe("control routes", () => {
  it("/__emulator/state is a valid snapshot and never holds a minted token", async () => {
    const emu = await start();
    const sa = (await call(emu, "POST", `/admin/api-access/v1/orgs/${ORG_ID}/service-accounts`, { body: { displayName: "S" } })).body;
    const t1 = (await call(emu, "POST", `/users/${sa.atlassianId}/manage/api-tokens`, { body: { label: "a", scopes: ["read:jira-work"], expiry: futureExpiry() } })).body;
    const t2 = (await call(emu, "POST", "/users/acc-3/manage/api-tokens", { body: { label: "b", scopes: [], expiry: futureExpiry() } })).body;
    const res = await fetch(`${emu.url}/__emulator/state`);
    const text = await res.text();
    expect(text).not.toContain(t1.token);
    expect(text).not.toContain(t2.token);
    expect(text).not.toContain("ATATT");
    expect(text).not.toContain(emu.apiKey);
    const snapshot: Snapshot = validateSnapshot(JSON.parse(text), "state");
    expect(snapshot.serviceAccounts).toHaveLength(2);
    expect(snapshot.serviceAccountTokens.find((t) => t.id === t1.id)).toMatchObject({ serviceAccountId: sa.id, label: "a", scopes: ["read:jira-work"] });
    expect(snapshot.apiTokens.find((t) => t.id === t2.id)).toMatchObject({ accountId: "acc-3", status: "ALLOWED" });
    expect(JSON.stringify(emu.state.toSnapshot())).not.toContain("ATATT");
  });

  it("counts requests by catalogue route template and status, and resets", async () => {
    const emu = await start();
    await call(emu, "POST", v2("/directories/-/users/search"), { body: {} });
    await call(emu, "POST", v2("/directories/dir-1/users/search"), { body: {} });
    await call(emu, "GET", v2("/directories/-/users/nobody"));
    await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`, { auth: null });
    const stats = (await call(emu, "GET", "/__emulator/requests", { auth: null })).body;
    expect(stats).toEqual({
      total: 4,
      byRoute: {
        "POST /admin/v2/orgs/{orgId}/directories/{directoryId}/users/search": 2,
        "GET /admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}": 1,
        "GET /admin/v1/orgs/{orgId}": 1,
      },
      byStatus: { "200": 2, "404": 1, "401": 1 },
    });
    expect(emu.requests()).toEqual(stats);
    expect((await fetch(`${emu.url}/__emulator/reset-counters`, { method: "POST" })).status).toBe(204);
    expect(emu.requests()).toEqual({ total: 0, byRoute: {}, byStatus: {} });
  });

  it("close() frees the port", async () => {
    const emu = await startEmulator({ snapshot: sampleSnapshot() });
    expect(emu.apiKey.length).toBeGreaterThanOrEqual(20);
    // Keep a connection open so close() must drop it.
    await call(emu, "GET", `/admin/v1/orgs/${ORG_ID}`);
    await emu.close();
    await emu.close();
    await expect(fetch(`${emu.url}/__emulator/state`)).rejects.toThrow();
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", reject);
      probe.listen(emu.port, "127.0.0.1", () => probe.close(() => resolve()));
    });
  });
});
