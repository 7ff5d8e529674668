import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/core/apply/engine.js";
import { preflight } from "../../src/core/apply/preflight.js";
import { runRollback } from "../../src/core/apply/rollback.js";
import { Journal } from "../../src/core/journal/journal.js";
import { journalState } from "../../src/core/journal/state.js";
import { buildPlan } from "../../src/core/plan/planner.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { ProviderError, type DirectoryProvider } from "../../src/providers/provider.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { atlassianHandlers, FAKE_KEY, makeFakeOrg, type FakeOrg } from "../msw/atlassian/index.js";
import { RequestRecorder } from "../msw/recorder.js";
import { finding, smallReport } from "../plan/builders.js";
import { envFor, fetchState, makePlan, normalizeState, savePlan, startOrg } from "./harness.js";

const NOW = new Date("2026-11-01T00:00:00Z");
const server = setupServer();
const recorder = new RequestRecorder();
let org: FakeOrg;
let dir: string;
let emu: RunningEmulator | undefined;

beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
beforeEach(async () => {
  org = makeFakeOrg({ refuseServiceAccountTargets: true });
  server.resetHandlers(...atlassianHandlers(org, recorder));
  dir = await mkdtemp(join(tmpdir(), "bot2svc-rollback-paused-"));
});
afterEach(async () => {
  recorder.clear();
  await emu?.close();
  emu = undefined;
  await rm(dir, { recursive: true, force: true });
});
afterAll(() => server.close());

function provider(): AtlassianProvider {
  return new AtlassianProvider(
    { orgId: org.orgId, apiKey: FAKE_KEY, baseUrl: org.baseUrl, directoryId: "-", unofficial: false, concurrency: 2, timeoutMs: 5000, maxRetries: 1 },
    { now: () => NOW, sleep: async () => {} },
  );
}

async function plan(): Promise<Plan> {
  const p = provider();
  const snapshot = await p.readSnapshot({ now: NOW });
  return buildPlan({
    snapshot,
    report: smallReport([finding("u-jenkins", "bot", { name: "Jenkins CI", email: "jenkins@acme.com" })]),
    capabilities: p.capabilities,
    options: { oldAccount: "suspend" },
    planId: "p-paused",
    createdAt: NOW,
    provider: { name: "atlassian", baseUrl: org.baseUrl },
    source: { type: "provider" },
  }).plan;
}

async function openJournal(runId: string): Promise<Journal> {
  return Journal.open(join(dir, "journal.jsonl"), { runId, now: () => NOW });
}

async function apply(thePlan: Plan, p: DirectoryProvider = provider()) {
  const journal = await openJournal(`run-${Math.random()}`);
  const checked = await preflight(thePlan, { provider: p, journal: journalState(journal.records(), thePlan.id) });
  return runApply(thePlan, checked, { provider: p, journal, sink: null, now: () => NOW });
}

