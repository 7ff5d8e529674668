import { afterEach, describe, expect, it } from "vitest";
import { CLOUD_ID, ORG_ID, sampleSnapshot } from "./fixture.js";
import { call, emulators } from "./http.js";

// What the emulator refuses, and how, because Atlassian's documentation says the service does.

const emus = emulators();
afterEach(() => emus.closeAll());

const v1 = (p: string) => `/admin/v1/orgs/${ORG_ID}${p}`;
const v2 = (p: string) => `/admin/v2/orgs/${ORG_ID}${p}`;
const apiAccess = (p: string) => `/admin/api-access/v1/orgs/${ORG_ID}${p}`;
const SA = "712020:existing-sa";
const JIRA_SITE = `ari:cloud:jira::site/${CLOUD_ID}`;
const CONF_SITE = `ari:cloud:confluence::site/${CLOUD_ID}`;

describe("unknown body fields", () => {
  it("are refused with 400 ADMIN-400-24 naming the field, and change nothing", async () => {
    const emu = await emus.start();
    const cases: [string, string, unknown][] = [
      ["POST", v2("/directories/-/users/search"), { accountIds: ["acc-0"], includeGroups: true }],
      ["POST", v2("/directories/-/groups/search"), { managementSource: "synced" }],
      ["POST", v2("/workspaces"), { limit: 10, product: "jira" }],
      ["POST", v2("/directories/dir-1/groups/g-automation/memberships"), { accountId: "acc-4", role: "member" }],
      ["POST", v1("/users/acc-4/roles/assign"), { role: "atlassian/user", resource: JIRA_SITE, product: "jira" }],
      ["POST", apiAccess("/service-accounts"), { displayName: "Bot", groups: ["g-automation"] }],
      ["POST", "/users/acc-4/manage/api-tokens", { label: "x", scopes: [], expiry: new Date(Date.now() + 86_400_000).toISOString(), note: "x" }],
      ["POST", "/users/acc-4/manage/lifecycle/disable", { message: "bye", notify: true }],
    ];
    for (const [method, path, body] of cases) {
      const r = await call(emu, method, path, { body });
      expect(r.status, `${method} ${path}`).toBe(400);
      const detail: string = Array.isArray(r.body) ? r.body[0].message : r.body.errors[0].detail;
      if (!Array.isArray(r.body)) expect(r.body.errors[0].code).toBe("ADMIN-400-24");
      expect(detail, `${method} ${path}`).toMatch(/unknown field/);
    }
    expect(emu.state.findUser("acc-4")).toMatchObject({ groupIds: [], accountStatus: "active", productAccess: [{ key: "jira-software" }] });
    expect(emu.state.serviceAccounts).toHaveLength(1);
  });

  it("suspend and restore take no body", async () => {
    const emu = await emus.start();
    const r = await call(emu, "POST", v2("/directories/dir-1/users/acc-2/suspend"), { body: { reason: "migrated" } });
    expect(r.status).toBe(400);
    expect(emu.state.findUser("acc-2")?.status).toBe("active");
  });
});

