import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/core/apply/engine.js";
import { preflight } from "../../src/core/apply/preflight.js";
import { Journal } from "../../src/core/journal/journal.js";
import { journalState } from "../../src/core/journal/state.js";
import { buildPlan } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { providerProblems, type DirectoryProvider } from "../../src/providers/provider.js";
import { atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../msw/atlassian/index.js";
import { RequestRecorder } from "../msw/recorder.js";
import { finding, smallReport } from "../plan/builders.js";

const NOW = new Date("2026-11-01T00:00:00Z");
const server = setupServer();
const recorder = new RequestRecorder();
let org: FakeOrg;
let dir: string;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(async () => {
  org = makeFakeOrg({ refuseServiceAccountTargets: false });
  server.resetHandlers(...atlassianHandlers(org, recorder));
  dir = await mkdtemp(join(tmpdir(), "bot2svc-group-reads-"));
});
afterEach(async () => {
  recorder.clear();
  await rm(dir, { recursive: true, force: true });
});
afterAll(() => server.close());

function provider(): AtlassianProvider {
  return new AtlassianProvider(
    { orgId: org.orgId, apiKey: FAKE_KEY, baseUrl: org.baseUrl, directoryId: "-", unofficial: false, concurrency: 2, timeoutMs: 5000, maxRetries: 1 },
    { now: () => NOW, sleep: async () => {} },
  );
}

async function jenkinsPlan(): Promise<Plan> {
  const p = provider();
  const snapshot = await p.readSnapshot({ now: NOW });
  recorder.clear();
  return buildPlan({
    snapshot,
    report: smallReport([finding("u-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" })]),
    capabilities: p.capabilities,
    options: { oldAccount: "suspend" },
    planId: "p-groups",
    createdAt: NOW,
    provider: { name: "atlassian", baseUrl: org.baseUrl },
    source: { type: "provider" },
  }).plan;
}

async function apply(thePlan: Plan, p: DirectoryProvider) {
  const journal = await Journal.open(join(dir, "journal.jsonl"), { runId: `run-${Math.random()}`, now: () => NOW });
  const checked = await preflight(thePlan, { provider: p, journal: journalState(journal.records(), thePlan.id), now: () => NOW });
  return runApply(thePlan, checked, { provider: p, journal, sink: null, now: () => NOW });
}

/** The users-search requests that list users other than the ones named in `accountIds`. */
function wholeUserReads(): unknown[] {
  return recorder.to(/\/users\/search$/, "POST").filter((r) => !Array.isArray((r.body as { accountIds?: unknown }).accountIds));
}

describe("the group-grant check of a live apply", () => {
  it("reads the groups through listGroups, not every user, token and event of the directory", async () => {
    const thePlan = await jenkinsPlan();
    expect(thePlan.migrations[0]?.groups).toEqual([{ id: "g-automation", name: "automation", synced: false }]);
    const p = provider();
    expect(p.capabilities.listGroups).toBe(true);
    const result = await apply(thePlan, p);
    expect(result.migrations[0]?.outcome).not.toBe("failed");
    expect(org.writes.some((w) => /^add .* to g-automation/.test(w))).toBe(true);

    expect(recorder.to(/\/groups\/search$/, "POST").length).toBeGreaterThan(0);
    expect(wholeUserReads()).toEqual([]);
    expect(recorder.to(/\/events-stream$/)).toEqual([]);
    expect(recorder.to(/\/orgs\/[^/]+\/api-tokens$/)).toEqual([]);
  });

  it("takes names and kinds from what listGroups says: a group it reports as synced is refused as in the plan", async () => {
    const thePlan = await jenkinsPlan();
    const p = provider();
    const listGroups = p.listGroups.bind(p);
    Object.assign(p, { listGroups: async () => (await listGroups()).map((g) => (g.id === "g-automation" ? { ...g, managementSource: "synced" as const } : g)) });
    await expect(apply(thePlan, p)).rejects.toMatchObject({ code: "PLAN_IDENTITY", message: expect.stringMatching(/group automation \(g-automation\) is synced from the identity provider/) });
    expect(org.writes).toEqual([]);
  });

  it("falls back to reading the directory when the provider cannot list groups", async () => {
    const thePlan = await jenkinsPlan();
    const full = provider();
    const noList = Object.assign(Object.create(full) as AtlassianProvider, { capabilities: { ...full.capabilities, listGroups: false } });
    const result = await apply(thePlan, noList);
    expect(result.migrations[0]?.outcome).not.toBe("failed");
    expect(org.writes.some((w) => /^add .* to g-automation/.test(w))).toBe(true);
    expect(wholeUserReads().length).toBeGreaterThan(0);
  });

  it("refuses a listGroups answer that is not a list of groups, naming the provider", async () => {
    const thePlan = await jenkinsPlan();
    const p = provider();
    Object.assign(p, { listGroups: async () => [{ id: "g-automation" }] });
    await expect(apply(thePlan, p)).rejects.toMatchObject({ code: "SCHEMA_INVALID", message: expect.stringMatching(/atlassian provider's listGroups\(\)/) });
    expect(org.writes).toEqual([]);
  });
});

describe("the atlassian provider's listGroups", () => {
  it("follows the groups search's cursor to the end and marks IdP-synced groups", async () => {
    const groups = await provider().listGroups();
    expect(groups.map((g) => g.id)).toEqual(["g-automation", "g-users", "g-empty", "g-idp"]);
    expect(groups.find((g) => g.id === "g-idp")?.managementSource).toBe("synced");
    expect(groups.find((g) => g.id === "g-automation")?.name).toBe("automation");
    expect(groups.find((g) => g.id === "g-automation")?.managementSource).not.toBe("synced");
    // Two groups a page: two requests, the second with the first one's cursor.
    const pages = recorder.to(/\/groups\/search$/, "POST");
    expect(pages).toHaveLength(2);
    expect((pages[1]?.body as { cursor?: unknown }).cursor).toBeTruthy();
    expect(recorder.to(/\/users\/search$/)).toEqual([]);
  });
});

describe("the listGroups capability in the provider contract", () => {
  const base = { name: "x", orgId: null, readSnapshot: async () => null };
  const caps = {
    readSnapshot: true,
    createServiceAccount: false,
    deleteServiceAccount: false,
    grantAppRole: false,
    addToGroup: false,
    removeFromGroup: false,
    mintToken: false,
    listTokens: false,
    revokeToken: false,
    verifyToken: false,
    suspendAccount: false,
    restoreAccount: false,
    deactivateAccount: false,
    reactivateAccount: false,
  };

  it("is optional, needs listGroups when true, and must be a boolean", () => {
    expect(providerProblems({ ...base, capabilities: caps })).toEqual([]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: true }, listGroups: async () => [] })).toEqual([]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: true } })).toEqual(["listGroups: missing, but capabilities.listGroups is true and needs it"]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: "yes" } })).toEqual(["capabilities.listGroups: expected true or false (or leave it out)"]);
  });
});
