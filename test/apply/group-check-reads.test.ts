import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runApply } from "../../src/core/apply/engine.js";
import { preflight } from "../../src/core/apply/preflight.js";
import { Journal } from "../../src/core/journal/journal.js";
import { journalState } from "../../src/core/journal/state.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { NO_WRITE_CAPABILITIES, providerProblems, type DirectoryProvider } from "../../src/providers/provider.js";
import { NOW, useFakeAtlassian } from "./fake-atlassian.js";

const fake = useFakeAtlassian({ refuseServiceAccountTargets: false, tmpPrefix: "bot2svc-group-reads-" });

/** The Jenkins plan, with the requests its snapshot read took off the record. */
async function jenkinsPlan(): Promise<Plan> {
  const thePlan = await fake.jenkinsPlan("p-groups");
  fake.recorder.clear();
  return thePlan;
}

async function apply(thePlan: Plan, p: DirectoryProvider) {
  const journal = await Journal.open(join(fake.dir, "journal.jsonl"), { runId: `run-${Math.random()}`, now: () => NOW });
  const checked = await preflight(thePlan, { provider: p, journal: journalState(journal.records(), thePlan.id), now: () => NOW });
  return runApply(thePlan, checked, { provider: p, journal, sink: null, now: () => NOW });
}

/** The users-search requests that list users other than the ones named in `accountIds`. */
function wholeUserReads(): unknown[] {
  return fake.recorder.to(/\/users\/search$/, "POST").filter((r) => !Array.isArray((r.body as { accountIds?: unknown }).accountIds));
}

describe("the group-grant check of a live apply", () => {
  it("reads the groups through listGroups, not every user, token and event of the directory", async () => {
    const thePlan = await jenkinsPlan();
    expect(thePlan.migrations[0]?.groups).toEqual([{ id: "g-automation", name: "automation", synced: false }]);
    const p = fake.provider();
    expect(p.capabilities.listGroups).toBe(true);
    const result = await apply(thePlan, p);
    expect(result.migrations[0]?.outcome).not.toBe("failed");
    expect(fake.org.writes.some((w) => /^add .* to g-automation/.test(w))).toBe(true);

    expect(fake.recorder.to(/\/groups\/search$/, "POST").length).toBeGreaterThan(0);
    expect(wholeUserReads()).toEqual([]);
    expect(fake.recorder.to(/\/events-stream$/)).toEqual([]);
    expect(fake.recorder.to(/\/orgs\/[^/]+\/api-tokens$/)).toEqual([]);
  });

  it("takes names and kinds from what listGroups says: a group it reports as synced is refused as in the plan", async () => {
    const thePlan = await jenkinsPlan();
    const p = fake.provider();
    const listGroups = p.listGroups.bind(p);
    Object.assign(p, { listGroups: async () => (await listGroups()).map((g) => (g.id === "g-automation" ? { ...g, managementSource: "synced" as const } : g)) });
    await expect(apply(thePlan, p)).rejects.toMatchObject({ code: "PLAN_IDENTITY", message: expect.stringMatching(/group automation \(g-automation\) is synced from the identity provider/) });
    expect(fake.org.writes).toEqual([]);
  });

  it("falls back to reading the directory when the provider cannot list groups", async () => {
    const thePlan = await jenkinsPlan();
    const full = fake.provider();
    const noList = Object.assign(Object.create(full) as AtlassianProvider, { capabilities: { ...full.capabilities, listGroups: false } });
    const result = await apply(thePlan, noList);
    expect(result.migrations[0]?.outcome).not.toBe("failed");
    expect(fake.org.writes.some((w) => /^add .* to g-automation/.test(w))).toBe(true);
    expect(wholeUserReads().length).toBeGreaterThan(0);
  });

  it("refuses a listGroups answer that is not a list of groups, naming the provider", async () => {
    const thePlan = await jenkinsPlan();
    const p = fake.provider();
    Object.assign(p, { listGroups: async () => [{ id: "g-automation" }] });
    await expect(apply(thePlan, p)).rejects.toMatchObject({ code: "SCHEMA_INVALID", message: expect.stringMatching(/atlassian provider's listGroups\(\)/) });
    expect(fake.org.writes).toEqual([]);
  });
});

describe("the atlassian provider's listGroups", () => {
  it("follows the groups search's cursor to the end and marks IdP-synced groups", async () => {
    const groups = await fake.provider().listGroups();
    expect(groups.map((g) => g.id)).toEqual(["g-automation", "g-users", "g-empty", "g-idp"]);
    expect(groups.find((g) => g.id === "g-idp")?.managementSource).toBe("synced");
    expect(groups.find((g) => g.id === "g-automation")?.name).toBe("automation");
    expect(groups.find((g) => g.id === "g-automation")?.managementSource).not.toBe("synced");
    // Two groups a page: two requests, the second with the first one's cursor.
    const pages = fake.recorder.to(/\/groups\/search$/, "POST");
    expect(pages).toHaveLength(2);
    expect((pages[1]?.body as { cursor?: unknown }).cursor).toBeTruthy();
    expect(fake.recorder.to(/\/users\/search$/)).toEqual([]);
  });
});

describe("the listGroups capability in the provider contract", () => {
  const base = { name: "x", orgId: null, readSnapshot: async () => null };
  const caps = NO_WRITE_CAPABILITIES;

  it("is optional, needs listGroups when true, and must be a boolean", () => {
    expect(providerProblems({ ...base, capabilities: caps })).toEqual([]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: true }, listGroups: async () => [] })).toEqual([]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: true } })).toEqual(["listGroups: missing, but capabilities.listGroups is true and needs it"]);
    expect(providerProblems({ ...base, capabilities: { ...caps, listGroups: "yes" } })).toEqual(["capabilities.listGroups: expected true or false (or leave it out)"]);
  });
});