describe("directory '-' on writes", () => {
  it("is accepted by search and get, refused by suspend, restore and membership writes", async () => {
    const emu = await emus.start();
    expect((await call(emu, "POST", v2("/directories/-/users/search"), { body: {} })).status).toBe(200);
    expect((await call(emu, "GET", v2("/directories/-/users/acc-1"))).status).toBe(200);
    const writes: [string, string, unknown?][] = [
      ["POST", v2("/directories/-/users/acc-1/suspend")],
      ["POST", v2("/directories/-/users/acc-1/restore")],
      ["POST", v2("/directories/-/groups/g-automation/memberships"), { accountId: "acc-1" }],
      ["DELETE", v2("/directories/-/groups/g-jira-users/memberships/acc-1")],
    ];
    for (const [method, path, body] of writes) {
      const r = await call(emu, method, path, body === undefined ? {} : { body });
      expect(r.status, path).toBe(404);
      expect(r.body.errors[0].code).toBe("ADMIN-404-1");
      expect(r.body.errors[0].detail).toMatch(/directories/);
    }
    expect(emu.state.findUser("acc-1")).toMatchObject({ status: "active", groupIds: ["g-jira-users"] });
    // The real directory id comes from the directories list.
    const dirs = await call(emu, "GET", v2("/directories"));
    expect(dirs.body.data).toEqual([{ directoryId: "dir-1", name: "Acme" }]);
    expect((await call(emu, "POST", v2("/directories/dir-1/users/acc-1/suspend"))).status).toBe(200);
    expect((await call(emu, "POST", v2("/directories/dir-9/users/acc-1/restore"))).status).toBe(404);
  });

  it("a snapshot without a directory id gets a stable one from the org id", async () => {
    const snapshot = sampleSnapshot();
    snapshot.org.directoryId = "-";
    const a = await emus.start({ snapshot });
    const b = await emus.start({ snapshot });
    const dirA = (await call(a, "GET", v2("/directories"))).body.data[0].directoryId;
    expect(dirA).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await call(b, "GET", v2("/directories"))).body.data[0].directoryId).toBe(dirA);
    expect((await call(a, "POST", v2(`/directories/${dirA}/users/acc-1/suspend`))).status).toBe(200);
  });
});

describe("roles/assign", () => {
  it("refuses a product-role ARI as role, and a resource that is not a workspace", async () => {
    const emu = await emus.start();
    const url = v1("/users/acc-4/roles/assign");
    const ari = await call(emu, "POST", url, { body: { role: "ari:cloud:jira-software::role/product/member", resource: JIRA_SITE } });
    expect(ari.status).toBe(400);
    expect(ari.body.errors[0].detail).toMatch(/atlassian\/user/);
    const site = await call(emu, "POST", url, { body: { role: "atlassian/user", resource: "ari:cloud:jira::site/not-ours" } });
    expect(site.status).toBe(400);
    const noResource = await call(emu, "POST", url, { body: { role: "atlassian/user" } });
    expect(noResource.status).toBe(400);
    expect(emu.state.findUser("acc-4")?.productAccess).toHaveLength(1);
    const notRun = await call(emu, "POST", url, { body: { role: "atlassian/user", resource: "ari:cloud:confluence::site/cloud-bbbb" } });
    expect(notRun.status).toBe(400);
    const ok = await call(emu, "POST", url, { body: { role: "atlassian/user", resource: CONF_SITE } });
    expect(ok.status).toBe(204);
    expect(emu.state.findUser("acc-4")?.productAccess.map((p) => p.key)).toEqual(["jira-software", "confluence"]);
    // A site ARI naming one product the site runs is accepted too.
    const product = await call(emu, "POST", url, { body: { role: "atlassian/user", resource: "ari:cloud:jira-software::site/cloud-bbbb" } });
    expect(product.status).toBe(204);
    expect(emu.state.findUser("acc-4")?.productAccess.at(-1)).toEqual({ key: "jira-software", id: "ari:cloud:jira-software::site/cloud-bbbb", role: "atlassian/user", lastActiveTimestamp: null });
  });
});

