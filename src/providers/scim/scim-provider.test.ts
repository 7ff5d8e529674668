import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRollback } from "../../core/apply/rollback.js";
import { Journal } from "../../core/journal/journal.js";
import { startScimServer, type RunningScimServer } from "../../../test/helpers/scim-server.js";
import { ProviderError, providerProblems } from "../provider.js";
import { ENTERPRISE_USER } from "./mappers.js";
import { ScimProvider } from "./scim-provider.js";
import { resolveScimSettings } from "./settings.js";

const TOKEN = "scim-test-bearer-value";
const USERS = 35;

function provider(server: RunningScimServer, extra: Record<string, string> = {}) {
  const settings = resolveScimSettings({
    env: { BOT2SVC_SCIM_BASE_URL: server.baseUrl, BOT2SVC_SCIM_TOKEN: TOKEN, BOT2SVC_SCIM_PAGE_SIZE: "10", ...extra },
  });
  return new ScimProvider({ ...settings, maxRetries: 0 }, { now: () => new Date("2026-11-01T00:00:00.000Z") });
}

function load(server: RunningScimServer) {
  const ids: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = server.addUser({
      userName: `person${i}@acme.com`,
      displayName: `Person ${i}`,
      name: { givenName: "Person", familyName: String(i) },
      emails: [{ value: `person${i}@acme.com`, type: "work", primary: true }],
      title: i % 2 === 0 ? "Engineer" : undefined,
      active: true,
    });
    ids.push(u.id);
  }
  const jenkins = server.addUser({
    userName: "jenkins",
    displayName: "Jenkins CI",
    emails: [
      { value: "ci-alias@acme.com", type: "other" },
      { value: "jenkins@acme.com", type: "work", primary: true },
    ],
    active: true,
    [ENTERPRISE_USER]: { department: "Platform", employeeNumber: "svc-1" },
  });
  const gone = server.addUser({ userName: "old-deploy@acme.com", displayName: "Old Deploy Bot", active: false });
  const automation = server.addGroup({ displayName: "automation", members: [{ value: jenkins.id, type: "User" }, { value: gone.id, type: "User" }] });
  const everyone = server.addGroup({ displayName: "everyone", members: ids.map((value) => ({ value, type: "User" })) });
  return { ids, jenkins, gone, automation, everyone };
}