describe("rollback of an apply that paused for access given by hand", () => {
  it("removes no membership the journal did not add, and deletes the service account", async () => {
    const thePlan = await plan();
    const result = await apply(thePlan);
    expect(result.migrations[0]?.waiting).toMatchObject({ reason: "manual-access" });
    expect(org.serviceAccounts.filter((sa) => sa.id.startsWith("sa-coll-new"))).toHaveLength(1);

    org.writes.length = 0;
    const undone = await runRollback({ provider: provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(undone.actions.find((a) => a.step === "group")).toMatchObject({ status: "nothing-to-do" });
    // No membership removal was even tried: the journal says none was added.
    expect(recorder.requests.filter((q) => q.method === "DELETE" && q.path.includes("/memberships"))).toEqual([]);
    expect(org.writes).toEqual(["delete sa-coll-new-1"]);
    expect(org.serviceAccounts.filter((sa) => sa.id.startsWith("sa-coll-new"))).toEqual([]);
  });

  it("removes only the memberships the journal recorded, even when the admin added others by hand", async () => {
    org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    // The grant is refused (the role write fails), the group write is accepted.
    const p = provider();
    const refusing = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      grantAppRole: async () => {
        const { AccessWriteRefusedError } = await import("../../src/providers/provider.js");
        throw new AccessWriteRefusedError("grant", "atlassian/user", "refused", 404, "USER_NOT_FOUND");
      },
    });
    const result = await apply(thePlan, refusing);
    expect(result.migrations[0]?.waiting).toMatchObject({ step: "grant", reason: "manual-access" });
    expect(org.writes.filter((w) => w.startsWith("add"))).toEqual(["add sa-acct-new-1 to g-automation in dir-acme"]);

    // The admin gave the account another group by hand while the migration waited.
    const created = org.serviceAccounts.find((sa) => sa.id === "sa-coll-new-1");
    created.groups = [
      { id: "g-automation", name: "automation" },
      { id: "g-users", name: "users" },
    ];

    org.writes.length = 0;
    const undone = await runRollback({ provider: provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(org.writes).toEqual(["remove sa-acct-new-1 from g-automation in dir-acme", "delete sa-coll-new-1"]);
  });

  it.each([
    { when: "before", removed: [] as string[] },
    { when: "after", removed: ["remove sa-acct-new-1 from g-automation in dir-acme"] },
  ])("reads the live membership when the group step crashed $when its write and the journal cannot say", async ({ when, removed }) => {
    org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    const p = provider();
    const crashing = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      addToGroup: async (groupId: string, accountId: string) => {
        if (when === "after") {
          await p.addToGroup(groupId, accountId);
          const sa = org.serviceAccounts.find((x) => x.atlassianId === accountId);
          sa.groups = [{ id: groupId, name: "automation" }];
        }
        throw new Error("connection reset");
      },
    });
    const first = await apply(thePlan, crashing);
    expect(first.migrations[0]?.failed).toMatchObject({ step: "group" });

    org.writes.length = 0;
    const undone = await runRollback({ provider: provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(org.writes).toEqual([...removed, "delete sa-coll-new-1"]);
  });

  it("treats 'not found' on a membership removal as already undone", async () => {
    org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    await apply(thePlan);
    expect(org.writes).toContain("add sa-acct-new-1 to g-automation in dir-acme");
    const p = provider();
    const gone = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      removeFromGroup: async () => {
        throw new ProviderError("not-found", "404 USER_NOT_FOUND");
      },
    });
    org.writes.length = 0;
    const undone = await runRollback({ provider: gone, journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(undone.actions.find((a) => a.step === "group")).toMatchObject({ status: "nothing-to-do" });
    expect(org.writes).toContain("delete sa-coll-new-1");
  });
});

describe("rollback after a paused apply, through the CLI against the emulator in refuse mode", () => {
  it("apply pauses with exit 4, rollback exits 0 and deletes every service account it created", async () => {
    emu = await startOrg({ serviceAccountWrites: "refuse" });
    const cwd = makeTempDir();
    const thePlan = makePlan();
    await savePlan(cwd, thePlan);
    const env = envFor(emu);
    const before = await fetchState(emu);

    const applied = await runCli(["apply", "plan.json", "--yes", "--secrets-dir", "secrets"], { cwd, env });
    expect(applied.code).toBe(4);
    expect((await fetchState(emu)).serviceAccounts).toHaveLength(thePlan.migrations.length);

    const rollback = await runCli(["rollback", "--yes"], { cwd, env });
    expect(rollback.stderr).not.toMatch(/USER_NOT_FOUND|kept the service account/);
    expect(rollback.code).toBe(0);
    const after = await fetchState(emu);
    expect(after.serviceAccounts).toEqual([]);
    expect(normalizeState(after)).toEqual(normalizeState(before));

    const status = await runCli(["status", "--json"], { cwd, env });
    expect(JSON.parse(status.stdout).summary).toMatchObject({ waiting: 0, failed: 0 });
  });
});
