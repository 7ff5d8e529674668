import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/core/apply/engine.js";
import { preflight } from "../../src/core/apply/preflight.js";
import { runRollback } from "../../src/core/apply/rollback.js";
import { Journal } from "../../src/core/journal/journal.js";
import { journalState } from "../../src/core/journal/state.js";
import type { Plan } from "../../src/core/plan/schema.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { AtlassianProvider } from "../../src/providers/atlassian/atlassian-provider.js";
import { ProviderError, type DirectoryProvider } from "../../src/providers/provider.js";
import { makeTempDir, runCli } from "../helpers/run-cli.js";
import { NOW, useFakeAtlassian } from "./fake-atlassian.js";
import { envFor, fetchState, makePlan, normalizeState, savePlan, startOrg } from "./harness.js";

const fake = useFakeAtlassian({ refuseServiceAccountTargets: true, tmpPrefix: "bot2svc-rollback-paused-", onUnhandledRequest: "bypass" });
const plan = () => fake.jenkinsPlan("p-paused");
let emu: RunningEmulator | undefined;

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function openJournal(runId: string): Promise<Journal> {
  return Journal.open(join(fake.dir, "journal.jsonl"), { runId, now: () => NOW });
}

async function apply(thePlan: Plan, p: DirectoryProvider = fake.provider()) {
  const journal = await openJournal(`run-${Math.random()}`);
  const checked = await preflight(thePlan, { provider: p, journal: journalState(journal.records(), thePlan.id) });
  return runApply(thePlan, checked, { provider: p, journal, sink: null, now: () => NOW });
}

describe("rollback of an apply that paused for access given by hand", () => {
  it("removes no membership the journal did not add, and deletes the service account", async () => {
    const thePlan = await plan();
    const result = await apply(thePlan);
    expect(result.migrations[0]?.waiting).toMatchObject({ reason: "manual-access" });
    expect(fake.org.serviceAccounts.filter((sa) => sa.id.startsWith("sa-coll-new"))).toHaveLength(1);

    fake.org.writes.length = 0;
    const undone = await runRollback({ provider: fake.provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(undone.actions.find((a) => a.step === "group")).toMatchObject({ status: "nothing-to-do" });
    // No membership removal was even tried: the journal says none was added.
    expect(fake.recorder.requests.filter((q) => q.method === "DELETE" && q.path.includes("/memberships"))).toEqual([]);
    expect(fake.org.writes).toEqual(["delete sa-coll-new-1"]);
    expect(fake.org.serviceAccounts.filter((sa) => sa.id.startsWith("sa-coll-new"))).toEqual([]);
  });

  it("removes only the memberships the journal recorded, even when the admin added others by hand", async () => {
    fake.org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    // The grant is refused (the role write fails), the group write is accepted.
    const p = fake.provider();
    const refusing = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      grantAppRole: async () => {
        const { AccessWriteRefusedError } = await import("../../src/providers/provider.js");
        throw new AccessWriteRefusedError("grant", "atlassian/user", "refused", 404, "USER_NOT_FOUND");
      },
    });
    const result = await apply(thePlan, refusing);
    expect(result.migrations[0]?.waiting).toMatchObject({ step: "grant", reason: "manual-access" });
    expect(fake.org.writes.filter((w) => w.startsWith("add"))).toEqual(["add sa-acct-new-1 to g-automation in dir-acme"]);

    // The admin gave the account another group by hand while the migration waited.
    const created = fake.org.serviceAccounts.find((sa) => sa.id === "sa-coll-new-1");
    created.groups = [
      { id: "g-automation", name: "automation" },
      { id: "g-users", name: "users" },
    ];

    fake.org.writes.length = 0;
    const undone = await runRollback({ provider: fake.provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(fake.org.writes).toEqual(["remove sa-acct-new-1 from g-automation in dir-acme", "delete sa-coll-new-1"]);
  });

  it.each([
    { when: "before", removed: [] as string[] },
    { when: "after", removed: ["remove sa-acct-new-1 from g-automation in dir-acme"] },
  ])("reads the live membership when the group step crashed $when its write and the journal cannot say", async ({ when, removed }) => {
    fake.org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    const p = fake.provider();
    const crashing = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      addToGroup: async (groupId: string, accountId: string) => {
        if (when === "after") {
          await p.addToGroup(groupId, accountId);
          const sa = fake.org.serviceAccounts.find((x) => x.atlassianId === accountId);
          sa.groups = [{ id: groupId, name: "automation" }];
        }
        throw new Error("connection reset");
      },
    });
    const first = await apply(thePlan, crashing);
    expect(first.migrations[0]?.failed).toMatchObject({ step: "group" });

    fake.org.writes.length = 0;
    const undone = await runRollback({ provider: fake.provider(), journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(fake.org.writes).toEqual([...removed, "delete sa-coll-new-1"]);
  });

  it("treats 'not found' on a membership removal as already undone", async () => {
    fake.org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    await apply(thePlan);
    expect(fake.org.writes).toContain("add sa-acct-new-1 to g-automation in dir-acme");
    const p = fake.provider();
    const gone = Object.assign(Object.create(Object.getPrototypeOf(p) as object) as AtlassianProvider, p, {
      removeFromGroup: async () => {
        throw new ProviderError("not-found", "404 USER_NOT_FOUND");
      },
    });
    fake.org.writes.length = 0;
    const undone = await runRollback({ provider: gone, journal: await openJournal("rollback") });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(undone.actions.find((a) => a.step === "group")).toMatchObject({ status: "nothing-to-do" });
    expect(fake.org.writes).toContain("delete sa-coll-new-1");
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