describe("groups synced from an identity provider", () => {
  it("refuse members added or removed through the API", async () => {
    const emu = await emus.start();
    const add = await call(emu, "POST", v2("/directories/dir-1/groups/g-sso/memberships"), { body: { accountId: "acc-4" } });
    expect(add.status).toBe(400);
    expect(add.body.errors[0].detail).toMatch(/identity provider/);
    const remove = await call(emu, "DELETE", v2("/directories/dir-1/groups/g-sso/memberships/acc-3"));
    expect(remove.status).toBe(400);
    expect(emu.state.findUser("acc-4")?.groupIds).toEqual([]);
    expect(emu.state.findUser("acc-3")?.groupIds).toEqual(["g-sso"]);
  });

  it("are recognised by externalSynced or managedBy as well", async () => {
    const snapshot = sampleSnapshot();
    Object.assign(snapshot.groups[1] as object, { managementSource: null, managedBy: "external" });
    const emu = await emus.start({ snapshot });
    const r = await call(emu, "POST", v2("/directories/dir-1/groups/g-automation/memberships"), { body: { accountId: "acc-4" } });
    expect(r.status).toBe(400);
    const search = await call(emu, "POST", v2("/directories/-/groups/search"), { body: { groupIds: ["g-automation"] } });
    expect(search.body.data[0]).toMatchObject({ externalSynced: true, managedBy: "external" });
  });
});

describe("service accounts in directory writes", () => {
  it("answer 404 USER_NOT_FOUND by default: a service account is not a directory user", async () => {
    const emu = await emus.start();
    const writes: [string, string, unknown?][] = [
      ["POST", v2("/directories/dir-1/groups/g-jira-users/memberships"), { accountId: SA }],
      ["DELETE", v2(`/directories/dir-1/groups/g-automation/memberships/${encodeURIComponent(SA)}`)],
      ["POST", v1(`/users/${encodeURIComponent(SA)}/roles/assign`), { role: "atlassian/user", resource: JIRA_SITE }],
      ["POST", v2(`/directories/dir-1/users/${encodeURIComponent(SA)}/suspend`)],
    ];
    for (const [method, path, body] of writes) {
      const r = await call(emu, method, path, body === undefined ? {} : { body });
      expect(r.status, path).toBe(404);
      expect(r.body.errors[0].code).toBe("USER_NOT_FOUND");
    }
    expect(emu.state.serviceAccounts[0]).toMatchObject({ groupIds: ["g-automation"], productAccess: [], status: "active" });
  });

  it("are accepted with serviceAccountWrites: accept", async () => {
    const emu = await emus.start({ serviceAccountWrites: "accept" });
    expect((await call(emu, "POST", v2("/directories/dir-1/groups/g-jira-users/memberships"), { body: { accountId: SA } })).status).toBe(204);
    expect((await call(emu, "POST", v1(`/users/${encodeURIComponent(SA)}/roles/assign`), { body: { role: "atlassian/user", resource: JIRA_SITE } })).status).toBe(204);
    expect(emu.state.serviceAccounts[0]).toMatchObject({ groupIds: ["g-automation", "g-jira-users"], productAccess: [{ key: "jira-software", id: JIRA_SITE }] });
  });

  it("get access at creation (permissionRules, additionalGroups) or through the console's invite", async () => {
    const emu = await emus.start();
    const created = await call(emu, "POST", apiAccess("/service-accounts"), {
      body: { displayName: "Jenkins CI", permissionRules: [{ role: "atlassian/user", resource: JIRA_SITE }], additionalGroups: ["g-automation"] },
    });
    expect(created.status).toBe(201);
    const sa = emu.state.serviceAccounts.find((s) => s.id === created.body.id);
    expect(sa).toMatchObject({ groupIds: ["g-automation"], productAccess: [{ key: "jira-software", id: JIRA_SITE, role: "atlassian/user" }] });
    // A rule that would be refused refuses the whole creation.
    const refused = await call(emu, "POST", apiAccess("/service-accounts"), { body: { displayName: "X", additionalGroups: ["g-sso"] } });
    expect(refused.status).toBe(400);
    expect(emu.state.serviceAccounts).toHaveLength(2);

    const invite = await call(emu, "POST", `/admin/account-management/v1/orgs/${ORG_ID}/service-accounts/invite`, {
      body: { userIds: [SA], permissionRules: [{ role: "ari:cloud:confluence::role/product/member", resource: `ari:cloud:confluence::site/${CLOUD_ID}` }] },
    });
    expect(invite.status).toBe(202);
    expect(emu.state.serviceAccounts[0]?.productAccess).toEqual([{ key: "confluence", id: CONF_SITE, role: "ari:cloud:confluence::role/product/member" }]);
    const notSa = await call(emu, "POST", `/admin/account-management/v1/orgs/${ORG_ID}/service-accounts/invite`, {
      body: { userIds: ["acc-1"], permissionRules: [{ role: "ari:cloud:confluence::role/product/member", resource: CONF_SITE }] },
    });
    expect(notSa.status).toBe(404);
  });
});

