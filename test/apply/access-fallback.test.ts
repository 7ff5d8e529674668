import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runApply } from "../../src/core/apply/engine.js";
import { preflight } from "../../src/core/apply/preflight.js";
import { runRollback } from "../../src/core/apply/rollback.js";
import { Journal } from "../../src/core/journal/journal.js";
import { journalState } from "../../src/core/journal/state.js";
import type { Plan } from "../../src/core/plan/schema.js";
import { NOW, useFakeAtlassian } from "./fake-atlassian.js";

const JIRA_SITE = "ari:cloud:jira::site/c0ffee00-0000-4000-8000-000000000001";
const fake = useFakeAtlassian({ refuseServiceAccountTargets: true, tmpPrefix: "bot2svc-access-" });
const plan = () => fake.jenkinsPlan("p-access");

async function apply(thePlan: Plan) {
  const p = fake.provider();
  const journal = await Journal.open(join(fake.dir, "journal.jsonl"), { runId: `run-${Math.random()}`, now: () => NOW });
  const checked = await preflight(thePlan, { provider: p, journal: journalState(journal.records(), thePlan.id) });
  return runApply(thePlan, checked, { provider: p, journal, sink: null, now: () => NOW });
}

describe("access writes a service account is refused", () => {
  it("pause on a manual step with exact instructions, go on only once the access is there, and never touch the old account before", async () => {
    const thePlan = await plan();
    const m = thePlan.migrations[0]!;
    expect(m.appRoles).toEqual([{ key: "jira-software", role: "atlassian/user", resource: JIRA_SITE }]);
    expect(m.groups).toEqual([{ id: "g-automation", name: "automation", synced: false }]);

    // 1. roles/assign refuses the service account: the migration waits at grant.
    let result = await apply(thePlan);
    let r = result.migrations[0]!;
    expect(r.outcome).toBe("waiting");
    expect(r.waiting).toMatchObject({ step: "grant", reason: "manual-access" });
    const text = r.waiting?.instructions?.join("\n") ?? "";
    expect(text).toContain("https://admin.atlassian.com → Directory → Service accounts → Jenkins CI");
    expect(text).toMatch(/Jira on https:\/\/acme\.atlassian\.net \(ari:cloud:jira::site\/c0ffee00-0000-4000-8000-000000000001\): role User/);
    expect(text).toContain("404 USER_NOT_FOUND");
    // The group was tried too, so every manual step is listed at once.
    expect(text).toMatch(/Directory → Groups.*\n.*automation \(g-automation\)/);
    const created = fake.org.serviceAccounts.find((sa) => sa.id.startsWith("sa-coll-new"));
    expect(created).toBeDefined();
    expect(fake.org.writes.filter((w) => !w.startsWith("create"))).toEqual([]);
    expect(fake.org.users.find((u) => u.accountId === "u-jenkins")?.status).toBe("active");

    // 2. Resumed before the admin acted: still waiting, nothing else done.
    result = await apply(thePlan);
    expect(result.migrations[0]?.waiting).toMatchObject({ step: "grant", reason: "manual-access" });

    // 3. The admin gave app access in the console: grant is verified, group is refused next.
    created.productAccess = [{ key: "jira-software", id: JIRA_SITE }];
    result = await apply(thePlan);
    r = result.migrations[0]!;
    expect(r.waiting).toMatchObject({ step: "group", reason: "manual-access" });
    expect(r.waiting?.instructions?.join("\n")).toMatch(/Directory → Groups.*\n.*automation \(g-automation\)/);
    // Every membership write named the real directory, never `-`.
    expect(fake.recorder.requests.filter((q) => q.path.includes("/memberships")).every((q) => q.path.includes("/directories/dir-acme/"))).toBe(true);

    // 4. The admin added it to the group: group is verified and the migration goes on (to the
    // token, which this provider leaves to a person) while the old account stays untouched.
    created.groups = [{ id: "g-automation", name: "automation" }];
    result = await apply(thePlan);
    r = result.migrations[0]!;
    expect(r.waiting).toMatchObject({ step: "mint", reason: "manual-token" });
    expect(fake.org.users.find((u) => u.accountId === "u-jenkins")?.status).toBe("active");
    expect(fake.org.serviceAccounts.filter((sa) => sa.id.startsWith("sa-coll-new"))).toHaveLength(1);
  });

  it("grants through the API when Atlassian accepts the service account, with a role name on the workspace", async () => {
    fake.org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    const result = await apply(thePlan);
    expect(result.migrations[0]?.waiting).toMatchObject({ step: "mint", reason: "manual-token" });
    expect(fake.org.writes.filter((w) => !w.startsWith("create"))).toEqual([
      `assign atlassian/user on ${JIRA_SITE} to sa-acct-new-1`,
      "add sa-acct-new-1 to g-automation in dir-acme",
    ]);

    // Rollback revokes the new account's tokens with the documented revoke-all call, then
    // removes it from its group and deletes it.
    fake.org.writes.length = 0;
    const journal = await Journal.open(join(fake.dir, "journal.jsonl"), { runId: "rollback", now: () => NOW });
    const undone = await runRollback({ provider: fake.provider(), journal });
    expect(undone.actions.filter((a) => a.status === "failed")).toEqual([]);
    expect(fake.org.writes).toEqual(["revoke all tokens of sa-coll-new-1", "remove sa-acct-new-1 from g-automation in dir-acme", "delete sa-coll-new-1"]);
  });

  it("sends a role name on the workspace even for a plan that recorded a product-role ARI", async () => {
    fake.org.refuseServiceAccountTargets = false;
    const thePlan = await plan();
    thePlan.migrations[0]!.appRoles = [{ key: "jira-software", role: "ari:cloud:jira-software::role/product/member", resource: "ari:cloud:jira-software::site/c0ffee00-0000-4000-8000-000000000001" }];
    await apply(thePlan);
    expect(fake.org.writes).toContain(`assign atlassian/user on ${JIRA_SITE} to sa-acct-new-1`);
  });
});