describe("scim provider against a SCIMMY server", () => {
  let server: RunningScimServer;
  let data: ReturnType<typeof load>;

  beforeAll(async () => {
    server = await startScimServer({ token: TOKEN });
    data = load(server);
  });
  afterAll(() => server.close());

  it("meets the provider contract: deactivate and reactivate only, and lists groups", () => {
    const p = provider(server);
    expect(providerProblems(p)).toEqual([]);
    expect(p.orgId).toBe(`scim:${server.baseUrl}`);
    expect(Object.entries(p.capabilities).filter(([, on]) => on).map(([name]) => name).sort()).toEqual(["deactivateAccount", "listGroups", "reactivateAccount", "readSnapshot"]);
  });

  it("lists the groups alone, paging /Groups with startIndex/count and reading no user", async () => {
    server.listRequests.length = 0;
    const groups = await provider(server, { BOT2SVC_SCIM_PAGE_SIZE: "1" }).listGroups();
    expect(groups.map((g) => [g.id, g.name]).sort()).toEqual(
      [
        [data.automation.id, "automation"],
        [data.everyone.id, "everyone"],
      ].sort(),
    );
    expect(server.listRequests.map((r) => [r.path.replace(/.*\//, ""), r.startIndex, r.count])).toEqual([
      ["Groups", 1, 1],
      ["Groups", 2, 1],
    ]);
  });

  it("reads every user and group, paging with startIndex/count to the end", async () => {
    server.listRequests.length = 0;
    const progress: string[] = [];
    const snapshot = await provider(server).readSnapshot({ onProgress: (p) => progress.push(`${p.resource}:${p.count}:${p.done}`) });
    expect(snapshot.users).toHaveLength(USERS + 2);
    const userPages = server.listRequests.filter((r) => r.path.endsWith("/Users"));
    expect(userPages.map((r) => [r.startIndex, r.count])).toEqual([
      [1, 10],
      [11, 10],
      [21, 10],
      [31, 10],
    ]);
    expect(progress).toContain("users:30:false");
    expect(progress).toContain(`users:${USERS + 2}:true`);
    expect(snapshot.org.id).toBe(`scim:${server.baseUrl}`);
    expect(snapshot.source).toMatchObject({ provider: "scim", baseUrl: server.baseUrl });
    expect((snapshot.source as { limitations?: string[] }).limitations?.join(" ")).toMatch(/API tokens.*login and audit events/);

    const jenkins = snapshot.users.find((u) => u.accountId === data.jenkins.id);
    expect(jenkins).toMatchObject({
      name: "Jenkins CI",
      email: "jenkins@acme.com",
      department: "Platform",
      status: "active",
      accountStatus: "active",
      groupIds: [data.automation.id],
    });
    expect(jenkins?.addedToOrg).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(snapshot.users.find((u) => u.accountId === data.gone.id)).toMatchObject({ status: "deactivated", accountStatus: "inactive", email: "old-deploy@acme.com" });
    expect(snapshot.users.find((u) => u.accountId === data.ids[0])).toMatchObject({ jobTitle: "Engineer", groupIds: [data.everyone.id] });
    expect(snapshot.groups.map((g) => g.name).sort()).toEqual(["automation", "everyone"]);
  });

  it("filters users on the server", async () => {
    const p = provider(server);
    const found = await p.findUsers('emails.value eq "jenkins@acme.com"');
    expect(found.map((u) => u.accountId)).toEqual([data.jenkins.id]);
    server.listRequests.length = 0;
    const subset = await provider(server, { BOT2SVC_SCIM_USER_FILTER: 'userName sw "person1"' }).readSnapshot();
    expect(subset.users.map((u) => u.email).sort()).toEqual([
      "person10@acme.com",
      "person11@acme.com",
      "person12@acme.com",
      "person13@acme.com",
      "person14@acme.com",
      "person15@acme.com",
      "person16@acme.com",
      "person17@acme.com",
      "person18@acme.com",
      "person19@acme.com",
      "person1@acme.com",
    ]);
    expect(server.listRequests.find((r) => r.path.endsWith("/Users"))?.filter).toBe('userName sw "person1"');
  });

  it("deactivates with PATCH and reactivates, as getAccount then shows", async () => {
    const p = provider(server);
    server.writes.length = 0;
    await p.deactivateAccount(data.jenkins.id);
    expect(server.users.get(data.jenkins.id)?.active).toBe(false);
    expect(await p.getAccount(data.jenkins.id)).toMatchObject({ accountStatus: "inactive", status: "deactivated", email: "jenkins@acme.com" });
    await p.reactivateAccount(data.jenkins.id);
    expect(server.users.get(data.jenkins.id)?.active).toBe(true);
    expect(await p.getAccount(data.jenkins.id)).toMatchObject({ accountStatus: "active" });
    expect(server.writes).toEqual([
      { method: "PATCH", id: data.jenkins.id },
      { method: "PATCH", id: data.jenkins.id },
    ]);
    expect(await p.getAccount("no-such-user")).toBeNull();
  });

  it("rollback reactivates an account that an apply deactivated in the SCIM directory", async () => {
    const p = provider(server);
    const dir = await mkdtemp(join(tmpdir(), "bot2svc-scim-journal-"));
    try {
      const journal = await Journal.open(join(dir, "journal.jsonl"), { runId: "r-1" });
      const who = data.ids[5] as string;
      // SCIM has no service accounts to carry a migration's marker: the plan vouches for it.
      const migrationId = `m-${who.replace(/[^A-Za-z0-9_.-]/g, "-")}`;
      const plans = [{ id: "p-1", migrations: [{ id: migrationId, source: { accountId: who } }] }];
      const base = { planId: "p-1", migrationId, step: "decommission" as const };
      await journal.append({ ...base, phase: "intent", data: { oldAccountId: who, action: "deactivate", previousStatus: "active", previousAccountStatus: "active" } });
      await p.deactivateAccount(who);
      await journal.append({ ...base, phase: "done", data: { oldAccountId: who, action: "deactivate", changed: true } });
      expect(server.users.get(who)?.active).toBe(false);

      const unvouched = await runRollback({ provider: p, journal });
      expect(unvouched.actions).toEqual([expect.objectContaining({ step: "decommission", status: "failed", detail: expect.stringMatching(/^refused: no service account carries the marker/) })]);
      expect(server.users.get(who)?.active).toBe(false);
      const result = await runRollback({ provider: p, journal, plans });
      expect(result.actions).toEqual([expect.objectContaining({ step: "decommission", status: "undone", detail: "reactivated the old account" })]);
      expect(server.users.get(who)?.active).toBe(true);
      expect((await runRollback({ provider: p, journal, plans })).alreadyRolledBack).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("turns SCIM error bodies into typed errors with the scimType and detail", async () => {
    const p = provider(server);
    server.protectedUsers.add(data.ids[3] as string);
    const refused = await p.deactivateAccount(data.ids[3] as string).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ kind: "refused" });
    expect((refused as Error).message).toBe(
      `The SCIM server refused to deactivate SCIM user ${data.ids[3]}: 400 (scimType mutability): User ${data.ids[3]} is managed by policy and cannot be changed`,
    );
    expect(server.users.get(data.ids[3] as string)?.active).toBe(true);

    const missing = await p.deactivateAccount("no-such-user").catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: "not-found" });
  });

  it("explains a rejected token without printing it", async () => {
    const settings = resolveScimSettings({ env: { BOT2SVC_SCIM_BASE_URL: server.baseUrl, BOT2SVC_SCIM_TOKEN: "wrong-token-value" } });
    const error = (await new ScimProvider({ ...settings, maxRetries: 0 }).readSnapshot().catch((e: unknown) => e)) as Error & { hint?: string; status?: number };
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(/BOT2SVC_SCIM_TOKEN/);
    expect(`${error.message} ${error.hint}`).not.toContain("wrong-token-value");
  });
});

// SCIMMY's configuration and handlers are process-wide, so each server below runs after the
// previous one is closed.
describe("scim provider on a server with a small maxResults", () => {
  let small: RunningScimServer;
  beforeAll(async () => {
    small = await startScimServer({ token: TOKEN, maxResults: 7 });
  });
  afterAll(() => small.close());

  it("never asks for more than the server's maxResults per page", async () => {
    for (let i = 0; i < 20; i++) small.addUser({ userName: `u${i}`, active: true });
    const snapshot = await provider(small).readSnapshot();
    expect(snapshot.users).toHaveLength(20);
    expect(small.listRequests.filter((r) => r.path.endsWith("/Users")).map((r) => [r.startIndex, r.count])).toEqual([
      [1, 7],
      [8, 7],
      [15, 7],
    ]);
  });
});

describe("scim provider on a server that ignores startIndex", () => {
  let broken: RunningScimServer;
  beforeAll(async () => {
    broken = await startScimServer({ token: TOKEN, ignoreStartIndex: true });
  });
  afterAll(() => broken.close());

  it("stops with a clear error instead of reading the first page forever", async () => {
    for (let i = 0; i < 25; i++) broken.addUser({ userName: `u${i}`, active: true });
    const error = await provider(broken).readSnapshot().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "refused", code: "SCIM_PAGING" });
    expect((error as Error).message).toBe("The SCIM server returned the same /Users page for startIndex 11 as before: it does not page with startIndex/count.");
  });
});