describe("the console's invite right after creation", () => {
  it("answers 404 'not found in the directory' until inviteDelayMs has passed on the emulator's clock", async () => {
    let now = Date.parse("2026-11-01T00:00:00.000Z");
    const emu = await emus.start({ inviteDelayMs: 30_000, now: () => new Date(now) });
    const created = await call(emu, "POST", apiAccess("/service-accounts"), { body: { displayName: "New" } });
    const invite = () =>
      call(emu, "POST", `/admin/account-management/v1/orgs/${ORG_ID}/service-accounts/invite`, {
        body: { userIds: [created.body.atlassianId], permissionRules: [{ role: "ari:cloud:jira-software::role/product/member", resource: `ari:cloud:jira-software::site/${CLOUD_ID}` }] },
      });
    const early = await invite();
    expect(early.status).toBe(404);
    expect(early.body.errors[0].detail).toMatch(/not found in the directory/);
    now += 30_000;
    expect((await invite()).status).toBe(202);
    // Accounts that existed before the emulator started are found at once.
    const existing = await call(emu, "POST", `/admin/account-management/v1/orgs/${ORG_ID}/service-accounts/invite`, {
      body: { userIds: [SA], permissionRules: [{ role: "ari:cloud:confluence::role/product/member", resource: CONF_SITE }] },
    });
    expect(existing.status).toBe(202);
  });
});

describe("workspaces search", () => {
  it("pages with a cursor that may not travel with any other field", async () => {
    const emu = await emus.start();
    const first = await call(emu, "POST", v2("/workspaces"), { body: { limit: 2 } });
    expect(first.body.data).toHaveLength(2);
    const resent = await call(emu, "POST", v2("/workspaces"), { body: { cursor: first.body.links.next, limit: 2 } });
    expect(resent.status).toBe(400);
    expect(resent.body.errors[0].detail).toMatch(/no other field/);
    const second = await call(emu, "POST", v2("/workspaces"), { body: { cursor: first.body.links.next } });
    expect(second.status).toBe(200);
    expect(second.body.data.map((w: { attributes: { hostUrl: string } }) => w.attributes.hostUrl)).toEqual(["https://acme-sandbox.atlassian.net"]);
    expect(second.body.links.next).toBeUndefined();
  });
});

describe("service-account list", () => {
  it("pages with absolute links.next URLs and refuses more than 80 per page", async () => {
    const snapshot = sampleSnapshot({ serviceAccountQuota: 10 });
    const emu = await emus.start({ snapshot });
    for (let i = 0; i < 4; i++) await call(emu, "POST", apiAccess("/service-accounts"), { body: { displayName: `Bot ${i}` } });
    expect((await call(emu, "GET", apiAccess("/service-accounts?pageSize=81"))).status).toBe(400);
    expect((await call(emu, "GET", apiAccess("/service-accounts?pageSize=80"))).body.items).toHaveLength(5);
    const ids: string[] = [];
    let url: string | undefined = `${emu.url}${apiAccess("/service-accounts?pageSize=2")}`;
    let pages = 0;
    while (url) {
      expect(url.startsWith(`${emu.url}/admin/api-access/v1/orgs/${ORG_ID}/service-accounts?`)).toBe(true);
      const r = await call(emu, "GET", url);
      expect(r.body.total).toBe(5);
      ids.push(...r.body.items.map((i: { id: string }) => i.id));
      url = r.body.links.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(5);
    // The console route reported by a third party lists the same accounts the same way.
    const consoleList = await call(emu, "GET", `/admin/account-management/v1/orgs/${ORG_ID}/service-accounts?limit=2`);
    expect(consoleList.body.links.next).toMatch(new RegExp(`^${emu.url}/admin/account-management/`));
  });

  it("revokes every token of one service account with DELETE .../api-tokens", async () => {
    const emu = await emus.start();
    const expiry = new Date(Date.now() + 10 * 86_400_000).toISOString();
    await call(emu, "POST", `/users/${encodeURIComponent(SA)}/manage/api-tokens`, { body: { label: "a", scopes: [], expiry } });
    const mine = await call(emu, "GET", apiAccess("/service-accounts/sa-coll-1/api-tokens"));
    expect(mine.body.data.map((t: { label: string }) => t.label)).toEqual(["existing", "a"]);
    expect((await call(emu, "DELETE", apiAccess("/service-accounts/sa-coll-1/api-tokens"))).status).toBe(204);
    expect((await call(emu, "GET", apiAccess("/service-accounts/sa-coll-1/api-tokens"))).body.data).toEqual([]);
    expect((await call(emu, "DELETE", apiAccess("/service-accounts/nope/api-tokens"))).status).toBe(404);
  });

  it("lists OAuth clients from the snapshot's oauthClients, with no secret", async () => {
    const snapshot = sampleSnapshot();
    Object.assign(snapshot, {
      oauthClients: [
        { clientId: "cl-1", name: "jenkins-oauth", serviceAccountId: "sa-coll-1", createdAt: "2026-10-02T00:00:00.000Z", updatedAt: "2026-10-02T00:00:00.000Z", status: "ACTIVE" },
        { clientId: "cl-2", name: "other-app", createdAt: "2026-10-03T00:00:00.000Z" },
      ],
    });
    const emu = await emus.start({ snapshot });
    const all = await call(emu, "GET", apiAccess("/oauth-clients"));
    expect(all.body.data).toEqual([
      { clientId: "cl-1", name: "jenkins-oauth", createdAt: "2026-10-02T00:00:00.000Z", updatedAt: "2026-10-02T00:00:00.000Z", status: "ACTIVE" },
      { clientId: "cl-2", name: "other-app", createdAt: "2026-10-03T00:00:00.000Z", updatedAt: null, status: "ACTIVE" },
    ]);
    const ofSas = await call(emu, "GET", apiAccess("/service-accounts/oauth-clients"));
    expect(ofSas.body.data.map((c: { clientId: string }) => c.clientId)).toEqual(["cl-1"]);
    const ofOne = await call(emu, "GET", apiAccess("/service-accounts/sa-coll-1/oauth-clients"));
    expect(ofOne.body.data[0]).toMatchObject({ clientId: "cl-1", serviceAccountId: "sa-coll-1" });
    const state = (await (await fetch(`${emu.url}/__emulator/state`)).json()) as { oauthClients?: unknown[] };
    expect(state.oauthClients).toHaveLength(2);
  });
});

describe("user details and search", () => {
  it("details carry no groups and no product access; the search with accountIds and expand does", async () => {
    const emu = await emus.start();
    const details = await call(emu, "GET", v2("/directories/-/users/acc-0"));
    expect(details.body.data).toMatchObject({ accountId: "acc-0", status: "active" });
    expect(details.body.data).not.toHaveProperty("productAccess");
    expect(details.body.data).not.toHaveProperty("groups");
    const search = await call(emu, "POST", v2("/directories/-/users/search"), { body: { accountIds: ["acc-0"], expand: ["productAccess", "groups"] } });
    expect(search.body.data[0].productAccess).toEqual([{ key: "jira", id: JIRA_SITE, lastActiveTimestamp: null }]);
    expect(search.body.data[0].groups).toEqual([{ id: "g-jira-users", name: "jira-users", description: "Jira users" }]);
    const badExpand = await call(emu, "POST", v2("/directories/-/users/search"), { body: { expand: ["everything"] } });
    expect(badExpand.status).toBe(400);
  });
});

describe("role assignments", () => {
  it("list a user's workspace roles and admin roles; a service account is not a directory user", async () => {
    const emu = await emus.start();
    const r = await call(emu, "GET", v2("/directories/-/users/acc-1/role-assignments"));
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([
      { resourceId: JIRA_SITE, resourceOwner: "jira-software", roles: ["atlassian/user"], roleAssignments: [{ role: "atlassian/user" }], directoryId: "dir-1", userDirectoryStatus: "active" },
      { resourceId: `ari:cloud:platform::org/${ORG_ID}`, resourceOwner: "platform", roles: ["atlassian/org-admin"], roleAssignments: [{ role: "atlassian/org-admin" }], directoryId: null, userDirectoryStatus: null },
    ]);
    const filtered = await call(emu, "GET", v2("/directories/-/users/acc-1/role-assignments?roleIds=atlassian/org-admin"));
    expect(filtered.body.data).toHaveLength(1);
    const sa = await call(emu, "GET", v2(`/directories/-/users/${encodeURIComponent(SA)}/role-assignments`));
    expect(sa.status).toBe(404);
    expect(sa.body.errors[0].code).toBe("USER_NOT_FOUND");

    const accepting = await emus.start({ serviceAccountWrites: "accept" });
    await call(accepting, "POST", v1(`/users/${encodeURIComponent(SA)}/roles/assign`), { body: { role: "atlassian/user", resource: CONF_SITE } });
    const granted = await call(accepting, "GET", v2(`/directories/-/users/${encodeURIComponent(SA)}/role-assignments`));
    expect(granted.body.data.map((a: { resourceId: string }) => a.resourceId)).toEqual([CONF_SITE]);
  });
});

describe("events stream", () => {
  it("keeps a polling cursor at the end: empty pages until a new event arrives, then that event", async () => {
    const emu = await emus.start();
    const first = await call(emu, "GET", v1("/events-stream?limit=5"));
    expect(first.body.data).toHaveLength(5);
    const second = await call(emu, "GET", new URL(first.body.links.next).pathname + new URL(first.body.links.next).search);
    expect(second.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-5", "ev-6", "ev-7", "ev-8"]);
    const cursor: string = second.body.meta.next;
    const end = await call(emu, "GET", v1(`/events-stream?cursor=${encodeURIComponent(cursor)}`));
    expect(end.body).toMatchObject({ data: [], meta: { next: cursor, page_size: 0 } });
    expect(new URL(end.body.links.next).searchParams.get("cursor")).toBe(cursor);
    emu.state.addEvent({ id: "ev-new", time: "2026-11-01T00:00:00.000Z", action: "user_login", actorId: "acc-1" });
    const polled = await call(emu, "GET", v1(`/events-stream?cursor=${encodeURIComponent(cursor)}`));
    expect(polled.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-new"]);
    expect(polled.body.data[0].attributes).toMatchObject({ time: "2026-11-01T00:00:00.000Z", processedAt: "2026-11-01T00:00:00.000Z" });
  });

  it("keeps the sort order in the cursor and refuses a cursor it did not issue", async () => {
    const emu = await emus.start();
    const first = await call(emu, "GET", v1("/events-stream?limit=3&sortOrder=desc"));
    expect(first.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-8", "ev-7", "ev-6"]);
    const next = await call(emu, "GET", v1(`/events-stream?cursor=${encodeURIComponent(first.body.meta.next)}&limit=3`));
    expect(next.body.data.map((e: { id: string }) => e.id)).toEqual(["ev-5", "ev-4", "ev-3"]);
    expect((await call(emu, "GET", v1("/events-stream?cursor=bogus"))).status).toBe(400);
    // Within a window, newest first, to the window's start and then an empty page.
    const from = Date.parse("2026-10-22T00:00:00Z");
    const to = Date.parse("2026-10-25T12:00:00Z");
    const ids: string[] = [];
    let cursor = "";
    for (let i = 0; i < 5; i++) {
      const page = await call(emu, "GET", v1(`/events-stream?from=${from}&to=${to}&limit=2&sortOrder=desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      if (page.body.data.length === 0) break;
      ids.push(...page.body.data.map((e: { id: string }) => e.id));
      cursor = page.body.meta.next;
    }
    expect(ids).toEqual(["ev-5", "ev-4", "ev-3", "ev-2"]);
  });
});

describe("Audit Log API (workspace events)", () => {
  it("serves a workspace's product events to a product API token, paged with full next URLs", async () => {
    const snapshot = sampleSnapshot();
    for (let i = 0; i < 3; i++) {
      snapshot.events.push({ id: `pe-${i}`, time: `2026-10-3${i}T10:00:00.000Z`, action: "issue_updated", actorId: "acc-2", workspaceId: JIRA_SITE } as never);
    }
    snapshot.events.push({ id: "pe-conf", time: "2026-10-30T11:00:00.000Z", action: "page_updated", actorId: "acc-2", workspaceId: CONF_SITE } as never);
    const emu = await emus.start({ snapshot });
    const minted = await call(emu, "POST", "/users/acc-1/manage/api-tokens", { body: { label: "audit", scopes: [], expiry: new Date(Date.now() + 86_400_000).toISOString() } });
    const auth = `Basic ${Buffer.from(`person1@acme.com:${minted.body.token}`).toString("base64")}`;
    const path = `/audit-log/v1/workspaces/${encodeURIComponent(JIRA_SITE)}/events?limit=2`;
    expect((await call(emu, "GET", path)).status).toBe(401);
    const first = await call(emu, "GET", path, { auth });
    expect(first.status).toBe(200);
    expect(first.body.data.map((e: { id: string }) => e.id)).toEqual(["pe-0", "pe-1"]);
    expect(first.body.data[0].attributes).toMatchObject({ action: "issue_updated", actor: { id: "acc-2", name: "Person 2" } });
    const second = await call(emu, "GET", first.body.links.next, { auth });
    expect(second.body.data.map((e: { id: string }) => e.id)).toEqual(["pe-2"]);
    expect(second.body.links.next).toBeUndefined();
    const unknown = await call(emu, "GET", `/audit-log/v1/workspaces/${encodeURIComponent("ari:cloud:jira::site/nope")}/events`, { auth });
    expect(unknown.status).toBe(404);
  });
});

describe("page-size parameters", () => {
  it("each paged route accepts only the name it documents", async () => {
    const emu = await emus.start();
    const cases: [string, string, string][] = [
      // [path, documented name, wrong name]
      [v2("/directories"), "limit", "pageSize"],
      [v2("/directories/-/users/acc-1/role-assignments"), "limit", "pageSize"],
      [v1(`/events-stream?from=0`), "limit", "pageSize"],
      [apiAccess("/api-tokens"), "pageSize", "limit"],
      [apiAccess("/oauth-clients"), "pageSize", "limit"],
      [apiAccess("/service-accounts"), "pageSize", "limit"],
      [`/admin/account-management/v1/orgs/${ORG_ID}/service-accounts`, "limit", "pageSize"],
    ];
    for (const [path, right, wrong] of cases) {
      const join = path.includes("?") ? "&" : "?";
      expect((await call(emu, "GET", `${path}${join}${right}=2`)).status, `${path} ${right}`).toBe(200);
      const refused = await call(emu, "GET", `${path}${join}${wrong}=2`);
      expect(refused.status, `${path} ${wrong}`).toBe(400);
      expect(refused.body.errors[0].detail).toContain(`Unknown query parameter ${wrong}: this route pages with ${right}`);
    }
  });

  it("lists that document no page size refuse both names", async () => {
    const emu = await emus.start();
    for (const path of [apiAccess("/service-accounts/api-tokens"), apiAccess("/service-accounts/sa-coll-1/api-tokens"), apiAccess("/service-accounts/oauth-clients")]) {
      expect((await call(emu, "GET", path)).status, path).toBe(200);
      for (const name of ["limit", "pageSize"]) {
        const refused = await call(emu, "GET", `${path}?${name}=10`);
        expect(refused.status, `${path} ${name}`).toBe(400);
        expect(refused.body.errors[0].detail).toContain("this route documents no page size");
      }
    }
  });
});

describe("the API gateway's current-user endpoints", () => {
  const expiry = () => new Date(Date.now() + 10 * 86_400_000).toISOString();
  const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString("base64")}`;
  const jira = `/ex/jira/${CLOUD_ID}/rest/api/3/myself`;
  const wiki = `/ex/confluence/${CLOUD_ID}/wiki/rest/api/user/current`;

  async function serviceAccount(emu: Awaited<ReturnType<typeof emus.start>>, resources: string[], scopes: string[]): Promise<string> {
    const created = await call(emu, "POST", apiAccess("/service-accounts"), {
      body: { displayName: `Bot ${scopes.length}-${resources.length}`, permissionRules: resources.map((resource) => ({ role: "atlassian/user", resource })) },
    });
    expect(created.status).toBe(201);
    const minted = await call(emu, "POST", `/users/${encodeURIComponent(created.body.atlassianId)}/manage/api-tokens`, { body: { label: "t", scopes, expiry: expiry() } });
    return basic(created.body.email, minted.body.token);
  }

  it("a Confluence-only token passes Confluence's check and is refused by Jira's (401)", async () => {
    const emu = await emus.start({ snapshot: sampleSnapshot({ serviceAccountQuota: 10 }) });
    const auth = await serviceAccount(emu, [CONF_SITE], ["read:confluence-content.all", "read:confluence-user"]);
    expect((await call(emu, "GET", wiki, { auth })).status).toBe(200);
    const refused = await call(emu, "GET", jira, { auth });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ code: 401, message: "Unauthorized; scope does not match" });
  });

  it("refuses an account without the product: Jira 401, Confluence 403", async () => {
    const emu = await emus.start({ snapshot: sampleSnapshot({ serviceAccountQuota: 10 }) });
    const auth = await serviceAccount(emu, [], ["read:jira-user", "read:confluence-user"]);
    expect((await call(emu, "GET", jira, { auth })).status).toBe(401);
    const wikiRefused = await call(emu, "GET", wiki, { auth });
    expect(wikiRefused.status).toBe(403);
    expect(wikiRefused.body.message).toContain("does not have permission to use Confluence");
    // Access on another site does not count.
    const other = await serviceAccount(emu, ["ari:cloud:jira::site/cloud-bbbb"], ["read:jira-user"]);
    expect((await call(emu, "GET", jira, { auth: other })).status).toBe(401);
    expect((await call(emu, "GET", `/ex/jira/cloud-bbbb/rest/api/3/myself`, { auth: other })).status).toBe(200);
  });

  it("accepts the granular scopes only when all of them are there", async () => {
    const emu = await emus.start({ snapshot: sampleSnapshot({ serviceAccountQuota: 10 }) });
    const all = await serviceAccount(emu, [JIRA_SITE], ["read:application-role:jira", "read:group:jira", "read:user:jira", "read:avatar:jira"]);
    expect((await call(emu, "GET", jira, { auth: all })).status).toBe(200);
    const some = await serviceAccount(emu, [JIRA_SITE], ["read:user:jira"]);
    expect((await call(emu, "GET", jira, { auth: some })).status).toBe(401);
  });
});