describe("scim provider on a server without PATCH", () => {
  let server: RunningScimServer;
  beforeAll(async () => {
    server = await startScimServer({ token: TOKEN, patch: false });
  });
  afterAll(() => server.close());

  it("deactivates and reactivates with PUT, keeping the rest of the user", async () => {
    const bot = server.addUser({ userName: "deploy@acme.com", displayName: "Deploy Bot", title: "Automation", active: true });
    const p = provider(server);
    await p.deactivateAccount(bot.id);
    expect(server.users.get(bot.id)).toMatchObject({ active: false, userName: "deploy@acme.com", displayName: "Deploy Bot", title: "Automation" });
    await p.reactivateAccount(bot.id);
    expect(server.users.get(bot.id)?.active).toBe(true);
    expect(server.writes.map((w) => w.method)).toEqual(["PUT", "PUT"]);
  });
});

describe("scim settings", () => {
  it("names every missing variable and never takes the token from anywhere but the environment", () => {
    expect(() => resolveScimSettings({ env: {} })).toThrow(expect.objectContaining({ code: "SCIM_CONFIG", details: [expect.stringContaining("BOT2SVC_SCIM_BASE_URL"), expect.stringContaining("BOT2SVC_SCIM_TOKEN")] }));
    expect(() => resolveScimSettings({ env: { BOT2SVC_SCIM_BASE_URL: "http://idp.example.com/scim/v2", BOT2SVC_SCIM_TOKEN: "t-123456" } })).toThrow(/https/);
    expect(() => resolveScimSettings({ env: {}, config: { baseUrl: "https://idp.example.com/scim/v2" } })).toThrow(/BOT2SVC_SCIM_TOKEN/);
  });
});
